/**
 * The content module: the only code that reads content/. Routes and components get typed,
 * validated, compiled pages from here.
 */
import { getBuiltPages, type BuiltPage } from './site-build';
import { urlForSlug } from './pages';

export { ContentError, ContentErrors, formatLocation } from './errors';
export type { AnchorMode, PageOptions } from './page-options';
export { loadPages, readPages, slugForFile, urlForSlug, type Page } from './pages';
export { buildContent, buildContentManifest, getBuiltPages, type BuiltPage, type ContentBuild } from './site-build';

/** Every published page, sorted by URL. */
export function getPages(): Promise<BuiltPage[]> {
  return getBuiltPages();
}

/** The page at a URL path, given as route segments; undefined if there is none. */
export async function getPage(slug: readonly string[]): Promise<BuiltPage | undefined> {
  const url = urlForSlug(slug);
  return (await getBuiltPages()).find((page) => page.url === url);
}
