/**
 * The photos a site's pages show, made ready once per build: each local raster picture a page names (found by the
 * compile with its line, lib/markdown), found beside its bundle page or in public/, processed through the cache,
 * and given the site paths its variants are published at (/_img/KEY/NAME-WIDTH.avif). The finish step rewrites each
 * `<img>` that names one into a `<picture>` (picture-markup.ts); the site-files step writes the variants and puts
 * the stripped original in the place of the camera's file.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ContentError } from '@/lib/errors';
import { placeFile } from '@/lib/export/place-file';
import { publishedAssets } from '@/lib/content/page-assets';
import type { BuiltPage, PagePreview } from '@/lib/content/manifest';
import { avatarPath } from '@/lib/content/serene-fields';
import { decoded, localPreviewImage } from '@/lib/content/shown-files';
import { imageCacheDirectory, SourceIndex, type CachedImage, type CachedVariant } from './image-cache';
import { formatExtensions, ImageProblem, loadSharp } from './process-image';

/** The first URL segment of the variants: reserved, so no page or public/ file can take it (lib/content/page-urls.ts). */
export const imagesSegment = '_img';

/** A picture's extensions the engine processes; SVG and GIF are published as they are. */
const processedExtensions = new Set(Object.values(formatExtensions).flat());

export interface PublishedVariant {
  /** Its site path, /_img/KEY/NAME-640.avif. */
  url: string;
  format: CachedVariant['format'];
  width: number;
  height: number;
  bytes: number;
  /** The cached file it is copied from. */
  from: string;
}

export interface SiteImage {
  /** The original's site path (decoded): /trip/photo.jpg, /img/avatar.webp. */
  url: string;
  width: number;
  height: number;
  /** AVIF and WebP at each width, then the fallback; narrowest first within each format. */
  variants: PublishedVariant[];
  /** The upright, stripped whole picture, written where the original would be. */
  stripped: { from: string; bytes: number };
  /** The picture cropped for link previews (process-image.ts previewSize), published only for the pages it is the preview of. */
  preview: PublishedVariant;
}

