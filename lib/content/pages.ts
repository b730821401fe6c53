import fs from 'node:fs';
import path from 'node:path';
import type { Program } from 'estree';
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { ContentError, ContentErrors } from '@/lib/errors';
import { remarkContentSafety } from '@/lib/markdown/remark-content-safety';
import { site } from '@/lib/site';
import { parseSource, type FrontMatterFormat } from './front-matter';
import type { PageOptions } from '@/lib/page-options';
import { isPrivateName, pageFilePattern, pageNameProblem, slugForFile, urlForSlug } from './page-urls';
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
}

export const contentDirectory = path.join(process.cwd(), 'content');

/**
 * The page files under a content folder: .md and .mdx, and links to folders (listed so that reading them
 * says why they are not followed). None when the folder itself is a symbolic link, which readPages reports:
 * nothing is read through it.
 */
export function listContentFiles(directory: string = contentDirectory): string[] {
  if (!fs.existsSync(directory) || linkedFolderProblem(directory)) return [];
  return listPageFiles(directory);
}

function listPageFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    // Dotfiles and _partials are the author's own business, not pages. A name that only starts so after a
    // space is listed: reading it reports the space (pageNameProblem).
    if (isPrivateName(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listPageFiles(full));
    else if (pageFilePattern.test(entry.name)) files.push(full);
    // A linked folder is listed as if it were a page, so that reading it reports why it is not followed.
    else if (entry.isSymbolicLink() && isDirectoryOrBroken(full)) files.push(full);
  }
  return files.sort();
}

function isDirectoryOrBroken(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return true;
  }
}

/** What a page shows first, as its renderer reads the body: the words of its opening `# heading` and of its first paragraph. */
interface BodyOpening {
  /** Set when the body opens with a level-1 heading that has words (HTML comments, link definitions and MDX comments may come first). */
  heading: string | undefined;
  /** The first paragraph at the top level of the body that has words and is not an equation. */
  paragraph: string | undefined;
}

/**
 * How much of a body is parsed for its opening, in characters: up to the first blank line past each size in turn
 * (0: the first block alone), until the opening is found. Never past the last size: the parser is quadratic on some input (16 KB of `[a](`
 * took 0.4 s, 64 KB 2.6 s), and this parse runs in the build's own thread, outside the compile's time limit. A
 * paragraph that runs past it is read as far as it goes.
 */
const openingLimit = 16_384;
const openingSizes = [0, 256, 2_048, openingLimit];

/**
 * Reads the opening of a body, parsed as the compile parses it (GFM, math when it is on, MDX for .mdx), but only
 * as far as the opening and only for what front matter leaves open. It runs for every page of every build, the
 * compile cache's hits included, and on the dev server after every edit: a whole 2.7 KB page takes about 3.5 ms
 * to parse, ten times what reading and checking its file takes.
 */
function readOpening(body: string, format: 'md' | 'mdx', math: boolean, wants: { heading: boolean; paragraph: boolean }): BodyOpening {
  let opening: BodyOpening = { heading: undefined, paragraph: undefined };
  if (!wants.heading && !wants.paragraph) return opening;
  for (const size of openingSizes) {
    const end = openingEnd(body, size);
    const last = end === body.length || size === openingLimit;
    // A construct cut off by the end of the opening (an MDX element spanning a blank line) is an MDX error: read more.
    // If MDX cannot read even that, the compile reports why; the Markdown reading still finds the title.
    const nodes = parseOpening(body, end, format, math) ?? (last ? parseOpening(body, end, 'md', math) : undefined);
    if (!nodes) continue;
    // Blocks are parsed line by line, so every block that ends before the blank line the opening ends on is the
    // block the whole body makes.
    const first = nodes.find((node) => !showsNothing(node));
    const headingText = wants.heading && first?.type === 'heading' && first.depth === 1 ? visibleText(first) : '';
    opening = { heading: headingText === '' ? undefined : headingText, paragraph: wants.paragraph ? firstParagraph(nodes) : undefined };
    if (last || ((!wants.heading || first) && (!wants.paragraph || opening.paragraph !== undefined))) return opening;
  }
  return opening;
}

/** The end of the opening: after the first blank line at or past `size`, or the end of the body; never past openingLimit. */
function openingEnd(body: string, size: number): number {
  if (body.length <= size) return body.length;
  const blankLine = /\n[ \t]*\n/g;
  // Blank lines before the first block end nothing.
  blankLine.lastIndex = Math.max(size, /^\s*/.exec(body)?.[0].length ?? 0);
  const found = blankLine.exec(body);
  return Math.min(found ? found.index + found[0].length : body.length, openingLimit);
}

type ParseOpening = (text: string) => Root;
const openingParsers = new Map<string, ParseOpening>();

