/**
 * The check of the site's files that pages show through shortcodes (a figure's `src`), once every page is known: a
 * picture beside the page must be one of its bundle's files, one named from the root a file in public/ or another
 * bundle's file. The compile cannot tell (it sees one page, without the file system); the export's link check
 * would, but only after `next build`, without the line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '@/lib/errors';
import type { BuiltPage } from './manifest';
import { publishedAssets } from './page-assets';

/** The picture a page names for its link previews when it is one of the site's (not another site's https URL). */
export function localPreviewImage(page: Pick<BuiltPage, 'previewImage'>): BuiltPage['previewImage'] {
  return page.previewImage && !/^https:/i.test(page.previewImage.src) ? page.previewImage : undefined;
}

/** A URL path as the file system names it (`%20` → a space), or as written when it is not valid percent-encoding. */
export function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every shown file that is neither a bundle's file nor in public/. */
export function shownFileErrors(pages: readonly BuiltPage[], contentDirectory: string, publicDirectory: string): ContentError[] {
  const bundleFiles = new Set(pages.flatMap((page) => publishedAssets(page, contentDirectory).map((asset) => asset.url)));
  const publicRoot = path.resolve(publicDirectory);
  const inPublic = (pathname: string) => {
    const file = path.join(publicRoot, decoded(pathname));
    return file.startsWith(`${publicRoot}${path.sep}`) && fs.statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  };
  const errors: ContentError[] = [];
  for (const page of pages) {
    // The page's preview picture is looked for as the pictures it shows are; another site's is not.
    const preview = localPreviewImage(page);
    for (const { src, line } of [...(preview ? [preview] : []), ...(page.body.shownFiles ?? [])]) {
      const { pathname } = new URL(src, `https://site.invalid${page.url}`);
      if (bundleFiles.has(pathname) || bundleFiles.has(decoded(pathname)) || inPublic(pathname)) continue;
      const relative = !src.startsWith('/');
      const isBundle = /(^|\/)_?index\.mdx?$/.test(page.file);
      errors.push(
        new ContentError(
          { file: page.file, line },
          `the picture ${src} does not exist${relative ? ` beside the page (as ${pathname})` : ` in public/ (as public${decoded(pathname)})`}.`,
          relative && !isBundle
            ? `A picture beside a page works for a bundle: move the page to ${page.file.replace(/\.mdx?$/, '')}/index.${page.format} with the picture beside it, or put the picture in public/ and write /${src}.`
            : relative
              ? `Put it at ${path.posix.join(path.posix.dirname(page.file), decoded(src))}, or in public/ and write its path from the root.`
              : `Put it at public${decoded(pathname)}, or write the picture's own path.`,
        ),
      );
    }
  }
  return errors;
}
