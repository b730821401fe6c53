import type { BuiltPage, SiteRoute } from '@/lib/content';
import { taxonomyTitle } from '@/lib/content/site-model';
import type { Site } from '@/lib/site-config-schema';

/** What the SEO and sharing outputs need to know of a page: no body, so feeds and sitemaps stay cheap. */
export type SeoPage = Pick<BuiltPage, 'url' | 'slug' | 'title' | 'description' | 'date' | 'updated' | 'lang' | 'options' | 'preview'> & {
  /** The page whose preview image this one shares (a list's later pages, a term's list); its own URL when unset. */
  imageOf?: string;
};

/** What a route's <head> says: a page's or section's own fields; for lists of terms, words made from the taxonomy. */
export function seoPageForRoute(route: SiteRoute | undefined, site: Site): SeoPage {
  if (!route || route.kind === 'home') return seoPageFor(route?.page, site);
  const base = { slug: route.url.split('/').filter(Boolean), date: undefined, updated: undefined, lang: site.lang, options: site.defaults, imageOf: '/' };
  switch (route.kind) {
    case 'page':
      return route.page;
    case 'section': {
      const number = route.paginator?.number ?? 1;
      return number === 1 ? route.page : { ...route.page, url: route.url, slug: base.slug, title: `${route.page.title}, page ${number}`, imageOf: route.page.url };
    }
    case 'taxonomy':
      return { ...base, url: route.url, title: taxonomyTitle(route.taxonomy.name), description: `Every ${route.taxonomy.name} term of ${site.name}, with its pages.` };
    case 'term': {
      const number = route.paginator?.number ?? 1;
      return { ...base, url: route.url, title: `${taxonomyTitle(route.taxonomy.name)}: ${route.term.name}${number > 1 ? `, page ${number}` : ''}`, description: `Pages of ${site.name} in ${route.taxonomy.name} “${route.term.name}”.` };
    }
  }
}

/**
 * The page at a URL, or for the home page of a site without content/index.md, the home page the route
 * renders from the site config: its name, description and language.
 */
export function seoPageFor(page: SeoPage | undefined, site: Site): SeoPage {
  return page ?? { url: '/', slug: [], title: site.name, description: site.description, date: undefined, updated: undefined, lang: site.lang, options: site.defaults };
}

/** The document <title>: the home page is the site's name, every other page says which site it belongs to. */
export function documentTitle(page: SeoPage, site: Site): string {
  return page.url === '/' ? page.title : `${page.title} · ${site.name}`;
}

/**
 * A page's language tag as an OpenGraph locale (`language_TERRITORY`): `en` → `en_US`, `pt-BR` → `pt_BR`,
 * filling in the likeliest territory as Unicode's likely-subtags data gives it.
 */
export function openGraphLocale(lang: string): string {
  try {
    const locale = new Intl.Locale(lang).maximize();
    return locale.region ? `${locale.language}_${locale.region}` : locale.language;
  } catch {
    return lang.replace('-', '_');
  }
}

/** A front-matter date (`2024-05-01` or a full ISO time) as an RFC 3339 time, which Atom and sitemaps want. */
export function isoTime(date: string): string {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : new Date(date).toISOString();
}
