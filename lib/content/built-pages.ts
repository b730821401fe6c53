/**
 * The compiled pages as Next's renderers get them: in a build, from the manifest the build wrote before it started
 * Next; on the dev server, from the content build (site-build.ts), loaded only there. Its own module, light: a
 * renderer that reads the manifest loads no Markdown parser, front-matter reader or compile worker.
 */
import { ContentErrors } from '@/lib/errors';
import { contentFingerprint } from './content-fingerprint';
import { readManifest, type BuiltPage, type ContentManifest } from './manifest';

let manifestMemo: ContentManifest | undefined;

/** The manifest `npm run build` wrote before it started Next (lib/content/manifest.ts), read once per process. */
function builtManifest(): ContentManifest {
  manifestMemo ??= readManifest(contentFingerprint());
  return manifestMemo;
}

/**
 * The published pages, compiled. In a build, Next's renderers read them from the manifest, finished before
 * they started. The dev server rebuilds on every request, which the compile cache makes cheap, so edits show
 * at once.
 */
export async function getBuiltPages(): Promise<BuiltPage[]> {
  if (process.env.NODE_ENV === 'development') {
    // The dev server reads and compiles the pages itself: only then is the reading side loaded.
    const { getDevSiteState } = await import('./site-build');
    const { pages, problems } = await getDevSiteState();
    if (problems.length > 0) throw new ContentErrors(problems);
    return pages;
  }
  return builtManifest().pages;
}

/** The URLs this build has Next render (the manifest's render plan); undefined on the dev server: every page. */
export function renderedUrls(): ReadonlySet<string> | undefined {
  return process.env.NODE_ENV === 'development' ? undefined : new Set(builtManifest().render);
}

