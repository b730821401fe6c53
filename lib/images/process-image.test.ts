import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ImageProblem, imageKey, processImage, readImageHeader, variantWidths } from './process-image';

/** A photo-like JPEG (a gradient with noise, so that it compresses like one) with EXIF: a camera, a GPS position, an orientation. */
async function cameraJpeg(width: number, height: number, orientation = 1): Promise<Buffer> {
  const noise = await sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).png().toBuffer();
  return sharp(noise)
    .jpeg({ quality: 92 })
    .withExif({ IFD0: { Make: 'FixtureCam', Model: 'Model 1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 20/1 0/1' } })
    .withMetadata({ orientation })
    .toBuffer();
}

describe('variantWidths', () => {
  it('makes the widths below the original, then the original, never wider than the widest', () => {
    expect(variantWidths(1000)).toEqual([320, 640, 960, 1000]);
    expect(variantWidths(1400)).toEqual([320, 640, 960, 1280, 1400]);
    expect(variantWidths(6000)).toEqual([320, 640, 960, 1280, 1456]);
    expect(variantWidths(200)).toEqual([200]);
    expect(variantWidths(320)).toEqual([320]);
  });
});

describe('processImage', () => {
  it('makes AVIF and WebP at each width and a JPEG fallback, upright, without a byte of the camera’s metadata', async () => {
    // Stored 300 × 200 with orientation 6: upright it is 200 × 300.
    const original = await cameraJpeg(300, 200, 6);
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const image = await processImage(original, 'photo.jpg');
    expect({ width: image.width, height: image.height, format: image.format }).toEqual({ width: 200, height: 300, format: 'jpeg' });
    expect(image.variants.map((variant) => `${variant.format} ${variant.width}×${variant.height}`)).toEqual(['avif 200×300', 'webp 200×300', 'jpeg 200×300']);
    for (const variant of [...image.variants, image.stripped]) {
      const metadata = await sharp(variant.data).metadata();
      expect(metadata.exif, variant.format).toBeUndefined();
      expect(metadata.xmp, variant.format).toBeUndefined();
      expect(metadata.orientation ?? 1, variant.format).toBe(1);
      expect(variant.data.includes(Buffer.from('FixtureCam')), variant.format).toBe(false);
    }
    expect(image.stripped).toMatchObject({ format: 'jpeg', width: 200, height: 300 });
    expect(image.preview).toMatchObject({ format: 'jpeg', width: 1200, height: 630 });
  });

  it('never makes a variant wider than the original, and keeps a PNG’s fallback a PNG', async () => {
    const png = await sharp({ create: { width: 700, height: 350, channels: 4, background: '#336699cc' } }).png().toBuffer();
    const image = await processImage(png, 'chart.png');
    expect(image.variants.map((variant) => `${variant.format} ${variant.width}`)).toEqual(['avif 320', 'webp 320', 'avif 640', 'webp 640', 'avif 700', 'webp 700', 'png 700']);
    expect(image.stripped.format).toBe('png');
  });

  it('gives the same key for the same bytes only', async () => {
    const a = await cameraJpeg(40, 30);
    expect(imageKey(a)).toBe(imageKey(Buffer.from(a)));
    expect(imageKey(a)).not.toBe(imageKey(await cameraJpeg(40, 31)));
  });
});

describe('readImageHeader refuses what it cannot publish, saying why', () => {
  const problem = async (data: Buffer, name: string) => {
    try {
      await readImageHeader(data, name);
    } catch (error) {
      if (error instanceof ImageProblem) return error.message;
      throw error;
    }
    return 'no problem';
  };

  it('an empty file, text with an image name, a truncated JPEG, a JPEG named .png', async () => {
    const jpeg = await cameraJpeg(64, 48);
    expect(await problem(Buffer.alloc(0), 'empty.jpg')).toBe('empty.jpg is empty (0 bytes).');
    expect(await problem(Buffer.from('not a picture at all'), 'notes.jpg')).toMatch(/^notes\.jpg is not a picture the build can read/);
    expect(await problem(jpeg.subarray(0, 40), 'cut.jpg')).toMatch(/^cut\.jpg is not a picture the build can read/);
    expect(await problem(jpeg, 'photo.png')).toBe('photo.png is a JPEG file, not what .png says.');
  });

  it('a decompression bomb: a small PNG that claims 50,000 × 50,000 pixels', async () => {
    // A valid PNG header and IHDR for 50,000 × 50,000, and nothing else: a few dozen bytes.
    const bomb = await sharp({ create: { width: 1, height: 1, channels: 3, background: '#000' } }).png().toBuffer();
    const ihdr = bomb.indexOf('IHDR');
    bomb.writeUInt32BE(50_000, ihdr + 4);
    bomb.writeUInt32BE(50_000, ihdr + 8);
    expect(await problem(bomb, 'bomb.png')).toMatch(/^bomb\.png (claims 50000 × 50000 pixels|is not a picture the build can read)/);
    await expect(processImage(bomb, 'bomb.png')).rejects.toBeInstanceOf(ImageProblem);
  });
});
