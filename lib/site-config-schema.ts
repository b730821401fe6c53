import { z } from 'zod';
import { languageTagSchema, pageOptionsSchema } from '@/lib/page-options';
import { giscusConfigSchema, reactionsConfigSchema } from '@/lib/social/config-schema';

const navLinkSchema = z.strictObject({
  label: z.string().min(1),
  /**
   * A site path such as `/about/`, checked against the built pages, or the address of another site
   * (`https://…`), which the header marks as leaving the site.
   */
  href: z.union([z.string().regex(/^\/(?![/\\])/, 'a site path starting with "/"'), z.url({ protocol: /^https?$/, error: 'a site path starting with "/" or an https:// address' })]),
});

/** Whether a nav link leads to another site. */
export function isExternalHref(href: string): boolean {
  return /^https?:/i.test(href);
}

/**
 * A CSS colour written as hex, rgb()/hsl()/oklch()/oklab() with plain numbers, or a colour name: a value that
 * cannot close the declaration it is placed in, since it ends up in every page's stylesheet.
 */
const cssColorSchema = z
  .string()
  .regex(
    /^(?:#[0-9a-f]{3,8}|(?:rgba?|hsla?|oklch|oklab|lab|lch)\([0-9.,%\s/+-]+(?:deg)?[0-9.,%\s/+-]*\)|[a-z]{3,30})$/i,
    'a CSS colour such as "#3b82f6", "oklch(0.6 0.2 250)" or "teal"',
  );

/** A taxonomy (Zola's `[[taxonomies]]`): pages name their terms in front matter under `taxonomies`. */
export const taxonomyConfigSchema = z.strictObject({
  /** The name pages use and the first URL segment: `tags` makes /tags/ and /tags/rust/. */
  name: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'a lower-case name such as "tags" (letters, digits, `-`, `_`)'),
  /** An Atom feed per term, /tags/rust/atom.xml. */
  feed: z.boolean().default(false),
  /** Pages per term page; without it, one page lists them all. */
  paginate_by: z.number().int().positive().optional(),
  /** The URL segment before the page number: /tags/rust/page/2/. */
  paginate_path: z.string().regex(/^[a-z0-9_-]+$/).default('page'),
  /** false: the terms are kept in front matter but get no pages. */
  render: z.boolean().default(true),
});
export type TaxonomyConfig = z.output<typeof taxonomyConfigSchema>;

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
  /** The site's taxonomies (Zola's `[[taxonomies]]`). A term in a page's front matter needs its taxonomy here. */
  taxonomies: z.array(taxonomyConfigSchema).default([]),
  /** The file name of the site's, each section's and each term's Atom feed (Zola's `feed_filenames`). */
  feedFilename: z.literal('atom.xml').default('atom.xml'),
  /** `light` or `dark` shows every page in that theme only, without the theme button and its script (serene's `force_theme`). */
  theme: z.enum(['auto', 'light', 'dark']).default('auto'),
  /** The colour of links and marks (serene's `--primary-color`); the default keeps the text's own ink. */
  accentColor: cssColorSchema.optional(),
  /** The footer's text (serene's `footer_copyright`), `© author` when unset, and a credit line for the engine. */
  footer: z.strictObject({ text: z.string().min(1).optional(), credits: z.boolean().default(false) }).default({ credits: false }),
  /** The 404 page's heading and its link home (serene's `not_found_error_text`, `not_found_recover_text`). */
  notFound: z
    .strictObject({ heading: z.string().min(1).default('Page not found'), homeLinkText: z.string().min(1).default('Go to the home page') })
    .default({ heading: 'Page not found', homeLinkText: 'Go to the home page' }),
  /**
   * Free values for layouts (Zola's `[extra]` in config.toml): the last link of the chain page → section →
   * parent sections → site, through which a page finds an `extra` value it does not set itself.
   */
  extra: z.record(z.string(), z.unknown()).default({}),
  /**
   * How long one page's compile may take, in seconds, before the build stops it and names the page. Real
   * pages take well under a second; one that takes longer is nearly always content that makes the Markdown
   * parser slow (thousands of unclosed brackets), which must not stall the build. Time spent waiting for the
   * page's diagrams to be drawn is not counted.
   */
  pageCompileTimeLimitSeconds: z.number().positive().default(10),
  /**
   * What a first visit to a page may transfer, in KB (gzip; fonts and pictures apart), before the build fails and
   * names the page: `page` for every page's HTML and the site's stylesheet, `pages` for named pages (`{ '/': 32 }`
   * for a home page that lists every post). What a page's math, code, elements, drawings and scripts link adds to
   * it (lib/export/page-weight.ts).
   */
  budgets: z
    .strictObject({
      page: z.number().positive().default(8),
      pages: z.record(z.string().regex(/^\/(?:[^/\s]+\/)*(?:[^/\s]+\.html)?$/, 'a page URL such as /posts/first/'), z.number().positive()).default({}),
    })
    .default({ page: 8, pages: {} }),
});

/** What site.config.ts is written as. */
export type SiteConfig = z.input<typeof siteConfigSchema>;
/** The checked config that the rest of the engine reads. */
export type Site = z.output<typeof siteConfigSchema>;
