import { taxonomyTitle, termUrl, type BuiltPage } from '@/lib/content';
import { site } from '@/lib/site';
import { PageDate } from './page-date';

/** A dated page's date, last update and reading time, and its taxonomy terms, each term linking to its list. */
export function PageFacts({ page }: { page: Pick<BuiltPage, 'taxonomies' | 'date' | 'updated' | 'readingMinutes' | 'lang'> }) {
  const rendered = page.taxonomies.filter((entry) => site.taxonomies.some((taxonomy) => taxonomy.name === entry.name && taxonomy.render) && entry.terms.length > 0);
  if (rendered.length === 0 && page.date === undefined) return null;
  const linkClass = 'text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink';
  return (
    <dl className="mt-10 max-w-prose text-sm">
      {page.date !== undefined && (
        <div className="flex flex-wrap gap-x-4">
          <dt className="text-ink-muted">Published:</dt>
          <dd>
            <PageDate date={page.date} lang={page.lang} />
            {page.updated !== undefined && (
              <>
                {' '}(updated <PageDate date={page.updated} lang={page.lang} />)
              </>
            )}{' '}
            · {page.readingMinutes} min read
          </dd>
        </div>
      )}
      {rendered.map((entry) => (
        <div key={entry.name} className="flex flex-wrap gap-x-4">
          <dt className="text-ink-muted">{taxonomyTitle(entry.name)}:</dt>
          {entry.terms.map((term) => (
            <dd key={term}>
              <a href={termUrl(entry.name, term)} className={linkClass}>
                {term}
              </a>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
