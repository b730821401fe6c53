import type { Site } from '@/lib/site-config-schema';
import { isoTime, type SeoPage } from './seo-page';

/**
 * About pages are the pages whose address starts with an `about` segment: `/about/`, `/about-me/`,
 * `/about_us/`, `/about/team/`. They describe the site's author, so they carry the author as structured data.
 */
export function isAboutPage(page: Pick<SeoPage, 'slug'>): boolean {
  const first = page.slug[0];
  return first !== undefined && /^about(?:[-_]|$)/i.test(first);
}

/** schema.org's ProfilePage about the site's author (a Person), as search engines read it for profile pages. */
export function profilePageJsonLd(page: SeoPage, site: Site, absoluteUrl: (sitePath: string) => string): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url: absoluteUrl(page.url),
    name: page.title,
    description: page.description,
    inLanguage: page.lang,
    ...(page.date !== undefined && { dateCreated: isoTime(page.date) }),
    ...((page.updated ?? page.date) !== undefined && { dateModified: isoTime(page.updated ?? page.date ?? '') }),
    mainEntity: {
      '@type': 'Person',
      name: site.author,
      url: absoluteUrl('/'),
      ...(site.authorProfiles.length > 0 && { sameAs: site.authorProfiles }),
    },
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element. `<` (and `>`, `&`) become \u escapes, which JSON
 * reads as the same characters, so no text from a page can close the element (`</script>`) or open a comment.
 */
export function jsonLdText(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
