/**
 * Zola's summary: in a .md page, a `<!-- more -->` line ends the part that lists show (a section's or a
 * term's). The comment becomes a marker that survives into the HTML tree, where the blocks before it are
 * written out as the summary, without their ids and permalinks: a list holds many summaries, and ids must
 * be unique on a page.
 */
import type { Element, ElementContent, Root as HastRoot, RootContent as HastContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';

const moreComment = /^<!--\s*more\s*-->$/;
const markerProperty = 'dataSummaryEnd';

/** Replaces a top-level `<!-- more -->` with a marker block (raw HTML is otherwise dropped by the compile). */
export function remarkSummaryMarker() {
  return (tree: MdastRoot) => {
    const index = tree.children.findIndex((node) => node.type === 'html' && moreComment.test(node.value.trim()));
    const node = tree.children[index];
    if (!node) return;
    // An unknown node with hName becomes that element in remark-rehype.
    tree.children[index] = { type: 'thematicBreak', data: { hName: 'div', hProperties: { [markerProperty]: '' } } };
  };
}

/** Without the ids, permalinks and anything else that must appear once on a page. */
function withoutIds(node: HastContent): HastContent[] {
  if (node.type !== 'element') return [node];
  const classes = Array.isArray(node.properties.className) ? node.properties.className : [];
  // A permalink beside a heading and the table of contents belong to the page; a heading that is its own link keeps its text.
  if (classes.includes('heading-anchor') || (node.tagName === 'nav' && classes.includes('toc'))) return [];
  if (classes.includes('heading-link') || classes.includes('heading-group')) return node.children.flatMap(withoutIds);
  const { id: _id, ...properties } = node.properties;
  return [{ ...node, properties, children: node.children.flatMap(withoutIds) as ElementContent[] }];
}

/** Takes the marker out, and reports the HTML of the blocks before it (undefined when the page has no marker). */
export function rehypeSummary({ onSummary }: { onSummary: (html: string | undefined) => void }) {
  return (tree: HastRoot) => {
    const index = tree.children.findIndex((node): node is Element => node.type === 'element' && node.properties[markerProperty] !== undefined);
    if (index === -1) {
      onSummary(undefined);
      return;
    }
    const before = tree.children.slice(0, index).flatMap(withoutIds);
    tree.children.splice(index, 1);
    onSummary(toHtml({ type: 'root', children: before }).trim());
  };
}
