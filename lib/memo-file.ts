import crypto from 'node:crypto';
import { readJsonObject, writeJsonAtomically } from '@/lib/json-file';

/**
 * Small results worked out from a large input (a page body's opening, an HTML file's weight), kept between
 * builds in one JSON file and keyed by a digest of everything the result depends on. Where each entry is a few
 * hundred bytes, one file read at start beats a file per entry (lib/file-store.ts): a build of 1000 unchanged
 * pages reads one file instead of parsing 1000 bodies or gzipping 1000 pages. Only the entries a build used are
 * written back, so the file never outgrows the site; a file that is missing or does not parse starts empty.
 */
export class MemoFile<T> {
  private readonly stored: Record<string, T>;
  private used = new Map<string, T>();
  private added = 0;

  /** `file` undefined keeps the memo in memory only (the dev server's, which lives as long as its process). */
  constructor(private readonly file: string | undefined) {
    this.stored = (file === undefined ? undefined : readJsonObject<T>(file)) ?? {};
  }

  /** A digest of everything a result depends on, as its key. */
  static key(parts: readonly unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /**
   * The key of a result worked out from a file's bytes: `context` (as for key) and the bytes, hashed as they are.
   * For a page of HTML, decoding it and escaping it into JSON for key() cost four times the hashing.
   */
  static contentKey(context: readonly unknown[], content: Uint8Array): string {
    // JSON escapes every control character, so no context ends in the NUL that separates it from the bytes.
    return crypto.createHash('sha256').update(JSON.stringify(context)).update('\0').update(content).digest('hex');
  }

  /** Whether a result is stored under `key`. */
  has(key: string): boolean {
    return this.used.has(key) || Object.hasOwn(this.stored, key);
  }

  /** The result stored under `key`, or `make()`'s, stored. */
  get(key: string, make: () => T): T {
    let value = this.used.get(key);
    if (value !== undefined) return value;
    value = Object.hasOwn(this.stored, key) ? this.stored[key] : undefined;
    if (value === undefined) {
      value = make();
      this.stored[key] = value;
      this.added++;
    }
    this.used.set(key, value);
    return value;
  }

  /**
   * Writes the entries used since the last save (when they differ from what the file holds) and starts
   * counting afresh; the others are dropped, in memory too.
   */
  save(): void {
    const storedKeys = Object.keys(this.stored);
    const changed = this.added > 0 || storedKeys.length !== this.used.size;
    for (const key of storedKeys) if (!this.used.has(key)) delete this.stored[key];
    if (changed && this.file !== undefined) writeJsonAtomically(this.file, Object.fromEntries(this.used));
    this.used = new Map();
    this.added = 0;
  }
}
