import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Compiled page bodies from earlier builds, keyed by everything the output depends on, so that an
 * unchanged page is never compiled twice. One JSON file; entries not used by a build are dropped.
 */
export class CompileCache {
  private readonly previous: Record<string, string>;
  private readonly current = new Map<string, string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    previous: Record<string, string>,
  ) {
    this.previous = previous;
  }

  static load(file: string): CompileCache {
    let previous: Record<string, string> = {};
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object') previous = parsed as Record<string, string>;
    } catch {
      // No cache yet, or a damaged one: start empty, it is only a cache.
    }
    return new CompileCache(file, previous);
  }

  static key(parts: readonly unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): string | undefined {
    const code = this.current.get(key) ?? this.previous[key];
    if (code !== undefined) this.current.set(key, code);
    return code;
  }

  set(key: string, code: string): void {
    this.current.set(key, code);
    this.changed = true;
  }

  /** Writes the entries this build used; written whole to a temporary file and renamed, so never half-written. */
  save(): void {
    if (!this.changed && this.current.size === Object.keys(this.previous).length) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.current)));
    fs.renameSync(temporary, this.file);
  }
}
