import type { Element, ElementContent, Root, RootContent } from 'hast';
import { visit } from './visit';
import { isItemTitle } from './heading-anchors';

export interface TocEntry {
  id: string;
  text: string;
  /** h3 entries under the h2 before them. */
  children: TocEntry[];
}

/** The nav's accessible name, also shown as its title. */
export const tocLabel = 'On this page';

/**
 * A toc of one entry is no help to a reader: it only repeats the page's single section.
 * Below this many headings there is no toc nav at all.
 */
export const minimumTocHeadings = 2;

/** A heading's text as a reader sees it. Only text nodes count: an MDX `{expression}` is code, not text. */
function visibleText(node: Element | ElementContent): string {
  if (node.type === 'text') return node.value;
  if ('children' in node) return node.children.map((child) => visibleText(child as ElementContent)).join('');
  return '';
}

function isHidden(element: Element): boolean {
  const className = element.properties.className;
  // remark-gfm's "Footnotes" heading is sr-only: listing it would send readers to something they cannot see.
  return element.properties.hidden === true || (Array.isArray(className) && className.includes('sr-only'));
}

/** The page's h2 and h3 headings in order, each h3 under the h2 before it (an h3 before any h2 stands alone). */
export function collectTocEntries(tree: Root): TocEntry[] {
  const entries: { depth: 2 | 3; entry: TocEntry }[] = [];
  visit(tree, 'element', (element: Element) => {
    if (element.tagName !== 'h2' && element.tagName !== 'h3') return;
    const id = element.properties.id;
    const text = visibleText(element).replace(/\s+/g, ' ').trim();
    if (typeof id !== 'string' || id === '' || text === '' || isHidden(element) || isItemTitle(element)) return;
    const entry: TocEntry = { id, text, children: [] };
    const parent = entries.at(-1);
    if (element.tagName === 'h3' && parent?.depth === 2) parent.entry.children.push(entry);
    else entries.push({ depth: element.tagName === 'h2' ? 2 : 3, entry });
  });
  return entries.map(({ entry }) => entry);
}

function element(tagName: string, properties: Element['properties'], children: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children };
}

function listOf(entries: TocEntry[]): Element {
  return element(
    'ul',
    {},
    entries.map((entry) =>
      element('li', {}, [
        element('a', { href: `#${entry.id}` }, [{ type: 'text', value: entry.text }]),
        ...(entry.children.length > 0 ? [listOf(entry.children)] : []),
      ]),
    ),
  );
}

/** The toc nav: a landmark named for screen readers, with the same words shown as its title. */
export function tocNav(entries: TocEntry[]): Element {
  return element('nav', { className: ['toc'], ariaLabel: tocLabel }, [
    // The nav's name already announces these words; hidden here so they are not read twice.
    element('p', { className: ['toc-title'], ariaHidden: 'true' }, [{ type: 'text', value: tocLabel }]),
    listOf(entries),
  ]);
}

const countEntries = (entries: TocEntry[]): number => entries.reduce((sum, entry) => sum + 1 + countEntries(entry.children), 0);

/** Where the nav goes: after MDX's import/export statements and a leading `# title`, before the text. */
function insertionIndex(children: RootContent[]): number {
  let index = 0;
  const skipBlank = () => {
    while (children[index]?.type === 'text' && /^\s*$/.test((children[index] as { value: string }).value)) index++;
  };
  skipBlank();
  while (children[index]?.type === 'mdxjsEsm') {
    index++;
    skipBlank();
  }
  const first = children[index];
  if (first?.type === 'element' && first.tagName === 'h1') index++;
  return index;
}

/**
 * The `toc` flag: a list of the page's h2 and h3 headings, linking to their ids, put before the body at
 * build time. Runs after rehype-slug (the ids) and before the permalinks, so the entries carry the heading's
 * text without the permalink's `#`. One plugin for .md and .mdx: the nav is markup in both compiled bodies.
 */
export function rehypeTableOfContents() {
  return (tree: Root) => {
    const entries = collectTocEntries(tree);
    if (countEntries(entries) < minimumTocHeadings) return;
    tree.children.splice(insertionIndex(tree.children), 0, tocNav(entries));
  };
}
