import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { pictureFor, rewritePictures, sizesFor } from './picture-markup';
import type { SiteImage } from './site-images';

const photo: SiteImage = {
  url: '/trip/photo.jpg',
  width: 2400,
  height: 1600,
  variants: [
    ...[320, 640, 960, 1280, 1920, 2400].flatMap((width) =>
      (['avif', 'webp'] as const).map((format) => ({ url: `/_img/abc/photo-${width}.${format}`, format, width, height: (width * 2) / 3, bytes: 1, from: '' })),
    ),
    { url: '/_img/abc/photo-1280.jpg', format: 'jpeg' as const, width: 1280, height: 853, bytes: 1, from: '' },
  ],
  stripped: { from: '', bytes: 1 },
  preview: { url: '/_img/abc/photo-preview.jpg', format: 'jpeg', width: 1200, height: 630, bytes: 1, from: '' },
};

const html = (root: Root) => toHtml(root);

describe('pictureFor', () => {
  it('offers AVIF then WebP at every width, with the column’s sizes, and the JPEG with the photo’s size', () => {
    const img: Element = { type: 'element', tagName: 'img', properties: { src: 'photo.jpg', alt: 'The coast', loading: 'lazy' }, children: [] };
    const picture = pictureFor(img, photo, { first: false });
    expect(toHtml(picture)).toBe(
      '<picture>' +
        `<source type="image/avif" srcset="${[320, 640, 960, 1280, 1920, 2400].map((w) => `/_img/abc/photo-${w}.avif ${w}w`).join(', ')}" sizes="(min-width: 768px) 728px, calc(100vw - 40px)">` +
        `<source type="image/webp" srcset="${[320, 640, 960, 1280, 1920, 2400].map((w) => `/_img/abc/photo-${w}.webp ${w}w`).join(', ')}" sizes="(min-width: 768px) 728px, calc(100vw - 40px)">` +
        '<img src="/_img/abc/photo-1280.jpg" alt="The coast" width="2400" height="1600" loading="lazy" decoding="async">' +
        '</picture>',
    );
  });

  it('keeps a size the author gave, completes the other from the proportions, and sizes the picture to it', () => {
    const img: Element = { type: 'element', tagName: 'img', properties: { src: 'photo.jpg', alt: '', width: '480' }, children: [] };
    const out = toHtml(pictureFor(img, photo, { first: true }));
    expect(out).toContain('width="480" height="320" loading="eager" fetchpriority="high" decoding="auto"');
    expect(out).toContain(`sizes="${sizesFor(480)}"`);
    expect(sizesFor(480)).toBe('(min-width: 520px) 480px, calc(100vw - 40px)');
  });
});

describe('a picture narrower than the column', () => {
  it('is sized at its own width, so that the browser does not take its file for the column’s width', () => {
    const small: SiteImage = { ...photo, width: 160, height: 100, variants: [{ url: '/_img/s/small-160.avif', format: 'avif', width: 160, height: 100, bytes: 1, from: '' }] };
    const img: Element = { type: 'element', tagName: 'img', properties: { src: 'small.jpg', alt: '' }, children: [] };
    expect(toHtml(pictureFor(img, small, { first: false }))).toContain('sizes="(min-width: 200px) 160px, calc(100vw - 40px)"');
  });
});

describe('rewritePictures', () => {
  it('turns the photos of a page into pictures, the first eager, and makes other images lazy', () => {
    const tree = fromHtml(
      '<main><img src="https://elsewhere.example/a.png" alt="a"><p><img src="photo.jpg" alt="b"></p><img src="/trip/photo.jpg" alt="c"><img src="/icon.svg" alt="d"></main>',
      { fragment: true },
    );
    expect(rewritePictures(tree, '/trip/', new Map([[photo.url, photo]]))).toBe(2);
    const out = html(tree);
    // The remote image comes first: it is the page's first image, so it keeps its eager default, and the photos are lazy.
    expect(out).toContain('<img src="https://elsewhere.example/a.png" alt="a">');
    expect(out.match(/<picture>/g)).toHaveLength(2);
    expect(out).toContain('alt="b" width="2400" height="1600" loading="lazy" decoding="async"');
    expect(out).toContain('<img src="/icon.svg" alt="d" loading="lazy">');
  });

  it('leaves a page without photos as it was', () => {
    const tree = fromHtml('<p><img src="/a.svg" alt=""></p>', { fragment: true });
    expect(rewritePictures(tree, '/', new Map([[photo.url, photo]]))).toBe(0);
    expect(html(tree)).toBe('<p><img src="/a.svg" alt=""></p>');
  });
});