/** Whether a picture's address names a file of this site the engine processes (not SVG, GIF or another site's). */
export function isProcessedPicture(src: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return false;
  const extension = /\.([A-Za-z0-9]+)(?:[?#].*)?$/.exec(src)?.[1]?.toLowerCase();
  return extension !== undefined && processedExtensions.has(extension);
}

/** The file behind a site path: a bundle's file, else one in public/ (never outside it); undefined when neither. */
function sourceFile(pathname: string, bundleFiles: ReadonlyMap<string, string>, publicDirectory: string): string | undefined {
  const bundled = bundleFiles.get(pathname);
  if (bundled) return bundled;
  const root = path.resolve(publicDirectory);
  const file = path.join(root, pathname);
  if (!file.startsWith(`${root}${path.sep}`)) return undefined;
  // A link inside public/ is published by `next build` as the file it names (project-folders.ts refuses links
  // out of it), so its photo is processed too: the camera's metadata must not pass through a link.
  let real: string;
  try {
    real = fs.realpathSync(file);
  } catch {
    return undefined;
  }
  const realRoot = fs.realpathSync(root);
  return real.startsWith(`${realRoot}${path.sep}`) && fs.statSync(real).isFile() ? real : undefined;
}

/** The photos of a site: each by its site path, and the link preview each page that has a picture for one uses. */
export interface SitePhotos {
  images: Map<string, SiteImage>;
  /** By page URL. */
  previews: Map<string, PagePreview>;
}

export interface SiteImagesResult extends SitePhotos {
  errors: ContentError[];
  /** Pictures processed by this build, and pictures that came from the cache. */
  made: number;
  cached: number;
}

/** A first photo narrower than this is not made a link preview (an icon, a badge): the drawn card says more. */
const previewMinimumWidth = 600;

/** The site path of the picture `page` names for its link previews, when it is one of the site's. */
function previewPathname(page: BuiltPage): string | undefined {
  const named = localPreviewImage(page);
  return named && decoded(new URL(named.src, `https://site.invalid${page.url}`).pathname);
}

/** Where the pictures the site shows are used: each page and line that shows it. */
export type PictureUses = Map<string, { file: string; places: { file: string; line: number | undefined }[] }>;

/**
 * Every local raster picture the pages show, by its site path, with its file (beside a bundle page, else in public/)
 * and each page and line that shows it: the pictures of their text (the compile's shownFiles), serene's avatar on the
 * home page and each page's named preview picture. `pagePictures` lists each page's in the order it shows them, the
 * named preview first. A picture with no file is left out: the shown-files check names it.
 */
export function shownPictures(pages: readonly BuiltPage[], { contentDirectory, publicDirectory }: { contentDirectory: string; publicDirectory: string }): { uses: PictureUses; pagePictures: Map<string, string[]> } {
  const bundleFiles = new Map(pages.flatMap((page) => publishedAssets(page, contentDirectory).map((asset): [string, string] => [decoded(asset.url), asset.file])));
  const uses: PictureUses = new Map();
  const pagePictures = new Map<string, string[]>();
  for (const page of pages) {
    // serene's avatar is shown by the home page's layout, not its text: a site path in public/ or beside _index.md.
    const avatar = typeof page.homeExtra?.avatar === 'string' ? avatarPath(page.homeExtra.avatar) : undefined;
    const layoutPictures = avatar && 'url' in avatar ? [{ src: avatar.url, line: undefined }] : [];
    const named = localPreviewImage(page);
    const pictures: string[] = [];
    for (const { src, line } of [...(named ? [named] : []), ...(page.body.shownFiles ?? []), ...layoutPictures]) {
      if (!isProcessedPicture(src)) continue;
      const pathname = decoded(new URL(src, `https://site.invalid${page.url}`).pathname);
      const file = sourceFile(pathname, bundleFiles, publicDirectory);
      if (!file) continue;
      const use = uses.get(pathname) ?? { file, places: [] };
      use.places.push({ file: page.file, line });
      uses.set(pathname, use);
      pictures.push(pathname);
    }
    pagePictures.set(page.url, pictures);
  }
  return { uses, pagePictures };
}

/**
 * Processes every local raster picture the pages show, in a pool of one image per core: libvips runs each on one
 * thread (sharp.concurrency(1)), so memory holds about one decoded picture per core whatever the number of photos.
 * Prints a progress line when there are many. A picture that cannot be published is an error at each line that
 * shows it; a missing one is left to the shown-files check, which names it already. Each page with a preview
 * picture (its `image`, or its first photo at least previewMinimumWidth wide) gets the picture's centre crop.
 */
export async function prepareSiteImages(
  pages: readonly BuiltPage[],
  {
    contentDirectory,
    publicDirectory,
    cacheDirectory = imageCacheDirectory,
    log = () => undefined,
    parallelism = os.availableParallelism(),
  }: { contentDirectory: string; publicDirectory: string; cacheDirectory?: string; log?: (line: string) => void; parallelism?: number },
): Promise<SiteImagesResult> {
  const { uses, pagePictures } = shownPictures(pages, { contentDirectory, publicDirectory });
  if (uses.size > 0) (await loadSharp()).concurrency(1);
  const sources = SourceIndex.load(cacheDirectory);
  const images = new Map<string, SiteImage>();
  const errors: ContentError[] = [];
  let made = 0;
  let done = 0;
  const queue = [...uses].sort(([a], [b]) => a.localeCompare(b));
  const processNext = async (): Promise<void> => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [pathname, { file, places }] = next;
      try {
        const image = await sources.image(file);
        if (image.made) made++;
        images.set(pathname, publishedImage(pathname, image));
      } catch (error) {
        if (!(error instanceof ImageProblem)) throw error;
        for (const place of places) errors.push(new ContentError(place, error.message, error.hint));
      }
      done++;
      if (uses.size >= 20 && (done % 20 === 0 || done === uses.size)) log(`Photos: ${done} of ${uses.size} (${made} made, ${done - made} from the cache)`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(parallelism, uses.size)) }, processNext));
  // The pool finishes in no set order; the report reads file by file, line by line.
  sources.save();
  errors.sort((a, b) => a.location.file.localeCompare(b.location.file) || (a.location.line ?? 0) - (b.location.line ?? 0));

  const previews = new Map<string, PagePreview>();
  for (const page of pages) {
    if (page.previewImage && !localPreviewImage(page)) {
      previews.set(page.url, { url: page.previewImage.src });
      continue;
    }
    const named = previewPathname(page);
    const chosen = named !== undefined ? images.get(named) : (pagePictures.get(page.url) ?? []).map((pathname) => images.get(pathname)).find((image) => image !== undefined && image.width >= previewMinimumWidth);
    if (chosen) previews.set(page.url, { url: chosen.preview.url, width: chosen.preview.width, height: chosen.preview.height });
  }
  // In path order, as a single-threaded run would give them.
  const sorted = new Map([...images].sort(([a], [b]) => a.localeCompare(b)));
  return { images: sorted, previews, errors, made, cached: images.size - made };
}

