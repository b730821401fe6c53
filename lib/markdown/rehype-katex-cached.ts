import type { Element, ElementContent, Root } from 'hast';
import { toString } from 'hast-util-to-string';
import rehypeKatex from 'rehype-katex';
import { SKIP, visitParents } from 'unist-util-visit-parents';
import type { VFile } from 'vfile';

/**
 * rehype-katex, with each formula's markup made once per compile worker and reused on every page that writes the
 * same formula the same way (inline or display). KaTeX's layout and the parse of its HTML back into a tree cost
 * about 0.9 ms a formula, and a site's notation repeats from page to page.
 *
 * Each formula is handed to rehype-katex alone, in a tree of its own holding the element rehype-katex replaces, so
 * the markup is exactly rehype-katex's; a page gets its own copy of the cached nodes, since later plugins may
 * change them. A formula KaTeX cannot render is never cached: its messages go to the page's file, where
 * rehype-collect-katex-errors reports them at their line.
 */

/** Formulas kept per worker before the cache starts again; about 2 KB of nodes each. */
const cacheLimit = 20_000;
const cache = new Map<string, ElementContent[]>();
let hits = 0;
let misses = 0;

const renderAlone = rehypeKatex() as unknown as (tree: Root, file: VFile) => void;

/** How many formulas came from the cache and how many were rendered, in this worker so far (for tests and profiles). */
export function katexCacheCounts(): { hits: number; misses: number } {
  return { hits, misses };
}

const classesOf = (element: Element): string[] => (Array.isArray(element.properties.className) ? element.properties.className.map(String) : []);

export function rehypeKatexCached() {
  return (tree: Root, file: VFile) => {
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
      let markup = cache.get(key);
      if (markup) {
        hits++;
      } else {
        misses++;
        const alone: Root = { type: 'root', children: [scope] };
        const messagesBefore = file.messages.length;
        renderAlone(alone, file);
        markup = alone.children as ElementContent[];
        if (file.messages.length === messagesBefore) {
          if (cache.size >= cacheLimit) cache.clear();
          cache.set(key, markup);
        }
      }
      parent.children.splice(parent.children.indexOf(scope), 1, ...structuredClone(markup));
      return SKIP;
    });
  };
}
