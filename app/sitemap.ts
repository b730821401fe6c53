import type { MetadataRoute } from 'next';
import { getSiteModel } from '@/lib/content';
import { sitemapEntries } from '@/lib/seo/sitemap';
import { seoPageForRoute } from '@/lib/seo/seo-page';
import { absoluteUrl, site } from '@/lib/site';

export const dynamic = 'force-static';

/** out/sitemap.xml: every URL the site shows (drafts are never built, redirects are not pages), with its last change where the page says. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { routes } = await getSiteModel();
  return sitemapEntries([...routes.values()].map((route) => ({ ...seoPageForRoute(route, site), url: route.url })), absoluteUrl);
}
