import { z } from 'zod';
import { anchorModes } from '@/lib/markdown/anchor-modes';

export type { AnchorMode } from '@/lib/markdown/anchor-modes';

/**
 * Page templates the engine renders. Zola names templates by file, so `prose.html` (serene's prose
 * template) is accepted as a synonym and a Zola page moves over unchanged.
 */
const templateNames = { prose: 'prose', 'prose.html': 'prose' } as const;
export const templateSchema = z
  .enum(Object.keys(templateNames) as [keyof typeof templateNames, ...(keyof typeof templateNames)[]])
  .transform((name) => templateNames[name]);
export type TemplateName = z.output<typeof templateSchema>;

/**
 * The per-page switches. The site config holds a default for each; front matter overrides it.
 * comment and reaction need a provider in site.config.ts; without one the build names the pages they affect.
 */
export const pageOptionsSchema = z.strictObject({
  math: z.boolean(),
  insert_anchor_links: z.enum(anchorModes),
  toc: z.boolean(),
  copy: z.boolean(),
  mermaid: z.boolean(),
  comment: z.boolean(),
  reaction: z.boolean(),
  template: templateSchema,
});
export type PageOptions = z.output<typeof pageOptionsSchema>;

/** A language tag such as `en`, `en-GB` or `zh-Hant` (BCP 47's common shapes). */
export const languageTagSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "pt-BR"');
