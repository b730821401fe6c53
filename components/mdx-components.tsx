import type { MDXComponents } from 'mdx/types';
import { ContentLink } from './content-link';

/**
 * The one map of components .mdx pages may use, by name (`<Figure …/>`) or in place of an element.
 * All server components: they render markup at build time and ship no JavaScript. Plain-markup
 * improvements (lazy images, scrolling tables, external links) live in lib/markdown, so .md pages get
 * them too; `a` is here for the MDX links whose href is an expression, known only at render.
 */
export const mdxComponents: MDXComponents = { a: ContentLink };
