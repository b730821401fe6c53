/**
 * MDX leaves an `<img>` written as JSX out of the component map (only Markdown's `![]()` goes through
 * `components.img`). This plugin lets it through too, so that both spellings render alike: a build renders them as
 * plain `<img>` either way (its finish step makes the `<picture>`), and the dev server's `img` component
 * (components/photo-image.tsx) makes a photo's `<picture>` where no finish step runs.
 */
import type { Root } from 'hast';
import { visit } from './visit';

export default function rehypeOverridableImages() {
  return (tree: Root) => {
    visit(tree, (node) => {
      if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'img' && node.data) {
        // Set by @mdx-js/mdx's remark-mark-and-unravel for JSX written in the page: such elements skip `_components`.
        delete (node.data as { _mdxExplicitJsx?: boolean })._mdxExplicitJsx;
      }
    });
  };
}
