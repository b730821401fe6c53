import type { Element, ElementContent, Properties, Text } from 'hast';
import { h, s } from 'hastscript';
import katex, { type KatexOptions } from 'katex';

/**
 * A formula's KaTeX markup as a hast tree, built from KaTeX's own tree of the formula instead of its HTML.
 * rehype-katex has KaTeX write the formula as HTML and parses that back with parse5
 * (hast-util-from-html-isomorphic): on the bench's math pages the parse cost more than KaTeX's layout, about
 * 0.3 ms a formula. Here each of KaTeX's nodes becomes the element parse5 would have made of its markup: its
 * attributes in the same order, through hastscript as hast-util-from-parse5 builds them (SVG with `s`),
 * adjacent text joined.
 *
 * Anything that parse would change or that this does not know gives undefined, and the caller renders the
 * formula through rehype-katex instead: a formula KaTeX refuses (its error markup and message are rehype-katex's),
 * a node of a kind not handled below (an image, which needs `trust`), an attribute name HTML would lower-case,
 * text with a carriage return or NUL (parse5 rewrites both). katex-hast.test.ts compares the two on a corpus of
 * formulas; KaTeX's node classes are internals, so the test is what holds this to the installed version.
 */

type KatexStyle = Record<string, string | undefined>;
interface KatexNode {
  constructor: { name: string };
  children?: KatexNode[];
  classes?: string[];
  style?: KatexStyle;
  attributes?: Record<string, unknown>;
  text?: string;
  italic?: number;
  type?: string;
  character?: string | null;
  width?: number;
  toMarkup(): string;
}

const renderToDomTree = (katex as unknown as { __renderToDomTree(expression: string, options: KatexOptions): KatexNode }).__renderToDomTree;

const svgNamespace = 'http://www.w3.org/2000/svg';
/** SVG attributes whose mixed case parse5 restores after the HTML tokenizer lower-cases them (the ones KaTeX writes). */
const svgAttributeNames = new Set(['viewBox', 'preserveAspectRatio']);
/** What the HTML tokenizer would not read back as written. */
const unparseable = /[\r\0]/;

/** Thrown inside the walk when a node is not one this module reproduces; the caller falls back. */
class NotReproducible extends Error {}

// KaTeX's own helpers, as its toMarkup methods use them.
const createClass = (classes: readonly string[]) => classes.filter(Boolean).join(' ');
const hyphenate = (name: string) => name.replace(/([A-Z])/g, '-$1').toLowerCase();
function cssStyleToString(style: KatexStyle | undefined): string {
  let styles = '';
  for (const [key, value] of Object.entries(style ?? {})) if (value !== undefined) styles += `${hyphenate(key)}:${value};`;
  return styles;
}
const makeEm = (n: number) => `${+n.toFixed(4)}em`;

