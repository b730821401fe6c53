import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { toText } from 'hast-util-to-text';
import rehypeKatex from 'rehype-katex';
import { SKIP, visit } from './visit';
import { visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';
import { katexHast } from './katex-hast';

/**
 * rehype-katex, with each formula's markup made once per compile worker and reused on every page that writes the
 * same formula the same way (inline or display). KaTeX's layout and the parse of its HTML back into a tree cost
 * about 0.9 ms a formula, and a site's notation repeats from page to page.
 *
 * A formula's markup is rehype-katex's: built from KaTeX's own tree (./katex-hast.ts, which a test holds to
 * rehype-katex's result), or, for a formula that needs it (one KaTeX refuses), by handing it to rehype-katex alone,
 * in a tree of its own holding the element rehype-katex replaces. A formula KaTeX cannot render is never cached:
 * its messages go to the page's file, where rehype-collect-katex-errors reports them at their line.
 *
 * Until rehypeKatexPlaced, a formula stands in the page's tree as one `<span>` holding its markup's text: every
 * plugin after this one walks the whole tree, and a formula's markup is a hundred elements or so (its HTML and
 * its MathML), which made those walks the largest part of compiling a page with math. What they read of a formula
 * is its text (a heading's id, the table of contents); none of them changes a formula. rehypeKatexPlaced runs
 * after every plugin that reads or rewrites the page's elements (lib/markdown/index.ts), and puts each page's own
 * copy of the markup in its place; only the summary, which copies markup, comes after it.
 */

/** Formulas kept per worker before the cache starts again; about 2 KB of nodes each. */
const cacheLimit = 20_000;
interface Formula {
  markup: ElementContent[];
  /** The markup's text, what the placeholder holds. */
  text: string;
}
const cache = new Map<string, Formula>();
let hits = 0;
let misses = 0;

const renderAlone = rehypeKatex() as unknown as (tree: Root, file: VFile) => void;

/** How many formulas came from the cache and how many were rendered, in this worker so far (for tests and profiles). */
export function katexCacheCounts(): { hits: number; misses: number } {
  return { hits, misses };
}

const classesOf = (element: Element): string[] => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

/** The page's formulas, by their placeholders' numbers. */
const placedFormulas = new WeakMap<VFile, Formula[]>();
const placeholderProperty = 'dataKatexFormula';

export function rehypeKatexCached() {
  return (tree: Root, file: VFile) => {
    const formulas: Formula[] = [];
    placedFormulas.set(file, formulas);
    visitParents(tree, 'element', (element, parents) => {
      const classes = classesOf(element);
      const languageMath = classes.includes('language-math');
      if (!languageMath && !classes.includes('math-display') && !classes.includes('math-inline')) return;
      let parent = parents.at(-1);
      let scope: Element = element;
      // rehype-katex replaces a ```math fence's <pre>, not only its <code>.
      if (element.tagName === 'code' && languageMath && parent?.type === 'element' && parent.tagName === 'pre') {
        scope = parent;
        parent = parents.at(-2);
      }
      if (!parent) return;
      // What rehype-katex reads of the formula (its text, inline or display) is all its markup depends on.
      const key = `${scope.tagName}\0${classes.join(' ')}\0${toString(scope)}`;
      let formula = cache.get(key);
      if (formula) {
        hits++;
      } else {
        misses++;
        const messagesBefore = file.messages.length;
        const markup = fromKatexTree(scope, classes) ?? renderedAlone(scope, file);
        formula = { markup, text: toString({ type: 'root', children: markup }) };
        if (file.messages.length === messagesBefore) {
          if (cache.size >= cacheLimit) cache.clear();
          cache.set(key, formula);
        }
      }
      const placeholder: Element = {
        type: 'element',
        tagName: 'span',
        properties: { [placeholderProperty]: formulas.length },
        children: [{ type: 'text', value: formula.text }],
      };
      formulas.push(formula);
      parent.children.splice(parent.children.indexOf(scope), 1, placeholder);
      return SKIP;
    });
  };
}

/**
 * The formula's markup built from KaTeX's own tree (katex-hast.ts), with what rehype-katex reads of the element
 * (its text as hast-util-to-text gives it, and whether it is displayed); undefined where rehype-katex must render it.
 */
function fromKatexTree(scope: Element, classes: readonly string[]): ElementContent[] | undefined {
  return katexHast(toText(scope, { whitespace: 'pre' }), classes.includes('math-display') || scope.tagName === 'pre');
}

/** rehype-katex's own markup for the formula, and its message to the page's file when KaTeX refuses it. */
function renderedAlone(scope: Element, file: VFile): ElementContent[] {
  const alone: Root = { type: 'root', children: [scope] };
  renderAlone(alone, file);
  return alone.children as ElementContent[];
}

/** A copy of a formula's nodes for one page: new nodes, properties and class lists (positions, never changed, are shared). Several times faster than structuredClone. */
function copyOf(node: ElementContent): ElementContent {
  if (node.type !== 'element') return { ...node };
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(node.properties)) properties[name] = Array.isArray(value) ? [...value] : value;
  return { ...node, properties, children: node.children.map(copyOf) };
}

/** Each formula's placeholder (and any copy a plugin made of it) becomes its own copy of the formula's markup. */
export function rehypeKatexPlaced() {
  return (tree: Root, file: VFile) => {
    const formulas = placedFormulas.get(file);
    if (!formulas || formulas.length === 0) return;
    visit(tree, 'element', (element, index, parent) => {
      const number = element.properties[placeholderProperty];
      const formula = typeof number === 'number' ? formulas[number] : undefined;
      if (!formula || !parent || index === undefined) return;
      const markup = formula.markup.map(copyOf);
      parent.children.splice(index, 1, ...markup);
      return [SKIP, index + markup.length];
    });
  };
}
