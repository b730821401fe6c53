import type { MDXComponents } from 'mdx/types';

/**
 * The one map of components .mdx pages may use, by name (`<Figure …/>`) or in place of an element.
 * All server components: they render markup at build time and ship no JavaScript. Plain-markup
 * improvements (lazy images, scrolling tables) live in lib/markdown, so .md pages get them too.
 */
export const mdxComponents: MDXComponents = {};
