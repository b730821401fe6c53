/**
 * serene's `collection` shortcode (`{{ collection(file="projects.toml") }}`, `<Collection file="…" />` in .mdx):
 * the items of a TOML file (collection-items.ts), read and checked with the page (lib/content/collections.ts), as
 * one `<section class="collection">` of `<article>`s. serene's markup (templates/macros/collection.html) is
 * blockquotes and divs; here each item is an article whose title is a heading, so that a screen reader can list
 * and jump between them, and a featured item says so in words.
 */
import type { Nodes, PhrasingContent, Root } from 'mdast';
import { visit } from './visit';
import { collectionFileProblem, type CollectionItem } from './collection-items';
import { isSchemeRelative, urlScheme } from './content-policy';
import { element, stringArgument, type BuildTools, type ShortcodeElementNode } from './element-node';
import type { ElementShortcode } from './shortcode-elements';

type Children = ShortcodeElementNode['children'];

const textNode = (value: string): PhrasingContent => ({ type: 'text', value });

/**
 * Markdown of a field as one part of the item: `<p class>` around a line's text, or `<div class>` around blocks
 * (a content of several paragraphs, a list).
 */
function markdownPart(className: string, markdown: string | undefined, tools: BuildTools, kind: 'inline' | 'blocks'): Children {
  if (markdown === undefined || markdown.trim() === '') return [];
  const blocks = tools.blocks(markdown.trim());
  const [only] = blocks;
  if (kind === 'inline' && blocks.length === 1 && only?.type === 'paragraph') return [element('p', { className: [className] }, only.children)];
  return [element('div', { className: [className] }, blocks)];
}

/** A picture: a file of the site (checked like a figure's) or another site's; `alt` empty for a decorative icon. */
function image(src: string, alt: string, className: string, size: { width?: number; height?: number }, tools: BuildTools): PhrasingContent {
  if (urlScheme(src) === undefined && !isSchemeRelative(src)) tools.showsFile(src);
  const dimensions = Object.fromEntries(Object.entries(size).map(([name, value]) => [name, String(value)]));
  return { type: 'image', url: src, alt, data: { hProperties: { className: [className], ...dimensions } } };
}

/**
 * The item's title as a heading (its level set by levelCollectionHeadings), a link when the item has one; a featured
 * item's mark is an asterisk for the eye and "Featured:" for the ear, as the blog list's (components/dated-post-list.tsx).
 */
function heading(title: string, link: string | undefined, featured: boolean | undefined): ShortcodeElementNode {
  return element('h2', { className: ['collection-title'] }, [
    ...(featured ? [element('span', { className: ['collection-featured'], ariaHidden: 'true' }, [textNode('*')]), element('span', { className: ['sr-only'] }, [textNode('Featured: ')])] : []),
    link === undefined ? textNode(title) : { type: 'link', url: link, children: [textNode(title)] },
  ]);
}

function date(value: string | undefined): Children {
  return value === undefined || value.trim() === '' ? [] : [element('p', { className: ['collection-date'] }, [textNode(value)])];
}

/** The host of a link, to name an entry that has no title: `example.com` for `https://www.example.com/x`. */
function hostOf(link: string): string {
  try {
    return new URL(link).hostname.replace(/^www\./, '') || link;
  } catch {
    return link;
  }
}

function article(kind: string, children: Children, featured = false): ShortcodeElementNode {
  return element('article', { className: ['collection-item', `collection-${kind}`, ...(featured ? ['collection-item-featured'] : [])] }, children);
}

