import fs from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { contentPath } from '@/lib/content/internal-links';
import { publishedAssets } from '@/lib/content/page-assets';
import { buildSiteModel } from '@/lib/content/site-model';
import { site } from '@/lib/site';
import { contentDirectory, readPages, type Page } from '@/lib/content/pages';
import { publicFolderProblems } from '@/lib/content/project-folders';
import { isSchemeRelative, urlScheme } from '@/lib/markdown/content-policy';
import { parseInternalHref } from '@/lib/markdown/internal-links';
import { isMermaidFence } from '@/lib/markdown/mermaid-fence';

/**
 * `npm run check`: lints content/ (and public/'s symbolic links) without building. Each finding names the
 * file and line of the content file. External links are listed, not fetched (see scripts/check.ts for --external).
 */

export interface Finding {
  file: string;
  line: number | undefined;
  message: string;
}

export interface ExternalLink {
  file: string;
  line: number | undefined;
  url: string;
}

export interface CheckReport {
  findings: Finding[];
  externalLinks: ExternalLink[];
}

interface Outline {
  page: Page;
  headings: { depth: number; id: string; line: number | undefined }[];
  /** `url` as written, `href` as the page carries it (asMarkdownWritesIt). */
  links: { url: string; href: string; line: number | undefined }[];
  images: { url: string; href: string; alt: string; line: number | undefined }[];
  /** Text that would be math if math were on, with its line. */
  dollarMath: { text: string; line: number | undefined }[];
  /** ```mermaid fences that would be diagrams if mermaid were on. */
  mermaidFences: { line: number | undefined }[];
}

/** TeX between dollar signs: `$x^2$`, `$\alpha$`, `$$…$$`; not prices such as `$5 and $10`. */
const dollarMathPattern = /\$\$[^$]+\$\$|\$(?=\S)[^$\n]*[\\^_{}][^$\n]*(?<=\S)\$/;

function outline(page: Page): Outline {
  const processor = unified().use(remarkParse).use(remarkGfm);
  if (page.options.math) processor.use(remarkMath);
  if (page.format === 'mdx') processor.use(remarkMdx);
  const tree = processor.parse(page.body) as Root;
  const fileLine = (line: number | undefined) => (line === undefined ? undefined : line + page.bodyStartLine - 1);
  // The same slugs rehype-slug gives the rendered headings.
  const slugger = new GithubSlugger();
  const result: Outline = { page, headings: [], links: [], images: [], dollarMath: [], mermaidFences: [] };
  visit(tree, (node) => {
    const line = fileLine(node.position?.start.line);
    if (node.type === 'heading') result.headings.push({ depth: node.depth, id: slugger.slug(toString(node)), line });
    else if (node.type === 'link') result.links.push({ url: node.url, href: asMarkdownWritesIt(node.url), line });
    else if (node.type === 'image') result.images.push({ url: node.url, href: asMarkdownWritesIt(node.url), alt: node.alt ?? '', line });
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') {
      // An MDX `<a href="…">` reaches the page as written (an `{expression}` is known only when it renders).
      const href = node.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === 'href')?.value;
      if (typeof href === 'string') result.links.push({ url: href, href, line });
    }
    else if (node.type === 'code' && isMermaidFence(node) && !page.options.mermaid) result.mermaidFences.push({ line });
    else if (node.type === 'text' && !page.options.math) {
      const match = node.value.match(dollarMathPattern);
      if (match) result.dollarMath.push({ text: match[0], line });
    }
  });
  return result;
}

/**
 * A Markdown link's URL as the page carries it: the compiler percent-encodes what a URL may not hold
 * (micromark's normalizeUri), so a `\` or a tab written in Markdown is part of a path there, never the `/`
 * that a browser reads a raw `\` as.
 */