/** A cached image's files as the site publishes them: /_img/KEY/NAME-WIDTH.avif, from the cache's folder. */
function publishedImage(pathname: string, image: CachedImage): SiteImage {
  const name = path.posix.basename(pathname).replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9_-]+/g, '-') || 'image';
  const folder = `/${imagesSegment}/${image.key.slice(0, 16)}`;
  const published = (variant: CachedVariant): PublishedVariant => ({
    url: `${folder}/${name}-${variant.file}`,
    format: variant.format,
    width: variant.width,
    height: variant.height,
    bytes: variant.bytes,
    from: path.join(image.folder, variant.file),
  });
  return {
    url: pathname,
    width: image.width,
    height: image.height,
    variants: image.variants.map(published),
    stripped: { from: path.join(image.folder, image.stripped.file), bytes: image.stripped.bytes },
    preview: published(image.preview),
  };
}

/**
 * Writes the photos into an export folder: every variant at its /_img/ path, the preview crops pages use, and the
 * stripped picture over the original wherever the export holds one (a bundle's file, a copy of public/), so that no
 * exported file carries the camera's metadata. Each is a hard link to the cache's file (lib/export/place-file.ts):
 * a warm build of many photos copies no bytes. Every path is checked to stay inside the folder.
 */
export function writeSiteImages(outFolder: string, { images, previews }: SitePhotos): { variants: number; bytes: number } {
  const root = path.resolve(outFolder);
  const inside = (sitePath: string) => {
    const file = path.join(root, sitePath);
    if (!file.startsWith(`${root}${path.sep}`)) throw new Error(`${sitePath} is not a path inside the export.`);
    return file;
  };
  let variants = 0;
  let bytes = 0;
  const previewUrls = new Set([...previews.values()].map((preview) => preview.url));
  for (const image of images.values()) {
    for (const variant of image.variants) {
      placeFile(variant.from, inside(variant.url));
      variants++;
      bytes += variant.bytes;
    }
    if (previewUrls.has(image.preview.url)) placeFile(image.preview.from, inside(image.preview.url));
    const original = inside(image.url);
    if (fs.lstatSync(original, { throwIfNoEntry: false })?.isFile()) placeFile(image.stripped.from, original);
  }
  return { variants, bytes };
}

/** A digest of every photo's key: part of each page's render key, so that a page showing an edited photo is finished anew. */
export function siteImagesDigest(images: ReadonlyMap<string, SiteImage>): string {
  return [...images.values()].map((image) => image.variants[0]?.url ?? '').sort().join(',');
}