/** The top-level blocks of the body's first `end` characters; undefined when the parser cannot read them. */
function parseOpening(body: string, end: number, format: 'md' | 'mdx', math: boolean): RootContent[] | undefined {
  const key = `${format} ${math}`;
  let parse = openingParsers.get(key);
  if (!parse) {
    const processor = unified()
      .use(remarkParse)
      // In the compile's order: @mdx-js/mdx adds remark-mdx first, lib/markdown's plugins come after.
      .use(format === 'mdx' ? [remarkMdx] : [])
      // Its nesting cut runs inside the parser, before remark-gfm's recursive search for bare URLs, which runs out
      // of stack on thousands of nested quotes. What it finds, the compile reports.
      .use(remarkContentSafety, { format, components: [], onProblem: () => undefined })
      .use(remarkGfm)
      .use(math ? [remarkMath] : [])
      .freeze();
    parse = (text) => processor.parse(text);
    openingParsers.set(key, parse);
  }
  const opening = body.slice(0, end);
  const definitions = end < body.length && opening.includes('[') ? laterDefinitions(body, end) : '';
  for (const text of definitions === '' ? [opening] : [`${opening}\n\n${definitions}`, opening]) {
    try {
      return parse(text).children.filter((node) => (node.position?.start.offset ?? 0) < end);
    } catch {
      // MDX's syntax errors, and the parser's own assertions on input it mishandles (a JSX element inside a link
      // reference's label, found by the property test). The compile reports on such a page with its line; its
      // title must not stop the reading of every other page.
    }
  }
  return undefined;
}

/**
 * A reference in the opening (`[text][label]`, `[^1]`) is a link only if the page defines its label, and
 * definitions may stand anywhere in the page. The lines after the opening that could hold one (with a `]:`) go
 * along, each a block of its own, up to openingLimit characters; a line that holds none adds a block after the
 * opening, which nothing reads.
 */
function laterDefinitions(body: string, from: number): string {
  const lines: string[] = [];
  let length = 0;
  for (let at = body.indexOf(']:', from); at !== -1; ) {
    const lineEnd = body.indexOf('\n', at);
    const end = lineEnd === -1 ? body.length : lineEnd;
    const line = body.slice(Math.max(from, body.lastIndexOf('\n', at) + 1), end);
    length += line.length;
    if (length > openingLimit) break;
    lines.push(line);
    at = body.indexOf(']:', end);
  }
  return lines.join('\n\n');
}

/** Blocks that show nothing where they stand: raw HTML in .md (dropped), definitions, MDX comments and imports. */
function showsNothing(node: RootContent): boolean {
  switch (node.type) {
    case 'html':
    case 'definition':
    case 'footnoteDefinition':
    case 'mdxjsEsm':
      return true;
    case 'mdxFlowExpression':
      return literalText(node.data?.estree) === '';
    default:
      return false;
  }
}

/** The words of the first paragraph among the blocks that shows as one and has words. */
function firstParagraph(nodes: readonly RootContent[]): string | undefined {
  for (const node of nodes) {
    if (node.type !== 'paragraph' || !isProse(node)) continue;
    const words = visibleText(node);
    if (words !== '') return words;
  }
  return undefined;
}

/**
 * Whether a paragraph shows as one. Not when it holds nothing but math (an equation written on one line, which
 * the compile displays), nor nothing but MDX elements and expressions (which @mdx-js/mdx takes out of the
 * paragraph, as blocks of their own).
 */
function isProse(paragraph: Paragraph): boolean {
  const meaningful = paragraph.children.filter((child) => !(child.type === 'text' && child.value.trim() === ''));
  if (meaningful.length === 1 && meaningful[0]?.type === 'inlineMath') return false;
  return !meaningful.every((child) => child.type === 'mdxJsxTextElement' || child.type === 'mdxTextExpression');
}

/**
 * The words a reader sees in a heading or paragraph, for <title> and the meta description: text, code, image
 * descriptions, what MDX literals render; not raw HTML (dropped from .md pages) nor footnote numbers. Math keeps
 * its dollars. Iterative: inline markup can nest deeply.
 */
