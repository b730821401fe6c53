/**
 * The content module: the only code that reads content/. Routes and components get typed,
 * validated, compiled pages from here.
 */
import path from 'node:path';
import type { ContentError } from '@/lib/errors';
import { pageNameProblem, slugForFile, urlForSlug } from './page-urls';
import { getBuiltPages, renderedUrls } from './built-pages';
import { contentDirectory } from './content-files';
import type { BuiltPage } from './manifest';
import type { DevSiteState } from './site-build';
import { buildSiteModel, type SiteModel, type SiteRoute } from './site-model';
import { site } from '@/lib/site';
import type { SiteImage } from '@/lib/images/site-images';

export { ContentError, ContentErrors, formatLocation } from '@/lib/errors';
export type { AnchorMode, PageOptions } from '@/lib/page-options';
export { slugForFile, urlForSlug } from './page-urls';
// What reads and compiles pages (pages.ts, site-build.ts) is imported from its own module, not from here: every
// route imports this one, and Next's renderers in a build only read the manifest.
export type { Page } from './pages';
export type { ContentBuild } from './site-build';
export { getBuiltPages } from './built-pages';
export { contentFingerprint } from './content-fingerprint';
export type { BuiltPage } from './manifest';
export { writeManifest, type ContentManifest } from './manifest';
export { buildSiteModel, taxonomyTitle, termUrl, type FeedPlan, type PageLink, type Paginator, type Redirect, type SiteModel, type SiteRoute, type TermSummary } from './site-model';

const isDevServer = () => process.env.NODE_ENV === 'development';

/** The dev server's pages and problems: the content build, loaded only on the dev server. */
async function getDevSiteState(): Promise<DevSiteState> {
  return (await import('./site-build')).getDevSiteState();
}

export interface RouteData {
  /** What the URL shows; undefined for a URL the site does not have. */
  route: SiteRoute | undefined;
  /** Always empty in a build, where a problem fails the build; on the dev server, shown on the page. */
  problems: readonly ContentError[];
}

const models = new WeakMap<readonly BuiltPage[], SiteModel>();

/** The site model of a list of built pages, computed once per list (the routes of one build share it). */
export function siteModelOf(pages: readonly BuiltPage[]): SiteModel {
  let model = models.get(pages);
  if (!model) {
    model = buildSiteModel(pages, site).model;
    models.set(pages, model);
  }
  return model;
}

async function currentPages(): Promise<{ pages: BuiltPage[]; problems: readonly ContentError[] }> {
  return isDevServer() ? await getDevSiteState() : { pages: await getBuiltPages(), problems: [] };
}

/** What a route renders for a URL path given as segments. */
export async function getRouteData(slug: readonly string[]): Promise<RouteData> {
  const { pages, problems } = await currentPages();
  return { route: siteModelOf(pages).routes.get(urlForSlug(slug)), problems };
}

/**
 * The photos the pages show, by site path, on the dev server (which has no finish step to make their `<picture>`,
 * lib/images/dev-photos.ts); undefined in a build, whose finish step does it.
 */
export async function getDevPhotos(): Promise<ReadonlyMap<string, SiteImage> | undefined> {
  return isDevServer() ? (await getDevSiteState()).photos : undefined;
}

/** The site model of the current pages: for the feed, the sitemap and the layout's links. */
export async function getSiteModel(): Promise<SiteModel> {
  return siteModelOf((await currentPages()).pages);
}

/**
 * The URL paths to render: the home page and every page. On the dev server, files that do not build
 * yet keep their URL too, so that their page can show what is wrong instead of a 404. In `npm run build`,
 * only the pages the manifest's render plan names: the others come finished from the render cache (lib/export/render-cache.ts).
 */
export async function getStaticSlugs(): Promise<string[][]> {
  const { urls, problems } = isDevServer() ? await (await import('./site-build')).readDevUrls() : { urls: builtUrls(await getBuiltPages()), problems: [] };
  const slugs = new Map<string, string[]>([['/', []]]);
  for (const url of urls) slugs.set(url, url.split('/').filter(Boolean));
  for (const problem of problems) {
    const relative = path.relative(contentDirectory, path.resolve(problem.location.file));
    // A misnamed file has no URL of its own (it could name one of Next's, such as /_next/); every page shows it.
    if (!relative.startsWith('..') && /\.mdx?$/.test(relative) && !pageNameProblem(relative)) {
      const slug = slugForFile(relative);
      slugs.set(urlForSlug(slug), slug);
    }
  }
  return [...slugs.values()];
}

/** The URLs of a build's site model that its render plan names. */
function builtUrls(pages: readonly BuiltPage[]): string[] {
  const plan = renderedUrls();
  return [...siteModelOf(pages).routes.keys()].filter((url) => !plan || plan.has(url));
}
