import type { Element, ElementContent, Properties, Root as HastRoot } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as hastToString } from 'hast-util-to-string';
import type { Code, Data, Root } from 'mdast';
import type { Position } from 'unist';
import { visit } from './visit';
import { renderDiagrams, type RenderedDiagram } from '@/lib/diagrams/mermaid-renderer';
import { sanitizeDiagramSvg } from './diagram-svg-sanitizer';
import { isMermaidFence } from './mermaid-fence';

/** A ```mermaid fence turned into a diagram; remark-rehype renders it from `data` (hName, hProperties, hChildren). */
export interface MermaidDiagram {
  type: 'mermaidDiagram';
  position?: Position;
  data: Data & { hName: 'figure'; hProperties: Properties; hChildren: ElementContent[] };
}

declare module 'mdast' {
  interface RootContentMap {
    mermaidDiagram: MermaidDiagram;
  }
  interface BlockContentMap {
    mermaidDiagram: MermaidDiagram;
  }
}

export interface DiagramError {
  /** Line in the page body: the fence's line plus the line of the diagram Mermaid names, if it names one. */
  line: number | undefined;
  message: string;
  /** `syntax`: Mermaid could not draw it; `unsafe`: the drawing holds what the site does not ship. */
  kind: 'syntax' | 'unsafe';
}

/** What a screen reader calls a diagram whose author gave no accTitle, by Mermaid's name for its type. */
const diagramKinds: [RegExp, string][] = [
  [/^(flowchart|graph)/, 'Flowchart diagram'],
  [/^sequence/, 'Sequence diagram'],
  [/^class/, 'Class diagram'],
  [/^state/, 'State diagram'],
  [/^er/, 'Entity relationship diagram'],
  [/^gantt/, 'Gantt chart'],
  [/^pie/, 'Pie chart'],
  [/^journey/, 'User journey diagram'],
  [/^gitGraph/, 'Git graph'],
  [/^mindmap/, 'Mind map'],
  [/^timeline/, 'Timeline'],
  [/^quadrant/, 'Quadrant chart'],
  [/^xychart/, 'XY chart'],
  [/^sankey/, 'Sankey diagram'],
  [/^requirement/, 'Requirement diagram'],
  [/^c4/i, 'C4 diagram'],
  [/^block/, 'Block diagram'],
  [/^packet/, 'Packet diagram'],
  [/^architecture/, 'Architecture diagram'],
  [/^kanban/, 'Kanban board'],
  [/^radar/, 'Radar chart'],
  [/^treemap/, 'Treemap'],
];

export function defaultDiagramName(diagramType: string): string {
  return diagramKinds.find(([pattern]) => pattern.test(diagramType))?.[1] ?? 'Diagram';
}

/**
 * On a phone a wide diagram would shrink until its 16 px labels are unreadable; below this share of its
 * natural width it scrolls sideways instead.
 */
const smallestScale = 0.65;

function childElement(parent: Element, tagName: string): Element | undefined {
  return parent.children.find((child): child is Element => child.type === 'element' && child.tagName === tagName);
}

/** A drawing that holds what the site does not ship (diagram-svg-sanitizer.ts): the page does not build. */
export class UnsafeDiagramError extends Error {
  constructor(readonly problems: string[]) {
    super(`its drawing holds what the site does not ship: ${problems.join('; ')}`);
    this.name = 'UnsafeDiagramError';
  }
}

/** One theme's SVG, with ids unique on the page, named for screen readers, and shown only in its theme. */
function diagramSvg(rendered: RenderedDiagram, theme: 'light' | 'dark', idPrefix: string, name: string): Element {
  const markup = rendered.svg[theme].replaceAll(rendered.token, idPrefix);
  const tree: HastRoot = fromHtml(markup, { fragment: true });
  const svg = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) throw new Error(`Mermaid returned no <svg> for a ${rendered.diagramType} diagram`);
  const problems = sanitizeDiagramSvg(svg);
  if (problems.length > 0) throw new UnsafeDiagramError(problems);
  const naturalWidth = Number(/max-width:\s*([\d.]+)px/.exec(String(svg.properties.style ?? ''))?.[1]);
  const hasDescription = childElement(svg, 'desc') !== undefined;
  const { ariaRoleDescription: _roleDescription, ariaLabelledBy: _labelledBy, ariaDescribedBy, ...kept } = svg.properties;
  svg.properties = {
    ...kept,
    // One image with one name; Mermaid's graphics-document role would have readers walk every shape.
    role: 'img',
    ariaLabel: name,
    ...(hasDescription && ariaDescribedBy ? { ariaDescribedBy } : {}),
    className: [...(Array.isArray(kept.className) ? kept.className.map(String) : []), ...(theme === 'light' ? ['dark:hidden'] : ['hidden', 'dark:block'])],
    style: Number.isFinite(naturalWidth)
      ? `max-width:${naturalWidth}px;min-width:${Math.round(naturalWidth * smallestScale)}px`
      : svg.properties.style,
  };
  return svg;
}

