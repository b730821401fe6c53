/**
 * The check of Zola's `@/` links once every page is compiled: each names a published page's file, and its
 * fragment, if any, one of that page's ids. As in Zola, a broken internal link fails the build, with the line.
 */
import path from 'node:path';
import { ContentError } from '@/lib/errors';
import { internalLinkTargets } from '@/lib/markdown/internal-links';
import type { BuiltPage } from './manifest';
import type { Page } from './pages';

/** A page's file as `@/` links name it: relative to content/, with `/`. */
export function contentPath(page: Pick<Page, 'file'>, contentDirectory: string): string {
  return path.relative(contentDirectory, path.resolve(page.file)).split(path.sep).join('/');
}

/** The URLs of the files a page links to with `@/`, from every published page: what its compile needs. */
export function internalLinkUrls(page: Pick<Page, 'body'>, urlByPath: ReadonlyMap<string, string>): Record<string, string> {
  const urls: Record<string, string> = {};
  for (const target of internalLinkTargets(page.body)) {
    const url = urlByPath.get(target);
    if (url !== undefined) urls[target] = url;
  }
  return urls;
}

/** Every `@/` link that leads nowhere: a file that is no page, a draft, a fragment the page does not have. */
export function internalLinkErrors(pages: readonly BuiltPage[], drafts: readonly Pick<Page, 'file'>[], contentDirectory: string): ContentError[] {
  const byPath = new Map(pages.map((page) => [contentPath(page, contentDirectory), page]));
  const draftPaths = new Set(drafts.map((draft) => contentPath(draft, contentDirectory)));
  const errors: ContentError[] = [];
  for (const page of pages) {
    for (const link of page.body.internalLinks ?? []) {
      const where = { file: page.file, line: link.line };
      const written = `@/${link.target}${link.fragment === undefined ? '' : `#${link.fragment}`}`;
      const target = byPath.get(link.target);
      if (!target) {
        errors.push(
          draftPaths.has(link.target)
            ? new ContentError(where, `the link ${written} leads to a draft, which the site does not publish.`, 'Publish the page (remove `draft = true`), or remove the link.')
            : new ContentError(where, `the link ${written} names content/${link.target}, which is not a page.`, 'Write the path of a .md or .mdx file from content/, such as `@/posts/first.md` (a section is its `_index.md`).'),
        );
        continue;
      }
      if (link.fragment !== undefined && link.fragment !== '' && !(target.body.anchors ?? []).includes(link.fragment)) {
        const ids = (target.body.anchors ?? []).filter((id) => !id.startsWith('user-content-'));
        errors.push(
          new ContentError(
            where,
            `the link ${written} names the heading #${link.fragment}, which ${target.file} does not have.`,
            ids.length > 0 ? `Its ids: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''}.` : 'That page has no headings with ids.',
          ),
        );
      }
    }
  }
  return errors;
}
