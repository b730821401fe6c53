/**
 * How serene's blog groups its posts (templates/blog.html): by year, or by their first category with
 * `categorized = true`, serene's `__01__` prefixes ordering the categories.
 */
import type { BuiltPage } from './manifest';

type GroupedPost = Pick<BuiltPage, 'date' | 'taxonomies'>;

/** A category name without serene's ordering prefix: `__01__Rust` → Rust (sorted by the prefix). */
export function categoryLabel(category: string): string {
  return category.replace(/^__\d{2}__/, '');
}

/**
 * A blog's posts in groups with a heading each: by year (newest first, as sorted), or by their first category
 * (`categorized = true`, sorted by name, serene's `__01__` prefixes first), posts without one last.
 */
export function groupPosts<T extends GroupedPost>(posts: readonly T[], by: 'year' | 'category'): { heading: string; posts: T[] }[] {
  const groups = new Map<string | undefined, T[]>();
  for (const post of posts) {
    const key = by === 'year' ? post.date?.slice(0, 4) : post.taxonomies.find((entry) => entry.name === 'categories')?.terms[0];
    groups.set(key, [...(groups.get(key) ?? []), post]);
  }
  const keys = [...groups.keys()];
  // Posts without a year or a category come last. Categories: serene's `__NN__` ones first, in that order, then
  // the others alphabetically (serene sorts by code point, which puts `__` between capitals and small letters).
  const categoryOrder = (name: string) => (/^__\d{2}__/.test(name) ? `0${name}` : `1${name.toLowerCase()}`);
  keys.sort((a, b) => {
    if (a === undefined || b === undefined) return (a === undefined ? 1 : 0) - (b === undefined ? 1 : 0);
    return by === 'category' ? categoryOrder(a).localeCompare(categoryOrder(b)) : 0;
  });
  return keys.map((key) => ({ heading: key === undefined ? (by === 'year' ? 'Undated' : 'Uncategorized') : by === 'year' ? key : categoryLabel(key), posts: groups.get(key) ?? [] }));
}
