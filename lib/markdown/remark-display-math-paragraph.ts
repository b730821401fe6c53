import type { Paragraph, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from './visit';

/**
 * `$$…$$` written on one line inside a paragraph is inline math to remark-math, but an author who puts
 * it alone in a paragraph means a displayed equation (Zola, Hugo and KaTeX's auto-render all show it so).
 * Such paragraphs become the `math` block node remark-math makes for fenced `$$` blocks.
 */
export function remarkDisplayMathParagraph() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value);
    visit(tree, 'paragraph', (paragraph: Paragraph, index, parent) => {
      if (!parent || index === undefined) return;
      const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
      const [only] = meaningful;
      if (meaningful.length !== 1 || only?.type !== 'inlineMath') return;
      const start = only.position?.start.offset;
      if (start === undefined || !source.startsWith('$$', start)) return;
      const display: RootContent = {
        type: 'math',
        meta: null,
        value: only.value,
        position: paragraph.position,
        data: {
          hName: 'pre',
          hChildren: [
            {
              type: 'element',
              tagName: 'code',
              properties: { className: ['language-math', 'math-display'] },
              children: [{ type: 'text', value: only.value }],
            },
          ],
        },
      };
      parent.children.splice(index, 1, display);
    });
  };
}
