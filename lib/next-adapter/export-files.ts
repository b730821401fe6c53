/**
 * What Next.js 16 writes into a static export besides the pages (checked on the version in
 * next-build.ts): the files only its client runtime reads, and copies of the 404 page.
 */
import path from 'node:path';

/** Whether Next wrote a file for its client runtime only, which the zero-JS export deletes. */
export function isRuntimeFile(file: string, files: ReadonlySet<string>): boolean {
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
export const duplicateNotFoundFolders = ['404', '_not-found'];

/** Where Next puts the files pages link to, as a site path prefix. */
export const nextAssetPrefix = '/_next/';
/** Where those files have content-hashed names: a changed file gets a new name, so they may be cached for good. */
export const nextHashedAssetPrefix = '/_next/static/';
