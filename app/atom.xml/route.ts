import { getBuiltPages } from '@/lib/content';
import { atomFeed } from '@/lib/seo/atom-feed';
import { absoluteUrl, site } from '@/lib/site';

// Written once at build time as out/atom.xml; the dev server makes it on request from the current content.
export const dynamic = 'force-static';

export async function GET(): Promise<Response> {
  return new Response(atomFeed(await getBuiltPages(), site, absoluteUrl), {
    headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' },
  });
}
