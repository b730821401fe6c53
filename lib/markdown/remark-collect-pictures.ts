import type { Root } from 'mdast';
import { visit } from './visit';
import type { ShownFile } from './remark-shortcode-elements';

/** An MDX JSX element's literal attribute, if it has one. */
function literalAttribute(node: { attributes?: readonly unknown[] }, name: string): string | undefined {
  for (const attribute of node.attributes ?? []) {
    const { type, name: attributeName, value } = attribute as { type?: string; name?: string; value?: unknown };
    if (type === 'mdxJsxAttribute' && attributeName === name && typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Reports every picture of this site a page shows, with its line: Markdown's `![alt](photo.jpg)` and, in MDX,
 * `<img src="photo.jpg" />`. Checked once every page is known (lib/content/shown-files.ts: a missing file is an
 * error at its line) and made ready for the web (lib/images/site-images.ts). Other sites' pictures are not files
 * of this one.
 */
export function remarkCollectPictures(options: { onShownFile: (file: ShownFile) => void }) {
  return (tree: Root) => {
    const report = (src: string | undefined, line: number | undefined) => {
      if (src === undefined || src.trim() === '' || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//') || src.startsWith('#')) return;
      options.onShownFile({ src, ...(line !== undefined && { line }) });
    };
    visit(tree, (node) => {
      if (node.type === 'image') report(node.url, node.position?.start.line);
      else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img') report(literalAttribute(node, 'src'), node.position?.start.line);
    });
  };
}
