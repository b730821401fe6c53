import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CompiledBody } from '@/lib/markdown';

/**
 * Compiled page bodies from earlier builds, keyed by everything the output depends on, so that an
 * unchanged page is never compiled twice. One JSON file; entries not used by a build are dropped.
 */
export class CompileCache {
  private readonly previous: Record<string, CompiledBody>;
  private readonly current = new Map<string, CompiledBody>();
  private changed = false;

  private constructor(
    private readonly file: string,
    previous: Record<string, CompiledBody>,
  ) {
    this.previous = previous;
  }

  static load(file: string): CompileCache {
    let previous: Record<string, CompiledBody> = {};
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object') previous = parsed as Record<string, CompiledBody>;
    } catch {
      // No cache yet, or a damaged one: start empty, it is only a cache.
    }
    return new CompileCache(file, previous);
  }

  static key(parts: readonly unknown[]): string {
    return crypto.createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  get(key: string): CompiledBody | undefined {
    const body = this.current.get(key) ?? this.previous[key];
    if (body !== undefined) this.current.set(key, body);
    return body;
  }

  set(key: string, body: CompiledBody): void {
    this.current.set(key, body);
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
