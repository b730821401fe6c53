/**
 * Puts the elements of shortcode-elements.ts into a page's tree: where a .md page's Zola shortcode calls left their
 * markers (zola-shortcodes.ts), and where an .mdx page uses the same shortcodes as components (`<Note>`). Runs
 * first among the plugins, so that everything after it, the content policy included, sees the elements' contents
 * (the page's own Markdown, and arguments parsed as Markdown) as it sees the rest of the page.
 *
 * A marker is an HTML comment holding the compile's nonce and the call's index, on a line of its own, so each is
 * an `html` node of its own. The element is built from the call the expander checked, never from the marker's text:
 * without the nonce, which is new for every compile, no text can pass for a marker. A marker left over (a call in a
 * code block, or a body that ended up split across a list) is an error naming the call.
 */
import type { Expression } from 'estree';
import type { BlockContent, Blockquote, Nodes, Parent, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { MdxJsxAttribute } from 'mdast-util-mdx-jsx';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { visit } from './visit';
import { levelCollectionHeadings } from './collection';
import type { CollectionItem } from './collection-items';
import type { UnsafeContent } from './remark-content-safety';
import { elementShortcodes, type BuildTools, type ElementShortcode, type ShortcodeElementNode } from './shortcode-elements';
import { typeNames, type ElementCall, type ShortcodeArgumentType, type ZolaValue } from './zola-shortcodes';

export interface ShortcodeElementsOptions {
  format: 'md' | 'mdx';
  /** A .md page's element calls and the nonce of their markers (zola-shortcodes.ts `expandZolaShortcodes`). */
  markers?: { nonce: string; calls: readonly ElementCall[] };
  /** The element shortcodes; shortcode-elements.ts's unless a test gives others. */
  definitions?: ReadonlyMap<string, ElementShortcode>;
  onProblem: (problem: UnsafeContent) => void;
  /** Each file of the site an element shows (a figure's `src`), with the line of its call in the body. */
  onShownFile?: (file: ShownFile) => void;
  /** The checked items of the collection files the page names, by the name it gives them (lib/content/collections.ts). */
  collections?: Readonly<Record<string, readonly CollectionItem[]>>;
}

/** A file of the site an element shows: its address as written, and the line of the call in the body. */
export interface ShownFile {
  src: string;
  line?: number;
}

/** The MDX components of the element shortcodes, for the content policy's list of names a page may use. */
export const shortcodeComponentNames: readonly string[] = [...elementShortcodes.values()].map((shortcode) => shortcode.component);

/** Parents whose children are blocks: where an element may stand. */
const flowParents = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition', 'shortcodeElement', 'mdxJsxFlowElement']);

/** How deep Markdown in an argument may nest: a caption is a line or two, and nothing checks its depth later. */
const deepestArgument = 32;

/** Markdown of an argument, parsed as the page's own is (GitHub's extensions), every node placed at the call. */
function argumentTools(
  position: Position | undefined,
  report: (problem: string, hint: string) => void,
  onShownFile: ((file: ShownFile) => void) | undefined,
  collections: Readonly<Record<string, readonly CollectionItem[]>> = {},
): BuildTools {
  const blocks = (markdown: string): BlockContent[] => {
    const tree = unified().use(remarkParse).use(remarkGfm).parse(markdown);
    let tooDeep = false;
    const stack: [Nodes, number][] = [[tree, 0]];
    for (let next = stack.pop(); next; next = stack.pop()) {
      const [node, depth] = next;
      if (position) node.position = position;
      else delete node.position;
      if (!('children' in node)) continue;
      if (depth >= deepestArgument) {
        tooDeep = true;
        node.children = [];
        continue;
      }
      // Raw HTML is dropped from arguments in both formats, as .md drops it from the page.
      node.children = node.children.filter((child) => child.type !== 'html') as typeof node.children;
      for (const child of node.children) stack.push([child, depth + 1]);
    }
    if (tooDeep) report(`Markdown in an argument nests more than ${deepestArgument} levels deep.`, 'Write the argument as a line of text.');
    return tree.children as BlockContent[];
  };
  return {
    blocks,
    inline: (markdown) => {
      const parsed = blocks(markdown);
      const [only] = parsed;
      return parsed.length === 1 && only?.type === 'paragraph' ? only.children : parsed;
    },
    showsFile: (src) => onShownFile?.({ src, ...(position && { line: position.start.line }) }),
    collection: (file) => (Object.hasOwn(collections, file) ? collections[file] : undefined),
    report,
  };
}

/** Places every node of a built element that has no place of its own at the call. */
function placeAt(node: ShortcodeElementNode, position: Position | undefined): void {
  if (!position) return;
  visit(node, (each) => {
    each.position ??= position;
  });
}

export function remarkShortcodeElements(options: ShortcodeElementsOptions) {
  const definitions = options.definitions ?? elementShortcodes;
  const report = (position: Position | undefined, problem: string, hint: string) =>
    options.onProblem({ line: position?.start.line, column: position?.start.column, problem, hint });
  return (tree: Root) => {
    const tools = (position: Position | undefined, label: string) =>
      argumentTools(position, (problem, hint) => report(position, `\`${label}\`: ${problem}`, hint), options.onShownFile, options.collections);
    if (options.markers && options.markers.calls.length > 0) placeMarkedElements(tree, options.markers, definitions, report, tools);
    if (options.format === 'mdx') placeComponents(tree, definitions, report, tools);
    placeAlerts(tree, definitions, tools);
    levelCollectionHeadings(tree);
  };
}

type Report = (position: Position | undefined, problem: string, hint: string) => void;
/** The tools an element is built with, for a call at `position` named `label` in messages. */
type Tools = (position: Position | undefined, label: string) => BuildTools;

function placeMarkedElements(
  tree: Root,
  { nonce, calls }: { nonce: string; calls: readonly ElementCall[] },
  definitions: ReadonlyMap<string, ElementShortcode>,
  report: Report,
  tools: Tools,
): void {
  const marker = new RegExp(`^<!--(/?)zola-shortcode ${nonce} (\\d+)-->$`);
  const markerOf = (node: RootContent): { close: boolean; index: number } | undefined => {
    if (node.type !== 'html') return undefined;
    const match = marker.exec(node.value.trim());
    return match ? { close: match[1] === '/', index: Number(match[2]) } : undefined;
  };
  visit(tree, (node) => {
    if (!('children' in node) || !flowParents.has(node.type)) return;
    const children = node.children as RootContent[];
    for (let index = 0; index < children.length; index++) {
      const child = children[index];
      const open = child && markerOf(child);
      const call = open && !open.close ? calls[open.index] : undefined;
      const definition = call && definitions.get(call.name);
      if (!child || !open || !call || !definition) continue;
      let end = index;
      if (call.hasBody) {
        end = children.findIndex((each, at) => at > index && markerOf(each)?.close === true && markerOf(each)?.index === open.index);
        // Left for the check of leftover markers below.
        if (end === -1) continue;
      }
      const body = children.slice(index + 1, end) as BlockContent[];
      const last = children[end] ?? child;
      const position = child.position && last.position ? { start: child.position.start, end: last.position.end } : undefined;
      const built = definition.build(call.args, body, tools(position, call.name));
      placeAt(built, position);
      children.splice(index, end - index + 1, built);
    }
  });
  // What is left of a marker stands where no element can: in code, in a paragraph, or split from its other half.
  const leftover = new RegExp(`zola-shortcode ${nonce} (\\d+)`);
  const reported = new Set<number>();
  visit(tree, (node) => {
    if (!('value' in node) || typeof node.value !== 'string') return;
    const found = leftover.exec(node.value);
    if (!found) return;
    const index = Number(found[1]);
    const call = calls[index];
    if (!call || reported.has(index)) return;
    reported.add(index);
    const written = call.hasBody ? `{% ${call.name}(…) %}` : `{{ ${call.name}(…) }}`;
    report(
      { start: { line: call.line, column: 1 }, end: { line: call.line, column: 1 } },
      `\`${written}\` makes an element, which cannot stand here: ${node.type === 'code' || node.type === 'inlineCode' ? 'the call is inside code' : call.hasBody ? 'its body does not close where it opens (an unclosed fence or list in it, or the call inside a paragraph or table)' : 'the call is inside a paragraph, heading or table'}.`,
      `Put ${call.hasBody ? `\`{% ${call.name}(…) %}\` and \`{% end %}\` each on a line of their own, with whole blocks between them` : 'the call on a line of its own'}. To show the call as text, write it as \`${call.hasBody ? `{%/* ${call.name}(…) */%}` : `{{/* ${call.name}(…) */}}`}\`.`,
    );
  });
}

