import { describe, expect, it } from 'vitest';
import { categoryLabel, groupPosts } from './post-groups';

const post = (title: string, date: string | undefined, category?: string) => ({ title, date, taxonomies: category ? [{ name: 'categories', terms: [category], line: 1 }] : [] });

describe("serene's blog groups", () => {
  it('groups by year in the order given (newest first), undated posts last', () => {
    const groups = groupPosts([post('C', '2025-03-01'), post('B', '2025-01-01'), post('U', undefined), post('A', '2023-06-01')], 'year');
    expect(groups.map((group) => [group.heading, group.posts.map((each) => each.title)])).toEqual([
      ['2025', ['C', 'B']],
      ['2023', ['A']],
      ['Undated', ['U']],
    ]);
  });

  it('groups by first category, ordered by serene’s __NN__ prefixes then by name, the prefix not shown, uncategorized last', () => {
    const groups = groupPosts([post('A', '2025-01-01', 'Zebra'), post('B', '2024-01-01'), post('C', '2024-02-01', '__02__Maps'), post('D', '2023-01-01', '__01__Rust'), post('E', '2022-01-01', 'Zebra')], 'category');
    expect(groups.map((group) => [group.heading, group.posts.map((each) => each.title)])).toEqual([
      ['Rust', ['D']],
      ['Maps', ['C']],
      ['Zebra', ['A', 'E']],
      ['Uncategorized', ['B']],
    ]);
    expect(categoryLabel('__10__Notes')).toBe('Notes');
    expect(categoryLabel('__1__Notes')).toBe('__1__Notes');
  });
});
