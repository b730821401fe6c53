import type { Element, ElementContent } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeAutolinkHeadings, { type Options } from 'rehype-autolink-headings';
import type { PluggableList } from 'unified';
import type { AnchorMode } from './anchor-modes';

/**
 * The permalink of a heading. In `left` and `right` mode the link sits beside the heading, not inside
 * it, so the heading's accessible name stays its own text; the link has a name of its own for screen
 * readers and shows a `#` that is hidden from them.
 */
function permalinkContent(heading: Element): ElementContent[] {
  return [
    { type: 'element', tagName: 'span', properties: { ariaHidden: 'true' }, children: [{ type: 'text', value: '#' }] },
    {
      type: 'element',
      tagName: 'span',
      properties: { className: ['sr-only'] },
      children: [{ type: 'text', value: `Link to section: ${toString(heading)}` }],
    },
  ];
}

/**
 * Whether a heading titles an item of a collection (lib/markdown/collection.ts) rather than a part of the text:
 * a heading for screen readers' heading list, but with no permalink and no place in the table of contents.
 */
export function isItemTitle(heading: Element): boolean {
  const className = heading.properties.className;
  return Array.isArray(className) && className.includes('collection-title');
}

const isSectionHeading = (heading: Element) => !isItemTitle(heading);

function besideHeading(mode: 'left' | 'right'): Options {
  return {
    test: isSectionHeading,
    behavior: mode === 'left' ? 'before' : 'after',
    group: () => ({ type: 'element', tagName: 'div', properties: { className: ['heading-group', `heading-group-${mode}`] }, children: [] }),
    properties: { className: ['heading-anchor'] },
    content: permalinkContent,
  };
}

/** Plugins that add permalinks to headings (which already carry ids from rehype-slug), per Zola's modes. */
export function headingAnchorPlugins(mode: AnchorMode): PluggableList {
  switch (mode) {
    case 'none':
      return [];
    case 'left':
    case 'right':
      return [[rehypeAutolinkHeadings, besideHeading(mode)]];
    case 'heading':
      // The heading's own text becomes the link, so its accessible name is unchanged.
      return [[rehypeAutolinkHeadings, { behavior: 'wrap', test: isSectionHeading, properties: { className: ['heading-link'] } } satisfies Options]];
  }
}