function asMarkdownWritesIt(url: string): string {
  return url.replace(/[\u0000-\u0020\\]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
}

/** Whether a URL names its own scheme or host (`https:`, `mailto:`, `//host`, `\\host`), as a browser reads it. */
function isExternal(url: string): boolean {
  return urlScheme(url) !== undefined || isSchemeRelative(url);
}

/** Whether a link goes to a web page on another host: the ones `--external` fetches. */
function isWebLink(url: string): boolean {
  const scheme = urlScheme(url);
  return scheme === undefined ? isSchemeRelative(url) : scheme === 'http' || scheme === 'https';
}

/** Lints every page of a content folder: links, fragments, images, stray math, diagrams left as code, heading levels, drafts. */
export function checkContent(directory: string = contentDirectory, publicDirectory = path.join(process.cwd(), 'public')): CheckReport {
  const { pages, drafts, errors } = readPages(directory);
  const findings: Finding[] = [...errors, ...publicFolderProblems(publicDirectory)].map((error) => ({
    file: error.location.file,
    line: error.location.line,
    message: `${error.problem}${error.hint ? ` ${error.hint}` : ''}`,
  }));
  const externalLinks: ExternalLink[] = [];
  const outlines = pages.flatMap((page) => {
    try {
      return [outline(page)];
    } catch (error) {
      // A page nested thousands deep overflows the parser's stack; the build refuses it with its line (lib/markdown).
      if (!(error instanceof RangeError)) throw error;
      findings.push({
        file: page.file,
        line: page.bodyStartLine,
        message: 'the page is nested too deep to read (lists, quotes or elements inside each other thousands of levels deep). Flatten the nesting; `npm run build` names the line.',
      });
      return [];
    }
  });
  const idsByUrl = new Map(outlines.map((each) => [each.page.url, new Set(each.headings.map((heading) => heading.id))]));
  idsByUrl.set('/', idsByUrl.get('/') ?? new Set());
  const draftByUrl = new Map(drafts.map((draft) => [draft.url, draft]));
  // The files page bundles carry, at the URLs they are copied to (lib/export/site-files.ts).
  const bundleFiles = new Set(pages.flatMap((page) => publishedAssets(page, directory).map((asset) => asset.url)));
  const publicFile = (pathname: string) => {
    if (bundleFiles.has(pathname)) return true;
    const file = path.join(publicDirectory, decodeURIComponent(pathname));
    return file.startsWith(publicDirectory) && fs.existsSync(file) && fs.statSync(file).isFile();
  };
  const pageByPath = new Map(pages.map((page) => [contentPath(page, directory), page]));
  // The lists the site makes of its pages (a section's later pages, taxonomies and terms), its redirects and feeds.
  // The model reads no body: the pages go in uncompiled.
  const { model } = buildSiteModel(pages.map((page) => ({ ...page, body: { format: 'html', html: '', codeBlocks: 0 } })), site);
  const siteUrls = new Set([...model.routes.keys(), ...model.redirects.map((redirect) => redirect.from), ...model.feeds.map((feed) => feed.url)]);
  const draftPaths = new Set(drafts.map((draft) => contentPath(draft, directory)));

  for (const { page, headings, links, images, dollarMath, mermaidFences } of outlines) {
    const report = (line: number | undefined, message: string) => findings.push({ file: page.file, line, message });

    for (const { url, line, ...written } of links) {
      let { href } = written;
      // Zola's internal links name a content file; the build makes them the page's URL (lib/markdown/internal-links.ts).
      const internal = parseInternalHref(url);
      if (internal) {
        const target = pageByPath.get(internal.target);
        if (!target) {
          report(line, draftPaths.has(internal.target) ? `links to ${url}, a draft; it will not be published.` : `links to ${url}, but content/${internal.target} is not a page.`);
          continue;
        }
        href = internal.fragment === undefined ? target.url : `${target.url}#${encodeURIComponent(internal.fragment)}`;
      }
      if (isExternal(href)) {
        if (isWebLink(href)) externalLinks.push({ file: page.file, line, url });
        continue;
      }
      const target = new URL(href, `https://site.invalid${page.url}`);
      const fragment = decodeURIComponent(target.hash.slice(1));
      let pathname = decodeURIComponent(target.pathname);
      if (!pathname.endsWith('/') && !path.posix.extname(pathname)) pathname += '/';
      const ids = idsByUrl.get(pathname);
      if (!ids) {
        const draft = draftByUrl.get(pathname);
        if (draft) report(line, `links to ${url}, a draft (${draft.file}); it will not be published.`);
        else if (!publicFile(pathname) && !siteUrls.has(pathname)) report(line, `links to ${url}, but there is no such page or file.`);
        continue;
      }
      if (fragment && !ids.has(fragment)) {
        const where = pathname === page.url ? 'this page' : pathname;
        report(line, `links to #${fragment}, but ${where} has no heading with that id. Ids: ${[...ids].join(', ') || 'none'}.`);
      }
    }

    for (const { url, href, alt, line } of images) {
      if (alt.trim() === '') report(line, `image ${url} has no alt text: describe it in ![…](${url}), for readers who cannot see it.`);
      if (!isExternal(href)) {
        const pathname = new URL(href, `https://site.invalid${page.url}`).pathname;
        if (!publicFile(pathname)) {
          // A bundle's own pictures sit beside its index.md (lib/content/page-assets.ts).
          const isBundle = /(^|\/)_?index\.mdx?$/.test(page.file) && pathname.startsWith(page.url);
          const beside = isBundle ? `${path.posix.dirname(page.file)}/${decodeURIComponent(pathname.slice(page.url.length))}` : undefined;
          report(line, `image ${url} does not exist: put it ${beside ? `beside the page (${beside}) or ` : ''}in public${decodeURIComponent(pathname)}.`);
        }
      }
    }

    for (const { text, line } of dollarMath) {
      report(line, `\`${text}\` looks like math, but math is off for this page, so it shows as dollar signs. Set \`math: true\`.`);
    }

    for (const { line } of mermaidFences) {
      report(line, 'a ```mermaid fence, but mermaid is off for this page, so it shows as code. Set `mermaid: true` (or fence it as ```text to show Mermaid source).');
    }

    let previousDepth = 1;
    for (const { depth, line } of headings) {
      if (depth > previousDepth + 1) report(line, `heading level skips from h${previousDepth} to h${depth}; use h${previousDepth + 1}.`);
      previousDepth = depth;
    }
  }

  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { findings, externalLinks };
}

/** Findings as `file:line: message` lines, grouped under each file. */
export function formatFindings(findings: readonly Finding[]): string {
  const lines: string[] = [];
  let currentFile: string | undefined;
  for (const finding of findings) {
    if (finding.file !== currentFile) {
      if (currentFile !== undefined) lines.push('');
      lines.push(finding.file);
      currentFile = finding.file;
    }
    lines.push(`  ${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: ${finding.message}`);
  }
  return lines.join('\n');
}
