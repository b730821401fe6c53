/**
 * A photo made ready for the web, as Hugo, Zola's resize_image and Astro's <Image> make them at build time: turned
 * upright (EXIF orientation applied), converted to sRGB, stripped of every piece of metadata (EXIF, GPS, XMP, ICC
 * profiles, comments), and encoded as AVIF and WebP at a few widths up to the original's, never larger, with one
 * file in the original format as the fallback for browsers that read neither. sharp (libvips) does the work; its
 * pixel limit stays on, so a small file that claims 50,000 × 50,000 pixels is refused before it is decoded.
 */
import crypto from 'node:crypto';
import type { Metadata, Sharp } from 'sharp';
import { installedVersion } from '@/lib/installed-version';

/**
 * sharp, loaded when a picture is first read: its native library cost every build 0.1 s to load, and most builds
 * read no picture (the image cache answers for photos read before).
 */
export async function loadSharp(): Promise<typeof import('sharp').default> {
  return (await import('sharp')).default;
}


/** The text column's width at its widest, in CSS pixels (components/site-shell.tsx: 48rem less 1.25rem each side): no picture is shown wider. */
export const textColumnWidth = 728;

/**
 * The widths a photo is made at: a phone's column at 1× (320) and 2× (640, 960 for the widest phones), a laptop's
 * column at 1× (960, 1280) and the column at 2× (1456). A wider file would never be chosen, since no picture is
 * shown wider than the column: making one would only cost time.
 */
export const imageWidths = [320, 640, 960, 1280, 2 * textColumnWidth] as const;

/** A link preview's size (OpenGraph's and X's large card): the photo cropped to it at its centre. */
export const previewSize = { width: 1200, height: 630 } as const;

/** The widest fallback: browsers that take it are old, and a 2560-pixel JPEG would undo the page's budget. */
const fallbackWidth = 1280;

/** Raster formats the engine processes; others (SVG, GIF, which may be animated) are published as they are. */
export const processedFormats = ['jpeg', 'png', 'webp', 'avif', 'tiff'] as const;
export type ProcessedFormat = (typeof processedFormats)[number];

/** The file-name extensions each format is written with, the first being the one the engine writes. */
export const formatExtensions: Readonly<Record<ProcessedFormat, readonly string[]>> = {
  jpeg: ['jpg', 'jpeg', 'jfif'],
  png: ['png'],
  webp: ['webp'],
  avif: ['avif'],
  tiff: ['tif', 'tiff'],
};

/** The encoders' settings: part of every cached image's key, so a change here makes every image anew. */
const encoders = {
  avif: { quality: 50, effort: 3 },
  webp: { quality: 75, effort: 4 },
  jpeg: { quality: 78, mozjpeg: true },
  png: { compressionLevel: 9, adaptiveFiltering: true },
  tiff: { compression: 'lzw' },
  /**
   * The whole-size stripped original, which no page shows (its pictures are the variants), only a link may: a
   * fast encoder at a high quality, where mozjpeg and PNG's best compression cost seconds on a camera's 12 MP.
   */
  whole: { jpeg: { quality: 85 }, png: { compressionLevel: 6 } },
} as const;

/** Files larger than this are refused before sharp reads them; `npm run check` warns from 25 MB. */
export const maximumImageBytes = 100 * 1024 * 1024;

export interface ImageVariant {
  format: 'avif' | 'webp' | 'jpeg' | 'png' | 'tiff';
  width: number;
  height: number;
  data: Buffer;
}

export interface ProcessedImage {
  /** The upright image's size in pixels. */
  width: number;
  height: number;
  /** The format the file is in. */
  format: ProcessedFormat;
  /** AVIF and WebP at each width, narrowest first, then the fallback in the original format (JPEG for AVIF, TIFF and WebP originals that browsers may not read, PNG for PNG). */
  variants: ImageVariant[];
  /** The whole image, upright and stripped, in its own format: what replaces the original file in the export. */
  stripped: ImageVariant;
  /** A JPEG of previewSize cut from the picture's centre: the page's link preview when it is the page's picture. */
  preview: ImageVariant;
}

/** Why an image cannot be published, in words for an author. */
export class ImageProblem extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'ImageProblem';
  }
}

/** A digest of everything but the picture that decides the output: the widths, the encoders, libvips's version. */
export function imageSettingsDigest(): string {
  return crypto.createHash('sha256').update(JSON.stringify({ imageWidths, fallbackWidth, previewSize, encoders, version: installedVersion('sharp') })).digest('hex');
}

/** A digest of the bytes and of everything that decides the output: the cache's key. */
export function imageKey(data: Buffer): string {
  return crypto.createHash('sha256').update(imageSettingsDigest()).update(data).digest('hex');
}

/** The widths to make for an image `width` pixels wide: those in imageWidths it exceeds, then its own width (capped at the widest). */
export function variantWidths(width: number): number[] {
  const largest = Math.min(width, Math.max(...imageWidths));
  return [...imageWidths.filter((candidate) => candidate < largest), largest];
}

/** The format the fallback and the stripped original are written in: the original's if every browser reads it. */
function fallbackFormat(format: ProcessedFormat): 'jpeg' | 'png' {
  return format === 'png' ? 'png' : 'jpeg';
}