/** A JSX attribute's literal value (`"x"`, `{600}`, `{true}`, or none: true), or undefined for an expression. */
function literalValue(value: MdxJsxAttribute['value']): ZolaValue | undefined {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value;
  const statement = value.data?.estree?.body[0];
  if (value.data?.estree?.body.length !== 1 || statement?.type !== 'ExpressionStatement') return undefined;
  const expression: Expression = statement.expression;
  if (expression.type === 'Literal' && (typeof expression.value === 'string' || typeof expression.value === 'number' || typeof expression.value === 'boolean')) return expression.value;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
  return undefined;
}

function hasType(value: ZolaValue, type: ShortcodeArgumentType): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    case 'size':
      return (typeof value === 'number' && Number.isInteger(value) && value >= 0) || (typeof value === 'string' && /^[0-9]{1,5}$/.test(value));
  }
}

function propList(definition: ElementShortcode): string {
  const props = Object.entries(definition.arguments).map(([name, spec]) => `${spec.prop ?? name} (${typeNames[spec.type]}${spec.required ? ', required' : ''})`);
  return props.length === 0 ? 'It takes no props.' : `Its props: ${props.join(', ')}.`;
}

/** `<Note>`, `<Figure …/>`: the element shortcodes an .mdx page writes as components. */
function placeComponents(tree: Root, definitions: ReadonlyMap<string, ElementShortcode>, report: Report, tools: Tools): void {
  const byComponent = new Map([...definitions].map(([name, definition]) => [definition.component, { name, definition }]));
  visit(tree, (node, index, parent) => {
    if ((node.type !== 'mdxJsxFlowElement' && node.type !== 'mdxJsxTextElement') || !node.name || !parent || index === undefined) return;
    const found = byComponent.get(node.name);
    if (!found) return;
    const { definition } = found;
    const tag = `<${node.name}>`;
    const problems: [Position | undefined, string, string][] = [];
    const args = new Map<string, ZolaValue>();
    const argumentByProp = new Map(Object.entries(definition.arguments).map(([name, spec]) => [spec.prop ?? name, { name, spec }]));
    for (const attribute of node.attributes) {
      const position = attribute.position ?? node.position;
      if (attribute.type === 'mdxJsxExpressionAttribute') {
        problems.push([position, `\`${tag}\` is given spread attributes, an expression; content may not run code.`, 'Write each prop with a plain value: name="value".']);
        continue;
      }
      const argument = argumentByProp.get(attribute.name);
      if (!argument) {
        problems.push([position, `\`${tag}\` has no prop \`${attribute.name}\`.`, propList(definition)]);
        continue;
      }
      const value = literalValue(attribute.value);
      if (value === undefined) {
        problems.push([position, `\`${attribute.name}={…}\` on \`${tag}\` is a JavaScript expression; content may not run code.`, `Give a plain value: ${attribute.name}="…" (or a number or true/false in braces).`]);
      } else if (!hasType(value, argument.spec.type)) {
        problems.push([position, `\`${tag}\`'s prop \`${attribute.name}\` is not ${typeNames[argument.spec.type]}.`, propList(definition)]);
      } else {
        args.set(argument.name, value);
      }
    }
    for (const [name, spec] of Object.entries(definition.arguments)) {
      if (spec.required && !node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === (spec.prop ?? name))) {
        problems.push([node.position, `\`${tag}\` needs the prop \`${spec.prop ?? name}\`.`, propList(definition)]);
      }
    }
    const hasBody = node.children.length > 0;
    if (definition.body === 'none' && hasBody) problems.push([node.position, `\`${tag}\` takes no content.`, `Write it as <${node.name} … />.`]);
    if (definition.body === 'required' && !hasBody) problems.push([node.position, `\`${tag}\` needs content.`, `Put its content between <${node.name}> and </${node.name}>.`]);
    if (node.type === 'mdxJsxTextElement') problems.push([node.position, `\`${tag}\` makes a block, which cannot stand inside a paragraph.`, `Put <${node.name}> and </${node.name}> on lines of their own, with blank lines around them.`]);
    if (problems.length === 0) {
      for (const { argument, problem, hint } of definition.check?.(args) ?? []) {
        const prop = argument === undefined ? undefined : (definition.arguments[argument]?.prop ?? argument);
        const attribute = node.attributes.find((each) => each.type === 'mdxJsxAttribute' && each.name === prop);
        problems.push([attribute?.position ?? node.position, `\`${tag}\`${prop === undefined ? '' : `'s \`${prop}\``}: ${problem}`, hint]);
      }
    }
    const children = node.children as RootContent[];
    if (problems.length > 0) {
      for (const [position, problem, hint] of problems) report(position, problem, hint);
      // The page fails; its content is still checked, without the element whose props are wrong.
      (parent.children as RootContent[]).splice(index, 1, ...children);
      return index;
    }
    const built = definition.build(args, children as BlockContent[], tools(node.position, tag));
    placeAt(built, node.position);
    (parent.children as RootContent[]).splice(index, 1, built);
    // Its children are visited next, as the built element's.
    return undefined;
  });
}

/** GitHub's alerts: a quote whose first line is `[!NOTE]`, `[!TIP]`, … alone becomes that callout. */
function placeAlerts(tree: Root, definitions: ReadonlyMap<string, ElementShortcode>, tools: Tools): void {
  visit(tree, 'blockquote', (quote: Blockquote, index, parent: Parent | undefined) => {
    if (!parent || index === undefined) return;
    const first = quote.children[0];
    if (first?.type !== 'paragraph') return;
    const text = first.children[0];
    if (text?.type !== 'text') return;
    const match = /^\[!([A-Za-z]+)\][ \t]*(?:\n|$)/.exec(text.value);
    const name = match?.[1]?.toLowerCase();
    const definition = name === undefined ? undefined : definitions.get(name);
    if (!match || !definition?.alert) return;
    const rest = text.value.slice(match[0].length);
    const paragraph: Paragraph = { ...first, children: [...(rest === '' ? [] : [{ ...text, value: rest }]), ...first.children.slice(1)] as PhrasingContent[] };
    // A break right after the marker (`[!NOTE]\` or two spaces) goes with it.
    if (paragraph.children[0]?.type === 'break') paragraph.children.shift();
    const body = [...(paragraph.children.length > 0 ? [paragraph] : []), ...quote.children.slice(1)] as BlockContent[];
    // `> [!NOTE]` alone is a quote on GitHub too.
    if (body.length === 0) return;
    const built = definition.build(new Map(), body, tools(quote.position, `[!${match[1]}]`));
    placeAt(built, quote.position);
    parent.children.splice(index, 1, built as Parent['children'][number]);
  });
}
