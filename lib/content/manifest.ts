/**
 * The content manifest: every page as the content build compiled it, and which of them Next renders this
 * time. `npm run build` writes it before it starts `next build`; Next's page renderers read it and nothing
 * else of the content, and never wait for it: it is finished before they start.
 *
 * It is an index of the pages, with what lists and links need of each body (summary, anchors), beside a store
 * of the bodies' text, one file each (lib/file-store.ts): every Next worker reads the index, but only the
 * bodies of the pages it renders, and a build after one edit writes one body.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { FileStore } from '@/lib/file-store';
import { writeJsonAtomically } from '@/lib/json-file';
import { pageOptionsSchema } from '@/lib/page-options';
import type { CompiledBody } from '@/lib/markdown';
import { bodySlot } from './body-slots';
import { sortModes } from './sort-modes';
import type { Page } from './pages';

/** A page with its body compiled: what routes render. */
export interface BuiltPage extends Omit<Page, 'body'> {
  body: CompiledBody;
  /** The picture of the page's link previews, made by the photos step (lib/images/site-images.ts); else the drawn card. */
  preview?: PagePreview;
}

/** A link preview's picture: a site path with its size, or another site's https URL (of unknown size). */
export interface PagePreview {
  url: string;
  width?: number;
  height?: number;
}

export const manifestFile = path.join(process.cwd(), '.next', 'cache', 'portfolio-engine', 'pages.json');

/** The folder of the body texts (HTML, or an .mdx page's compiled code) beside the manifest file. */
export const bodyStoreFolder = (file: string = manifestFile) => path.join(path.dirname(file), 'page-bodies');
const bodyStore = (file: string) => new FileStore<string>(bodyStoreFolder(file));

/** A body's text, named by its digest: an unchanged text keeps its file from build to build. */
const bodyKey = (format: string, text: string) => crypto.createHash('sha256').update(format).update('\0').update(text).digest('hex');

const linkFields = {
  codeBlocks: z.number().int().nonnegative(),
  internalLinks: z.array(z.strictObject({ target: z.string(), fragment: z.string().optional(), line: z.number().int().optional() })).optional(),
  anchors: z.array(z.string()).optional(),
  summary: z.string().optional(),
  styledElements: z.number().int().positive().optional(),
  shownFiles: z.array(z.strictObject({ src: z.string(), line: z.number().int().optional() })).optional(),
};
/** A compiled body in the index: its text is in the body store, under `text`. */
const indexedBodySchema = z.strictObject({ format: z.enum(['html', 'mdx']), text: z.string().regex(/^[0-9a-f]{64}$/), ...linkFields });

