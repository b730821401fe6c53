import type { BuiltPage } from '@/lib/content';
import { formatDate } from '@/lib/date-format';
import { postSettings } from '@/lib/content/serene-fields';

type ListedPost = Pick<BuiltPage, 'url' | 'title' | 'date' | 'extra' | 'taxonomies'>;

/**
 * serene's list of posts: one line each, the title and its date at the end of the line, featured posts
 * marked with an asterisk that screen readers hear as "featured".
 */
export function DatedPostList({ posts, dateFormat }: { posts: readonly ListedPost[]; dateFormat: string }) {
  return (
    <ul className="post-list">
      {posts.map((post) => (
        <li key={post.url}>
          <a href={post.url}>
            {postSettings(post.extra).featured && (
              <>
                <span className="post-featured" aria-hidden="true">
                  *
                </span>
                <span className="sr-only">Featured: </span>
              </>
            )}
            {post.title}
          </a>
          {post.date !== undefined && <time dateTime={post.date}>{formatDate(post.date, dateFormat)}</time>}
        </li>
      ))}
    </ul>
  );
}

/** A category name without serene's ordering prefix: `__01__Rust` → Rust (sorted by the prefix). */
export function categoryLabel(category: string): string {
  return category.replace(/^__\d{2}__/, '');
}

/**
 * A blog's posts in groups with a heading each: by year (newest first, as sorted), or by their first category
 * (`categorized = true`, sorted by name, serene's `__01__` prefixes first), posts without one last.
 */
export function groupPosts<T extends ListedPost>(posts: readonly T[], by: 'year' | 'category'): { heading: string; posts: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const post of posts) {
    const key = by === 'year' ? (post.date?.slice(0, 4) ?? 'Undated') : (post.taxonomies.find((entry) => entry.name === 'categories')?.terms[0] ?? '\uffffUncategorized');
    groups.set(key, [...(groups.get(key) ?? []), post]);
  }
  const keys = [...groups.keys()];
  if (by === 'category') keys.sort((a, b) => a.localeCompare(b));
  return keys.map((key) => ({ heading: by === 'year' ? key : categoryLabel(key.replace(/^\uffff/, '')), posts: groups.get(key) ?? [] }));
}
