import rehypeSlug from 'rehype-slug';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';
import { ContentError, ContentErrors } from '@/lib/errors';
import type { DiagramResult } from '@/lib/diagrams/mermaid-renderer';
import { rehypeCodeLines, remarkCodeAnnotations } from './code-annotations';
import { codeHighlightPlugin } from './code-highlight';
import { rehypeExternalLinks } from './external-links';
import { rehypeInternalLinks, type InternalLink } from './internal-links';
import { rehypeSummary, remarkSummaryMarker } from './summary';
import type { AnchorMode } from './anchor-modes';
import { headingAnchorPlugins } from './heading-anchors';
import { rehypeCollectKatexErrors, type MathError } from './rehype-collect-katex-errors';
import { rehypeKatexCached, rehypeKatexPlaced } from './rehype-katex-cached';
import { rehypeMarkdownEscapesInMath } from './rehype-markdown-escapes-in-math';
import { rehypeCountCodeBlocks } from './rehype-count-code-blocks';
import { rehypeCountStyledElements } from './rehype-count-styled-elements';
import { remarkCollectPictures } from './remark-collect-pictures';
import { rehypeReaderFriendlyMarkup } from './rehype-reader-friendly-markup';
import { remarkMermaidDiagrams, type DiagramError } from './remark-mermaid-diagrams';
import { rehypeTableOfContents } from './rehype-table-of-contents';
import { remarkDisplayMathParagraph } from './remark-display-math-paragraph';
import { mdxComponentNames } from './content-policy';
import { remarkContentSafety, type UnsafeContent } from './remark-content-safety';
import { remarkShortcodeElements, shortcodeComponentNames, type ShownFile } from './remark-shortcode-elements';
import type { CollectionItem } from './collection-items';
import { expandZolaShortcodes, type ExpandedBody } from './zola-shortcodes';
import rehypeOverridableImages from './rehype-overridable-images';

interface PluginLists {
  remarkPlugins: PluggableList;
  rehypePlugins: PluggableList;
}

/**
 * The plugins markdownPlugins chose, with those that place each formula's markup (rehype-katex-cached.ts) apart:
 * they go after every plugin that only reads the page or rewrites its own elements (links, ids, counts), so
 * that none of those walks the formulas' hundred-odd elements each, and before any that copies markup.
 */
interface ChosenPlugins extends PluginLists {
  placeFormulas: PluggableList;
}

