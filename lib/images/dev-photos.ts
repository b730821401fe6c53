/**
 * The photos of `npm run dev`, shown as a build shows them: the dev server has no finish step, so the pages it
 * renders get their `<picture>` markup here, from the same cache and the same markup function (picture-markup.ts).
 * A Markdown body's HTML is rewritten when the pages are read; an MDX body's `<img>` is the `img` component
 * (components/mdx-image.tsx), which looks its photo up in the same state. The dev front server serves the
 * variants from the cache (devVariantFile).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import type { ContentError } from '@/lib/errors';
import type { BuiltPage } from '@/lib/content/manifest';
import { imageCacheDirectory } from './image-cache';
import { rewritePictures } from './picture-markup';
import { imagesSegment, prepareSiteImages, type SiteImage } from './site-images';

/** The pages with their photos' markup and link previews, the photos by site path, and the photos' problems. */
export async function withDevPhotos(
  pages: readonly BuiltPage[],
  contentDirectory: string,
): Promise<{ pages: BuiltPage[]; images: ReadonlyMap<string, SiteImage>; problems: ContentError[] }> {
  const { images, previews, errors } = await prepareSiteImages(pages, { contentDirectory, publicDirectory: path.join(path.dirname(contentDirectory), 'public') });
  const shown = pages.map((page): BuiltPage => {
    const preview = previews.get(page.url);
    const withPreview = preview ? { ...page, preview } : page;
    if (page.body.format !== 'html' || images.size === 0) return withPreview;
    const tree = fromHtml(page.body.html, { fragment: true });
    if (rewritePictures(tree, page.url, images) === 0) return withPreview;
    return { ...withPreview, body: { ...page.body, html: toHtml(tree) } };
  });
  return { pages: shown, images, problems: errors };
}

/**
 * The cached file behind a variant's site path, /_img/KEY16/NAME-640.avif → the cache's KEY…/640.avif, or
 * undefined. Only names the cache writes are looked up (no path from the request reaches the file system whole).
 */
export function devVariantFile(sitePath: string, cacheDirectory: string = imageCacheDirectory): string | undefined {
  const match = new RegExp(`^/${imagesSegment}/([0-9a-f]{16})/[A-Za-z0-9_-]*-(\\d+\\.(?:avif|webp|jpg|png|tif)|preview\\.jpg)$`).exec(sitePath);
  if (!match) return undefined;
  const [, key, file] = match;
  if (!fs.existsSync(cacheDirectory)) return undefined;
  const folder = fs.readdirSync(cacheDirectory, { withFileTypes: true }).find((entry) => entry.isDirectory() && entry.name.startsWith(key ?? '-'));
  if (!folder || !file) return undefined;
  const candidate = path.join(cacheDirectory, folder.name, file);
  return fs.existsSync(candidate) ? candidate : undefined;
}
