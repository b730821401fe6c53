import type { Element, Root } from 'hast';
import { visit } from './visit';

/** Whether an element is a code block: Markdown's fences and indented code compile to `<pre><code>`. */
export function isCodeBlock(element: Element): boolean {
  return element.tagName === 'pre' && element.children.some((child) => child.type === 'element' && child.tagName === 'code');
}

/**
 * Counts the code blocks a compiled page ends up with, after every other plugin (a diagram step may have
 * turned some fences into figures), so that the copy script is linked only where there is code to copy.
 */
export function rehypeCountCodeBlocks(options: { onCount: (count: number) => void }) {
  return (tree: Root) => {
    let count = 0;
    visit(tree, 'element', (element: Element) => {
      if (isCodeBlock(element)) count++;
    });
    options.onCount(count);
  };
}
