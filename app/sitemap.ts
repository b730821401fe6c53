import type { MetadataRoute } from 'next';
import { getBuiltPages } from '@/lib/content';
import { sitemapEntries } from '@/lib/seo/sitemap';
import { absoluteUrl } from '@/lib/site';

export const dynamic = 'force-static';

/** out/sitemap.xml: every published page (drafts are never built), with its last change where the page says. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  return sitemapEntries(await getBuiltPages(), absoluteUrl);
}
