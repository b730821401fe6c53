import { z } from 'zod';
import { languageTagSchema, pageOptionsSchema } from '@/lib/page-options';
import { giscusConfigSchema, reactionsConfigSchema } from '@/lib/social/config-schema';

const navLinkSchema = z.strictObject({
  label: z.string().min(1),
  /** A site path such as `/about/`; checked against the built pages. */
  href: z.string().regex(/^\//, 'a site path starting with "/"'),
});

export const siteConfigSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().min(1),
  author: z.string().min(1),
  /** Where the site is deployed, for canonical URLs; no trailing slash needed. */
  baseUrl: z.url().transform((url) => url.replace(/\/+$/, '')),
  lang: languageTagSchema,
  nav: z.array(navLinkSchema),
  /**
   * Keep Next.js's client runtime (React, router, RSC payloads) in the exported pages. Off by default:
   * pages then carry no JavaScript at all. Turn it on only for sites that add interactive React islands.
   */
  clientRuntime: z.boolean().default(false),
  /** The site's X (Twitter) handle, `@name`: shared links credit it (twitter:site, twitter:creator). */
  twitter: z
    .string()
    .regex(/^@\w{1,15}$/, 'an X (Twitter) handle such as "@jane"')
    .optional(),
  /** The author's profiles elsewhere (GitHub, LinkedIn, …): the about pages' JSON-LD lists them as sameAs. */
  authorProfiles: z.array(z.url({ protocol: /^https?$/ })).default([]),
  /** A comments provider for pages with `comment: true`; without one, the flag has no effect. */
  comments: giscusConfigSchema.optional(),
  /** A reactions endpoint for pages with `reaction: true`; without one, the flag has no effect. */
  reactions: reactionsConfigSchema.optional(),
  defaults: pageOptionsSchema,
  /**
   * How long one page's compile may take, in seconds, before the build stops it and names the page. Real
   * pages take well under a second; one that takes longer is nearly always content that makes the Markdown
   * parser slow (thousands of unclosed brackets), which must not stall the build. Time spent waiting for the
   * page's diagrams to be drawn is not counted.
   */
  pageCompileTimeLimitSeconds: z.number().positive().default(10),
});

/** What site.config.ts is written as. */
export type SiteConfig = z.input<typeof siteConfigSchema>;
/** The checked config that the rest of the engine reads. */
export type Site = z.output<typeof siteConfigSchema>;
