/**
 * The node an element shortcode makes, and what its builder may use: shared by shortcode-elements.ts, the
 * collection (collection.ts) and the plugin that places them (remark-shortcode-elements.ts), in a module of its
 * own so that the shortcodes' modules do not import each other.
 */
import type { Element as HastElement, ElementContent, Properties } from 'hast';
import type { BlockContent, Data, Parent, PhrasingContent } from 'mdast';
import type { CollectionItem } from './collection-items';
import type { ZolaValue } from './zola-shortcodes';

/** An element a shortcode makes: any HTML element, by mdast-util-to-hast's `hName`. */
export interface ShortcodeElementNode extends Parent {
  type: 'shortcodeElement';
  children: (BlockContent | PhrasingContent | ShortcodeElementNode)[];
  data: Data & { hName: string; hProperties?: Properties; hChildren?: ElementContent[] };
}

declare module 'mdast' {
  interface RootContentMap {
    shortcodeElement: ShortcodeElementNode;
  }
  interface BlockContentMap {
    shortcodeElement: ShortcodeElementNode;
  }
  interface PhrasingContentMap {
    shortcodeElement: ShortcodeElementNode;
  }
}

/** What building an element may use besides its arguments: Markdown read as the page's own. */
export interface BuildTools {
  /** Markdown as blocks (a caption of paragraphs, lists…); raw HTML is dropped. */
  blocks(markdown: string): BlockContent[];
  /** Markdown as the text of one line when it is one paragraph (a cite, a subtitle), else as blocks. */
  inline(markdown: string): (BlockContent | PhrasingContent)[];
  /** Records a file of the site the element shows (a figure's picture), for the build to check that it exists. */
  showsFile(src: string): void;
  /** The checked items of a collection file the page names (lib/content/collections.ts read it), if it was read. */
  collection(file: string): readonly CollectionItem[] | undefined;
  /** Reports a problem with the call. */
  report(problem: string, hint: string): void;
}

/** An element node; `hast` children, when given, are the element's children as they are (an icon's drawing). */
export function element(
  tagName: string,
  properties: Properties,
  children: ShortcodeElementNode['children'] = [],
  hast?: ElementContent[],
): ShortcodeElementNode {
  return { type: 'shortcodeElement', data: { hName: tagName, hProperties: properties, ...(hast && { hChildren: hast }) }, children };
}

/** A hast element, for drawings (SVG) that have no Markdown. */
export function hastElement(tagName: string, properties: Properties, children: ElementContent[] = []): HastElement {
  return { type: 'element', tagName, properties, children };
}

export function stringArgument(args: ReadonlyMap<string, ZolaValue>, name: string): string | undefined {
  const value = args.get(name);
  return typeof value === 'string' ? value : undefined;
}
