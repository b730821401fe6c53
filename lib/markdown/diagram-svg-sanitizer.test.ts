import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDiagramBrowser, renderDiagrams } from '@/lib/diagrams/mermaid-renderer';
import { mermaidSamples } from '@/lib/testing/mermaid-samples';
import { tempFolder } from '@/lib/testing/temp-folder';
import { diagramCssProblem, sanitizeDiagramSvg } from './diagram-svg-sanitizer';

afterAll(closeDiagramBrowser);

function svgOf(markup: string): Element {
  const tree: Root = fromHtml(markup, { fragment: true });
  const svg = tree.children.find((child): child is Element => child.type === 'element' && child.tagName === 'svg');
  if (!svg) throw new Error('no svg');
  return svg;
}

const svg = (inner: string) => `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">${inner}</svg>`;

describe('sanitizeDiagramSvg', () => {
  it('lets every kind of diagram Mermaid draws through unchanged in substance', { timeout: 180_000 }, async () => {
    const names = Object.keys(mermaidSamples);
    const results = await renderDiagrams(Object.values(mermaidSamples), `${tempFolder('diagram-samples', {})}/cache.json`);
    const problems: string[] = [];
    results.forEach((result, index) => {
      if (!result.ok) return problems.push(`${names[index]}: did not draw: ${result.error.message}`);
      for (const theme of ['light', 'dark'] as const) {
        const drawn = svgOf(result.diagram.svg[theme]);
        for (const problem of sanitizeDiagramSvg(drawn)) problems.push(`${names[index]} (${theme}): ${problem}`);
        // Shapes and labels survive: the same elements before and after.
        expect(toHtml(drawn).match(/<[a-zA-Z]+/g)).toEqual(result.diagram.svg[theme].match(/<[a-zA-Z]+/g));
      }
    });
    expect(problems).toEqual([]);
  });

  it('refuses markup that was entity-escaped text inside <style> (it would become elements on the page)', () => {
    const drawn = svgOf(svg('<style>.x{} &lt;script data-enhancement&gt;alert(1)&lt;/script&gt;</style><rect width="1" height="1"/>'));
    expect(sanitizeDiagramSvg(drawn)).toEqual([expect.stringMatching(/^markup characters \(< or &\) in its CSS/)]);
  });

  it.each([
    ['a script', '<script>alert(1)</script>', /a <script> element/],
    ['an image shape', '<image href="http://127.0.0.1/x.png" width="1" height="1"/>', /a <image> element/],
    ['SMIL that rewrites a link', '<a href="#x"><set attributeName="href" to="javascript:alert(1)"/></a>', /a <set> element/],
    ['an iframe in a label', '<foreignObject width="9" height="9"><div><iframe src="https://evil.example/"></iframe></div></foreignObject>', /a <iframe> element/],
    ['a javascript: link', '<a href="javascript:alert(1)"><text>x</text></a>', /javascript:/],
    ['a <use> of another document', '<use href="https://evil.example/s.svg#x"/>', /a <use> of "https:\/\/evil.example/],
    ['an event handler', '<rect onclick="alert(1)" width="1" height="1"/>', /an event handler \(onClick\)/],
    ['a remote image in CSS', '<style>.n{fill:url(https://evil.example/p.png)}</style>', /the CSS function url\(https:\/\/evil/],
    ['image-set() in a style attribute', '<rect style="background:image-set(\'https://evil.example/a.png\' 1x)"/>', /the CSS function image-set/],
    ['@import', '<style>@import "https://evil.example/x.css";</style>', /the CSS at-rule @import/],
    ['a CSS escape', '<style>.n{background:u\\72l(https://evil.example/)}</style>', /a CSS escape/],
    ['a marker from another document', '<path d="M0 0" marker-end="url(https://evil.example/m.svg#a)"/>', /a reference to another document/],
  ])('refuses %s', (_name, inner, problem) => {
    expect(sanitizeDiagramSvg(svgOf(svg(inner))).join('\n')).toMatch(problem);
  });

  it("keeps the diagram's own references and removes unknown attributes and the engine's own markers", () => {
    const drawn = svgOf(svg('<path d="M0 0" marker-end="url(#arrow)" style="fill:url(#g);stroke:hsl(1, 2%, 3%)" data-enhancement="" data-csp-frame="https://evil.example" data-id="n1" unknown-thing="1"/>'));
    expect(sanitizeDiagramSvg(drawn)).toEqual([]);
    expect(toHtml(drawn)).toBe(
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><path d="M0 0" marker-end="url(#arrow)" style="fill:url(#g);stroke:hsl(1, 2%, 3%)" data-id="n1"></path></svg>',
    );
  });
});

describe('diagramCssProblem', () => {
  it("accepts Mermaid's own kind of CSS", () => {
    expect(diagramCssProblem('#d .node rect{fill:#ECECFF;filter:drop-shadow(1px 2px 2px rgba(0,0,0,0.3));}@keyframes dash{to{stroke-dashoffset:0;}}[id$="-arrowhead"] path{fill:url(#d-gradient)}')).toBeUndefined();
  });
  it.each(['x{fill:URL(//evil.example/a)}', 'x{background:-webkit-image-set("a.png" 1x)}', '@font-face{src:local(x)}', 'x{behavior:expression(alert(1))}', 'x{content:"</style>"}'])('refuses %s', (css) => {
    expect(diagramCssProblem(css)).toBeDefined();
  });
});
