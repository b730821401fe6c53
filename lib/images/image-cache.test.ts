import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { cachedImage, SourceIndex } from './image-cache';

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

  it('does not read a photo again while stat says it is unchanged, and reads it once its change time moves', async () => {
    const cache = tempFolder('image-cache', {});
    const file = path.join(tempFolder('photos', {}), 'a.jpg');
    // Two photos of the same size in bytes that differ only in the camera's name.
    const taken = (make: string) => sharp({ create: { width: 64, height: 48, channels: 3, background: '#a0522d' } }).jpeg().withExif({ IFD0: { Make: make } }).toBuffer();
    const [first, second] = await Promise.all([taken('AAAA'), taken('BBBB')]);
    expect(second.length).toBe(first.length);
    fs.writeFileSync(file, first);
    const mtime = new Date(Date.UTC(2026, 5, 21, 18, 4, 0, 123));
    fs.utimesSync(file, mtime, mtime);
    const sources = SourceIndex.load(cache);
    const made = await sources.image(file);
    expect(made.made).toBe(true);
    sources.save();

    // The other photo written in place, its change time put back: stat says unchanged, so the file is not read.
    const handle = fs.openSync(file, 'r+');
    fs.writeSync(handle, second, 0, second.length, 0);
    fs.closeSync(handle);
    fs.utimesSync(file, mtime, mtime);
    expect(await SourceIndex.load(cache).image(file)).toMatchObject({ key: made.key, made: false });

    // A later change time: read, and the other photo's key.
    fs.utimesSync(file, new Date(mtime.getTime() + 5000), new Date(mtime.getTime() + 5000));
    const changed = await SourceIndex.load(cache).image(file);
    expect(changed).toMatchObject({ made: true });
    expect(changed.key).not.toBe(made.key);
  });
});
