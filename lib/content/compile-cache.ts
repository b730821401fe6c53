import crypto from 'node:crypto';
import { FileStore } from '@/lib/file-store';
import type { CompiledBody } from '@/lib/markdown';

/**
 * Compiled page bodies from earlier builds, keyed by everything the output depends on, so that an
 * unchanged page is never compiled twice. A store of one file per body (lib/file-store.ts): a build that
 * compiles one page writes one file. After each build only the entries that build used are kept, so the
 * cache never outgrows the site (also on a long-running dev server, which keeps what it read in memory).
 */
export class CompileCache {
  private used = new Set<string>();
  private readonly store: FileStore<CompiledBody>;
  private readonly read = new Map<string, CompiledBody>();

  constructor(folder: string) {
    this.store = new FileStore(folder);
  }

  static key(parts: readonly unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /** Starts counting which entries a build uses. */
  startBuild(): void {
    this.used = new Set();
  }

  get(key: string): CompiledBody | undefined {
    let body = this.read.get(key);
    if (body === undefined) {
      body = this.store.get(key);
      if (body !== undefined) this.read.set(key, body);
    }
    if (body !== undefined) this.used.add(key);
    return body;
  }

  set(key: string, body: CompiledBody): void {
    this.store.set(key, body);
    this.read.set(key, body);
    this.used.add(key);
  }

  /** Drops what the build did not use, on disk and in memory. */
  save(): void {
    this.store.keepOnly(this.used);
    for (const key of [...this.read.keys()]) if (!this.used.has(key)) this.read.delete(key);
  }
}
