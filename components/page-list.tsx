import type { BuiltPage } from '@/lib/content';
import { PageDate } from './page-date';

type ListedPage = Pick<BuiltPage, 'url' | 'title' | 'description' | 'date' | 'readingMinutes'> & { body?: Pick<BuiltPage['body'], 'summary'> };

/** Pages with their title, date and summary (or description), as a section, a term or the home page lists them. */
export function PageList({ pages, lang }: { pages: readonly ListedPage[]; lang: string }) {
  if (pages.length === 0) return null;
  return (
    <ul className="mt-10 max-w-prose space-y-6">
      {pages.map((page) => (
        <li key={page.url}>
          <h2 className="text-xl font-semibold tracking-tight">
            <a href={page.url} className="text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink">
              {page.title}
            </a>
          </h2>
          {page.date !== undefined && (
            <p className="mt-1 text-sm text-ink-muted">
              <PageDate date={page.date} lang={lang} /> · {page.readingMinutes} min read
            </p>
          )}
          {page.body?.summary !== undefined ? (
            // The page's own compiled text up to its `<!-- more -->` (lib/markdown/summary.ts), ids removed.
            <div className="summary mt-1 text-ink-muted" dangerouslySetInnerHTML={{ __html: page.body.summary }} />
          ) : (
            page.description !== '' && <p className="mt-1 text-ink-muted">{page.description}</p>
          )}
        </li>
      ))}
    </ul>
  );
}
