/**
 * The site as Zola's content model sees it, from the compiled pages: which URL shows what (a page, a section
 * with its sorted and paginated pages, a taxonomy's terms, a term's pages), which paths redirect where, and
 * which feeds to write. A pure function of the pages and the site config: the build computes it once to
 * report every problem before Next starts, and Next's renderers compute the same from the same manifest.
 */
import { ContentError } from '@/lib/errors';
import type { Site, TaxonomyConfig } from '@/lib/site-config-schema';
import type { SortMode } from './front-matter';
import type { BuiltPage } from './manifest';
import type { Page } from './pages';
import { slugProblem, urlForSlug } from './page-urls';
import { zolaSlug } from './zola-slug';
import { homeProfile, isHomeSection, postSettings } from './serene-fields';

/**
 * What the model reads of a page: everything but its body. Read pages (`Page`) and compiled ones (`BuiltPage`)
 * both are one, so the site's URLs are known before any page compiles (the dev server's list of URLs).
 */
export type ModelPage = Omit<Page, 'body'>;

/** A link to another page of the site, with what a list shows of it. */
export interface PageLink {
  url: string;
  title: string;
}

/** Which of several pages of one list a URL shows. */
export interface Paginator {
  /** 1-based. */
  number: number;
  count: number;
  /** The URL of each page of the list, the first being the section's or term's own. */
  urls: string[];
  previous: string | undefined;
  next: string | undefined;
}

export type SiteRoute<P extends ModelPage = BuiltPage> =
  | {
      kind: 'page';
      url: string;
      page: P;
      section: PageLink | undefined;
      earlier: PageLink | undefined;
      later: PageLink | undefined;
      /** serene's `outdate_alert`: how many days before the build the page was last updated, when that is more than its limit. */
      outdated?: { days: number; lastUpdate: string };
    }
  | {
      kind: 'section';
      url: string;
      page: P;
      items: P[];
      subsections: PageLink[];
      paginator: Paginator | undefined;
      feed: string | undefined;
      /** On a home page with serene's `recent = true`: the newest posts of the blog section, and its URL. */
      recent?: { url: string; pages: P[] };
    }
  /** The home page of a site without content/_index.md: content/index.md's text if there is one, then every page. */
  | { kind: 'home'; url: '/'; page: P | undefined; items: P[] }
  | { kind: 'taxonomy'; url: string; taxonomy: TaxonomyConfig; terms: TermSummary[] }
  | {
      kind: 'term';
      url: string;
      taxonomy: TaxonomyConfig;
      term: TermSummary;
      items: P[];
      paginator: Paginator | undefined;
      feed: string | undefined;
      /** On a serene site (its blog section has `template = "blog.html"`): list the pages as the blog does, dates in its `date_format`. */
      datedList?: { dateFormat: string | undefined };
    };

export interface TermSummary {
  name: string;
  slug: string;
  url: string;
  count: number;
}

/** A path that sends its visitor elsewhere: an alias of a page, a section's `redirect_to`, a list's `page/1/`. */
export interface Redirect {
  /** The site path it answers at: `/old/` (a folder, served by its index.html) or `/old.html`. */
  from: string;
  /** A site path or an absolute URL. */
  to: string;
}

export interface FeedPlan<P extends ModelPage = BuiltPage> {
  /** The feed's own site path: /posts/atom.xml. */
  url: string;
  /** The page the feed follows: /posts/. */
  alternate: string;
  title: string;
  pages: P[];
}

export interface SiteModel<P extends ModelPage = BuiltPage> {
  routes: Map<string, SiteRoute<P>>;
  redirects: Redirect[];
  feeds: FeedPlan<P>[];
}

/** How `sort_by` orders two pages that both have what it sorts by. */
const comparators: Record<Exclude<SortMode, 'none'>, (a: ModelPage, b: ModelPage) => number> = {
  date: (a, b) => (b.date ?? '').localeCompare(a.date ?? ''),
  update_date: (a, b) => (b.updated ?? b.date ?? '').localeCompare(a.updated ?? a.date ?? ''),
  title: (a, b) => a.title.localeCompare(b.title, undefined, { numeric: true, sensitivity: 'base' }),
  title_bytes: (a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0),
  weight: (a, b) => (a.weight ?? 0) - (b.weight ?? 0),
  slug: (a, b) => (a.slug.at(-1) ?? '').localeCompare(b.slug.at(-1) ?? '', undefined, { numeric: true }),
};

