import path from 'node:path';
import { ContentError, ContentErrors } from '@/lib/errors';
import { templateSchema, type PageOptions } from '@/lib/page-options';
import { site } from '@/lib/site';
import { parseSource, type FrontMatter, type FrontMatterFormat, type ParsedSource, type SectionFrontMatter, type SortMode } from './front-matter';
import type { CollectionItem } from '@/lib/markdown/collection-items';
import { readCollections } from './collections';
import { bundleAssets } from './page-assets';
import type { BodyOpening, OpeningQuery } from './page-opening';
import { placePage, placeSection } from './page-place';
import { isHomeSection, sereneFieldProblems } from './serene-fields';
import { pageNameProblem } from './page-urls';
import { contentDirectory, listContentFiles, sectionFilePattern } from './content-files';
import { linkedFolderProblem } from './project-folders';
import { readContentSource } from './source-file';

/** A page ready to render: every default resolved, every field checked. Routes read nothing else. */
export interface Page {
  /** The source file, relative to the project root, as errors name it: `content/about.md`. */
  file: string;
  /** URL path segments: `[]` for the home page, `['notes', 'x']` for content/notes/x.md. */
  slug: string[];
  /** The page's URL path with a trailing slash: `/`, `/about/`. */
  url: string;
  /** `.md` compiles as Markdown (HTML comments allowed), `.mdx` as MDX (JSX and expressions). */
  format: 'md' | 'mdx';
  frontMatterFormat: FrontMatterFormat;
  /** The document <title>. */
  title: string;
  /**
   * The visible <h1> the layout renders, or null when the body opens with its own level-1 heading, `# Title`
   * or `Title` over `===` (which then is the page's h1, with all its inline markup).
   */
  heading: string | null;
  description: string;
  date: string | undefined;
  updated: string | undefined;
  lang: string;
  options: PageOptions;
  body: string;
  /** The file line of the body's first line. */
  bodyStartLine: number;
  /** A page, or a section (a folder's `_index.md`), which lists the pages in its folder. */
  kind: 'page' | 'section';
  /** The content folder the file belongs to (`posts`, `` for content/): a section's own folder, a page's section folder. */
  folder: string;
  weight: number | undefined;
  /** Other paths that redirect to this page (Zola's `aliases`), each with the front-matter line that names it. */
  aliases: { path: string; line: number }[];
  /** The terms of each taxonomy, with the front-matter line that names them. */
  taxonomies: { name: string; terms: string[]; line: number }[];
  /** Zola's `[extra]`, with what the page leaves out taken from its sections and then the site config. */
  extra: Record<string, unknown>;
  /** A Zola template name as written (`page.html`, `post.html`), or undefined for the engine's choice. */
  templateName: string | undefined;
  /**
   * The home section's own `[extra]` (content/_index.md), which serene's home.html reads for the profile: not
   * merged with the site's, as Zola does not merge them. Undefined on every other file.
   */
  homeExtra?: Record<string, unknown>;
  /** Words of the body, and minutes to read them at 200 words a minute (as Zola counts). */
  wordCount: number;
  readingMinutes: number;
  /**
   * The picture the page names for its link previews, as written, with its line: `image` in the front matter, or
   * serene's `extra.og_image`. The build crops it for og:image (lib/images/); without one, the page's first photo.
   */
  previewImage?: { src: string; line: number };
  /** Files beside a page bundle's `index.md` or a section's `_index.md`, content-relative: copied beside the page. */
  assets: string[];
  /** A section's listing settings; undefined for a page. */
  section: SectionSettings | undefined;
  /** The checked items of the collection files the body names (collections.ts), for the compile; not in the manifest. */
  collections?: Record<string, CollectionItem[]>;
}

/** How a section (`_index.md`) lists its pages, with Zola's defaults. */
export interface SectionSettings {
  sortBy: SortMode;
  paginateBy: number | undefined;
  paginatePath: string;
  paginateReversed: boolean;
  /** false: the section has no page of its own; its pages are still built. */
  render: boolean;
  /** The section's URL redirects here (a site path or an absolute URL). */
  redirectTo: string | undefined;
  /** Its pages are listed by its parent section as well. */
  transparent: boolean;
  generateFeeds: boolean;
  /** The template its pages take by default (Zola's `page_template`). */
  pageTemplate: string | undefined;
  /** The front-matter lines of the settings other steps check, for their errors. */
  lines: { redirectTo: number; sortBy: number };
}