/** Attributes in markup order, as parse5 hands them on: the first of a name wins. */
function addAttribute(properties: Properties, name: string, value: unknown, svg = false): void {
  if (/[\s"'>/=\x00-\x1f]/.test(name)) throw new NotReproducible();
  if (name !== name.toLowerCase() && !(svg && svgAttributeNames.has(name))) throw new NotReproducible();
  // hast-util-from-parse5 drops attributes named like Object.prototype's members.
  if (name in Object.prototype) throw new NotReproducible();
  const text = String(value);
  if (unparseable.test(text)) throw new NotReproducible();
  if (!Object.hasOwn(properties, name)) properties[name] = text;
}

/** A text node, or nothing for empty text (there is none in the markup). */
function pushText(out: ElementContent[], value: string): void {
  if (value === '') return;
  if (unparseable.test(value)) throw new NotReproducible();
  const last = out.at(-1);
  // Adjacent text in markup is one text node once parsed.
  if (last?.type === 'text') last.value += value;
  else out.push({ type: 'text', value } satisfies Text);
}

function childrenOf(node: KatexNode): ElementContent[] {
  const out: ElementContent[] = [];
  for (const child of node.children ?? []) convert(child, out);
  return out;
}

/** An HTML node's class and style attributes, in that order, as KaTeX writes them (`styles` led by `leadingStyle`). */
function classAndStyle(node: KatexNode, leadingStyle = ''): { properties: Properties; styles: string } {
  const properties: Properties = {};
  if (node.classes?.length) addAttribute(properties, 'class', createClass(node.classes));
  const styles = leadingStyle + cssStyleToString(node.style);
  if (styles) addAttribute(properties, 'style', styles);
  return { properties, styles };
}

/** An HTML span or anchor: class, style, then the other attributes (KaTeX's toMarkup for spans). */
function htmlElement(tagName: string, node: KatexNode): Element {
  const { properties } = classAndStyle(node);
  for (const [name, value] of Object.entries(node.attributes ?? {})) addAttribute(properties, name, value);
  return h(tagName, properties, childrenOf(node));
}

function convert(node: KatexNode, out: ElementContent[]): void {
  switch (node.constructor.name) {
    case 'DocumentFragment':
      for (const child of node.children ?? []) convert(child, out);
      return;
    case 'Span':
      out.push(htmlElement('span', node));
      return;
    case 'Anchor':
      out.push(htmlElement('a', node));
      return;
    case 'SymbolNode': {
      const { properties, styles } = classAndStyle(node, (node.italic ?? 0) > 0 ? `margin-right:${makeEm(node.italic!)};` : '');
      // KaTeX writes a bare text where there is neither a class nor a style.
      if (!node.classes?.length && !styles) return pushText(out, String(node.text));
      const text: ElementContent[] = [];
      pushText(text, String(node.text));
      out.push(h('span', properties, text));
      return;
    }
    case 'SvgNode': {
      const properties: Properties = { xmlns: svgNamespace };
      for (const [name, value] of Object.entries(node.attributes ?? {})) addAttribute(properties, name, value, true);
      out.push(s('svg', properties, childrenOf(node)));
      return;
    }
    case 'PathNode': {
      // The path's data comes from a table inside KaTeX: read it from the node's own markup.
      const markup = node.toMarkup();
      const match = /^<path d="([^"&<>']*)"\/>$/.exec(markup);
      if (!match) throw new NotReproducible();
      out.push(s('path', { d: match[1]! }, []));
      return;
    }
    case 'LineNode': {
      const properties: Properties = {};
      for (const [name, value] of Object.entries(node.attributes ?? {})) addAttribute(properties, name, value, true);
      out.push(s('line', properties, []));
      return;
    }
    case 'MathNode': {
      // KaTeX's MathML markup: the attributes, then the class.
      const properties: Properties = {};
      for (const [name, value] of Object.entries(node.attributes ?? {})) addAttribute(properties, name, value);
      if (node.classes?.length) addAttribute(properties, 'class', createClass(node.classes));
      out.push(h(node.type!, properties, childrenOf(node)));
      return;
    }
    case 'TextNode':
      return pushText(out, String(node.text));
    case 'SpaceNode':
      if (node.character) {
        const text: ElementContent[] = [];
        pushText(text, node.character);
        out.push(h('mtext', {}, text));
      }
      else out.push(h('mspace', { width: makeEm(node.width ?? 0) }, []));
      return;
    default:
      throw new NotReproducible();
  }
}

/**
 * The hast rehype-katex makes of `value` (without source positions), or undefined where it must make it itself.
 * Options are rehype-katex's defaults, as the engine uses it.
 */
export function katexHast(value: string, displayMode: boolean): ElementContent[] | undefined {
  if (unparseable.test(value)) return undefined;
  try {
    const tree = renderToDomTree(value, { displayMode, throwOnError: true });
    const out: ElementContent[] = [];
    convert(tree, out);
    return out;
  } catch {
    return undefined;
  }
}
