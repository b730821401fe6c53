/** Zola's insert_anchor_links values: where a heading's permalink goes, if anywhere. */
export const anchorModes = ['none', 'left', 'right', 'heading'] as const;
export type AnchorMode = (typeof anchorModes)[number];