export { contentDirectory, listContentFiles, sectionFilePattern } from './content-files';

/** A section's front matter with its file, as the pages below it inherit it. */
interface SectionSource {
  file: string;
  frontMatter: SectionFrontMatter;
}

/** The sections of `folder` and every folder above it, nearest first. */
function sectionChain(folder: string, sections: ReadonlyMap<string, SectionSource>): SectionSource[] {
  const chain: SectionSource[] = [];
  for (let current: string | undefined = folder; current !== undefined; current = current === '' ? undefined : path.posix.dirname(current).replace(/^\.$/, '')) {
    const section = sections.get(current);
    if (section) chain.push(section);
  }
  return chain;
}

/** The folder of a content-relative file path (`` for content/ itself). */
function folderOf(relative: string): string {
  return path.posix.dirname(relative).replace(/^\.$/, '');
}

/** Words as Zola counts them for `word_count` and `reading_time`: runs of letters and digits in the raw body. */
function countWords(body: string): number {
  return body.match(/[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu)?.length ?? 0;
}

/** Reads a content file's text, refusing what no page may be (misnamed, unreadable, empty). */
function readFileSource(absolutePath: string, directory: string): { file: string; relative: string; source: string } {
  const file = path.relative(process.cwd(), absolutePath).split(path.sep).join('/');
  const relative = path.relative(directory, absolutePath).split(path.sep).join('/');
  const isSection = sectionFilePattern.test(path.posix.basename(relative));
  const nameProblem = pageNameProblem(isSection ? path.posix.join(folderOf(relative), 'index.md') : relative);
  if (nameProblem) throw new ContentError({ file, line: 1 }, nameProblem.problem, nameProblem.hint);
  const source = readContentSource(absolutePath, directory, file);
  if (source.trim() === '' && !isSection) {
    throw new ContentError(
      { file, line: 1 },
      'is empty.',
      'Write the page (a `# Title` line is enough), or delete the file; files whose names start with `_` are not pages.',
    );
  }
  return { file, relative, source };
}

/** The fields pages and sections share, as one file's front matter sets them. */
type OwnFields = Pick<FrontMatter, 'title' | 'description' | 'draft' | 'lang' | 'template' | 'aliases' | 'image' | 'weight' | 'extra'> & Partial<Omit<PageOptions, 'template'>>;

/**
 * The page's own preview picture (`image`, or serene's `extra.og_image`; not inherited from its sections: a section's
 * picture is not its pages'). Checked as a link is: a site path or a path beside the page, or another site's https URL.
 */
function previewImageOf(own: OwnFields, extra: Record<string, unknown>, file: string, lineOf: (keyPath: readonly string[]) => number): Page['previewImage'] {
  const field = own.image !== undefined ? 'image' : typeof extra.og_image === 'string' ? 'extra.og_image' : undefined;
  if (field === undefined) return undefined;
  const src = (own.image ?? extra.og_image) as string;
  const line = lineOf(field === 'image' ? ['image'] : ['extra', 'og_image']);
  if (own.image !== undefined && typeof extra.og_image === 'string' && extra.og_image !== own.image) {
    throw new ContentError({ file, line }, `\`image\` and \`extra.og_image\` name different pictures (${own.image} and ${extra.og_image}).`, 'Keep one of them.');
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(src)?.[1]?.toLowerCase();
  if ((scheme !== undefined && scheme !== 'https') || src.startsWith('//') || src.includes('\\')) {
    throw new ContentError({ file, line }, `the preview picture ${JSON.stringify(src)} is neither a picture of this site nor an https URL.`, 'Name a picture beside the page (`photo.jpg`), one in public/ (`/img/photo.jpg`), or an https:// address.');
  }
  return { src, line };
}

/** A content file read and its front matter checked, by the schema of its kind. */
type ReadFile = { file: string; relative: string } & (
  | { kind: 'page'; parsed: ParsedSource<FrontMatter> }
  | { kind: 'section'; parsed: ParsedSource<SectionFrontMatter> }
);

function readFile(absolutePath: string, directory: string): ReadFile {
  const { file, relative, source } = readFileSource(absolutePath, directory);
  return sectionFilePattern.test(path.posix.basename(relative))
    ? { file, relative, kind: 'section', parsed: parseSource(file, source, 'section') }
    : { file, relative, kind: 'page', parsed: parseSource(file, source) };
}

/**
 * How readPages gets the openings of the bodies it read, all at once: parsed here (parsedOpenings), or through the
 * memo of earlier builds' (site-build.ts), which has the compile workers parse only the bodies it has not seen.
 */
export type OpeningSource = (queries: readonly OpeningQuery[]) => Promise<BodyOpening[]>;

const nothingWanted = (query: OpeningQuery) => !query.wants.heading && !query.wants.paragraph;

/** The opening of a body that was not read: front matter gave all it would have. */
export const noOpening = (): BodyOpening => ({ heading: undefined, paragraph: undefined });

/**
 * Each body's opening, parsed. The parser (page-opening.ts, about 250 modules and 0.2–0.3 s) loads only when a
 * body needs it: the memo answers every unchanged page, and front matter may give every title and description.
 */
export async function parsedOpenings(queries: readonly OpeningQuery[]): Promise<BodyOpening[]> {
  if (queries.every(nothingWanted)) return queries.map(noOpening);
  return (await import('./page-opening')).readOpenings(queries);
}

/** A description made of a paragraph's words: at most 160 characters, cut at a word. */
function describe(words: string): string {
  if (words.length <= 160) return words;
  return `${words.slice(0, 160).replace(/\s+\S*$/, '')}…`;
}

/** A file read and checked, but for what its body's opening gives (its title, heading and description). */
interface LoadedFile {
  opening: OpeningQuery;
  withOpening: (opening: BodyOpening) => Page & { draft: boolean };
}

function loadFile(
  read: ReadFile,
  absolutePath: string,
  directory: string,
  sections: ReadonlyMap<string, SectionSource>,
): LoadedFile {
  const { file, relative } = read;
  const isSection = read.kind === 'section';
  const { frontMatterFormat, body, bodyStartLine, lineOf } = read.parsed;
  const own: OwnFields = read.parsed.frontMatter;
  const pageFields = read.kind === 'page' ? read.parsed.frontMatter : undefined;
  const sectionFields = read.kind === 'section' ? read.parsed.frontMatter : undefined;
  const extra = own.extra ?? {};

  const fileFolder = folderOf(relative);
  const isBundle = !isSection && /^index\.mdx?$/.test(path.posix.basename(relative)) && fileFolder !== '';
  // A section's own folder, or the folder of the section that lists the page (a bundle's parent folder).
  const folder = isBundle ? folderOf(fileFolder) : fileFolder;
  const inherited = sectionChain(isSection ? (folder === '' ? '' : folderOf(folder)) : folder, sections).filter((section) => section.file !== file);
  if (isSection && folder === '') inherited.length = 0;

  const place = isSection ? { ...placeSection(folder), dateFromName: undefined } : placePage(relative, pageFields ?? {}, file, (key) => lineOf([key]));
  const { slug } = place;

  // A template that names one of the engine's layouts sets the layout; any other name is a Zola template's, kept.
  const templateOf = (value: string | undefined) => (value === undefined ? undefined : templateSchema.safeParse(value));
  const pick = <K extends keyof Omit<PageOptions, 'template'>>(key: K): PageOptions[K] => {
    const top = own[key];
    const inExtra = extra[key];
    if (top !== undefined && inExtra !== undefined && top !== inExtra) {
      throw new ContentError(
        { file, line: lineOf([key]) },
        `\`${key}\` is set twice with different values (${String(top)} and extra.${key} = ${String(inExtra)}).`,
        'Keep one of them.',
      );
    }
    if (top !== undefined) return top as PageOptions[K];
    if (inExtra !== undefined) return inExtra as PageOptions[K];
    for (const section of inherited) {
      const value = section.frontMatter[key] ?? section.frontMatter.extra?.[key];
      if (value !== undefined) return value as PageOptions[K];
    }
    return site.defaults[key];
  };
  const ownTemplate = own.template ?? extra.template;
  const ownLayout = templateOf(ownTemplate);
  const inheritedTemplate = isSection ? undefined : inherited.find((section) => section.frontMatter.page_template !== undefined)?.frontMatter.page_template;
  const inheritedLayout = templateOf(inheritedTemplate);
  const options: PageOptions = {
    math: pick('math'),
    insert_anchor_links: pick('insert_anchor_links'),
    toc: pick('toc'),
    copy: pick('copy'),
    mermaid: pick('mermaid'),
    comment: pick('comment'),
    reaction: pick('reaction'),
    template: ownLayout?.success ? ownLayout.data : inheritedLayout?.success ? inheritedLayout.data : site.defaults.template,
  };
  const templateName = ownTemplate !== undefined && !ownLayout?.success ? ownTemplate : inheritedTemplate !== undefined && !inheritedLayout?.success ? inheritedTemplate : undefined;

  const sereneProblems = sereneFieldProblems(extra, { file, isHome: isHomeSection({ kind: isSection ? 'section' : 'page', folder, templateName }, true), lineOf });
  if (sereneProblems.length > 0) throw new ContentErrors(sereneProblems);

  const mergedExtra: Record<string, unknown> = { ...site.extra };
  for (const section of [...inherited].reverse()) Object.assign(mergedExtra, section.frontMatter.extra);
  Object.assign(mergedExtra, extra);

  const taxonomies = Object.entries(pageFields?.taxonomies ?? {}).map(([name, terms]) => {
    const line = lineOf(['taxonomies', name]);
    if (!site.taxonomies.some((taxonomy) => taxonomy.name === name)) {
      const declared = site.taxonomies.map((taxonomy) => taxonomy.name);
      throw new ContentError(
        { file, line },
        `the taxonomy \`${name}\` is not declared in site.config.ts.`,
        declared.length > 0
          ? `Declared: ${declared.join(', ')}. Add \`{ name: '${name}' }\` to \`taxonomies\` in site.config.ts, or use one of those.`
          : `Add \`taxonomies: [{ name: '${name}' }]\` to site.config.ts.`,
      );
    }
    return { name, terms: [...new Set(terms.map((term) => term.trim()).filter((term) => term !== ''))], line };
  });

  const format = absolutePath.endsWith('.mdx') ? 'mdx' : 'md';
  const collections = readCollections({ absolutePath, file, format, body, bodyStartLine }, directory);
  // extra.title, when set, is both the <title>'s fallback and the visible h1; a description given needs no paragraph.
  const extraTitle = typeof extra.title === 'string' ? extra.title : undefined;
  const folderName = fileFolder.split('/').at(-1);
  const wordCount = countWords(body);
  const previewImage = previewImageOf(own, extra, file, lineOf);
  const withOpening = (opening: BodyOpening): Page & { draft: boolean } => {
    const bodyHeading = opening.heading;
    const title = own.title ?? extraTitle ?? bodyHeading ?? (slug.length === 0 ? site.name : isSection && folderName ? folderName : undefined);
    if (title === undefined) {
      throw new ContentError(
        { file, line: 1 },
        'page has no title.',
        'Add `title: "…"` to its front matter, or open the page with a `# Heading` line.',
      );
    }
    return {
      file,
      slug,
      url: place.url,
      format,
      frontMatterFormat,
      title,
      heading: extraTitle ?? (bodyHeading !== undefined ? null : title),
      description: own.description ?? (opening.paragraph === undefined ? site.description : describe(opening.paragraph)),
      date: pageFields?.date ?? place.dateFromName,
      updated: pageFields?.updated,
      lang: own.lang ?? (typeof extra.lang === 'string' ? extra.lang : undefined) ?? site.lang,
      options,
      body,
      bodyStartLine,
      kind: isSection ? 'section' : 'page',
      folder,
      weight: own.weight,
      aliases: (own.aliases ?? []).map((alias) => ({ path: alias, line: lineOf(['aliases']) })),
      taxonomies,
      extra: mergedExtra,
      templateName,
      ...(isHomeSection({ kind: isSection ? 'section' : 'page', folder, templateName }) && { homeExtra: extra }),
      wordCount,
      readingMinutes: Math.ceil(wordCount / 200),
      ...(previewImage && { previewImage }),
      assets: isSection || isBundle ? bundleAssets(absolutePath, directory, isSection ? 'section' : 'bundle') : [],
      section: sectionFields && {
        sortBy: sectionFields.sort_by ?? 'none',
        paginateBy: sectionFields.paginate_by,
        paginatePath: sectionFields.paginate_path ?? 'page',
        paginateReversed: sectionFields.paginate_reversed ?? false,
        render: sectionFields.render ?? true,
        redirectTo: sectionFields.redirect_to,
        transparent: sectionFields.transparent ?? false,
        generateFeeds: sectionFields.generate_feeds ?? sectionFields.generate_feed ?? false,
        pageTemplate: sectionFields.page_template,
        lines: { redirectTo: lineOf(['redirect_to']), sortBy: lineOf(['sort_by']) },
      },
      ...(Object.keys(collections).length > 0 && { collections }),
      draft: own.draft ?? false,
    };
  };
  return { opening: { body, format, math: options.math, wants: { heading: extraTitle === undefined, paragraph: own.description === undefined } }, withOpening };
}

/**
 * Reads every page and section under a content folder: parses and validates each file once, sets drafts apart
 * and rejects two files that claim one URL. Sections are read first: their settings are the defaults of the
 * pages below them. Returns the published pages (sections among them), the drafts and every problem, so that
 * one build can report all of them.
 */
export async function readPages(
  directory: string = contentDirectory,
  openingSource: OpeningSource = parsedOpenings,
): Promise<{ pages: Page[]; drafts: Page[]; errors: ContentError[] }> {
  const linked = linkedFolderProblem(directory);
  if (linked) return { pages: [], drafts: [], errors: [linked] };
  const errors: ContentError[] = [];
  const collect = (error: unknown) => {
    if (error instanceof ContentError) errors.push(error);
    else if (error instanceof ContentErrors) errors.push(...error.errors);
    else throw error;
  };
  const files = listContentFiles(directory);
  const isSectionFile = (absolutePath: string) => sectionFilePattern.test(path.basename(absolutePath));
  // Sections are read first: each one's settings are the defaults of the files below it.
  const reads = new Map<string, { read: ReadFile } | { error: unknown }>();
  const sections = new Map<string, SectionSource>();
  for (const absolutePath of files.filter(isSectionFile)) {
    try {
      const read = readFile(absolutePath, directory);
      reads.set(absolutePath, { read });
      if (read.kind === 'section') sections.set(folderOf(read.relative), { file: read.file, frontMatter: read.parsed.frontMatter });
    } catch (error) {
      reads.set(absolutePath, { error });
    }
  }
  const loaded: LoadedFile[] = [];
  for (const absolutePath of [...files.filter(isSectionFile), ...files.filter((file) => !isSectionFile(file))]) {
    try {
      const earlier = reads.get(absolutePath);
      if (earlier && 'error' in earlier) throw earlier.error;
      loaded.push(loadFile(earlier?.read ?? readFile(absolutePath, directory), absolutePath, directory, sections));
    } catch (error) {
      collect(error);
    }
  }
  // The openings of every body at once: most come from the memo, and the parser loads only for the others.
  const openings = await openingSource(loaded.map((file) => file.opening));
  // Drafts claim their URL too: publishing one later must not silently collide with another page.
  const fileByUrl = new Map<string, string>();
  const pages: Page[] = [];
  const drafts: Page[] = [];
  loaded.forEach((file, index) => {
    try {
      const { draft, ...page } = file.withOpening(openings[index] ?? noOpening());
      // A section that is not rendered leaves its URL to a page (Zola's `render = false`).
      if (page.section?.render !== false) {
        const claimant = fileByUrl.get(page.url);
        if (claimant) {
          errors.push(
            new ContentError(
              { file: page.file, line: 1 },
              `${claimant} and ${page.file} both make the page ${page.url}.`,
              'Rename or remove one of them, or change its `slug` or `path` (URLs are made lower-case, with spaces as `-`).',
            ),
          );
          return;
        }
        fileByUrl.set(page.url, page.file);
      }
      (draft ? drafts : pages).push(page);
    } catch (error) {
      collect(error);
    }
  });
  return { pages: pages.sort((a, b) => a.url.localeCompare(b.url) || a.kind.localeCompare(b.kind)), drafts, errors };
}

/** readPages, for callers that want the pages or one error listing every problem. */
export async function loadPages(directory: string = contentDirectory): Promise<Page[]> {
  const { pages, errors } = await readPages(directory);
  if (errors.length > 0) throw new ContentErrors(errors);
  return pages;
}
