/**
 * Finished pages from earlier builds, so that a build has Next.js render only the pages whose HTML can
 * have changed. Next's static generation costs about 15 ms a page however little changed (13 s for 1000
 * pages on 2 cores); with this cache an edit to one page of a large site re-renders that page, the home
 * page (it lists every page) and the site-wide routes.
 *
 * A content page's finished HTML is a function of
 *  - the page itself as the content build made it (front matter, options, compiled body, URL),
 *  - the code and settings that render and finish it: app/, components/, lib/, scripts/, public/, the
 *    site config, the config files, the lockfile and what npm installed (Next, React, every package),
 *    the .env files — together the template fingerprint below (the preview images go into the export,
 *    not public/, and pages name them by URL only),
 *  - BASE_PATH and any NEXT_PUBLIC_ variable (Next inlines those),
 * and of no other page (only the home page lists them, and it is always rendered). The key of an entry
 * hashes all of that. As a last guard, each entry records the files under /_next/ it links to (the
 * stylesheet's content-hashed name); if a build no longer has one of them, the entry is not used.
 *
 * Only the zero-JS export uses it: with Next's client runtime kept, every page must come from the same
 * `next build` (one build ID, payloads that the runtime fetches).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { FileStore, keepOnlyKeyedFiles, keyedFile } from '@/lib/file-store';
import { nextAssetPrefix } from '@/lib/next-adapter/export-files';
import type { PolicyNeeds } from '@/lib/security/content-security-policy';

/** One finished page in the cache. */
export interface CachedPage {
  key: string;
  /**
   * The finished HTML of `<url>/index.html`, a file of the cache's own. A build places it in its export as a hard
   * link, so the page in out/ is this very file: nothing is copied or compared, and a page that did not change
   * keeps its file from build to build.
   */
  file: string;
  /** What the page contributes to the site-wide Content Security Policy (out/_headers, vercel.json). */
  policyNeeds: PolicyNeeds;
  /** Site paths under /_next/ the page links to, e.g. /_next/static/chunks/2am018p9hax5f.css. */
  nextAssets: string[];
}

/** What the cache records of a page beside its HTML file: the file's size and time as stored, to see it changed. */
interface CacheEntry extends Omit<CachedPage, 'file'> {
  size: number;
  mtimeMs: number;
}

/** What the template fingerprint reads: the folders and files whose change may change any page. */
const templateFolders = ['app', 'components', 'lib', 'scripts', 'public'];
const templateFiles = [
  ...['site.config.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'],
  // What npm installed (the lockfile says what it should install), and the variables Next reads from files.
  ...['node_modules/.package-lock.json', '.env', '.env.local', '.env.production', '.env.production.local'],
];

function hashTree(hash: crypto.Hash, projectDirectory: string, relative: string): void {
  const full = path.join(projectDirectory, relative);
  const stat = fs.statSync(full, { throwIfNoEntry: false });
  if (!stat) return;
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) hashTree(hash, projectDirectory, `${relative}/${name}`);
    return;
  }
  hash.update(`${relative}\0${stat.size}\0`).update(fs.readFileSync(full)).update('\0');
}

/**
 * A fingerprint of everything besides a page's own content that its finished HTML depends on. Reads the
 * project's code (a few MB at most: 20–40 ms), not content/.
 */
export function templateFingerprint(projectDirectory: string, environment: Readonly<Record<string, string | undefined>> = process.env): string {
  const hash = crypto.createHash('sha256');
  for (const folder of templateFolders) hashTree(hash, projectDirectory, folder);
  for (const file of templateFiles) hashTree(hash, projectDirectory, file);
  const variables = Object.keys(environment)
    .filter((name) => name === 'BASE_PATH' || name === 'NODE_ENV' || name.startsWith('NEXT_PUBLIC_'))
    .sort()
    .map((name) => `${name}=${environment[name] ?? ''}`);
  hash.update(variables.join('\n'));
  return hash.digest('hex');
}

/**
 * The key of one page's entry: the template fingerprint and the page as the content build made it. `digestOf`
 * may name a part of the page by a digest of all it is made from (a compiled body by its compile key), which
 * then stands in for the part's own text.
 */
