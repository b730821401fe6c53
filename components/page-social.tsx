import type { BuiltPage } from '@/lib/content';
import { site } from '@/lib/site';
import { GiscusComments } from './giscus-comments';
import { PageReactions } from './page-reactions';

/**
 * Reactions and comments under a page, each only where the page's flag asks for it and site.config.ts names a
 * provider: pages without the flags load nothing from anyone else. The sections' heading ids have a dot, which
 * heading ids made from content never have, so they cannot clash with the page's own.
 */
export function PageSocial({ page }: { page: Pick<BuiltPage, 'url' | 'lang' | 'options'> }) {
  const reactions = page.options.reaction ? site.reactions : undefined;
  const comments = page.options.comment ? site.comments : undefined;
  return (
    <>
      {reactions && <PageReactions config={reactions} pageUrl={page.url} />}
      {comments && <GiscusComments config={comments} lang={page.lang} />}
    </>
  );
}
