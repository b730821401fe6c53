import type { Paginator } from '@/lib/content';

/**
 * Previous and next pages of a long list, and where the reader is. The <link rel> elements go into <head>
 * (React hoists them), where search engines read a list's sequence.
 */
export function ListPagination({ paginator }: { paginator: Paginator | undefined }) {
  if (!paginator || paginator.count < 2) return null;
  const linkClass = 'text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink';
  return (
    <nav aria-label="Pages of this list" className="mt-10 flex max-w-prose flex-wrap items-center gap-x-6 gap-y-2">
      {paginator.previous !== undefined && <link rel="prev" href={paginator.previous} />}
      {paginator.next !== undefined && <link rel="next" href={paginator.next} />}
      {paginator.previous !== undefined && (
        <a href={paginator.previous} rel="prev" className={linkClass}>
          ← Newer
        </a>
      )}
      <span className="text-sm text-ink-muted">
        Page {paginator.number} of {paginator.count}
      </span>
      {paginator.next !== undefined && (
        <a href={paginator.next} rel="next" className={linkClass}>
          Older →
        </a>
      )}
    </nav>
  );
}