/** Every Markdown plugin the engine uses, chosen by a page's resolved options. The only list of them. */
export function markdownPlugins(
  page: Pick<CompileInput, 'options' | 'frontMatterFormat' | 'format' | 'collections'> & { shortcodes?: Pick<ExpandedBody, 'nonce' | 'elements'> },
  { siteUrl, drawDiagrams }: CompileOptions,
  onMathError: (error: MathError) => void,
  onUnsafeContent: (problem: UnsafeContent) => void,
  onDiagramError: (error: DiagramError) => void = () => undefined,
  onShownFile: (file: ShownFile) => void = () => undefined,
): ChosenPlugins {
  const { math, mermaid, insert_anchor_links, toc } = page.options;
  return {
    remarkPlugins: [
      // First, the elements of shortcodes (.md), components (.mdx) and GitHub's alerts: built from checked
      // arguments around the page's own Markdown, so that the content policy judges what they hold too.
      [
        remarkShortcodeElements,
        {
          format: page.format,
          markers: page.shortcodes && { nonce: page.shortcodes.nonce, calls: page.shortcodes.elements },
          onProblem: onUnsafeContent,
          onShownFile,
          collections: page.collections,
        },
      ],
      // Next, before any other plugin changes the tree, so that it judges the page as written.
      [remarkContentSafety, { format: page.format, components: [...mdxComponentNames, ...shortcodeComponentNames], onProblem: onUnsafeContent }],
      // Zola's fence annotations (```rust,linenos): the language alone is left for the steps below.
      [remarkCodeAnnotations, { onProblem: onUnsafeContent }],
      // Next: ```mermaid fences become diagrams before any other plugin (a highlighter) takes them for code.
      ...(mermaid ? [[remarkMermaidDiagrams, { onError: onDiagramError, drawDiagrams }]] : []),
      // GitHub's Markdown (tables, strikethrough, autolinks, task lists) is what authors expect to write.
      remarkGfm,
      ...(math ? [remarkMath, remarkDisplayMathParagraph] : []),
    ] as PluggableList,
    rehypePlugins: [
      ...(math
        ? [
            // Pages from Zola (TOML front matter) wrote their math through Markdown escapes.
            ...(page.frontMatterFormat === 'toml' ? [rehypeMarkdownEscapesInMath] : []),
            // rehype-katex, each formula's markup made once per worker and put in place by placeFormulas, below.
            rehypeKatexCached,
            [rehypeCollectKatexErrors, { onError: onMathError }],
          ]
        : []),
      codeHighlightPlugin,
      // After highlighting, so that each line holds its highlighted code.
      rehypeCodeLines,
      rehypeSlug,
      // After the ids, before the permalinks: toc entries carry the heading's text without the `#`.
      ...(toc ? [rehypeTableOfContents] : []),
      ...headingAnchorPlugins(insert_anchor_links),
      [rehypeExternalLinks, { siteUrl }],
      rehypeReaderFriendlyMarkup,
    ] as PluggableList,
    // Until these, each formula is a placeholder holding its text (rehype-katex-cached.ts).
    placeFormulas: math ? [rehypeKatexPlaced] : [],
  };
}

/** Where a compile error points in the body: MDX's parser places its messages, other errors have no place. */
function compileErrorPlace(error: unknown): { line?: number; column?: number } {
  if (!(error instanceof VFileMessage)) return {};
  if (error.line !== undefined) return { line: error.line, column: error.column };
  // Some messages (an unclosed JSX tag) carry their place only in the text: "… for `<div>` (3:1-3:6)".
  const placed = /\((\d+):(\d+)-\d+:\d+\)/.exec(error.reason);
  return placed ? { line: Number(placed[1]), column: Number(placed[2]) } : {};
}

/** What compiling a page's body depends on besides the body itself; part of the compile cache's key. */
export interface CompileInput {
  /** Names the page in errors. */
  file: string;
  format: 'md' | 'mdx';
  /** Zola pages (TOML front matter) wrote their math through Markdown escapes. */
  frontMatterFormat: 'yaml' | 'toml' | 'none';
  /** The page's resolved switches (lib/content/page-options.ts) that change what its body compiles to. */
  options: { math: boolean; mermaid: boolean; toc: boolean; insert_anchor_links: AnchorMode };
  body: string;
  /** The line of the content file the body starts on, for errors. */
  bodyStartLine: number;
  /** The URL of each content file the body links to with `@/` (lib/markdown/internal-links.ts). */
  internalLinks?: Readonly<Record<string, string>>;
  /** The checked items of each collection file the body names (lib/content/collections.ts), by the name it gives. */
  collections?: Readonly<Record<string, readonly CollectionItem[]>>;
}

/**
 * A page body ready to render. Markdown becomes finished HTML at build time: nothing is left to run
 * per page. MDX becomes MDX's function-body JavaScript, which components/mdx-content.tsx runs with
 * React, since it may use components and expressions. Math, ids, permalinks, the toc and highlighted
 * code are markup in both. `codeBlocks` counts the page's code blocks (the copy script is
 * linked only where there are some).
 */
