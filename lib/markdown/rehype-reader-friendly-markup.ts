import type { Element, Root } from 'hast';
import { SKIP, visit } from './visit';

/**
 * Small markup improvements for readers, the same for .md and .mdx pages: images load lazily and decode
 * off the main thread; a wide table scrolls by itself (keyboard-reachable, named) instead of widening the page;
 * a code block, whose long lines scroll inside it, can be focused to scroll it with the keyboard (whether a
 * block overflows depends on the screen, so every block can).
 */
export function rehypeReaderFriendlyMarkup() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element, index, parent) => {
      if (element.tagName === 'img') {
        element.properties.loading ??= 'lazy';
        element.properties.decoding ??= 'async';
        element.properties.alt ??= '';
        return;
      }
      if (element.tagName === 'pre') {
        element.properties.tabIndex ??= 0;
        return;
      }
      if (element.tagName === 'table' && parent && index !== undefined) {
        parent.children[index] = {
          type: 'element',
          tagName: 'div',
          properties: { className: ['table-scroll'], tabIndex: 0, role: 'group', ariaLabel: 'Table' },
          children: [element],
        };
        return SKIP;
      }
    });
  };
}
