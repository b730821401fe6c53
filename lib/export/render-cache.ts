/**
 * Finished pages from earlier builds, so that a build has Next.js render only the pages whose HTML can
 * have changed. Next's static generation costs about 15 ms a page however little changed (13 s for 1000
 * pages on 2 cores); with this cache an edit to one page of a large site re-renders that page, the home
 * page (it lists every page) and the site-wide routes.
 *
 * A content page's finished HTML is a function of
 *  - the page itself as the content build made it (front matter, options, compiled body, URL),
 *  - the code and settings that render and finish it: app/, components/, lib/, scripts/, public/, the
 *    site config, the config files and the lockfile (Next, React, every package) — together the
 *    template fingerprint below (the preview images go into the export, not public/, and pages name
 *    them by URL only),
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
import { readJsonObject, writeJsonAtomically } from '@/lib/json-file';
import { nextAssetPrefix } from '@/lib/next-adapter/export-files';
import type { PolicyNeeds } from '@/lib/security/content-security-policy';

/** One finished page as the cache keeps it. */
export interface RenderedPage {
  key: string;
  /** The finished HTML of `<url>/index.html`. */
  html: string;
  /** What the page contributes to the site-wide Content Security Policy (out/_headers, vercel.json). */
  policyNeeds: PolicyNeeds;
  /** Site paths under /_next/ the page links to, e.g. /_next/static/chunks/2am018p9hax5f.css. */
  nextAssets: string[];
}

/** What the template fingerprint reads: the folders and files whose change may change any page. */
const templateFolders = ['app', 'components', 'lib', 'scripts', 'public'];
const templateFiles = ['site.config.ts', 'next.config.ts', 'tailwind.config.ts', 'postcss.config.mjs', 'tsconfig.json', 'package.json', 'package-lock.json'];

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

/** The key of one page's entry: the template fingerprint and the page as the content build made it. */
export function renderKey(fingerprint: string, page: unknown): string {
  return crypto.createHash('sha256').update(fingerprint).update('\0').update(JSON.stringify(page)).digest('hex');
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
 * The cache: one JSON file of URL → entry. A build looks up every page, stores what it rendered, and keeps
 * only the URLs the site still has.
 */
export class RenderCache {
  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, RenderedPage>,
  ) {}

  static load(file: string): RenderCache {
    // No cache yet, or a damaged one: start empty, it is only a cache.
    return new RenderCache(file, new Map(Object.entries(readJsonObject<RenderedPage>(file) ?? {})));
  }

  /** The finished page for `url` if it was made from exactly this key. */
  lookup(url: string, key: string): RenderedPage | undefined {
    const entry = this.entries.get(url);
    return entry?.key === key ? entry : undefined;
  }

  store(url: string, entry: RenderedPage): void {
    this.entries.set(url, entry);
  }

  /** Keeps the given URLs' entries only and writes the file (never half-written). */
  save(keptUrls: ReadonlySet<string>): void {
    for (const url of [...this.entries.keys()]) if (!keptUrls.has(url)) this.entries.delete(url);
    writeJsonAtomically(this.file, Object.fromEntries(this.entries));
  }

  /** Forgets everything (used when a build finds the cache does not match its export). */
  clear(): void {
    this.entries.clear();
  }
}

/** What a build does with each page: reuse its finished HTML from the cache, or have Next render it. */
export interface RenderPlan {
  reused: Map<string, RenderedPage>;
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
  const reused = new Map<string, RenderedPage>();
  for (const url of urls) {
    const entry = url === '/' ? undefined : cache?.lookup(url, keys.get(url) ?? '');
    if (entry) reused.set(url, entry);
  }
  return { reused, render: urls.filter((url) => !reused.has(url)), keys };
}
