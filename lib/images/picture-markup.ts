/**
 * An `<img>` of a processed photo as a `<picture>`: AVIF, then WebP, each with every width in `srcset` and a `sizes`
 * that matches the text column (components/site-shell.tsx: 48rem wide less 1.25rem each side), then the `<img>`
 * itself with the fallback, the picture's own width and height (no layout shift), and its loading: eager with a high
 * fetch priority for the page's first picture (likely its largest paint), lazy and decoded off the main thread for
 * the others.
 */
import type { Element, Root } from 'hast';
import { SKIP, visit } from '@/lib/markdown/visit';
import { textColumnWidth } from './process-image';
import type { SiteImage } from './site-images';

/** What a window narrower than the column leaves it: 1.25rem each side. */
const columnMargin = 40;

/** `sizes` for a picture shown at most `width` CSS pixels wide (its `width` attribute), else the column's width. */
export function sizesFor(width: number | undefined): string {
  const shown = Math.min(width ?? textColumnWidth, textColumnWidth);
  return `(min-width: ${shown + columnMargin}px) ${shown}px, calc(100vw - ${columnMargin}px)`;
}

function numberAttribute(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number > 0 ? number : undefined;
}

/**
 * The `<picture>` for `img` showing `image`. Width and height the author gave stay; one of them alone gets the other
 * from the picture's proportions; neither, the picture's own.
 */
export function pictureFor(img: Element, image: SiteImage, { first }: { first: boolean }): Element {
  const givenWidth = numberAttribute(img.properties.width);
  const givenHeight = numberAttribute(img.properties.height);
  const width = givenWidth ?? (givenHeight ? Math.round((givenHeight * image.width) / image.height) : image.width);
  const height = givenHeight ?? Math.round((width * image.height) / image.width);
  // A picture narrower than the column is shown at its own width: `sizes` says so, or the browser would take its
  // widest file as the column's width and report (and lay out) the picture larger than it is.
  const sizes = sizesFor(givenWidth ?? (givenHeight ? width : Math.min(image.width, textColumnWidth)));
  const srcset = (format: 'avif' | 'webp') =>
    image.variants
      .filter((variant) => variant.format === format)
      .map((variant) => `${variant.url} ${variant.width}w`)
      .join(', ');
  const fallback = image.variants.find((variant) => variant.format !== 'avif' && variant.format !== 'webp') ?? image.variants.at(-1);
  const { loading: _loading, decoding: _decoding, fetchPriority: _priority, srcSet: _srcSet, sizes: _sizes, ...kept } = img.properties;
  return {
    type: 'element',
    tagName: 'picture',
    properties: {},
    children: [
      { type: 'element', tagName: 'source', properties: { type: 'image/avif', srcSet: srcset('avif'), sizes }, children: [] },
      { type: 'element', tagName: 'source', properties: { type: 'image/webp', srcSet: srcset('webp'), sizes }, children: [] },
      {
        type: 'element',
        tagName: 'img',
        properties: {
          ...kept,
          src: fallback?.url ?? image.url,
          width,
          height,
          ...(first ? { loading: 'eager', fetchPriority: 'high' } : { loading: 'lazy' }),
          decoding: first ? 'auto' : 'async',
        },
        children: [],
      },
    ],
  };
}

/** The processed photo an image's `src` names on the page at `pageUrl`, if any. */
export function photoAt(src: string, pageUrl: string, images: ReadonlyMap<string, SiteImage>): SiteImage | undefined {
  try {
    return images.get(decodeURIComponent(new URL(src, `https://site.invalid${pageUrl}`).pathname));
  } catch {
    return undefined;
  }
}

/**
 * Every `<img>` of a page that shows a processed photo, as its `<picture>`; the first picture of the page eager,
 * every other image (remote ones too) lazy. `pageUrl` is the page's site path, against which relative sources
 * resolve. Returns how many were replaced.
 */
export function rewritePictures(tree: Root, pageUrl: string, images: ReadonlyMap<string, SiteImage>): number {
  let replaced = 0;
  let firstSeen = false;
  visit(tree, 'element', (element: Element, index, parent) => {
    if (element.tagName !== 'img' || parent === undefined || index === undefined) return;
    if (parent.type === 'element' && parent.tagName === 'picture') return SKIP;
    const src = typeof element.properties.src === 'string' ? element.properties.src : '';
    const image = photoAt(src, pageUrl, images);
    const first = !firstSeen;
    firstSeen = true;
    if (!image) {
      if (!first && element.properties.loading === undefined) element.properties.loading = 'lazy';
      return;
    }
    parent.children[index] = pictureFor(element, image, { first });
    replaced++;
    return SKIP;
  });
  return replaced;
}
