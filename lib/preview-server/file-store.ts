/**
 * The served folder's files, looked up the way a static host does (`/about/` → about/index.html,
 * `/about` → about.html) and kept in memory with their validators and gzip form.
 *
 * Every lookup resolves symlinks and checks that the real path is still inside the folder's real path,
 * so a link inside the folder that points elsewhere is "not found" rather than a way out. Every lookup
 * also stats the file, and a cached entry is used only while the file's inode, size and mtime are
 * unchanged: a rebuild of the folder (files rewritten, or the folder swapped for a new one) shows on
 * the next request. Files above `maxCachedFileBytes` are streamed from disk and sent uncompressed.
 */
import { createHash } from 'node:crypto';
import fsSync, { type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { contentTypeFor, isCompressible } from './content-types';

const gzipAsync = promisify(zlib.gzip);

export interface GzipForm {
  body: Buffer;
  etag: string;
}

export interface StaticFile {
  realPath: string;
  size: number;
  mtime: Date;
  contentType: string;
  /** Strong validator of the uncompressed bytes. */
  etag: string;
  /** The bytes, for files small enough to hold; undefined means stream `realPath`. */
  body: Buffer | undefined;
  /** The gzip form with its own strong validator, or undefined when it would not be smaller (or the type is compressed already). */
  gzip: () => Promise<GzipForm | undefined>;
}

export type Lookup =
  | { kind: 'file'; file: StaticFile }
  /** A folder with an index.html asked for without its trailing slash. */
  | { kind: 'folder-without-slash' }
  | { kind: 'missing' };

export interface FileStoreOptions {
  /** Keep file contents, validators and gzip forms in memory between requests (default true). */
  cache?: boolean;
  /** Larger files are streamed, not held (default 1 MiB). */
  maxCachedFileBytes?: number;
  /** Upper bound of the bytes held, originals and gzip forms together (default 64 MiB). */
  maxCacheBytes?: number;
}

interface CacheEntry {
  file: StaticFile;
  identity: string;
  bytes: number;
}

export class FileStore {
  readonly root: string;
  private realRoot: string | undefined;
  private readonly cache = new Map<string, CacheEntry>();
  private cachedBytes = 0;
  private readonly useCache: boolean;
  private readonly maxCachedFileBytes: number;
  private readonly maxCacheBytes: number;

  constructor(root: string, options: FileStoreOptions = {}) {
    this.root = path.resolve(root);
    this.useCache = options.cache ?? true;
    this.maxCachedFileBytes = options.maxCachedFileBytes ?? 1024 * 1024;
    this.maxCacheBytes = options.maxCacheBytes ?? 64 * 1024 * 1024;
  }

  /** What a request for `segments` (plain names from resolveRequestPath) finds. */
  async lookup(segments: readonly string[], trailingSlash: boolean): Promise<Lookup> {
    if (trailingSlash) return asLookup(await this.file([...segments, 'index.html']));
    const found = await this.file(segments);
    if (found === 'folder') {
      return typeof (await this.file([...segments, 'index.html'])) === 'object' ? { kind: 'folder-without-slash' } : { kind: 'missing' };
    }
    if (found) return { kind: 'file', file: found };
    const last = segments.at(-1);
    if (last === undefined) return { kind: 'missing' };
    // Pretty URLs as static hosts serve them: /about → about.html.
    return asLookup(await this.file([...segments.slice(0, -1), `${last}.html`]));
  }

  /** The file at `segments` below the root, 'folder' for a folder, undefined for nothing (or nothing inside the root). */
  async file(segments: readonly string[]): Promise<StaticFile | 'folder' | undefined> {
    const candidate = path.join(this.root, ...segments);
    // Synchronous on purpose: a stat of a local file takes microseconds, less than a round trip to
    // libuv's thread pool, and a miss answers `undefined` instead of building an exception.
    let stats: Stats | undefined;
    let realPath: string;
    try {
      stats = fsSync.statSync(candidate, { throwIfNoEntry: false });
      if (!stats) return undefined;
      realPath = fsSync.realpathSync.native(candidate);
      if (!this.isInsideRoot(realPath)) return undefined;
    } catch (error) {
      // Also the moment a rebuild swaps the folder: the next request finds the new one.
      if (isMissing(error)) return undefined;
      throw error;
    }
    if (stats.isDirectory()) return 'folder';
    if (!stats.isFile()) return undefined;
    return this.load(realPath, stats);
  }

  /** Bytes held in memory now. */
  get memoryBytes(): number {
    return this.cachedBytes;
  }

  private isInsideRoot(realPath: string): boolean {
    // The root's real path is remembered, and looked up again before saying no: a build that swaps a
    // symlinked out/ to a new folder moves the root, and must not make every file "outside".
    for (let attempt = 0; attempt < 2; attempt++) {
      if (this.realRoot === undefined || attempt === 1) this.realRoot = fsSync.realpathSync.native(this.root);
      if (realPath === this.realRoot || realPath.startsWith(this.realRoot + path.sep)) return true;
    }
    return false;
  }

  private async load(realPath: string, stats: Stats): Promise<StaticFile> {
    const identity = `${stats.dev}:${stats.ino}:${stats.size}:${stats.mtimeMs}`;
    const cached = this.cache.get(realPath);
    if (cached && cached.identity === identity) {
      // Most recently used last, so eviction takes the least recently used first.
      this.cache.delete(realPath);
      this.cache.set(realPath, cached);
      return cached.file;
    }
    if (cached) this.forget(realPath, cached);

    const contentType = contentTypeFor(realPath);
    if (stats.size > this.maxCachedFileBytes) {
      // Validator from the file's identity, as nginx and Apache do for files they do not read.
      const tag = `${stats.size.toString(36)}-${Math.floor(stats.mtimeMs * 1000).toString(36)}-${stats.ino.toString(36)}`;
      return { realPath, size: stats.size, mtime: stats.mtime, contentType, etag: `"${tag}"`, body: undefined, gzip: async () => undefined };
    }

    const body = await fs.readFile(realPath);
    const hash = createHash('sha256').update(body).digest('base64url').slice(0, 27);
    let gzipped: Promise<GzipForm | undefined> | undefined;
    const file: StaticFile = {
      realPath,
      // The bytes read are what is sent, even if the file changed between stat and read.
      size: body.length,
      mtime: stats.mtime,
      contentType,
      etag: `"${hash}"`,
      body,
      gzip: () => {
        gzipped ??= compress(body, contentType).then((compressed) => {
          if (compressed && this.cache.get(realPath)?.file === file) this.account(realPath, compressed.length);
          return compressed && { body: compressed, etag: `"${hash}-gzip"` };
        });
        return gzipped;
      },
    };
    if (this.useCache) {
      this.cache.set(realPath, { file, identity, bytes: 0 });
      this.account(realPath, body.length);
    }
    return file;
  }

  private account(realPath: string, bytes: number): void {
    const entry = this.cache.get(realPath);
    if (!entry) return;
    entry.bytes += bytes;
    this.cachedBytes += bytes;
    for (const [key, oldest] of this.cache) {
      if (this.cachedBytes <= this.maxCacheBytes || key === realPath) break;
      this.forget(key, oldest);
    }
  }

  private forget(key: string, entry: CacheEntry): void {
    this.cache.delete(key);
    this.cachedBytes -= entry.bytes;
  }
}

async function compress(body: Buffer, contentType: string): Promise<Buffer | undefined> {
  if (!isCompressible(contentType)) return undefined;
  // Level 9 as static hosts' precompression does, so that sizes measured through the preview are the
  // sizes visitors download; with the cache, each file version is compressed once.
  const compressed = await gzipAsync(body, { level: 9 });
  return compressed.length < body.length ? compressed : undefined;
}

function asLookup(found: StaticFile | 'folder' | undefined): Lookup {
  return typeof found === 'object' ? { kind: 'file', file: found } : { kind: 'missing' };
}

/** Errors that mean "no such file here" for a lookup (a name under a file, a loop, no permission). */
function isMissing(error: unknown): boolean {
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  return code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'EACCES' || code === 'ENAMETOOLONG' || code === 'EINVAL';
}
