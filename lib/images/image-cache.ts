/**
 * Processed photos kept between builds, by the digest of their bytes and of the settings that made them
 * (process-image.ts imageKey): a warm build decodes nothing, and an edited photo is made anew alone. One folder an
 * image under .next/cache/portfolio-engine/images/, holding its variants and a JSON index written last, so that a
 * folder without one (a build stopped halfway) is made again.
 */
import fs from 'node:fs';
import path from 'node:path';
import { writeJsonAtomically } from '@/lib/json-file';
import { imageKey, imageSettingsDigest, processImage, type ImageVariant, type ProcessedFormat } from './process-image';

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

/** The image the cache holds under `key`, when its index and every file of it are there. */
function cachedImageByKey(key: string, cacheDirectory: string): CachedImage | undefined {
  const folder = path.join(cacheDirectory, key);
  const index = readIndex(folder);
  const complete = index && [...index.variants, index.stripped, index.preview].every((variant) => variant !== undefined && fs.existsSync(path.join(folder, variant.file)));
  return complete ? { ...index, folder } : undefined;
}

/**
 * The processed image of `data`: from the cache when it has it, else made (ImageProblem when it cannot be) and
 * stored. `made` says which, for the build's count.
 */
export async function cachedImage(data: Buffer, fileName: string, cacheDirectory: string = imageCacheDirectory): Promise<CachedImage & { made: boolean }> {
  const key = imageKey(data);
  const cached = cachedImageByKey(key, cacheDirectory);
  if (cached) return { ...cached, made: false };
  const folder = path.join(cacheDirectory, key);
  const image = await processImage(data, fileName);
  fs.mkdirSync(folder, { recursive: true });
  const store = (variant: ImageVariant, name: string): CachedVariant => {
    const file = `${name}.${extensionOf[variant.format]}`;
    // A new file, never the old one rewritten: an export may hold the old one as a hard link (site-images.ts).
    fs.writeFileSync(path.join(folder, `${file}.partial`), variant.data);
    fs.renameSync(path.join(folder, `${file}.partial`), path.join(folder, file));
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

/**
 * The keys of the photos the last build read, by their file and what stat says of it (size, change time, inode):
 * a file that stat says is unchanged is not read again, so a warm build of 200 camera photos reads none of their
 * gigabyte. An edit, a copy over it or a rename changes one of the three, and the file is read and hashed anew.
 * Kept per encoder settings (a change of them is a new key for every photo).
 */
export class SourceIndex {
  private readonly records: Map<string, { size: number; mtimeMs: number; ino: number; key: string }>;
  private readonly used = new Map<string, { size: number; mtimeMs: number; ino: number; key: string }>();

  private constructor(
    private readonly cacheDirectory: string,
    private readonly file: string,
    records: [string, { size: number; mtimeMs: number; ino: number; key: string }][],
  ) {
    this.records = new Map(records);
  }

  static load(cacheDirectory: string = imageCacheDirectory): SourceIndex {
    const file = path.join(cacheDirectory, `sources-${imageSettingsDigest().slice(0, 16)}.json`);
    try {
      return new SourceIndex(cacheDirectory, file, Object.entries(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, { size: number; mtimeMs: number; ino: number; key: string }>));
    } catch {
      return new SourceIndex(cacheDirectory, file, []);
    }
  }

  /** The processed image of the picture in `file`: from the cache without reading the file when stat says it is unchanged. */
  async image(file: string): Promise<CachedImage & { made: boolean }> {
    const stat = fs.statSync(file);
    // To the nearest millisecond: a time set back through a number of seconds (utimes) comes back a hair off.
    const mtimeMs = Math.round(stat.mtimeMs);
    const known = this.records.get(file);
    if (known && known.size === stat.size && known.mtimeMs === mtimeMs && known.ino === stat.ino) {
      const cached = cachedImageByKey(known.key, this.cacheDirectory);
      if (cached) {
        this.used.set(file, known);
        return { ...cached, made: false };
      }
    }
    // Stat before the read: a file changed meanwhile is recorded with its old stat, so the next build reads it again.
    const image = await cachedImage(fs.readFileSync(file), path.basename(file), this.cacheDirectory);
    this.used.set(file, { size: stat.size, mtimeMs, ino: stat.ino, key: image.key });
    return image;
  }

  /** Keeps the records of the files this build read (the others are gone or unused). */
  save(): void {
    if (this.used.size === 0) return;
    writeJsonAtomically(this.file, Object.fromEntries(this.used));
  }
}
