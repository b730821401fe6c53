/**
 * The shortcodes whose output is an element (serene's callouts, quote, detail, figure, youtube, collection): what
 * each takes and the markup it makes, once for both formats. A .md page calls them as Zola shortcodes
 * (`{% note(title="…") %}`, zola-shortcodes.ts), an .mdx page as components (`<Note title="…">`);
 * remark-shortcode-elements.ts turns either into the mdast built here.
 *
 * The markup is mdast, not HTML text: elements are nodes carrying `data.hName`/`hProperties` (which
 * mdast-util-to-hast applies), every value goes into a property or a text node (escaped when the page is
 * written), links and images are mdast `link` and `image` nodes, and arguments written in Markdown are parsed into
 * mdast. So the rest of the compile (the content policy, external links, images, raw HTML dropped in .md) treats
 * what a shortcode makes like the page's own text.
 */
import type { Element as HastElement, ElementContent, Properties } from 'hast';
import type { BlockContent, Data, Parent, PhrasingContent, RootContent } from 'mdast';
import type { ArgumentProblem, ShortcodeArgument, ShortcodeSignature, ZolaValue } from './zola-shortcodes';

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
}

/** An argument of an element shortcode; `prop` is its name as an MDX prop when that differs (`defaultOpen`). */
export interface ElementArgument extends ShortcodeArgument {
  prop?: string;
}

export interface ElementShortcode extends ShortcodeSignature {
  /** The component an .mdx page writes (`Note` for `note`). */
  component: string;
  arguments: Readonly<Record<string, ElementArgument>>;
  /** Whether GitHub's alert of the same name (`> [!NOTE]`) makes it too, without arguments. */
  alert?: boolean;
  /** The element for a call whose arguments passed `arguments` and `check`, around `children` (its body). */
  build(args: ReadonlyMap<string, ZolaValue>, children: BlockContent[], tools: BuildTools): ShortcodeElementNode;
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

/** The element shortcodes by their Zola name. */
export const elementShortcodes: ReadonlyMap<string, ElementShortcode> = new Map<string, ElementShortcode>();

export type { ArgumentProblem };
