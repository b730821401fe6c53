import type { Element, ElementContent } from 'hast';
import { urlProblem } from './content-policy';

/**
 * A drawn diagram is untrusted SVG: Mermaid builds it from a stranger's diagram source, and its own
 * sanitiser lets through text that becomes markup once the SVG is parsed and written out again (entity-
 * escaped tags inside <style>). Before an SVG joins a page, everything in it is checked against the
 * vocabulary Mermaid's diagrams are drawn with (every diagram type, sampled in the tests): elements,
 * attributes, links, and the CSS in <style> and style="…". What falls outside is reported, and the page
 * does not build; attributes that are merely unknown (and cannot load or run anything) are dropped.
 */

/** SVG elements Mermaid draws with. Not here, among others: script, image, feImage, animate/set (which can rewrite href), iframe. */
const svgElements = new Set([
  'svg', 'g', 'defs', 'title', 'desc', 'style', 'switch', 'symbol', 'use', 'a', 'marker',
  'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon', 'text', 'tspan',
  'linearGradient', 'radialGradient', 'stop', 'clipPath', 'mask', 'pattern',
  'filter', 'feDropShadow', 'feGaussianBlur', 'feOffset', 'feFlood', 'feComposite', 'feMerge', 'feMergeNode', 'feBlend', 'feColorMatrix',
  'foreignObject',
]);

/** HTML Mermaid puts inside <foreignObject> for labels it lays out as HTML (journey tasks, some others). */
const labelHtmlElements = new Set(['div', 'span', 'p', 'br', 'b', 'i', 'strong', 'em', 'code', 'sub', 'sup', 'small']);

/** Attributes (hast property names) Mermaid's SVG carries that neither load nor run anything. */
const plainAttributes = new Set([
  'id', 'className', 'role', 'name', 'xmlns', 'xmlnsXLink', 'xmlSpace', 'version',
  'ariaLabel', 'ariaLabelledBy', 'ariaDescribedBy', 'ariaRoleDescription', 'ariaHidden',
  'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'dx', 'dy', 'width', 'height', 'd', 'points', 'viewBox',
  'preserveAspectRatio', 'transform', 'transformOrigin', 'overflow', 'opacity', 'visibility', 'display',
  'fill', 'fillOpacity', 'fillRule', 'clipRule', 'clipPath', 'mask', 'filter',
  'stroke', 'strokeWidth', 'strokeOpacity', 'strokeDashArray', 'strokeDashOffset', 'strokeLineCap', 'strokeLineJoin', 'strokeMiterLimit',
  'markerStart', 'markerMid', 'markerEnd', 'markerWidth', 'markerHeight', 'markerUnits', 'refX', 'refY', 'orient',
  'textAnchor', 'dominantBaseline', 'alignmentBaseline', 'fontFamily', 'fontSize', 'fontStyle', 'fontWeight', 'textDecoration', 'letterSpacing',
  'offset', 'stopColor', 'stopOpacity', 'gradientUnits', 'gradientTransform', 'patternUnits', 'patternTransform', 'maskUnits', 'clipPathUnits',
  'floodColor', 'floodOpacity', 'stdDeviation', 'in', 'in2', 'result', 'mode', 'operator', 'values', 'type',
]);

/** Functions the CSS of a diagram may call: colours, maths, transforms, filters, gradients. Not url() (but url(#id)), image-set(), image(), element(), src(). */
const cssFunctions = new Set([
  'rgb', 'rgba', 'hsl', 'hsla', 'hwb', 'lab', 'lch', 'oklab', 'oklch', 'color', 'color-mix', 'var', 'calc', 'min', 'max', 'clamp',
  'translate', 'translatex', 'translatey', 'scale', 'scalex', 'scaley', 'rotate', 'skew', 'skewx', 'skewy', 'matrix',
  'drop-shadow', 'blur', 'brightness', 'contrast', 'grayscale', 'opacity', 'saturate', 'sepia', 'invert', 'hue-rotate',
  'cubic-bezier', 'steps', 'linear-gradient', 'radial-gradient',
]);

/** At-rules a diagram's CSS may use: its own animations. Not @import, @font-face, @namespace. */
const cssAtRules = new Set(['keyframes', 'media']);

