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

function besideHeading(mode: 'left' | 'right'): Options {
  return {
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
      return [[rehypeAutolinkHeadings, { behavior: 'wrap', properties: { className: ['heading-link'] } } satisfies Options]];
  }
}
