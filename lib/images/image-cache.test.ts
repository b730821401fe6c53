import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { cachedImage } from './image-cache';

describe('the image cache', () => {
  it('makes an image once, then serves it from its folder; other bytes are made apart', async () => {
    const cache = tempFolder('image-cache', {});
    const photo = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#a0522d' } }).jpeg().toBuffer();
    const first = await cachedImage(photo, 'a.jpg', cache);
    expect(first.made).toBe(true);
    expect(first.variants.map((variant) => variant.file)).toEqual(['320.avif', '320.webp', '400.avif', '400.webp', '400.jpg']);
    for (const variant of first.variants) expect(fs.statSync(path.join(first.folder, variant.file)).size).toBe(variant.bytes);
    const again = await cachedImage(photo, 'renamed.jpg', cache);
    expect(again).toEqual({ ...first, made: false });
    // A variant lost from the folder (a build stopped halfway, a cleaned disk): the image is made again.
    fs.rmSync(path.join(first.folder, '320.webp'));
    expect((await cachedImage(photo, 'a.jpg', cache)).made).toBe(true);
    const other = await cachedImage(await sharp({ create: { width: 400, height: 300, channels: 3, background: '#2e8b57' } }).jpeg().toBuffer(), 'b.jpg', cache);
    expect(other.key).not.toBe(first.key);
  });
});
