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
