import type { Site } from '@/lib/site-config-schema';
import { isoTime, type SeoPage } from './seo-page';
import { escapeXml } from './xml';

/** Where the feed lives; every page's <head> links it. */
export const feedPath = '/atom.xml';

/**
 * A feed with nothing dated in it still needs an <updated> (RFC 4287 §4.1.1). The start of the Unix epoch keeps
 * the build reproducible, where the build's own time would change the file on every build.
 */
const noDateYet = '1970-01-01T00:00:00Z';

interface FeedEntry {
  page: SeoPage;
  published: string | undefined;
  updated: string;
}

/** Pages with a `date` (or at least an `updated`), newest first; the others are not posts. */
export function feedEntries(pages: readonly SeoPage[]): FeedEntry[] {
  return pages
    .filter((page) => page.date !== undefined || page.updated !== undefined)
    .map((page) => {
      const published = page.date === undefined ? undefined : isoTime(page.date);
      const updated = page.updated === undefined ? (published ?? noDateYet) : isoTime(page.updated);
      return { page, published, updated };
    })
    .sort((a, b) => (b.published ?? b.updated).localeCompare(a.published ?? a.updated) || a.page.url.localeCompare(b.page.url));
}

/**
 * The site's Atom 1.0 feed (RFC 4287) of its dated pages. Ids are the pages' canonical URLs, which stay
 * the same as long as a page keeps its address.
 */
export function atomFeed(
  pages: readonly SeoPage[],
  site: Site,
  absoluteUrl: (sitePath: string) => string,
  /** A section's or a term's feed: its own path, the page it follows, its title. The site's feed when unset. */
  of: { selfPath: string; alternatePath: string; title: string } = { selfPath: feedPath, alternatePath: '/', title: site.name },
): string {
  const entries = feedEntries(pages);
  const home = absoluteUrl('/');
  const alternate = absoluteUrl(of.alternatePath);
  const feedUpdated = entries.reduce((newest, entry) => (entry.updated > newest ? entry.updated : newest), noDateYet);
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(site.lang)}">`,
    `  <id>${escapeXml(of.alternatePath === '/' ? home : absoluteUrl(of.selfPath))}</id>`,
    `  <title>${escapeXml(of.title)}</title>`,
    `  <subtitle>${escapeXml(site.description)}</subtitle>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <author><name>${escapeXml(site.author)}</name><uri>${escapeXml(home)}</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeXml(absoluteUrl(of.selfPath))}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeXml(alternate)}"/>`,
  ];
  for (const { page, published, updated } of entries) {
    const url = escapeXml(absoluteUrl(page.url));
    const lang = page.lang === site.lang ? '' : ` xml:lang="${escapeXml(page.lang)}"`;
    lines.push(
      `  <entry${lang}>`,
      `    <id>${url}</id>`,
      `    <title>${escapeXml(page.title)}</title>`,
      `    <updated>${updated}</updated>`,
      ...(published === undefined ? [] : [`    <published>${published}</published>`]),
      `    <link rel="alternate" type="text/html" href="${url}"/>`,
      `    <summary>${escapeXml(page.description)}</summary>`,
      '  </entry>',
    );
  }
  lines.push('</feed>', '');
  return lines.join('\n');
}