export type CompiledBody = ({ format: 'html'; html: string } | { format: 'mdx'; code: string }) & {
  codeBlocks: number;
  /** The page's `@/` links, with their lines in the body, and every id it has: checked once all pages are compiled. */
  internalLinks?: InternalLink[];
  anchors?: string[];
  /** The HTML of a .md page's blocks before its `<!-- more -->` line, for lists (lib/markdown/summary.ts). */
  summary?: string;
  /** The site's files its shortcodes show (a figure's picture), with their lines: checked once the bundles are known. */
  shownFiles?: ShownFile[];
  /** How many of its elements app/elements.css styles (a callout, a quote, …), when there are some: the page links it. */
  styledElements?: number;
};

/**
 * Draws a page's diagrams. Unset, Mermaid's renderer in this thread; the content build's worker passes one that
 * asks the build's thread, which owns the build's one browser (lib/content/page-compiler.ts).
 */
export type DrawDiagrams = (sources: readonly string[]) => Promise<DiagramResult[]>;

/** What a compile needs from outside the page: given, so that this module reads no config of its own. */
export interface CompileOptions {
  /** The site's address (site.config.ts `baseUrl`): links elsewhere are external. */
  siteUrl: string;
  drawDiagrams?: DrawDiagrams;
}

/** Compiles a page's body once, at build time. Problems become ContentErrors naming lines of the content file. */
export async function compileMarkdown(page: CompileInput, options: CompileOptions): Promise<CompiledBody> {
  const toFileLine = (bodyLine: number | undefined) => (bodyLine === undefined ? undefined : bodyLine + page.bodyStartLine - 1);
  const problems: ContentError[] = [];
  const report = (error: ContentError) => problems.push(error);
  const shownFiles: ShownFile[] = [];
  // Zola's shortcodes first, in .md only (in MDX `{` starts an expression); the expansion keeps every line's number.
  const zola = page.format === 'md' ? expandZolaShortcodes(page.body, page) : undefined;
  problems.push(...(zola?.errors ?? []));
  const { placeFormulas, ...plugins } = markdownPlugins(
    { ...page, shortcodes: zola },
    options,
    (error) =>
      report(
        new ContentError(
          { file: page.file, line: toFileLine(error.line), column: error.column },
          `KaTeX cannot render this math: ${error.message}`,
          'Fix the TeX, or set `math = false` if the dollar signs are not math.',
        ),
      ),
    ({ line, column, problem, hint }) => report(new ContentError({ file: page.file, line: toFileLine(line), column }, problem, hint)),
    (error) =>
      report(
        error.kind === 'unsafe'
          ? new ContentError(
              { file: page.file, line: toFileLine(error.line) },
              `this diagram cannot be shipped: ${error.message.replace(/([^.!?])$/, '$1.')}`,
              'Diagrams may not load other content, link off the site with unsafe URLs or style themselves with markup; remove the directive, style or link, or set `mermaid: false` to show it as code.',
            )
          : new ContentError(
              { file: page.file, line: toFileLine(error.line) },
              `Mermaid cannot draw this diagram: ${error.message.replace(/([^.!?])$/, '$1.')}`,
              'Fix the diagram (syntax: https://mermaid.js.org/intro/syntax-reference.html), or set `mermaid: false` to show it as code.',
            ),
      ),
    (file) => shownFiles.push({ src: file.src, ...(file.line !== undefined && { line: toFileLine(file.line) }) }),
  );
  // After the shortcodes' elements are in the tree (a figure reports its own picture, at its call's line): every
  // other picture of the site the page shows, once each.
  plugins.remarkPlugins.push([
    remarkCollectPictures,
    { onShownFile: (file: ShownFile) => shownFiles.some((shown) => shown.src === file.src) || shownFiles.push({ src: file.src, ...(file.line !== undefined && { line: toFileLine(file.line) }) }) },
  ]);
  let codeBlocks = 0;
  let internalLinks: InternalLink[] = [];
  let anchors: string[] = [];
  // After the ids and permalinks, so that every id a link may name is there.
  plugins.rehypePlugins.push([rehypeInternalLinks, { urls: page.internalLinks ?? {}, onLinks: (links: InternalLink[], ids: string[]) => ((internalLinks = links), (anchors = ids)) }]);
  // After every plugin that adds or changes elements, so that they count what the page ends up with: placing the
  // formulas and taking the summary out add no code block or styled element.
  plugins.rehypePlugins.push([rehypeCountCodeBlocks, { onCount: (count: number) => (codeBlocks = count) }]);
  let styledElements = 0;
  plugins.rehypePlugins.push([rehypeCountStyledElements, { onCount: (count: number) => (styledElements = count) }]);
  plugins.rehypePlugins.push(...placeFormulas);
  let summary: string | undefined;
  // After the links are rewritten, so that a summary's links lead where the page's do, and the formulas placed.
  if (page.format === 'md') {
    plugins.remarkPlugins.push(remarkSummaryMarker);
    plugins.rehypePlugins.push([rehypeSummary, { onSummary: (html: string | undefined) => (summary = html) }]);
  }
  const throwProblems = () => {
    if (problems.length === 1 && problems[0]) throw problems[0];
    if (problems.length > 1) throw new ContentErrors(problems.sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0)));
  };
  let body: UncountedBody;
  try {
    body = page.format === 'md' ? await compileMarkdownToHtml(zola?.body ?? page.body, plugins) : await compileMdx(page, plugins, toFileLine);
  } catch (error) {
    // Problems the policy check reported explain the page better than an error the compile then ran into.
    throwProblems();
    throw error;
  }
  // A page with a problem is never returned, so its compiled code is never run.
  throwProblems();
  return { ...body, codeBlocks, ...(styledElements > 0 && { styledElements }), internalLinks: internalLinks.map((link) => ({ ...link, line: toFileLine(link.line) })), anchors, ...(summary !== undefined && { summary }), ...(shownFiles.length > 0 && { shownFiles }) };
}

