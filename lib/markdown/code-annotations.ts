/**
 * Zola's annotations of a code fence (https://www.getzola.org/documentation/content/syntax-highlighting/#annotations):
 * ```` ```rust,name=main.rs,linenos,linenostart=10,hl_lines=1 3-4 ````. The name is shown over the block, as serene's
 * `codeblock` shortcode shows one; line numbers and highlighted lines are marked on each line of the highlighted
 * code (`<span class="line" data-line="10">`), which app/code-blocks.css draws: the numbers are CSS, so copying
 * the code copies no numbers.
 */
import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Code, Parent, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from './visit';
import type { UnsafeContent } from './remark-content-safety';
import { namedCode } from './shortcode-elements';

const annotationHint = 'Zola’s annotations: name=file.rs, linenos, linenostart=N, hl_lines=1 3-4, after the language and a comma (```rust,linenos).';

/** Line numbers (`1 3-4`) as a set, or undefined when the list is not one. */
function lineSet(text: string): Set<number> | undefined {
  const lines = new Set<number>();
  for (const range of text.split(/\s+/).filter((each) => each !== '')) {
    const match = /^(\d{1,6})(?:-(\d{1,6}))?$/.exec(range);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = Number(match[2] ?? match[1]);
    if (to < from || to - from > 10_000) return undefined;
    for (let line = from; line <= to; line++) lines.add(line);
  }
  return lines;
}

/** Reads the annotations of fences whose language is followed by a comma; reports the ones it does not know. */
export function remarkCodeAnnotations(options: { onProblem: (problem: UnsafeContent) => void }) {
  const report = (position: Position | undefined, problem: string) =>
    options.onProblem({ line: position?.start.line, column: position?.start.column, problem, hint: annotationHint });
  return (tree: Root) => {
    visit(tree, 'code', (code: Code, index, parent: Parent | undefined) => {
      if (!code.lang?.includes(',')) return;
      const [language = '', ...rest] = `${code.lang}${code.meta ? ` ${code.meta}` : ''}`.split(',');
      let name: string | undefined;
      let numbered = false;
      let start = 1;
      let highlighted: string | undefined;
      for (const annotation of rest.map((each) => each.trim()).filter((each) => each !== '')) {
        const [key = '', value] = annotation.split(/=(.*)/s);
        if (key === 'linenos' && value === undefined) numbered = true;
        else if (key === 'linenostart' && value !== undefined && /^\d{1,6}$/.test(value)) start = Number(value);
        else if (key === 'hl_lines' && value !== undefined && lineSet(value)) highlighted = value.trim();
        else if (key === 'name' && value !== undefined && value.trim() !== '') name = value.trim();
        else if (key === 'hide_lines') report(code.position, `\`${annotation}\`: hiding lines is not supported; the code block would show code it was asked to hide.`);
        else report(code.position, `\`${annotation}\` is not a code block annotation the engine reads${key === 'linenostart' || key === 'hl_lines' ? ' (its value is not line numbers)' : ''}.`);
      }
      code.lang = language.trim() || null;
      code.meta = null;
      if (numbered || highlighted !== undefined) {
        code.data = { ...code.data, hProperties: { ...(numbered && { dataLinenos: String(start) }), ...(highlighted !== undefined && { dataHlLines: highlighted }) } };
      }
      if (name !== undefined && parent && index !== undefined) {
        const figure = namedCode(name, [code]);
        figure.position = code.position;
        parent.children.splice(index, 1, figure as Parent['children'][number]);
      }
    });
  };
}

/** Text of the code cut into lines, each piece of text inside copies of the spans it was in. */
function splitLines(children: ElementContent[]): ElementContent[][] {
  const lines: ElementContent[][] = [[]];
  const walk = (nodes: ElementContent[], wrap: (node: ElementContent) => ElementContent) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        node.value.split('\n').forEach((piece, at) => {
          if (at > 0) lines.push([]);
          if (piece !== '') lines.at(-1)?.push(wrap({ type: 'text', value: piece } satisfies Text));
        });
      } else if (node.type === 'element') {
        walk(node.children, (inner) => wrap({ ...node, children: [inner] }));
      }
    }
  };
  walk(children, (node) => node);
  // The newline that ends the block makes no line of its own.
  if (lines.length > 1 && lines.at(-1)?.length === 0) lines.pop();
  return lines;
}

/** After highlighting: each line of an annotated block in a span with its number, highlighted lines marked. */
export function rehypeCodeLines() {
  return (tree: HastRoot) => {
    visit(tree, 'element', (code: Element) => {
      const { dataLinenos, dataHlLines } = code.properties;
      if (code.tagName !== 'code' || (dataLinenos === undefined && dataHlLines === undefined)) return;
      const start = dataLinenos === undefined ? 1 : Number(dataLinenos);
      const highlighted = lineSet(String(dataHlLines ?? '')) ?? new Set<number>();
      delete code.properties.dataLinenos;
      delete code.properties.dataHlLines;
      if (dataLinenos !== undefined) code.properties.className = [...((code.properties.className as string[] | undefined) ?? []), 'linenos'];
      // hl_lines counts from the block's first line, as Zola counts them, whatever linenostart says.
      code.children = splitLines(code.children).flatMap((line, at): ElementContent[] => [
        { type: 'element', tagName: 'span', properties: { className: highlighted.has(at + 1) ? ['line', 'hl'] : ['line'], ...(dataLinenos !== undefined && { dataLine: String(start + at) }) }, children: line },
        { type: 'text', value: '\n' },
      ]);
      return 'skip';
    });
  };
}
