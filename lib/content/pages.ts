import fs from 'node:fs';
import path from 'node:path';
import { site } from '@/lib/site';
import { ContentError, ContentErrors } from '@/lib/errors';
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
   * The visible <h1> the layout renders, or null when the body opens with its own `# heading`
   * (which then is the page's h1, with all its inline markup).
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

/** The first `# heading` of a body, if the body opens with one (blank lines and HTML comments may come first). */
function leadingHeading(body: string): string | undefined {
  const withoutComments = body.replace(/<!--[\s\S]*?-->/g, '');
  const firstLine = withoutComments.split('\n').find((line) => line.trim() !== '');
  const match = firstLine?.match(/^ {0,3}#[ \t]+(.+?)(?:[ \t]+#+)?[ \t]*$/);
  return match?.[1] ? plainText(match[1]) : undefined;
}

/** Inline Markdown reduced to the words a reader sees, for <title> and meta description. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A description for pages that give none: the opening paragraph, cut at a word near 160 characters. */
function firstParagraph(body: string): string | undefined {
  const blocks = body.replace(/<!--[\s\S]*?-->/g, '').split(/\n\s*\n/);
  const paragraph = blocks.map((block) => block.trim()).find((block) => block !== '' && !/^(#|[-*+] |\d+\. |\$\$|```|<|>|\|)/.test(block));
  if (!paragraph) return undefined;
  const text = plainText(paragraph.split('\n')[0] ?? paragraph);
  if (text.length <= 160) return text;
  return `${text.slice(0, 160).replace(/\s+\S*$/, '')}…`;
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

  const bodyHeading = leadingHeading(body);
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
    format: absolutePath.endsWith('.mdx') ? 'mdx' : 'md',
    frontMatterFormat,
    title,
    heading: extra.title ?? (bodyHeading !== undefined ? null : title),
    description: frontMatter.description ?? firstParagraph(body) ?? site.description,
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
