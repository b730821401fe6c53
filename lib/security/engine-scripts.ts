import { giscusClientUrl, giscusOrigin, type GiscusConfig, type ReactionsConfig } from '@/lib/social/config-schema';
import { themeScript } from '@/lib/theme/theme-script';
import { sha256Source } from './hash-source';

/**
 * The scripts the engine itself puts on pages, and what each may reach: the only scripts a page may carry.
 * Trust is decided here, from the engine's code and the site config, never from what a page contains: a
 * script the table does not name is a build error, not a reason to widen the Content Security Policy.
 */

/** What a script adds to the page beyond itself: frames it opens, stylesheets and images it links, origins it fetches from. */
export interface ScriptGrants {
  frame?: readonly string[];
  style?: readonly string[];
  img?: readonly string[];
  connect?: readonly string[];
}

export interface EngineScripts {
  /** `'sha256-…'` of each inline script the engine writes. */
  inlineScriptHashes: readonly string[];
  /**
   * Script files, by the URL a page names them with (a site path without the base path, or another site's
   * full URL), with what each may reach.
   */
  scriptFiles: Readonly<Record<string, ScriptGrants>>;
}

/** The engine's scripts for a site config: features the config does not turn on bring no script and no origin. */
export function engineScripts(config: { comments?: GiscusConfig; reactions?: ReactionsConfig }): EngineScripts {
  return {
    // components/theme-script.tsx: the theme before first paint, and the header's theme button.
    inlineScriptHashes: [sha256Source(themeScript)],
    scriptFiles: {
      // app/[[...slug]]/page.tsx: copy buttons on pages with code blocks.
      '/enhance/copy-code.js': {},
      ...(config.comments && {
        // components/giscus-comments.tsx: giscus's script opens its iframe and links its stylesheet.
        '/enhance/giscus-theme.js': {},
        [giscusClientUrl]: { frame: [giscusOrigin], style: [giscusOrigin] },
      }),
      // components/page-reactions.tsx: counts fetched from, and reactions posted to, the site owner's endpoint.
      ...(config.reactions && { '/enhance/reactions.js': { connect: [new URL(config.reactions.endpoint).origin] } }),
    },
  };
}
