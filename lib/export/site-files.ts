/**
 * The files of the export that are not pages Next renders: the files page bundles carry, a small page for each
 * redirect (aliases, `redirect_to`, a list's `page/1/`), and the Atom feed of each section and term that asks
 * for one. Written into the staged export after Next's pages are finished, never over one of them.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BuiltPage, SiteModel } from '@/lib/content';
import { publishedAssets } from '@/lib/content/page-assets';
import { ExportError } from '@/lib/errors';
import { atomFeed } from '@/lib/seo/atom-feed';
import type { Site } from '@/lib/site-config-schema';
import { escapeXml } from '@/lib/seo/xml';

export interface SiteFilesContext {
  site: Site;
  absoluteUrl: (sitePath: string) => string;
  basePath: string;
}

/** The export's file for a site path: `/old/` → old/index.html, `/old.html` → old.html; refuses any path that leaves the export. */
function exportFile(outFolder: string, sitePath: string): string {
  const relative = sitePath.endsWith('/') ? `${sitePath.slice(1)}index.html` : sitePath.slice(1);
  const file = path.resolve(outFolder, relative);
  const inside = path.relative(outFolder, file);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) throw new ExportError(sitePath, 'would be written outside the export.');
  return file;
}

function writeNew(file: string, data: string | Buffer, outFolder: string, what: string): void {
  if (fs.existsSync(file)) throw new ExportError(path.relative(outFolder, file), `${what} would replace a file the export already has.`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data, { flag: 'wx' });
}

/**
 * A redirect as a page: a meta refresh (which every host honours, with or without a redirect file), the canonical
 * URL for search engines, and a link for the reader whose browser does not follow it.
 */
export function redirectPage(target: string, lang: string): string {
  const href = escapeXml(target);
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeXml(lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; base-uri 'none'; form-action 'none'">`,
    '<meta name="robots" content="noindex">',
    `<title>Moved to ${href}</title>`,
    `<link rel="canonical" href="${href}">`,
    `<meta http-equiv="refresh" content="0; url=${href}">`,
    '</head>',
    `<body><p>This page has moved to <a href="${href}">${href}</a>.</p></body>`,
    '</html>',
    '',
  ].join('\n');
}

export function writeSiteFiles(outFolder: string, pages: readonly BuiltPage[], model: SiteModel, context: SiteFilesContext): void {
  const { site, absoluteUrl, basePath } = context;
  let assets = 0;
  for (const page of pages) {
    for (const asset of publishedAssets(page, path.join(process.cwd(), 'content'))) {
      const shown = path.relative(process.cwd(), asset.file);
      // lstat: a file swapped for a link since the content was read is not followed.
      if (!fs.lstatSync(asset.file).isFile()) throw new ExportError(shown, 'is no longer a plain file.');
      writeNew(exportFile(outFolder, asset.url), fs.readFileSync(asset.file), outFolder, shown);
      assets++;
    }
  }
  for (const redirect of model.redirects) {
    // An absolute URL stays as it is; a site path gets the base path, as every link of the export does.
    const target = redirect.to.startsWith('/') ? `${basePath}${redirect.to}` : redirect.to;
    writeNew(exportFile(outFolder, redirect.from), redirectPage(target, site.lang), outFolder, `The redirect from ${redirect.from}`);
  }
  for (const feed of model.feeds) {
    writeNew(exportFile(outFolder, feed.url), atomFeed(feed.pages, site, absoluteUrl, { selfPath: feed.url, alternatePath: feed.alternate, title: feed.title }), outFolder, `The feed ${feed.url}`);
  }
  const parts = [`${assets} bundle files`, `${model.redirects.length} redirects`, `${model.feeds.length} section and term feeds`];
  if (assets + model.redirects.length + model.feeds.length > 0) console.log(`Site files: ${parts.join(', ')}.`);
}