/** Whether a page has what `sort_by` needs. */
function sortable(page: ModelPage, mode: SortMode): boolean {
  if (mode === 'date') return page.date !== undefined;
  if (mode === 'update_date') return page.date !== undefined || page.updated !== undefined;
  if (mode === 'weight') return page.weight !== undefined;
  return true;
}

/**
 * A section's pages in its order. Pages that lack what it sorts by come after the sorted ones, in file order
 * (Zola leaves them out of the list; a page that vanishes from its section's list is worse than one at its end).
 */
export function sortPages<P extends ModelPage>(pages: readonly P[], mode: SortMode): P[] {
  const byFile = [...pages].sort((a, b) => a.file.localeCompare(b.file));
  if (mode === 'none') return byFile;
  const compare = comparators[mode];
  const sorted = byFile.filter((page) => sortable(page, mode)).sort((a, b) => compare(a, b) || a.url.localeCompare(b.url));
  return [...sorted, ...byFile.filter((page) => !sortable(page, mode))];
}

/** The folder a section's file sits in, one up: the folder of the section above it. */
function parentFolder(folder: string): string | undefined {
  if (folder === '') return undefined;
  const cut = folder.lastIndexOf('/');
  return cut === -1 ? '' : folder.slice(0, cut);
}

/** Splits a list into pages of `size` at `url`, `url/{path}/2/`…; one page when size is undefined. */
function paginate<T>(items: readonly T[], size: number | undefined, url: string, paginatePath: string): { items: T[]; paginator: Paginator | undefined }[] {
  if (size === undefined) return [{ items: [...items], paginator: undefined }];
  const count = Math.max(1, Math.ceil(items.length / size));
  const urls = Array.from({ length: count }, (_, index) => (index === 0 ? url : `${url}${paginatePath}/${index + 1}/`));
  return urls.map((_, index) => ({
    items: items.slice(index * size, (index + 1) * size),
    paginator: { number: index + 1, count, urls, previous: urls[index - 1], next: urls[index + 1] },
  }));
}

const link = (page: ModelPage): PageLink => ({ url: page.url, title: page.title });

/**
 * serene's outdate alert, decided on the build's day (`today`, YYYY-MM-DD, part of the route and so of its
 * render-cache key): a page with `outdate_alert` whose last update is more than `outdate_alert_days` (120 by
 * default) days old.
 */
