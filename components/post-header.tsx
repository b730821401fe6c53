import { taxonomyTitle, termUrl, type BuiltPage } from '@/lib/content';
import { formatDate } from '@/lib/date-format';
import { site } from '@/lib/site';
import { categoryLabel } from '@/lib/content/post-groups';

/**
 * Under a post's title (serene's post.html): its date, its last update, its reading time, then its terms
 * (`#tag`, each linking to its list). Taxonomies without pages (`render: false`) are not shown.
 */
export function PostHeader({ page, dateFormat }: { page: Pick<BuiltPage, 'date' | 'updated' | 'readingMinutes' | 'taxonomies'>; dateFormat: string }) {
  const shownTerms = page.taxonomies.filter((entry) => entry.terms.length > 0 && site.taxonomies.some((taxonomy) => taxonomy.name === entry.name && taxonomy.render));
  return (
    <div className="post-meta">
      <p>
        {page.date !== undefined && <time dateTime={page.date}>{formatDate(page.date, dateFormat)}</time>}
        {page.updated !== undefined && page.updated !== page.date && (
          <>
            {' · '}Updated <time dateTime={page.updated}>{formatDate(page.updated, dateFormat)}</time>
          </>
        )}
        {' · '}
        {page.readingMinutes} min read
      </p>
      {shownTerms.map((entry) => (
        <p key={entry.name}>
          <span className="sr-only">{taxonomyTitle(entry.name)}: </span>
          {entry.terms.map((term) => (
            <a key={term} href={termUrl(entry.name, term)} className="post-term">
              {entry.name === 'tags' ? '#' : ''}
              {entry.name === 'categories' ? categoryLabel(term) : term}
            </a>
          ))}
        </p>
      ))}
    </div>
  );
}

/**
 * serene's outdate alert, decided when the site is built: shown when the post's last update is more than
 * `days` days before the build, with the date it was last updated.
 */
export function OutdateAlert({ lastUpdate, age, before, after, dateFormat }: { lastUpdate: string; age: number; before: string | undefined; after: string | undefined; dateFormat: string }) {
  return (
    <div className="callout callout-caution" role="note">
      <p>
        {before !== undefined || after !== undefined ? (
          <>
            {before}
            {age}
            {after}
          </>
        ) : (
          <>This post was last updated {age} days before this site was built, and may be out of date.</>
        )}{' '}
        (<time dateTime={lastUpdate}>{formatDate(lastUpdate, dateFormat)}</time>)
      </p>
    </div>
  );
}
