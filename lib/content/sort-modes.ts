/** How a section orders its pages (Zola's `sort_by`): apart from the front-matter schema, for the manifest's readers. */
export const sortModes = ['date', 'update_date', 'title', 'title_bytes', 'weight', 'slug', 'none'] as const;
export type SortMode = (typeof sortModes)[number];