type UncountedBody = { format: 'html'; html: string } | { format: 'mdx'; code: string };

async function compileMarkdownToHtml(markdown: string, plugins: PluginLists): Promise<UncountedBody> {
  const file = await unified()
    .use(remarkParse)
    .use(plugins.remarkPlugins)
    // Raw HTML in Markdown is dropped, not passed through (HTML comments included): content cannot inject markup.
    .use(remarkRehype)
    .use(plugins.rehypePlugins)
    .use(rehypeStringify)
    .process(new VFile(markdown));
  return { format: 'html', html: String(file) };
}

async function compileMdx(
  page: CompileInput,
  plugins: PluginLists,
  toFileLine: (line: number | undefined) => number | undefined,
): Promise<UncountedBody> {
  // Loaded with the first MDX page: a compile worker of a site without MDX does not load it (packages.ts).
  const { compile } = await import('@mdx-js/mdx');
  try {
    // Nothing is stripped from the page here: remarkContentSafety, the first plugin, refuses every import,
    // export and expression that is not a comment or a literal, with its line, and a page with a problem is
    // never returned. Stripping would delete such code silently, and the literals along with it.
    const file = await compile(new VFile(page.body), {
      format: 'mdx',
      ...plugins,
      rehypePlugins: [...plugins.rehypePlugins, rehypeOverridableImages],
      // The body of a function that components/mdx-content.tsx runs with `run`, handing it React's runtime.
      outputFormat: 'function-body',
      // No providerImportSource: React Server Components have no MDX provider; the components come as a prop.
      // Development output (jsxDEV, with sources) on the dev server, where React's warnings name the place.
      development: process.env.NODE_ENV !== 'production',
    });
    return { format: 'mdx', code: String(file) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = compileErrorPlace(error);
    throw new ContentError(
      { file: page.file, line: toFileLine(place.line), column: place.column },
      `MDX does not compile: ${message.split('\n')[0] ?? message}`,
      'In MDX, write HTML comments as {/* … */} and escape a literal < or { with a backslash, or rename the file to .md.',
    );
  }
}
