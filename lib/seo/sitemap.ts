import type { MetadataRoute } from 'next';
import { isoTime, type SeoPage } from './seo-page';

/**
 * Every published page for sitemap.xml (drafts never reach the page list), the home page first, each
 * with its last change from `updated` or `date` when the page has one.
 */
export function sitemapEntries(pages: readonly SeoPage[], absoluteUrl: (sitePath: string) => string): MetadataRoute.Sitemap {
  const byUrl = new Map(pages.map((page) => [page.url, page]));
  const urls = ['/', ...[...byUrl.keys()].filter((url) => url !== '/').sort()];
  return urls.map((url) => {
    const page = byUrl.get(url);
    const lastChange = page?.updated ?? page?.date;
    return { url: absoluteUrl(url), ...(lastChange !== undefined && { lastModified: isoTime(lastChange) }) };
  });
}