function encode(pipeline: Sharp, format: ImageVariant['format'], { whole = false }: { whole?: boolean } = {}): Sharp {
  if (whole && format === 'jpeg') return pipeline.jpeg(encoders.whole.jpeg);
  if (whole && format === 'png') return pipeline.png(encoders.whole.png);
  switch (format) {
    case 'avif':
      return pipeline.avif(encoders.avif);
    case 'webp':
      return pipeline.webp(encoders.webp);
    case 'jpeg':
      return pipeline.jpeg(encoders.jpeg);
    case 'png':
      return pipeline.png(encoders.png);
    case 'tiff':
      return pipeline.tiff(encoders.tiff);
  }
}

/**
 * Reads an image's header: its format and upright size. Throws ImageProblem for an empty file, a file sharp
 * cannot read, a format the engine does not process, one whose name says another format, or one over the
 * pixel limit.
 */
export async function readImageHeader(data: Buffer, fileName: string): Promise<{ format: ProcessedFormat; width: number; height: number }> {
  if (data.length === 0) throw new ImageProblem(`${fileName} is empty (0 bytes).`, 'Replace it with the picture, or remove the reference to it.');
  if (data.length > maximumImageBytes) {
    throw new ImageProblem(`${fileName} is ${(data.length / 1024 / 1024).toFixed(0)} MB, over the ${maximumImageBytes / 1024 / 1024} MB the build reads.`, 'Export a smaller copy (a few thousand pixels across is plenty for the web).');
  }
  let metadata: Metadata;
  try {
    // The header alone, no pixels: read past sharp's pixel limit so that the check below names the size and says
    // what to do. Every decode (processImage) keeps the limit.
    const sharp = await loadSharp();
    metadata = await sharp(data, { failOn: 'error', limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageProblem(`${fileName} is not a picture the build can read (${error instanceof Error ? error.message : String(error)}).`, 'Open it in an image editor and export it again as JPEG, PNG, WebP or AVIF.');
  }
  const format = metadata.format === 'heif' && metadata.compression === 'av1' ? 'avif' : metadata.format;
  if (!processedFormats.includes(format as ProcessedFormat)) {
    throw new ImageProblem(`${fileName} is ${format ? `a ${format.toUpperCase()} file` : 'in a format the build does not know'}.`, 'Export it as JPEG, PNG, WebP or AVIF.');
  }
  const known = format as ProcessedFormat;
  const extension = /\.([A-Za-z0-9]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension !== undefined && !formatExtensions[known].includes(extension)) {
    throw new ImageProblem(`${fileName} is a ${known.toUpperCase()} file, not what .${extension} says.`, `Rename it to end in .${formatExtensions[known][0]}, or export it again as ${extension.toUpperCase()}.`);
  }
  const { width, height } = metadata;
  if (!width || !height) throw new ImageProblem(`${fileName} has no size.`, 'Export it again from an image editor.');
  const pixelLimit = 268_402_689;
  if (width * height > pixelLimit) {
    throw new ImageProblem(
      `${fileName} claims ${width} × ${height} pixels, over the ${Math.round(pixelLimit / 1e6)} megapixels the build decodes.`,
      'Export a smaller copy; a file that small claiming so many pixels may be made to exhaust the memory of the machine that reads it.',
    );
  }
  // Orientations 5 to 8 turn the picture a quarter: its upright width is the stored height.
  const turned = (metadata.orientation ?? 1) >= 5;
  return { format: known, width: turned ? height : width, height: turned ? width : height };
}

/**
 * Makes every variant of an image. The picture is decoded once into upright sRGB pixels at the widest width made
 * (JPEG decodes straight to a fraction of its size), and every variant is cut from those; the stripped original is
 * decoded again at full size. Memory stays at about one decoded picture per image being processed (sharp's cache
 * is off), so a pool of these runs on every core with a known bound (site-images.ts).
 */
export async function processImage(data: Buffer, fileName: string): Promise<ProcessedImage> {
  const sharp = await loadSharp();
  sharp.cache(false);
  const { format, width, height } = await readImageHeader(data, fileName);
  const widths = variantWidths(width);
  const widest = widths.at(-1) ?? width;
  const converting = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw new ImageProblem(`${fileName} cannot be converted (${error instanceof Error ? error.message : String(error)}).`, 'The file may be damaged: open it in an image editor and export it again.');
    }
  };
  const upright = () => sharp(data, { failOn: 'error' }).rotate().toColourspace('srgb');
  const pixels = await converting(() => upright().resize({ width: widest, withoutEnlargement: true }).raw().toBuffer({ resolveWithObject: true }));
  const fromPixels = () => sharp(pixels.data, { raw: { width: pixels.info.width, height: pixels.info.height, channels: pixels.info.channels } });
  const render = (pipeline: Sharp, format: ImageVariant['format'], options?: { whole?: boolean }): Promise<ImageVariant> =>
    converting(async () => {
      const { data: output, info } = await encode(pipeline, format, options).toBuffer({ resolveWithObject: true });
      return { format, width: info.width, height: info.height, data: output };
    });
  const resized = (targetWidth: number) => (targetWidth < pixels.info.width ? fromPixels().resize({ width: targetWidth }) : fromPixels());
  const variants: ImageVariant[] = [];
  for (const target of widths) variants.push(await render(resized(target), 'avif'), await render(resized(target), 'webp'));
  variants.push(await render(resized(Math.min(width, fallbackWidth)), fallbackFormat(format)));
  const preview = await render(fromPixels().resize({ ...previewSize, fit: 'cover', position: 'centre' }).flatten({ background: '#ffffff' }), 'jpeg');
  const stripped = await render(upright(), format, { whole: true });
  return { width, height, format, variants, stripped, preview };
}
