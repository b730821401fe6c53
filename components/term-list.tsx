import type { TermSummary } from '@/lib/content';

/** A taxonomy's terms, each with how many pages it lists. */
export function TermList({ terms }: { terms: readonly TermSummary[] }) {
  if (terms.length === 0) return <p className="mt-10 text-ink-muted">No page uses these yet.</p>;
  return (
    <ul className="mt-10 flex max-w-prose flex-wrap gap-x-6 gap-y-2">
      {terms.map((term) => (
        <li key={term.slug}>
          <a href={term.url} className="text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink">
            {term.name}
          </a>{' '}
          <span className="text-sm text-ink-muted">({term.count})</span>
        </li>
      ))}
    </ul>
  );
}
