import crypto from 'node:crypto';
import { readJsonObject, writeJsonAtomically } from '@/lib/json-file';
import type { CompiledBody } from '@/lib/markdown';

/**
 * Compiled page bodies from earlier builds, keyed by everything the output depends on, so that an
 * unchanged page is never compiled twice. One JSON file; after each build only the entries that build
 * used are kept, so the cache never outgrows the site (also on a long-running dev server).
 */
export class CompileCache {
  private used = new Set<string>();
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, CompiledBody>,
  ) {}

  static load(file: string): CompileCache {
    // No cache yet, or a damaged one: start empty, it is only a cache.
    return new CompileCache(file, new Map(Object.entries(readJsonObject<CompiledBody>(file) ?? {})));
  }

  static key(parts: readonly unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /** Starts counting which entries a build uses. */
  startBuild(): void {
    this.used = new Set();
    this.changed = false;
  }

  get(key: string): CompiledBody | undefined {
    const body = this.entries.get(key);
    if (body !== undefined) this.used.add(key);
    return body;
  }

  set(key: string, body: CompiledBody): void {
    this.entries.set(key, body);
    this.used.add(key);
    this.changed = true;
  }

  /** Drops what the build did not use and writes the rest (never half-written). */
  save(): void {
    const unused = [...this.entries.keys()].filter((key) => !this.used.has(key));
    if (!this.changed && unused.length === 0) return;
    for (const key of unused) this.entries.delete(key);
    writeJsonAtomically(this.file, Object.fromEntries(this.entries));
  }
}