function outdated(page: ModelPage, today: string): { outdated?: { days: number; lastUpdate: string } } {
  const settings = postSettings(page.extra);
  const lastUpdate = page.updated ?? page.date;
  if (!settings.outdate_alert || lastUpdate === undefined) return {};
  const days = Math.floor((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${lastUpdate.slice(0, 10)}T00:00:00Z`)) / 86_400_000);
  return days > (settings.outdate_alert_days ?? 120) ? { outdated: { days, lastUpdate } } : {};
}

/** The day a build runs on, as the outdate alert counts days (UTC, YYYY-MM-DD). */
export const buildDay = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Whether the pages as built change with the build's day: a page with an outdate alert and a date to count from. */
export function dependsOnBuildDay(pages: readonly ModelPage[]): boolean {
  return pages.some((page) => postSettings(page.extra).outdate_alert === true && (page.updated ?? page.date) !== undefined);
}

/**
 * The section serene calls the blog: the one at the site config's `extra.blog_section_path` (serene's
 * config.toml key), else the first with `template = "blog.html"`.
 */
export function blogSection<P extends ModelPage>(sections: readonly P[], site: Pick<Site, 'extra'>): P | undefined {
  const configured = site.extra.blog_section_path;
  if (typeof configured === 'string') {
    const url = `/${configured.split('/').filter(Boolean).join('/')}/`.replace(/^\/\/$/, '/');
    const found = sections.find((section) => section.url === url);
    if (found) return found;
  }
  return [...sections].sort((a, b) => a.file.localeCompare(b.file)).find((section) => section.templateName === 'blog.html');
}

/** A taxonomy's name as a heading: `tags` → Tags. */
export function taxonomyTitle(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** A term's page: /tags/rust/, its slug made as Zola makes it. */
export function termUrl(taxonomy: string, term: string): string {
  return `${urlForSlug([taxonomy])}${zolaSlug(term)}/`;
}

/**
 * The site model of the published pages, and every problem in it (URLs claimed twice, redirects that climb
 * out or land nowhere), each with its file and line.
 */
export function buildSiteModel<P extends ModelPage>(
  pages: readonly P[],
  site: Pick<Site, 'taxonomies' | 'feedFilename' | 'name' | 'extra'>,
  today: string = buildDay(),
): { model: SiteModel<P>; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const routes = new Map<string, SiteRoute<P>>();
  const redirects: Redirect[] = [];
  const feeds: FeedPlan<P>[] = [];
  const claimedBy = new Map<string, string>();
  const claim = (url: string, by: string, where: { file: string; line?: number }) => {
    const earlier = claimedBy.get(url);
    if (earlier !== undefined) {
      errors.push(new ContentError(where, `${by} would be at ${url}, which ${earlier} already is.`, 'Change one of them: each URL of the site shows one thing.'));
      return false;
    }
    claimedBy.set(url, by);
    return true;
  };

  const sections = new Map(pages.filter((page) => page.kind === 'section').map((section) => [section.folder, section]));
  const plainPages = pages.filter((page) => page.kind === 'page');
  for (const page of plainPages) claimedBy.set(page.url, page.file);
  for (const section of sections.values()) if (section.section?.render !== false) claimedBy.set(section.url, section.file);

  /** The nearest section above a folder (itself excluded), if any. */
  const sectionAbove = (folder: string): P | undefined => {
    for (let current = parentFolder(folder); current !== undefined; current = parentFolder(current)) {
      const found = sections.get(current);
      if (found) return found;
    }
    return undefined;
  };
  /** A section's own pages, and those of its transparent subsections (Zola's `transparent`). */
  const pagesOf = (section: P): P[] => {
    const own = plainPages.filter((page) => page.folder === section.folder);
    const transparent = [...sections.values()].filter((child) => child.section?.transparent && sectionAbove(child.folder) === section);
    return [...own, ...transparent.flatMap(pagesOf)];
  };

  const pageRoutes = new Map<string, Extract<SiteRoute<P>, { kind: 'page' }>>();
  for (const page of plainPages) {
    const owner = sections.get(page.folder);
    pageRoutes.set(page.url, { kind: 'page', url: page.url, page, section: owner && owner.section?.render !== false ? link(owner) : undefined, earlier: undefined, later: undefined, ...outdated(page, today) });
  }

  for (const section of sections.values()) {
    const settings = section.section;
    if (!settings) continue;
    const sorted = sortPages(pagesOf(section), settings.sortBy);
    // Earlier and later pages, in the section's date order (Zola's lower and higher).
    if (settings.sortBy === 'date' || settings.sortBy === 'update_date') {
      const dated = sorted.filter((page) => sortable(page, settings.sortBy));
      dated.forEach((page, index) => {
        const route = pageRoutes.get(page.url);
        if (!route || page.folder !== section.folder) return;
        const later = dated[index - 1];
        const earlier = dated[index + 1];
        route.later = later && link(later);
        route.earlier = earlier && link(earlier);
      });
    }
    if (settings.redirectTo !== undefined) {
      const to = redirectTarget(settings.redirectTo);
      if (typeof to !== 'string') errors.push(new ContentError({ file: section.file, line: settings.lines.redirectTo }, to.problem, to.hint));
      else redirects.push({ from: section.url, to });
      continue;
    }
    if (!settings.render) continue;
    const listed = settings.paginateReversed ? [...sorted].reverse() : sorted;
    const subsections = [...sections.values()].filter((child) => child !== section && sectionAbove(child.folder) === section && child.section?.render !== false && !child.section?.transparent).sort((a, b) => (a.weight ?? 0) - (b.weight ?? 0) || a.url.localeCompare(b.url)).map(link);
    const feed = settings.generateFeeds ? `${section.url}${site.feedFilename}` : undefined;
    for (const { items, paginator } of paginate(listed, settings.paginateBy, section.url, settings.paginatePath)) {
      const url = paginator?.urls[paginator.number - 1] ?? section.url;
      if (url !== section.url && !claim(url, `page ${paginator?.number} of ${section.file}'s list`, { file: section.file })) continue;
      routes.set(url, { kind: 'section', url, page: section, items, subsections, paginator, feed });
    }
    if (settings.paginateBy !== undefined) redirects.push({ from: `${section.url}${settings.paginatePath}/1/`, to: section.url });
    if (feed) feeds.push({ url: feed, alternate: section.url, title: `${section.title} · ${site.name}`, pages: sorted.filter((page) => page.date !== undefined || page.updated !== undefined) });
  }
  for (const route of pageRoutes.values()) if (route.url !== '/') routes.set(route.url, route);
  const blog = blogSection([...sections.values()], site);
  const home = routes.get('/');
  if (home?.kind === 'section' && isHomeSection(home.page)) {
    const profile = homeProfile(home.page.homeExtra ?? {});
    if (profile.recent && blog) home.recent = { url: blog.url, pages: sortPages(pagesOf(blog), blog.section?.sortBy ?? 'date').slice(0, profile.recent_max ?? 15) };
  }
  if (!routes.has('/')) routes.set('/', { kind: 'home', url: '/', page: pageRoutes.get('/')?.page, items: plainPages.filter((page) => page.url !== '/') });

  for (const taxonomy of site.taxonomies) {
    if (!taxonomy.render) continue;
    const terms = new Map<string, { name: string; pages: P[] }>();
    for (const page of plainPages) {
      for (const name of page.taxonomies.find((entry) => entry.name === taxonomy.name)?.terms ?? []) {
        const slug = zolaSlug(name);
        const term = terms.get(slug) ?? { name, pages: [] };
        term.pages.push(page);
        terms.set(slug, term);
      }
    }
    const taxonomyUrl = urlForSlug([taxonomy.name]);
    const reserved = slugProblem([taxonomy.name]);
    if (reserved) {
      errors.push(new ContentError({ file: 'site.config.ts' }, `the taxonomy \`${taxonomy.name}\` ${reserved.problem}`, 'Rename the taxonomy.'));
      continue;
    }
    if (!claim(taxonomyUrl, `the taxonomy ${taxonomy.name}`, { file: claimedBy.get(taxonomyUrl) ?? 'site.config.ts' })) continue;
    const summaries = [...terms.entries()]
      .map(([slug, term]): TermSummary => ({ name: term.name, slug, url: termUrl(taxonomy.name, term.name), count: term.pages.length }))
      .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
    routes.set(taxonomyUrl, { kind: 'taxonomy', url: taxonomyUrl, taxonomy, terms: summaries });
    for (const summary of summaries) {
      const termPages = sortPages(terms.get(summary.slug)?.pages ?? [], 'date');
      const feed = taxonomy.feed ? `${summary.url}${site.feedFilename}` : undefined;
      for (const { items, paginator } of paginate(termPages, taxonomy.paginate_by, summary.url, taxonomy.paginate_path)) {
        const url = paginator?.urls[paginator.number - 1] ?? summary.url;
        const first = termPages[0];
        if (!claim(url, `the ${taxonomy.name} term "${summary.name}"`, { file: claimedBy.get(url) ?? first?.file ?? 'site.config.ts' })) continue;
        routes.set(url, { kind: 'term', url, taxonomy, term: summary, items, paginator, feed, ...(blog?.templateName === 'blog.html' && { datedList: { dateFormat: postSettings(blog.extra).date_format } }) });
      }
      if (taxonomy.paginate_by !== undefined) redirects.push({ from: `${summary.url}${taxonomy.paginate_path}/1/`, to: summary.url });
      if (feed) feeds.push({ url: feed, alternate: summary.url, title: `${summary.name} · ${site.name}`, pages: termPages.filter((page) => page.date !== undefined || page.updated !== undefined) });
    }
  }

  for (const page of pages) {
    for (const alias of page.aliases) {
      const from = aliasPath(alias.path);
      const where = { file: page.file, line: alias.line };
      if (typeof from !== 'string') {
        errors.push(new ContentError(where, `the alias ${JSON.stringify(alias.path)} ${from.problem}`, from.hint));
        continue;
      }
      const existing = claimedBy.get(from) ?? claimedBy.get(from.replace(/index\.html$/, ''));
      if (existing !== undefined) {
        errors.push(new ContentError(where, `the alias ${JSON.stringify(alias.path)} is ${from}, which ${existing === page.file ? 'is this page itself' : `${existing} already is`}.`, 'Remove the alias, or choose a path no page has.'));
        continue;
      }
      claimedBy.set(from, `an alias of ${page.file}`);
      redirects.push({ from, to: page.url });
    }
  }
  // A redirect that lands on another redirect, or nowhere on the site, is a visitor's dead end.
  for (const section of sections.values()) {
    const settings = section.section;
    const target = settings?.redirectTo === undefined ? undefined : redirectTarget(settings.redirectTo);
    if (typeof target === 'string' && target.startsWith('/') && !routes.has(target.split('#')[0] ?? '') && !isFileTarget(target)) {
      errors.push(new ContentError({ file: section.file, line: settings?.lines.redirectTo }, `\`redirect_to\` points to ${target}, which is not a page of this site.`, `Point it at a page's path (${[...routes.keys()].slice(0, 5).join(', ')}, …) or at a full https:// URL.`));
    }
  }
  return { model: { routes, redirects, feeds }, errors };
}

