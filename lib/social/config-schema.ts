import { z } from 'zod';
import { languageTagSchema } from '@/lib/page-options';

/** Where giscus lives: its script, and the origin of the frame and stylesheet it adds (lib/security/engine-scripts.ts). */
export const giscusOrigin = 'https://giscus.app';
export const giscusClientUrl = `${giscusOrigin}/client.js`;

/**
 * Comments through giscus (https://giscus.app): GitHub Discussions as a comment thread per page. The values
 * come from giscus.app's configuration form; each one is passed to giscus's script as its data-* attribute.
 */
export const giscusConfigSchema = z.strictObject({
  provider: z.literal('giscus'),
  /** `owner/name` of a public GitHub repository with Discussions and the giscus app installed. */
  repo: z.string().regex(/^[\w.-]+\/[\w.-]+$/, 'a GitHub repository as "owner/name"'),
  /** The repository's node id, as giscus.app shows it (`R_…`). */
  repoId: z.string().min(1),
  /** The Discussions category new threads go into, and its id (`DIC_…`). */
  category: z.string().min(1),
  categoryId: z.string().min(1),
  /** How a page finds its discussion: by its path (the default), URL, <title>, og:title, or a fixed term. */
  mapping: z.enum(['pathname', 'url', 'title', 'og:title', 'specific', 'number']).default('pathname'),
  /** The search term or discussion number, for mapping "specific" and "number". */
  term: z.string().min(1).optional(),
  /** Match discussions by a hash of the mapping term only, so similar titles never share a thread. */
  strict: z.boolean().default(true),
  /** Show reactions to the whole discussion above the comments. */
  reactionsEnabled: z.boolean().default(true),
  /** Post the comment box above or below the comments. */
  inputPosition: z.enum(['top', 'bottom']).default('bottom'),
  /** giscus's interface language; the page's own `lang` when left out. */
  lang: languageTagSchema.optional(),
  /**
   * giscus themes for the site's light and dark look. The embed follows the site's colour scheme, also
   * when the visitor switches it on the page.
   */
  theme: z.strictObject({ light: z.string().min(1).default('light'), dark: z.string().min(1).default('dark') }).default({ light: 'light', dark: 'dark' }),
});

/**
 * Reactions through a small HTTP endpoint of the site owner's (protocol in lib/social/reactions.ts):
 * `GET endpoint?page=/about/` answers the counts, `POST endpoint` adds one.
 */
export const reactionsConfigSchema = z.strictObject({
  endpoint: z.url({ protocol: /^https?$/ }),
});

export type GiscusConfig = z.output<typeof giscusConfigSchema>;
export type ReactionsConfig = z.output<typeof reactionsConfigSchema>;
