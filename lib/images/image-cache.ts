/**
 * Processed photos kept between builds, by the digest of their bytes and of the settings that made them
 * (process-image.ts imageKey): a warm build decodes nothing, and an edited photo is made anew alone. One folder an
 * image under .next/cache/portfolio-engine/images/, holding its variants and a JSON index written last, so that a
 * folder without one (a build stopped halfway) is made again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomically } from '@/lib/json-file';
import { imageKey, processImage, type ImageVariant, type ProcessedFormat } from './process-image';

export const imageCacheDirectory = path.join(process.cwd(), '.next', 'cache', 'portfolio-engine', 'images');

/** A variant as the cache holds it: its file in the image's folder instead of its bytes. */
export interface CachedVariant extends Omit<ImageVariant, 'data'> {
  file: string;
  bytes: number;
}

export interface CachedImage {
  key: string;
  width: number;
  height: number;
  format: ProcessedFormat;
  variants: CachedVariant[];
  stripped: CachedVariant;
  preview: CachedVariant;
  /** The image's folder in the cache. */
  folder: string;
}

const extensionOf: Readonly<Record<ImageVariant['format'], string>> = { avif: 'avif', webp: 'webp', jpeg: 'jpg', png: 'png', tiff: 'tif' };

function readIndex(folder: string): Omit<CachedImage, 'folder'> | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(folder, 'image.json'), 'utf8')) as Omit<CachedImage, 'folder'>;
  } catch {
    return undefined;
  }
}

/**
 * The processed image of `data`: from the cache when it has it, else made (ImageProblem when it cannot be) and
 * stored. `made` says which, for the build's count.
 */
export async function cachedImage(data: Buffer, fileName: string, cacheDirectory: string = imageCacheDirectory): Promise<CachedImage & { made: boolean }> {
  const key = imageKey(data);
  const folder = path.join(cacheDirectory, key);
  const index = readIndex(folder);
  if (index && [...index.variants, index.stripped, index.preview].every((variant) => variant !== undefined && fs.existsSync(path.join(folder, variant.file)))) return { ...index, folder, made: false };
  const image = await processImage(data, fileName);
  fs.mkdirSync(folder, { recursive: true });
  const store = (variant: ImageVariant, name: string): CachedVariant => {
    const file = `${name}.${extensionOf[variant.format]}`;
    fs.writeFileSync(path.join(folder, file), variant.data);
    return { format: variant.format, width: variant.width, height: variant.height, file, bytes: variant.data.length };
  };
  const stored: Omit<CachedImage, 'folder'> = {
    key,
    width: image.width,
    height: image.height,
    format: image.format,
    variants: image.variants.map((variant) => store(variant, `${variant.width}`)),
    stripped: store(image.stripped, 'original'),
    preview: store(image.preview, 'preview'),
  };
  writeJsonAtomically(path.join(folder, 'image.json'), stored);
  return { ...stored, folder, made: true };
}
