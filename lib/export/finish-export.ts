import fs from 'node:fs';
import path from 'node:path';
import { sitePathOf } from './base-path';
import { stripRuntime } from './strip-runtime';

export { ExportError } from './strip-runtime';

/** Every file under a folder, as paths relative to it with forward slashes. */
export function listFiles(directory: string, prefix = ''): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(path.join(directory, prefix), { withFileTypes: true })) {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) files.push(...listFiles(directory, relative));
    else files.push(relative);
  }
  return files;
}

/** What Next.js writes that only its client runtime reads. */
function isRuntimeFile(file: string, files: ReadonlySet<string>): boolean {
  const name = path.posix.basename(file);
  const folder = path.posix.dirname(file);
  // React Server Components payloads: __next.*.txt and index.txt beside each page.
  if (/^__next\..*\.txt$/.test(name)) return true;
  if (name === 'index.txt' && files.has(folder === '.' ? 'index.html' : `${folder}/index.html`)) return true;
  // Next's script chunks and per-build manifests; its CSS and media stay.
  if (file.startsWith('_next/') && file.endsWith('.js')) return true;
  return false;
}

/** Next's copies of the 404 page at /404/ and /_not-found/ (which would answer 200); out/404.html stays. */
const duplicateNotFoundFolders = ['404', '_not-found'];

export interface FinishReport {
  pages: number;
  removedFiles: number;
  removedBytes: number;
}

/**
 * Makes out/ a zero-JavaScript site: strips Next's client runtime from every page and deletes the files
 * only that runtime reads. Throws ExportError on markup it does not recognise, leaving that page as it was.
 */
export function removeClientRuntime(outDirectory: string): FinishReport {
  const files = listFiles(outDirectory);
  const fileSet = new Set(files);
  // Every page is stripped before any is written: one page it cannot handle leaves out/ untouched.
  const stripped = files
    .filter((name) => name.endsWith('.html'))
    .map((file) => {
      const full = path.join(outDirectory, file);
      return { full, html: stripRuntime(fs.readFileSync(full, 'utf8'), `out/${file}`) };
    });
  for (const { full, html } of stripped) fs.writeFileSync(full, html);
  const pages = stripped.length;
  let removedFiles = 0;
  let removedBytes = 0;
  const remove = (relative: string) => {
    const full = path.join(outDirectory, relative);
    removedBytes += fs.statSync(full).size;
    removedFiles++;
    fs.rmSync(full);
  };
  for (const file of files) if (isRuntimeFile(file, fileSet)) remove(file);
  for (const folder of duplicateNotFoundFolders) {
    for (const file of files.filter((name) => name.startsWith(`${folder}/`))) if (fs.existsSync(path.join(outDirectory, file))) remove(file);
  }
  removeEmptyFolders(outDirectory);
  return { pages, removedFiles, removedBytes };
}

function removeEmptyFolders(directory: string): void {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(directory, entry.name);
    removeEmptyFolders(full);
    if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
}

/**
 * Every local URL a page refers to (href, src) that has no file in out/: a broken export. With a base
 * path, every site URL must be under it (a root-relative URL outside it leaves the site). Given the
 * site's absolute home URL (`https://example.com/docs/`), absolute URLs into the site count too:
 * canonical links, and the preview images that OpenGraph and X cards name in <meta content>.
 */
export function findMissingAssets(outDirectory: string, { basePath = '', siteUrl }: { basePath?: string; siteUrl?: string } = {}): string[] {
  const files = new Set(listFiles(outDirectory));
  const missing: string[] = [];
  const exists = (target: string) => files.has(target) || files.has(target === '' ? 'index.html' : `${target.replace(/\/$/, '')}/index.html`);
  const absolute = siteUrl === undefined ? undefined : new RegExp(`\\s(?:href|src|content)="${siteUrl.replace(/\/?$/, '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^"#?]*)[^"]*"`, 'g');
  for (const file of [...files].filter((name) => name.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(outDirectory, file), 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="(\/(?!\/)[^"#?]*)[^"]*"/g)) {
      const url = match[1] ?? '';
      const sitePath = sitePathOf(url, basePath);
      if (sitePath === undefined) {
        missing.push(`out/${file}: ${url} (not under the base path ${basePath}/)`);
        continue;
      }
      if (!exists(decodeURIComponent(sitePath).replace(/^\//, ''))) missing.push(`out/${file}: ${url}`);
    }
    for (const match of absolute ? html.matchAll(absolute) : []) {
      if (!exists(decodeURIComponent(match[1] ?? ''))) missing.push(`out/${file}: ${match[0].trim()}`);
    }
  }
  return missing;
}
