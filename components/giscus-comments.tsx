import { giscusClientUrl, type GiscusConfig } from '@/lib/social/config-schema';

const flag = (value: boolean) => (value ? '1' : '0');

/**
 * A giscus comment thread (GitHub Discussions) for pages with `comment: true`. giscus's script puts its
 * iframe into the `.giscus` element and loads it only when the reader scrolls near it (data-loading=lazy).
 * giscus-theme.js runs first (both scripts are deferred, so they run in document order) and gives giscus
 * the site's current light or dark theme, then follows the site's theme switches.
 */
export function GiscusComments({ config, lang }: { config: GiscusConfig; lang: string }) {
  return (
    <section aria-labelledby="site.comments" className="mt-16 max-w-prose border-t border-rule py-6">
      <h2 id="site.comments" className="text-xl font-semibold tracking-tight text-ink-strong">
        Comments
      </h2>
      <noscript>
        <p className="mt-1 text-ink-muted">
          Comments load from GitHub Discussions with JavaScript.{' '}
          <a href={`https://github.com/${config.repo}/discussions`} className="underline underline-offset-2">
            Read and join them on GitHub
          </a>
          .
        </p>
      </noscript>
      <div className="giscus mt-1" data-theme-light={config.theme.light} data-theme-dark={config.theme.dark} />
      <script data-enhancement src="/enhance/giscus-theme.js" defer />
      <script
        data-enhancement
        // What it may reach (its iframe, and the stylesheet it links for the iframe's size and border) is
        // granted in lib/security/engine-scripts.ts.
        src={giscusClientUrl}
        data-repo={config.repo}
        data-repo-id={config.repoId}
        data-category={config.category}
        data-category-id={config.categoryId}
        data-mapping={config.mapping}
        data-term={config.term}
        data-strict={flag(config.strict)}
        data-reactions-enabled={flag(config.reactionsEnabled)}
        data-emit-metadata="0"
        data-input-position={config.inputPosition}
        data-theme="preferred_color_scheme"
        data-lang={config.lang ?? lang}
        data-loading="lazy"
        crossOrigin="anonymous"
        defer
      />
    </section>
  );
}