/** Why a piece of a diagram's CSS may not ship, or undefined when it may. */
export function diagramCssProblem(css: string): string | undefined {
  // No markup can form inside a <style> without `<`; `&` would become `<` at the next parse of the page.
  if (/[<&]/.test(css)) return `markup characters (< or &) in its CSS: ${excerpt(css, /[<&]/)}`;
  // CSS escapes can spell any name (u\72l( is url(), so names are only judged without them.
  if (css.includes('\\')) return `a CSS escape (\\) in its CSS: ${excerpt(css, /\\/)}`;
  const plain = css.replace(/\/\*[^]*?\*\//g, ' ');
  for (const match of plain.matchAll(/@([a-z-]+)/gi)) {
    if (!cssAtRules.has((match[1] ?? '').toLowerCase().replace(/^-[a-z]+-/, ''))) return `the CSS at-rule @${match[1]}`;
  }
  for (const match of plain.matchAll(/([a-z-]+)\(\s*(['"]?)([^)'"]*)/gi)) {
    const name = (match[1] ?? '').toLowerCase();
    if (name === 'url' && (match[3] ?? '').startsWith('#')) continue;
    if (!cssFunctions.has(name)) return `the CSS function ${name}(${name === 'url' ? `${match[2]}${(match[3] ?? '').slice(0, 40)}` : ''}…)`;
  }
  return undefined;
}

function excerpt(text: string, at: RegExp): string {
  const index = text.search(at);
  return JSON.stringify(text.slice(Math.max(0, index - 20), index + 40));
}

/** Values of SVG attributes that reference paint servers, markers and clips: only this document's own (`url(#id)`). */
const referenceValue = /^\s*(?:none|url\(\s*['"]?#[^)'"\s]+['"]?\s*\))\s*$/i;
const referenceAttributes = new Set(['markerStart', 'markerMid', 'markerEnd', 'clipPath', 'mask', 'filter']);

/**
 * Checks and cleans a diagram's SVG in place. Returns what may not ship, one line each (empty: the SVG is
 * safe to put on a page). Event handlers, scripts, foreign elements, off-page URLs and unsafe CSS are
 * problems; unknown inert attributes are removed.
 */
export function sanitizeDiagramSvg(svg: Element): string[] {
  const problems = new Set<string>();
  const walk = (element: Element, insideForeignObject: boolean) => {
    const allowed = insideForeignObject ? labelHtmlElements.has(element.tagName) : svgElements.has(element.tagName);
    if (!allowed) {
      problems.add(`a <${element.tagName}> element`);
      return false;
    }
    for (const [property, value] of Object.entries(element.properties)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(property)) {
        problems.add(`an event handler (${property})`);
        delete element.properties[property];
      } else if (property === 'style') {
        const problem = diagramCssProblem(text);
        if (problem) problems.add(problem);
      } else if (property === 'href' || property === 'xLinkHref') {
        // Mermaid's `click A "https://…"` links, and <use> of the diagram's own symbols.
        const problem = element.tagName === 'a' ? urlProblem(text, 'link') : text.startsWith('#') ? undefined : `a <${element.tagName}> of ${JSON.stringify(text.slice(0, 60))}`;
        if (problem) problems.add(problem);
      } else if (referenceAttributes.has(property) && !referenceValue.test(text)) {
        if (/url\(/i.test(text)) problems.add(`a reference to another document: ${property}="${text.slice(0, 60)}"`);
      } else if (/^data[A-Z]/.test(property)) {
        // Mermaid's data-* bookkeeping is inert, but the engine's own markers are not content's to set.
        if (/^data(?:Enhancement|Csp)/.test(property)) delete element.properties[property];
      } else if (!plainAttributes.has(property)) {
        delete element.properties[property];
      } else if (/url\(/i.test(text) && !referenceValue.test(text)) {
        problems.add(`a URL in an attribute: ${property}="${text.slice(0, 60)}"`);
      }
    }
    if (element.tagName === 'style') {
      const css = element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
      if (element.children.some((child) => child.type !== 'text')) problems.add('markup inside a <style> element');
      const problem = diagramCssProblem(css);
      if (problem) problems.add(problem);
    }
    element.children = element.children.filter((child: ElementContent) => {
      if (child.type === 'comment') return false;
      if (child.type !== 'element') return true;
      return walk(child, insideForeignObject || element.tagName === 'foreignObject');
    });
    return true;
  };
  walk(svg, false);
  return [...problems];
}
