import type { ReactionsConfig } from '@/lib/social/config-schema';
import { reactionKinds } from '@/lib/social/reactions';

/**
 * Reaction buttons for pages with `reaction: true`. Rendered hidden: reactions.js fills in the counts from
 * the endpoint and then shows them, so without JavaScript (or without an answer) there is nothing to press.
 */
export function PageReactions({ config, pageUrl }: { config: ReactionsConfig; pageUrl: string }) {
  return (
    <section hidden aria-labelledby="site.reactions" data-reactions data-endpoint={config.endpoint} data-page={pageUrl} className="mt-10 max-w-prose">
      <h2 id="site.reactions" className="sr-only">
        Reactions
      </h2>
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {reactionKinds.map((kind) => (
          <li key={kind.id}>
            <button
              type="button"
              data-reaction={kind.id}
              aria-pressed="false"
              className="rounded-full border border-rule-strong px-3 py-1 aria-pressed:bg-rule"
            >
              <span aria-hidden="true">{kind.emoji}</span> <span className="sr-only">{kind.label}:</span> <span data-count>0</span>
            </button>
          </li>
        ))}
      </ul>
      <p role="status" data-reaction-status className="mt-1 text-sm text-ink-muted" />
      {/* It may fetch from the endpoint's origin: granted in lib/security/engine-scripts.ts. */}
      <script data-enhancement src="/enhance/reactions.js" defer />
    </section>
  );
}
