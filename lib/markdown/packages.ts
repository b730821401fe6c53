/**
 * Every package the Markdown pipeline's modules import (lib/markdown), which a compile worker loads before it
 * registers tsx (lib/tsx-worker.ts). Through tsx's module hooks, each of their 400-odd modules costs a round
 * trip to the hooks' thread: loaded first, the worker was ready 0.3–0.4 s sooner in a build after one edit, on
 * the critical path of that build. packages.test.ts keeps the list in step with the imports.
 */
export const markdownPackages = [
  'hast-util-from-html',
  'hast-util-to-html',
  'hast-util-to-string',
  'hast-util-to-text',
  'hastscript',
  'katex',
  'lowlight',
  'rehype-autolink-headings',
  'rehype-highlight',
  'rehype-katex',
  'rehype-slug',
  'rehype-stringify',
  'remark-gfm',
  'remark-math',
  'remark-parse',
  'remark-rehype',
  'unified',
  'unist-util-visit',
  'unist-util-visit-parents',
  'vfile',
  'vfile-message',
  'zod',
] as const;

/**
 * MDX's compiler, which the pipeline imports with the first MDX page (index.ts compileMdx), and with it MDX's
 * parser (remark-mdx, for page-opening.ts). A compile worker loads it first too when the site has MDX pages
 * (page-compiler.ts); a site of Markdown pages never loads it, and its workers are ready 0.1–0.2 s sooner.
 */
export const mdxPackages = ['@mdx-js/mdx'] as const;
