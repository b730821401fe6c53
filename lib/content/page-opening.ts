/**
 * A page's opening as its renderer shows it: the words of its first `# heading` and of its first paragraph,
 * which give the title and the description that front matter leaves open. Read with the compile's parser
 * settings, but only as far as the opening.
 */
import type { Program } from 'estree';
import type { Heading, Nodes, Paragraph, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import { unified, type Plugin } from 'unified';
import { remarkContentSafety } from '@/lib/markdown/remark-content-safety';

/** What readPages asks of a body's opening (readOpening's arguments). */
export interface OpeningQuery {
  body: string;
  format: 'md' | 'mdx';
  math: boolean;
  /** The heading when front matter gives no title, the paragraph when it gives no description. */
  wants: { heading: boolean; paragraph: boolean };
}

/** What a page shows first, as its renderer reads the body: the words of its opening `# heading` and of its first paragraph. */
export interface BodyOpening {
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

/** MDX's parser, loaded with the first MDX body: a site of Markdown pages never loads it. */
let remarkMdx: Plugin | undefined;

/** readOpening of each query, in order: in the build's thread (pages.ts parsedOpenings) or in a compile worker. */
export async function readOpenings(queries: readonly OpeningQuery[]): Promise<BodyOpening[]> {
  if (queries.some((query) => query.format === 'mdx')) remarkMdx ??= (await import('remark-mdx')).default;
  return queries.map(({ body, format, math, wants }) => readOpening(body, format, math, wants));
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
    const mdx = format === 'mdx' ? remarkMdx : undefined;
    if (format === 'mdx' && !mdx) throw new Error('MDX openings are read through readOpenings, which loads remark-mdx first.');
    const processor = unified()
      .use(remarkParse)
      // In the compile's order: @mdx-js/mdx adds remark-mdx first, lib/markdown's plugins come after.
      .use(mdx ? [mdx] : [])
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

