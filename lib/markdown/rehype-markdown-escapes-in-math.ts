import type { Element, Root } from 'hast';
import { visit } from './visit';

/**
 * Zola runs Markdown before KaTeX's auto-render, so inside its math `\(` `\)` `\[` `\]` were Markdown
 * escapes that reached KaTeX as `(` `)` `[` `]`. remark-math keeps math verbatim, so pages written for
 * Zola get those escapes undone here, before rehype-katex. A TeX line break `\\` is left alone.
 */
export function rehypeMarkdownEscapesInMath() {
  return (tree: Root) => {
    visit(tree, 'element', (element: Element) => {
      const classes = element.properties.className;
      if (!Array.isArray(classes) || !classes.includes('language-math')) return;
      for (const child of element.children) {
        if (child.type === 'text') {
          child.value = child.value.replace(/\\\\|\\([()[\]])/g, (escape, bracket: string | undefined) => bracket ?? escape);
        }
      }
    });
  };
}
