import type { Metadata } from 'next';
import type { Site } from '@/lib/site-config-schema';
import { feedPath } from './atom-feed';
import { ogImageAlt, ogImagePath, ogImageSize } from './og-image';
import { documentTitle, isoTime, openGraphLocale, type SeoPage } from './seo-page';

/** The site config and the URL maker (lib/site.ts's absoluteUrl, which includes the base path). */
export interface SeoContext {
  site: Site;
  absoluteUrl: (sitePath: string) => string;
}

/** The Atom feed, as every page's <head> links it so feed readers find it from any page. */
export function feedAlternates({ site, absoluteUrl }: SeoContext): NonNullable<Metadata['alternates']>['types'] {
  return { 'application/atom+xml': [{ url: absoluteUrl(feedPath), title: site.name }] };
}

/**
 * Everything a page's <head> says about it to search engines and link previews: title, description,
 * canonical URL, feed link, OpenGraph (an article when the page is dated) and an X/Twitter large card.
 * Every URL is absolute, so it is right under a base path and when the page is shared.
 */
export function pageMetadata(page: SeoPage, context: SeoContext): Metadata {
  const { site, absoluteUrl } = context;
  const url = absoluteUrl(page.url);
  const alt = ogImageAlt(page.title, site);
  // A photo the page names or shows, cropped by the build (lib/images/), else the card drawn with its title.
  const { preview } = page;
  const image = preview
    ? { url: /^https:/i.test(preview.url) ? preview.url : absoluteUrl(preview.url), ...(preview.width && { width: preview.width, height: preview.height }), alt, ...(preview.url.endsWith('.jpg') && { type: 'image/jpeg' }) }
    : { url: absoluteUrl(ogImagePath(page.imageOf ?? page.url)), ...ogImageSize, alt, type: 'image/png' };
  const shared = {
    title: page.title,
    description: page.description,
    url,
    siteName: site.name,
    locale: openGraphLocale(page.lang),
    images: [image],
  };
  const openGraph: Metadata['openGraph'] =
    page.date === undefined
      ? { ...shared, type: 'website' }
      : {
          ...shared,
          type: 'article',
          publishedTime: isoTime(page.date),
          ...(page.updated !== undefined && { modifiedTime: isoTime(page.updated) }),
          authors: [site.author],
        };
  return {
    title: documentTitle(page, site),
    description: page.description,
    alternates: { canonical: url, types: feedAlternates(context) },
    openGraph,
    twitter: {
      card: 'summary_large_image',
      title: page.title,
      description: page.description,
      images: [{ url: image.url, alt: image.alt }],
      ...(site.twitter !== undefined && { site: site.twitter, creator: site.twitter }),
    },
  };
}