/** One item's markup. */
function itemElement(item: CollectionItem, tools: BuildTools): ShortcodeElementNode {
  const icon = (src: string | undefined): Children => (src === undefined ? [] : [image(src, '', 'collection-icon', { width: 16, height: 16 }, tools)]);
  switch (item.type) {
    case 'card':
      return article(
        'card',
        [
          element('div', { className: ['collection-meta'] }, [...icon(item.icon), heading(item.title, item.link, item.featured), ...date(item.date)]),
          ...markdownPart('collection-subtitle', item.subtitle, tools, 'inline'),
          ...markdownPart('collection-content', item.content, tools, 'blocks'),
          ...(item.tags && item.tags.length > 0
            ? [element('ul', { className: ['collection-tags'], ariaLabel: 'Tags' }, item.tags.map((tag) => element('li', {}, [textNode(tag)])))]
            : []),
        ],
        item.featured,
      );
    case 'card_simple':
      return article(
        'card-simple',
        [
          element('div', { className: ['collection-meta'] }, [...icon(item.icon), heading(item.title, item.link, item.featured), ...date(item.date)]),
          ...markdownPart('collection-content', item.content, tools, 'blocks'),
        ],
        item.featured,
      );
    case 'entry': {
      const name = item.title ?? (item.link === undefined ? undefined : hostOf(item.link));
      return article('entry', [
        ...icon(item.icon),
        ...(name === undefined ? [] : [heading(name, item.link, false)]),
        ...markdownPart('collection-subtitle', item.subtitle, tools, 'inline'),
      ]);
    }
    case 'box':
      // serene writes a box's subtitle as it is, not as Markdown. The picture says what the title beside it says.
      return article('box', [
        element('div', { className: ['collection-text'] }, [heading(item.title, item.link, false), ...(item.subtitle ? [element('p', { className: ['collection-subtitle'] }, [textNode(item.subtitle)])] : [])]),
        ...(item.img === undefined ? [] : [image(item.img, '', item.rotate ? 'collection-box-img collection-rotate' : 'collection-box-img', { width: 48, height: 48 }, tools)]),
      ]);
    case 'art':
    case 'art_simple':
      return article(item.type === 'art' ? 'art' : 'art-simple', [
        image(item.img, item.title, 'collection-art-img', { height: 175 }, tools),
        heading(item.title, item.link, false),
        ...markdownPart('collection-subtitle', item.subtitle, tools, 'inline'),
        ...(item.type === 'art' ? [...markdownPart('collection-content', item.content, tools, 'blocks'), ...markdownPart('collection-footer', item.footer, tools, 'inline')] : []),
      ]);
    case 'br':
      // serene's `<br />` between items: here the next item starts a row of its own.
      return element('div', { className: ['collection-break'], role: 'presentation' });
  }
}

export const collection: ElementShortcode = {
  component: 'Collection',
  arguments: { file: { type: 'string', required: true } },
  body: 'none',
  check: (args) => {
    const problem = collectionFileProblem(stringArgument(args, 'file') ?? '');
    return problem ? [{ argument: 'file', ...problem }] : [];
  },
  build: (args, _children, tools) => {
    const file = stringArgument(args, 'file') ?? '';
    const items = tools.collection(file);
    if (items === undefined) {
      tools.report(
        `the collection file ${JSON.stringify(file)} was not read with the page.`,
        'Write the file as a plain string, file="projects.toml", with the call on a line of its own (in .mdx: <Collection file="projects.toml" />).',
      );
    }
    return element('section', { className: ['collection'] }, (items ?? []).map((item) => itemElement(item, tools)));
  },
};

/**
 * Gives the collections' titles the heading level below the page's heading before them: h2 under the page's h1,
 * h3 under a `##` heading, so that the page's headings skip no level.
 */
export function levelCollectionHeadings(tree: Root): void {
  let level = 1;
  visit(tree, (node: Nodes) => {
    if (node.type === 'heading') level = node.depth;
    if (node.type !== 'shortcodeElement' || !node.data.hProperties || !String(node.data.hProperties.className ?? '').split(',').includes('collection')) return;
    const depth = Math.min(level + 1, 6);
    visit(node, (inner: Nodes) => {
      if (inner.type === 'shortcodeElement' && String(inner.data.hProperties?.className ?? '') === 'collection-title') inner.data.hName = `h${depth}`;
    });
  });
}
