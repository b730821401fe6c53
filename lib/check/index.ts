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
import { visit } from '@/lib/markdown/visit';
import { VFileMessage } from 'vfile-message';
import type { ContentError } from '@/lib/errors';
import { contentPath } from '@/lib/content/internal-links';
import type { BuiltPage } from '@/lib/content/manifest';
import { publishedAssets } from '@/lib/content/page-assets';
import { buildSiteModel } from '@/lib/content/site-model';
import { shownFileErrors } from '@/lib/content/shown-files';
import { site } from '@/lib/site';
import { contentDirectory, readPages, type Page } from '@/lib/content/pages';
import { publicFolderProblems } from '@/lib/content/project-folders';
import { ImageProblem, imageWidths, readImageHeader } from '@/lib/images/process-image';
import { shownPictures } from '@/lib/images/site-images';
import { isSchemeRelative, urlScheme } from '@/lib/markdown/content-policy';
import { parseInternalHref } from '@/lib/markdown/internal-links';
import { isMermaidFence } from '@/lib/markdown/mermaid-fence';
import { remarkCollectPictures } from '@/lib/markdown/remark-collect-pictures';
import { remarkShortcodeElements, type ShownFile } from '@/lib/markdown/remark-shortcode-elements';
import { expandZolaShortcodes } from '@/lib/markdown/zola-shortcodes';

