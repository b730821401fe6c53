/**
 * The content module: the only code that reads content/. Routes and components get typed,
 * validated, compiled pages from here.
 */
import path from 'node:path';
import type { ContentError } from '@/lib/errors';
import { pageNameProblem, slugForFile, urlForSlug } from './page-urls';
import { contentDirectory } from './pages';
import { getBuiltPages, getDevSiteState, renderedUrls, type BuiltPage } from './site-build';

export { ContentError, ContentErrors, formatLocation } from '@/lib/errors';
export type { AnchorMode, PageOptions } from '@/lib/page-options';
export { slugForFile, urlForSlug } from './page-urls';
export { loadPages, readPages, type Page } from './pages';
export { buildContent, compileSiteContent, contentFingerprint, getBuiltPages, type BuiltPage, type ContentBuild } from './site-build';
export { writeManifest, type ContentManifest } from './manifest';

const isDevServer = () => process.env.NODE_ENV === 'development';

export interface RouteData {
  page: BuiltPage | undefined;
  pages: BuiltPage[];
  /** Always empty in a build, where a problem fails the build; on the dev server, shown on the page. */
  problems: readonly ContentError[];
}

/** What a route renders for a URL path given as segments. */
export async function getRouteData(slug: readonly string[]): Promise<RouteData> {
  const url = urlForSlug(slug);
  const { pages, problems } = isDevServer() ? await getDevSiteState() : { pages: await getBuiltPages(), problems: [] };
  return { page: pages.find((page) => page.url === url), pages, problems };
}

/**
 * The URL paths to render: the home page and every page. On the dev server, files that do not build
 * yet keep their URL too, so that their page can show what is wrong instead of a 404. In `npm run build`,
 * only the pages the manifest's render plan names: the others come finished from the render cache (lib/export/render-cache.ts).
 */
export async function getStaticSlugs(): Promise<string[][]> {
  const { pages, problems } = isDevServer() ? await getDevSiteState() : { pages: await getBuiltPages(), problems: [] };
  const plan = renderedUrls();
  const slugs = new Map<string, string[]>([['/', []]]);
  for (const page of pages) if (!plan || plan.has(page.url)) slugs.set(page.url, page.slug);
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
