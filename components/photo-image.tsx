import type { ComponentPropsWithoutRef } from 'react';
import { photoAt, pictureFor } from '@/lib/images/picture-markup';
import type { SiteImage } from '@/lib/images/site-images';

/**
 * An MDX `<img>` on the dev server: a photo's `<picture>` made by the finish step's own function (pictureFor), so
 * that the author sees the markup the build ships; any other image as it is, lazy unless first.
 */
export function PhotoImage({ pageUrl, photos, first, ...props }: ComponentPropsWithoutRef<'img'> & { pageUrl: string; photos: ReadonlyMap<string, SiteImage>; first: boolean }) {
  const src = typeof props.src === 'string' ? props.src : undefined;
  const photo = src === undefined ? undefined : photoAt(src, pageUrl, photos);
  if (!photo) return <img {...props} loading={props.loading ?? (first ? undefined : 'lazy')} />;
  const picture = pictureFor({ type: 'element', tagName: 'img', properties: { src, alt: props.alt ?? '', width: props.width, height: props.height, title: props.title }, children: [] }, photo, { first });
  const [avif, webp, img] = picture.children.map((child) => (child.type === 'element' ? child.properties : {}));
  return (
    <picture>
      <source type="image/avif" srcSet={String(avif?.srcSet ?? '')} sizes={String(avif?.sizes ?? '')} />
      <source type="image/webp" srcSet={String(webp?.srcSet ?? '')} sizes={String(webp?.sizes ?? '')} />
      <img
        {...props}
        src={String(img?.src)}
        width={Number(img?.width)}
        height={Number(img?.height)}
        loading={img?.loading === 'eager' ? 'eager' : 'lazy'}
        decoding={img?.decoding === 'async' ? 'async' : 'auto'}
        fetchPriority={img?.fetchPriority === 'high' ? 'high' : undefined}
      />
    </picture>
  );
}