/**
 * `npm run check`: lints content/ (and public/'s symbolic links) without building. Each finding names the
 * file and line of the content file. External links are listed, not fetched (see scripts/check.ts for --external).
 * Photos are read as far as their headers: what the build would refuse, and originals far larger than the web needs.
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
  /** Every picture the page shows, as written: Markdown's, an MDX `<img>`, a figure's; and whether it has alt text. */
  images: { url: string; hasAlt: boolean; written: 'markdown' | 'img' | 'figure'; line: number | undefined }[];
  /** The site's files the page shows, as the compile collects them (lib/markdown/remark-collect-pictures.ts): each once, at its first line. */
  shownFiles: ShownFile[];
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
  // Zola's shortcodes expanded and the elements of shortcodes and components placed, as the compile does, so that
  // a figure's picture is seen with its line; the problems of calls are the build's to report.
  const zola = page.format === 'md' ? expandZolaShortcodes(page.body, page) : undefined;
  const tree = processor.parse(zola?.body ?? page.body) as Root;
  remarkShortcodeElements({ format: page.format, markers: zola && { nonce: zola.nonce, calls: zola.elements }, onProblem: () => undefined })(tree);
  const fileLine = (line: number | undefined) => (line === undefined ? undefined : line + page.bodyStartLine - 1);
  // The same slugs rehype-slug gives the rendered headings.
  const slugger = new GithubSlugger();
  const result: Outline = { page, headings: [], links: [], images: [], shownFiles: [], dollarMath: [], mermaidFences: [] };
  remarkCollectPictures({
    onShownFile: ({ src, line }) => result.shownFiles.some((shown) => shown.src === src) || result.shownFiles.push({ src, ...(line !== undefined && { line: fileLine(line) }) }),
  })(tree);
  visit(tree, (node, _index, parent) => {
    const line = fileLine(node.position?.start.line);
    if (node.type === 'heading') result.headings.push({ depth: node.depth, id: slugger.slug(toString(node)), line });
    else if (node.type === 'link') result.links.push({ url: node.url, href: asMarkdownWritesIt(node.url), line });
    else if (node.type === 'image') result.images.push({ url: node.url, hasAlt: (node.alt ?? '').trim() !== '', written: parent?.type === 'shortcodeElement' ? 'figure' : 'markdown', line });
    else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && (node.name === 'a' || node.name === 'img')) {
      // An MDX element's attributes reach the page as written (an `{expression}` is known only when it renders).
      const attribute = (name: string) => node.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === name);
      const href = attribute(node.name === 'a' ? 'href' : 'src')?.value;
      if (typeof href === 'string' && node.name === 'a') result.links.push({ url: href, href, line });
      // An `alt=""` written out marks a decoration, as in HTML, and `alt={…}` is known only when it renders: only an
      // `<img>` without alt says nothing of its picture.
      if (typeof href === 'string' && node.name === 'img') result.images.push({ url: href, hasAlt: attribute('alt') !== undefined, written: 'img', line });
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

/**
 * Lints every page of a content folder: links, fragments, images and photos, stray math, diagrams left as code,
 * heading levels, drafts. `limits` are the sizes from which a photo is reported as too large.
 */
export async function checkContent(directory: string = contentDirectory, publicDirectory = path.join(process.cwd(), 'public'), limits = largePhoto): Promise<CheckReport> {
  const { pages, drafts, errors } = await readPages(directory);
  const findings: Finding[] = [...errors, ...publicFolderProblems(publicDirectory)].map(asFinding);
  const externalLinks: ExternalLink[] = [];
  const outlines = pages.flatMap((page) => {
    try {
      return [outline(page)];
    } catch (error) {
      // MDX that does not parse (an unclosed element, an HTML comment) is named at its place, as the build names it.
      if (error instanceof VFileMessage) {
        const bodyLine = error.line ?? Number(/\((\d+):\d+-\d+:\d+\)/.exec(error.reason)?.[1] ?? 1);
        findings.push({ file: page.file, line: bodyLine + page.bodyStartLine - 1, message: `the page cannot be read as ${page.format === 'mdx' ? 'MDX' : 'Markdown'}: ${error.reason}` });
        return [];
      }
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
  // The pages as the build's later steps take them, with no body but the files they show.
  const shownFiles = new Map(outlines.map((each) => [each.page.file, each.shownFiles]));
  const builtPages: BuiltPage[] = pages.map((page) => {
    const shown = shownFiles.get(page.file) ?? [];
    return { ...page, body: { format: 'html', html: '', codeBlocks: 0, ...(shown.length > 0 && { shownFiles: shown }) } };
  });
  // The lists the site makes of its pages (a section's later pages, taxonomies and terms), its redirects and feeds.
  const { model } = buildSiteModel(builtPages, site);
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

    const describe = { markdown: (url: string) => `![…](${url})`, img: () => 'its alt="…"', figure: () => 'the figure\'s alt="…"' } as const;
    for (const { url, hasAlt, written, line } of images) {
      if (!hasAlt) report(line, `image ${url} has no alt text: describe it in ${describe[written](url)}, for readers who cannot see it.`);
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

  // A picture's missing file, named as the build names it.
  for (const error of shownFileErrors(builtPages, directory, publicDirectory)) findings.push(asFinding(error));
  findings.push(...(await photoFindings(builtPages, directory, publicDirectory, limits)));

  findings.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  return { findings, externalLinks };
}

/** Originals larger than this are reported: far more than a page shows, and a cold build's time and memory. */
export const largePhoto = { pixels: 20_000_000, bytes: 25 * 1024 * 1024 };

/** A file's size as an author reads it: `310 KB`, `4.2 MB`, `48 MB`. */
function fileSize(bytes: number): string {
  const megabytes = bytes / 1024 / 1024;
  return megabytes < 1 ? `${Math.ceil(bytes / 1024)} KB` : `${megabytes.toFixed(megabytes < 10 ? 1 : 0)} MB`;
}

/**
 * Each local photo the pages show, read as far as its header, as the build reads it first (process-image.ts
 * readImageHeader): a file the build would refuse (empty, unreadable, another format than its name says, a pixel
 * bomb) is reported with the build's own words, and an original over `limits` with its size, at every line that
 * shows it. A file whose header is sound but whose data is cut short is found only by the build, which decodes it.
 */
async function photoFindings(pages: readonly BuiltPage[], directory: string, publicDirectory: string, limits: typeof largePhoto): Promise<Finding[]> {
  // Found as the build finds them (lib/images/site-images.ts): the pages' pictures, the avatar, the preview pictures.
  const { uses } = shownPictures(pages, { contentDirectory: directory, publicDirectory });
  const findings: Finding[] = [];
  for (const { file, places } of uses.values()) {
    const data = fs.readFileSync(file);
    const name = path.basename(file);
    let message: string | undefined;
    try {
      const { width, height } = await readImageHeader(data, name);
      if (width * height > limits.pixels || data.length > limits.bytes) {
        message =
          `${name} is ${fileSize(data.length)} (${width} × ${height}, ${Number(((width * height) / 1e6).toFixed(1))} megapixels), more than a web page needs ` +
          `(over ${limits.pixels / 1e6} megapixels or ${fileSize(limits.bytes)}): no page shows more than ${Math.max(...imageWidths)} pixels of it across, ` +
          'and every cold build decodes all of it. Export a copy about 3000 pixels wide and show that instead.';
      }
    } catch (error) {
      if (!(error instanceof ImageProblem)) throw error;
      message = `${error.message} ${error.hint}`;
    }
    if (message !== undefined) for (const place of places) findings.push({ ...place, message });
  }
  return findings;
}

function asFinding(error: ContentError): Finding {
  return { file: error.location.file, line: error.location.line, message: `${error.problem}${error.hint ? ` ${error.hint}` : ''}` };
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
