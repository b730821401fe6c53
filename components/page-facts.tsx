import type { BuiltPage } from '@/lib/content';
import { zolaSlug } from '@/lib/content/zola-slug';
import { site } from '@/lib/site';

/** A page's date, reading time and taxonomy terms, each term linking to its list. */
export function PageFacts({ page }: { page: Pick<BuiltPage, 'taxonomies' | 'date' | 'readingMinutes' | 'lang'> }) {
  const rendered = page.taxonomies.filter((entry) => site.taxonomies.some((taxonomy) => taxonomy.name === entry.name && taxonomy.render) && entry.terms.length > 0);
  if (rendered.length === 0) return null;
  const linkClass = 'text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink';
  return (
    <dl className="mt-10 max-w-prose text-sm">
      {rendered.map((entry) => (
        <div key={entry.name} className="flex flex-wrap gap-x-4">
          <dt className="text-ink-muted">{entry.name.charAt(0).toUpperCase() + entry.name.slice(1)}:</dt>
          {entry.terms.map((term) => (
            <dd key={term}>
              <a href={`/${entry.name}/${zolaSlug(term)}/`} className={linkClass}>{term}</a>
            </dd>
          ))}
        </div>
      ))}
    </dl>
  );
}