function visibleText(block: Heading | Paragraph): string {
  let text = '';
  const stack: Nodes[] = [...block.children].reverse();
  for (let node = stack.pop(); node; node = stack.pop()) {
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        text += node.value;
        break;
      case 'inlineMath':
        text += `$${node.value}$`;
        break;
      case 'break':
        text += ' ';
        break;
      case 'image':
      case 'imageReference':
        text += node.alt ?? '';
        break;
      case 'mdxTextExpression':
        text += literalText(node.data?.estree);
        break;
      default:
        if (!('children' in node)) break;
        for (let index = node.children.length - 1; index >= 0; index--) {
          const child = node.children[index];
          if (child) stack.push(child);
        }
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}

/** What React renders for an MDX `{…}`: the text of a string, number or template literal; nothing for a comment. */
function literalText(program: Program | null | undefined): string {
  const statement = program?.body.length === 1 ? program.body[0] : undefined;
  if (statement?.type !== 'ExpressionStatement') return '';
  const { expression } = statement;
  if (expression.type === 'Literal') return typeof expression.value === 'string' || typeof expression.value === 'number' ? String(expression.value) : '';
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
  return '';
}

/** A description from a paragraph's words, cut at a word near 160 characters. */
function describe(words: string): string {
  if (words.length <= 160) return words;
  return `${words.slice(0, 160).replace(/\s+\S*$/, '')}…`;
}

function loadPage(absolutePath: string, directory: string): Page & { draft: boolean } {
  const file = path.relative(process.cwd(), absolutePath).split(path.sep).join('/');
  const relative = path.relative(directory, absolutePath);
  const nameProblem = pageNameProblem(relative);
  if (nameProblem) throw new ContentError({ file, line: 1 }, nameProblem.problem, nameProblem.hint);
  const source = readContentSource(absolutePath, directory, file);
  if (source.trim() === '') {
    throw new ContentError(
      { file, line: 1 },
      'is empty.',
      'Write the page (a `# Title` line is enough), or delete the file; files whose names start with `_` are not pages.',
    );
  }
  const { frontMatter, frontMatterFormat, body, bodyStartLine } = parseSource(file, source);
  const { extra = {} } = frontMatter;
  const slug = slugForFile(relative);

  const pick = <K extends keyof PageOptions>(key: K): PageOptions[K] => {
    const top = frontMatter[key];
    const inExtra = extra[key];
    if (top !== undefined && inExtra !== undefined && top !== inExtra) {
      throw new ContentError(
        { file },
        `\`${key}\` is set twice with different values (${String(top)} and extra.${key} = ${String(inExtra)}).`,
        'Keep one of them.',
      );
    }
    return (top ?? inExtra ?? site.defaults[key]) as PageOptions[K];
  };
  const options: PageOptions = {
    math: pick('math'),
    insert_anchor_links: pick('insert_anchor_links'),
    toc: pick('toc'),
    copy: pick('copy'),
    mermaid: pick('mermaid'),
    comment: pick('comment'),
    reaction: pick('reaction'),
    template: pick('template'),
  };

  const format = absolutePath.endsWith('.mdx') ? 'mdx' : 'md';
  // extra.title, when set, is both the <title>'s fallback and the visible h1; a description given needs no paragraph.
  const opening = readOpening(body, format, options.math, { heading: extra.title === undefined, paragraph: frontMatter.description === undefined });
  const bodyHeading = opening.heading;
  const title = frontMatter.title ?? extra.title ?? bodyHeading ?? (slug.length === 0 ? site.name : undefined);
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
    url: urlForSlug(slug),
    format,
    frontMatterFormat,
    title,
    heading: extra.title ?? (bodyHeading !== undefined ? null : title),
    description: frontMatter.description ?? (opening.paragraph === undefined ? site.description : describe(opening.paragraph)),
    date: frontMatter.date,
    updated: frontMatter.updated,
    lang: frontMatter.lang ?? extra.lang ?? site.lang,
    options,
    body,
    bodyStartLine,
    draft: frontMatter.draft ?? false,
  };
}

/**
 * Reads every page under a content folder: parses and validates each file once, sets drafts apart and
 * rejects two files that claim one URL. Returns the published pages, the drafts and every problem, so
 * that one build can report all of them.
 */
export function readPages(directory: string = contentDirectory): { pages: Page[]; drafts: Page[]; errors: ContentError[] } {
  const linked = linkedFolderProblem(directory);
  if (linked) return { pages: [], drafts: [], errors: [linked] };
  const errors: ContentError[] = [];
  // Drafts claim their URL too: publishing one later must not silently collide with another page.
  const fileByUrl = new Map<string, string>();
  const pages: Page[] = [];
  const drafts: Page[] = [];
  for (const absolutePath of listContentFiles(directory)) {
    try {
      const { draft, ...page } = loadPage(absolutePath, directory);
      const claimant = fileByUrl.get(page.url);
      if (claimant) {
        errors.push(
          new ContentError(
            { file: page.file, line: 1 },
            `${claimant} and ${page.file} both make the page ${page.url}.`,
            'Rename or remove one of them (URLs are made lower-case, with spaces as `-`).',
          ),
        );
        continue;
      }
      fileByUrl.set(page.url, page.file);
      (draft ? drafts : pages).push(page);
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else if (error instanceof ContentErrors) errors.push(...error.errors);
      else throw error;
    }
  }
  return { pages: pages.sort((a, b) => a.url.localeCompare(b.url)), drafts, errors };
}

/** readPages, for callers that want the pages or one error listing every problem. */
export function loadPages(directory: string = contentDirectory): Page[] {
  const { pages, errors } = readPages(directory);
  if (errors.length > 0) throw new ContentErrors(errors);
  return pages;
}