/**
 * The diagram as a figure: the light and the dark SVG (CSS shows the one for the page's theme; the hidden
 * one is out of the accessibility tree too), in a container that scrolls when the diagram is wider than the
 * screen, and the diagram's source in a closed <details>, for copying and for readers who want the text.
 */
export function diagramFigure(rendered: RenderedDiagram, source: string, pageIndex: number): MermaidDiagram['data'] {
  const idPrefix = `mermaidDiagram${pageIndex}`;
  const light = diagramSvg(rendered, 'light', idPrefix, '');
  const title = childElement(light, 'title');
  const kind = defaultDiagramName(rendered.diagramType);
  const name = (title && hastToString(title).trim()) || (rendered.title ? `${kind}: ${rendered.title}` : kind);
  light.properties.ariaLabel = name;
  const dark = diagramSvg(rendered, 'dark', idPrefix, name);
  return {
    hName: 'figure',
    hProperties: { className: ['diagram'] },
    hChildren: [
      {
        type: 'element',
        tagName: 'div',
        // Like a wide table: a region a keyboard can scroll, named by what it holds (the image inside has the diagram's name); a group, not a landmark region, since a page may hold many.
        properties: { className: ['overflow-x-auto'], tabIndex: 0, role: 'group', ariaLabel: 'Diagram' },
        children: [light, dark],
      },
      {
        type: 'element',
        tagName: 'details',
        properties: {},
        children: [
          { type: 'element', tagName: 'summary', properties: {}, children: [{ type: 'text', value: 'Diagram source' }] },
          {
            type: 'element',
            tagName: 'pre',
            properties: {},
            children: [{ type: 'element', tagName: 'code', properties: { className: ['language-mermaid'] }, children: [{ type: 'text', value: source }] }],
          },
        ],
      },
    ],
  };
}

/**
 * Turns ```mermaid fences into diagrams drawn at build time. Runs first among the remark plugins, so that
 * no syntax highlighter sees these fences as code. All of a page's diagrams are rendered in one call to the
 * build's browser. A diagram Mermaid cannot draw is reported through `onError` and left as code.
 */
export function remarkMermaidDiagrams(options: { onError: (error: DiagramError) => void; drawDiagrams?: typeof renderDiagrams }) {
  return async (tree: Root) => {
    const fences: { node: Code; index: number; parent: { children: unknown[] } }[] = [];
    visit(tree, 'code', (node, index, parent) => {
      if (isMermaidFence(node) && parent && index !== undefined) fences.push({ node, index, parent });
    });
    if (fences.length === 0) return;
    const results = await (options.drawDiagrams ?? renderDiagrams)(fences.map(({ node }) => node.value));
    fences.forEach(({ node, index, parent }, position) => {
      const result = results[position];
      if (!result) return;
      const fenceLine = node.position?.start.line;
      if (!result.ok) {
        options.onError({
          line: fenceLine === undefined ? undefined : fenceLine + (result.error.line ?? 0),
          message: result.error.message,
          kind: 'syntax',
        });
        return;
      }
      let data: MermaidDiagram['data'];
      try {
        data = diagramFigure(result.diagram, node.value, position + 1);
      } catch (error) {
        if (!(error instanceof UnsafeDiagramError)) throw error;
        options.onError({ line: fenceLine, message: error.message, kind: 'unsafe' });
        return;
      }
      parent.children[index] = { type: 'mermaidDiagram', position: node.position, data } satisfies MermaidDiagram;
    });
  };
}