export function renderKey(fingerprint: string, page: unknown, digestOf?: (part: object) => string | undefined): string {
  const standIn = digestOf && ((_key: string, value: unknown) => (typeof value === 'object' && value !== null && digestOf(value)) || value);
  return crypto.createHash('sha256').update(fingerprint).update('\0').update(JSON.stringify(page, standIn)).digest('hex');
}

/** Site paths under /_next/ that a page's markup refers to (href, src). */
export function nextAssetsOf(html: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/(?:href|src)="([^"?#]+)/g)) {
    const value = match[1] ?? '';
    if (value.includes(nextAssetPrefix)) found.add(value.slice(value.indexOf(nextAssetPrefix)));
  }
  return [...found].sort();
}

/**
 * The cache: finished pages by key, each an HTML file and an entry (lib/file-store.ts) with the rest. The key
 * covers the page's URL, so a page found under its key is the page at that URL; a build reads the entries it
 * reuses, stores the pages it rendered, and keeps only the entries of the pages the site still has.
 *
 * A page's file is also out/'s (a hard link): a file written to in place there (a minifier run on out/, say) is
 * no longer the page this cache stored, and its size or modification time says so. Such an entry is not used.
 */
export class RenderCache {
  private readonly entries: FileStore<CacheEntry>;
  private readonly htmlFolder: string;

  constructor(folder: string) {
    this.entries = new FileStore(path.join(folder, 'entries'));
    this.htmlFolder = path.join(folder, 'html');
  }

  /** The finished page made from exactly this key, if the cache has it as it stored it. */
  lookup(key: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (entry?.key !== key) return undefined;
    const file = this.htmlFile(key);
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.size !== entry.size || stat.mtimeMs !== entry.mtimeMs) return undefined;
    return { key, file, policyNeeds: entry.policyNeeds, nextAssets: entry.nextAssets };
  }

  /** Takes `page.file` (a page this build finished) into the cache as a hard link, or as a copy on another file system. */
  store(page: CachedPage): void {
    const file = this.htmlFile(page.key);
    fs.mkdirSync(this.htmlFolder, { recursive: true });
    // Beside its place, then renamed into it: a build killed midway leaves the old file, the new one or none.
    const temporary = `${file}.${process.pid}.tmp`;
    fs.rmSync(temporary, { force: true });
    try {
      fs.linkSync(page.file, temporary);
    } catch {
      fs.copyFileSync(page.file, temporary);
    }
    fs.renameSync(temporary, file);
    // Renaming a link onto another link of the same file does nothing.
    fs.rmSync(temporary, { force: true });
    const { size, mtimeMs } = fs.statSync(file);
    this.entries.set(page.key, { key: page.key, policyNeeds: page.policyNeeds, nextAssets: page.nextAssets, size, mtimeMs });
  }

  /** Deletes every page but those of the given keys. */
  keepOnly(keys: ReadonlySet<string>): void {
    this.entries.keepOnly(keys);
    keepOnlyKeyedFiles(this.htmlFolder, '.html', keys);
  }

  /** Forgets everything (used when a build finds the cache does not match its export). */
  clear(): void {
    this.keepOnly(new Set());
  }

  private htmlFile(key: string): string {
    return keyedFile(this.htmlFolder, key, '.html');
  }
}

/** What a build does with each page: reuse its finished HTML from the cache, or have Next render it. */
export interface RenderPlan {
  reused: Map<string, CachedPage>;
  /** The URLs Next renders (the content manifest's `render`). */
  render: string[];
  /** Each page's renderKey, by URL: what the pages it renders are stored under. */
  keys: ReadonlyMap<string, string>;
}

/**
 * Which pages Next renders: those the cache does not hold finished for exactly their key, and always the
 * home page (it lists every page). `keys` maps each page's URL to its renderKey.
 */
export function planRender(urls: readonly string[], keys: ReadonlyMap<string, string>, cache: RenderCache | undefined): RenderPlan {
  const reused = new Map<string, CachedPage>();
  for (const url of urls) {
    const key = keys.get(url);
    const entry = url === '/' || key === undefined ? undefined : cache?.lookup(key);
    if (entry) reused.set(url, entry);
  }
  return { reused, render: urls.filter((url) => !reused.has(url)), keys };
}
