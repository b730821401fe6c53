import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ContentErrors } from '@/lib/errors';
import { readPages } from '@/lib/content/pages';
import type { BuiltPage } from '@/lib/content/manifest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { prepareSiteImages, writeSiteImages } from './site-images';

async function photo(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: '#4682b4' } })
    .jpeg()
    .withExif({ IFD0: { Make: 'FixtureCam' } })
    .toBuffer();
}

/** A project with a bundle page and a plain page, built as pages whose compile reported `shown` (src and line) each. */
async function project(shown: Record<string, { src: string; line: number }[]>) {
  const root = tempFolder('site-images', {
    'content/trip/index.md': '+++\ntitle = "Trip"\n+++\nText.\n',
    'content/notes.md': '+++\ntitle = "Notes"\n+++\nText.\n',
    'content/trip/notes.jpg': 'a text file named like a photo',
    'public/img/.keep': '',
  });
  fs.writeFileSync(path.join(root, 'content/trip/photo.jpg'), await photo(1000, 500));
  fs.writeFileSync(path.join(root, 'public/img/wide.jpg'), await photo(1500, 500));
  const { pages, errors } = await readPages(path.join(root, 'content'));
  if (errors.length > 0) throw new ContentErrors(errors);
  const built = pages.map((page): BuiltPage => ({ ...page, body: { format: 'html', html: '', codeBlocks: 0, shownFiles: shown[page.url] ?? [] } }));
  return { root, pages: built, options: { contentDirectory: path.join(root, 'content'), publicDirectory: path.join(root, 'public'), cacheDirectory: path.join(root, 'cache') } };
}

describe('the photos of a site', () => {
  // Encoding AVIF takes seconds on a loaded machine.
  it('processes each photo once, from a bundle or public/, and writes its variants and a stripped original into the export', { timeout: 60_000 }, async () => {
    const { root, pages, options } = await project({
      '/trip/': [{ src: 'photo.jpg', line: 5 }, { src: '/img/wide.jpg', line: 7 }, { src: '/icon.svg', line: 9 }, { src: 'https://elsewhere.example/x.jpg', line: 11 }],
      '/notes/': [{ src: '/img/wide.jpg', line: 4 }],
    });
    const result = await prepareSiteImages(pages, options);
    expect(result.errors).toEqual([]);
    expect([...result.images.keys()]).toEqual(['/img/wide.jpg', '/trip/photo.jpg']);
    expect(result).toMatchObject({ made: 2, cached: 0 });
    const wide = result.images.get('/img/wide.jpg');
    expect(wide).toMatchObject({ width: 1500, height: 500 });
    expect(wide?.variants.map((variant) => variant.url.replace(/\/_img\/\w+\//, ''))).toEqual([
      ...[320, 640, 960, 1280, 1456].flatMap((width) => [`wide-${width}.avif`, `wide-${width}.webp`]),
      'wide-1280.jpg',
    ]);

    const out = path.join(root, 'out');
    fs.mkdirSync(path.join(out, 'trip'), { recursive: true });
    fs.copyFileSync(path.join(root, 'content/trip/photo.jpg'), path.join(out, 'trip/photo.jpg'));
    // Each page's first photo is its link preview, cropped to 1200 × 630 and published beside the variants.
    expect(Object.fromEntries(result.previews)).toEqual({
      '/trip/': { url: expect.stringMatching(/^\/_img\/\w{16}\/photo-preview\.jpg$/), width: 1200, height: 630 },
      '/notes/': { url: expect.stringMatching(/^\/_img\/\w{16}\/wide-preview\.jpg$/), width: 1200, height: 630 },
    });
    const written = writeSiteImages(out, result);
    expect(written.variants).toBe(11 + 9);
    for (const preview of result.previews.values()) expect(fs.existsSync(path.join(out, preview.url))).toBe(true);
    for (const variant of result.images.get('/trip/photo.jpg')?.variants ?? []) expect(fs.existsSync(path.join(out, variant.url))).toBe(true);
    // The camera's file in the export is the stripped one now.
    expect(fs.readFileSync(path.join(out, 'trip/photo.jpg')).includes(Buffer.from('FixtureCam'))).toBe(false);

    expect(await prepareSiteImages(pages, options)).toMatchObject({ made: 0, cached: 2 });
  });

  it('takes the picture a page names for its preview over its first photo, and no photo narrower than 600 pixels', { timeout: 60_000 }, async () => {
    const { root, pages, options } = await project({ '/trip/': [{ src: '/img/small.jpg', line: 5 }], '/notes/': [{ src: '/img/small.jpg', line: 4 }] });
    fs.writeFileSync(path.join(root, 'public/img/small.jpg'), await photo(400, 300));
    const named = pages.map((page) => (page.url === '/trip/' ? { ...page, previewImage: { src: 'photo.jpg', line: 3 } } : page));
    const { previews, errors } = await prepareSiteImages(named, options);
    expect(errors).toEqual([]);
    expect([...previews.keys()]).toEqual(['/trip/']);
    expect(previews.get('/trip/')?.url).toMatch(/photo-preview\.jpg$/);
  });

  it('names a photo it cannot publish at every line that shows it', { timeout: 60_000 }, async () => {
    const { pages, options } = await project({ '/trip/': [{ src: 'notes.jpg', line: 6 }], '/notes/': [{ src: '/trip/notes.jpg', line: 3 }] });
    const { errors, images } = await prepareSiteImages(pages, options);
    expect(images.size).toBe(0);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/content\/notes\.md:3: notes\.jpg is not a picture the build can read .* Open it in an image editor/),
      expect.stringMatching(/content\/trip\/index\.md:6: notes\.jpg is not a picture the build can read/),
    ]);
  });
});