/** A target with a file name (`/cv.pdf`) rather than a page path: served from public/ or a bundle, not a route. */
function isFileTarget(target: string): boolean {
  return /\.[a-z0-9]+$/i.test(target.split(/[?#]/)[0] ?? '');
}

interface TargetProblem {
  problem: string;
  hint: string;
}

/** A `redirect_to` as a site path (`/docs/intro/`) or an http(s) URL; Zola reads a bare path as relative to the site's root. */
export function redirectTarget(value: string): string | TargetProblem {
  const written = value.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(written)) {
    let url: URL;
    try {
      url = new URL(written);
    } catch {
      return { problem: `\`redirect_to\` ${JSON.stringify(value)} is not a URL.`, hint: 'Write a site path such as "docs/intro/" or a full https:// URL.' };
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return { problem: `\`redirect_to\` ${JSON.stringify(value)} is a ${url.protocol} URL.`, hint: 'A redirect may lead to a site path or an http(s) URL only.' };
    return url.href;
  }
  if (/^[/\\]{2}/.test(written) || written.includes('\\') || /[\s<>"]/.test(written)) {
    return { problem: `\`redirect_to\` ${JSON.stringify(value)} is not a path on this site.`, hint: 'Write a site path such as "docs/intro/" or a full https:// URL.' };
  }
  const [pathPart = '', fragment] = written.split('#', 2);
  const segments = pathPart.split('/').filter(Boolean);
  if (segments.some((segment) => segment === '..' || segment === '.')) {
    return { problem: `\`redirect_to\` ${JSON.stringify(value)} climbs with \`..\`.`, hint: 'Write the path from the site root, such as "docs/intro/".' };
  }
  const path = segments.length === 0 ? '/' : `/${segments.join('/')}${isFileTarget(pathPart) ? '' : '/'}`;
  return fragment === undefined ? path : `${path}#${fragment}`;
}

/**
 * Where an alias's redirect page goes, as a site path: `old/post.html` → /old/post.html, `/old/` or `old` →
 * /old/ (its index.html). Only plain names: nothing climbs out of out/, starts with `_` or `.`, or lands on
 * the engine's or the host's own paths.
 */
export function aliasPath(alias: string): string | TargetProblem {
  const written = alias.trim();
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//') || written.includes('\\')) {
    return { problem: 'is not a path on this site.', hint: 'Write the old path from the site root, such as "/old/post/" or "old/post.html".' };
  }
  const segments = written.split(/[?#]/)[0]?.split('/').filter(Boolean) ?? [];
  if (segments.length === 0) return { problem: 'is the home page.', hint: 'An alias names another, older path of this page.' };
  let decoded: string[];
  try {
    decoded = segments.map((segment) => decodeURIComponent(segment));
  } catch {
    return { problem: 'has a broken %-escape.', hint: 'Write the path as plain text.' };
  }
  if (decoded.some((segment) => !/^[\p{L}\p{N}][\p{L}\p{N}._~+-]*$/u.test(segment))) {
    return { problem: 'has a segment that is not a plain name (each must start with a letter or digit; `..`, `_` and `.` names are not allowed).', hint: 'Write it as names of letters, digits, `-`, `_` and `.`, separated by `/`.' };
  }
  const reserved = slugProblem(decoded.map((segment) => segment.toLowerCase()));
  if (reserved) return { problem: reserved.problem, hint: 'Choose another path for the alias.' };
  const isFile = /\.html?$/i.test(decoded.at(-1) ?? '');
  return `/${decoded.join('/')}${isFile ? '' : '/'}`;
}