const builtPageSchema = z.strictObject({
  file: z.string(),
  slug: z.array(z.string()),
  url: z.string().startsWith('/'),
  format: z.enum(['md', 'mdx']),
  frontMatterFormat: z.enum(['yaml', 'toml', 'none']),
  title: z.string(),
  heading: z.string().nullable(),
  description: z.string(),
  date: z.string().optional(),
  updated: z.string().optional(),
  lang: z.string(),
  options: pageOptionsSchema,
  bodyStartLine: z.number().int().positive(),
  body: indexedBodySchema,
  kind: z.enum(['page', 'section']),
  folder: z.string(),
  weight: z.number().int().optional(),
  aliases: z.array(z.strictObject({ path: z.string(), line: z.number().int() })),
  taxonomies: z.array(z.strictObject({ name: z.string(), terms: z.array(z.string()), line: z.number().int() })),
  extra: z.record(z.string(), z.unknown()),
  templateName: z.string().optional(),
  homeExtra: z.record(z.string(), z.unknown()).optional(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().nonnegative(),
  previewImage: z.strictObject({ src: z.string(), line: z.number().int() }).optional(),
  /** The preview picture the photos step made for the page (lib/images/site-images.ts), when it has one. */
  preview: z.strictObject({ url: z.string(), width: z.number().int().positive().optional(), height: z.number().int().positive().optional() }).optional(),
  assets: z.array(z.string()),
  section: z
    .strictObject({
      sortBy: z.enum(sortModes),
      paginateBy: z.number().int().positive().optional(),
      paginatePath: z.string(),
      paginateReversed: z.boolean(),
      render: z.boolean(),
      redirectTo: z.string().optional(),
      transparent: z.boolean(),
      generateFeeds: z.boolean(),
      pageTemplate: z.string().optional(),
      lines: z.strictObject({ redirectTo: z.number().int(), sortBy: z.number().int() }),
    })
    .optional(),
});

const manifestSchema = z.strictObject({
  /** The content build's inputs (lib/content/site-build.ts contentFingerprint): a manifest of other content is stale. */
  fingerprint: z.string(),
  pages: z.array(builtPageSchema),
  /** The URLs Next renders; the others come finished from the render cache (lib/export/render-cache.ts). */
  render: z.array(z.string()),
  bodySlotNonce: z.string().regex(/^[0-9a-f]{32}$/).optional(),
});
export interface ContentManifest {
  fingerprint: string;
  pages: BuiltPage[];
  render: string[];
  /**
   * This build's body-slot nonce (lib/content/body-slots.ts), in a zero-JS export: the renderers then write a
   * slot for each Markdown body, which the finish step fills, instead of reading the body.
   */
  bodySlotNonce?: string;
}

/** Writes the bodies not already stored, drops those no page has any more, then the index (whose bodies are then all there). */
export function writeManifest(manifest: ContentManifest, file: string = manifestFile): void {
  const store = bodyStore(file);
  const pages = manifest.pages.map((page) => {
    const { text, ...fields } = separateText(page.body);
    const key = bodyKey(page.body.format, text);
    if (!store.has(key)) store.set(key, text);
    return { ...page, body: { ...fields, text: key } };
  });
  store.keepOnly(new Set(pages.map((page) => page.body.text)));
  writeJsonAtomically(file, { ...manifest, pages });
}

/** A body's text (HTML or code), and the rest of it. */
function separateText(body: CompiledBody) {
  if (body.format === 'html') {
    const { html, ...fields } = body;
    return { text: html, ...fields };
  }
  const { code, ...fields } = body;
  return { text: code, ...fields };
}

/** Why a manifest cannot be used, for the renderers' error. */
export class ManifestError extends Error {
  constructor(message: string) {
    super(`${message} Build the site with \`npm run build\`: it compiles the content and writes the manifest before it runs \`next build\`.`);
    this.name = 'ManifestError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The manifest, checked against its schema. Throws ManifestError when it is missing, damaged or not for `fingerprint`. */
export function readManifest(fingerprint: string, file: string = manifestFile): ContentManifest {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new ManifestError(`There is no content manifest (${path.relative(process.cwd(), file)}).`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ManifestError(`The content manifest ${path.relative(process.cwd(), file)} is not JSON.`);
  }
  const result = manifestSchema.safeParse(parsed);
  if (!result.success) throw new ManifestError(`The content manifest ${path.relative(process.cwd(), file)} is damaged: ${z.prettifyError(result.error).split('\n')[0]}`);
  if (result.data.fingerprint !== fingerprint) throw new ManifestError('The content manifest is for other content: a page or site.config.ts changed since it was written.');
  const { pages, render, bodySlotNonce } = result.data;
  const store = bodyStore(file);
  // JSON leaves out the keys whose value is undefined; a page has them all.
  return {
    fingerprint,
    render,
    bodySlotNonce,
    pages: pages.map(
      (page): BuiltPage => ({
        ...page,
        date: page.date,
        updated: page.updated,
        weight: page.weight,
        templateName: page.templateName,
        homeExtra: page.homeExtra,
        body: storedBody(page.body, store, page.file, bodySlotNonce),
        section: page.section && { ...page.section, paginateBy: page.section.paginateBy, redirectTo: page.section.redirectTo, pageTemplate: page.section.pageTemplate },
      }),
    ),
  };
}

/**
 * A body whose text is read from the store when a renderer first asks for it: a worker reads only the pages it
 * renders. With body slots, a Markdown body's HTML is its slot, and the renderer reads no body text at all.
 */
function storedBody({ format, text: key, ...fields }: z.infer<typeof indexedBodySchema>, store: FileStore<string>, file: string, slotNonce: string | undefined): CompiledBody {
  let text: string | undefined;
  const load = (): string => {
    text ??= store.get(key);
    if (typeof text !== 'string') throw new ManifestError(`The content manifest's body of ${file} is missing or damaged (${path.relative(process.cwd(), store.folder)}).`);
    return text;
  };
  const known = { ...fields, internalLinks: fields.internalLinks?.map((link) => ({ ...link, fragment: link.fragment, line: link.line })) };
  return format === 'html'
    ? {
        format,
        ...known,
        get html() {
          return slotNonce === undefined ? load() : bodySlot(slotNonce, key);
        },
      }
    : {
        format,
        ...known,
        get code() {
          return load();
        },
      };
}
