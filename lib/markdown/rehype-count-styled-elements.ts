import type { Element, Root } from 'hast';
import { visit } from './visit';

/**
 * The classes app/elements.css styles on content: a page whose body has an element with one of them links that
 * stylesheet (lib/build/page-styles.ts). The callouts (GitHub's alerts among them), quotes, details, videos and
 * collections of lib/markdown/shortcode-elements.ts.
 */
export const styledElementClasses: ReadonlySet<string> = new Set(['callout', 'quote', 'detail', 'youtube', 'collection']);

/** Counts the elements of a compiled page that app/elements.css styles, after every other plugin. */
export function rehypeCountStyledElements(options: { onCount: (count: number) => void }) {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (element: Element) => {
      const classes = element.properties.className;
      if (Array.isArray(classes) && classes.some((name) => styledElementClasses.has(String(name)))) count++;
    });
    options.onCount(count);
  };
}
