import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { ExportError } from '@/lib/errors';
import { elementAttribute, elementText } from '@/lib/hast-element';

/**
 * Next.js puts its client runtime into every exported page: script tags for its chunks, preload hints
 * for them, inline scripts that carry the React Server Components payload, and React's streaming
 * markers. A static portfolio needs none of it; its links are plain links. This removes exactly those
 * pieces and refuses anything it does not recognise, so a Next.js upgrade that changes them fails the
 * build instead of silently shipping the runtime (or breaking a page).
 */

/** The site's own progressive-enhancement scripts carry this attribute and are kept. */
export const enhancementAttribute = 'data-enhancement';

/** The one non-JavaScript script type pages carry: JSON-LD (lib/seo/json-ld.ts). */
export const structuredDataType = 'application/ld+json';

/** Next's script files, which its runtime loads. */
export const runtimeScriptSource = /^\/_next\/static\/.+\.js$/;
/** The inline scripts Next.js 16 and React 19 write: RSC payload pushes, Turbopack's chunk list, Suspense swaps. */
export const runtimeInlineScript = /^\s*(?:\(?self\.__next_[fs]\b|\(globalThis\["TURBOPACK"\]|\$R[CSX]\b|requestAnimationFrame\(function\(\)\{\$RT)/;

type Verdict = 'keep' | 'remove';

function judge(node: RootContent, file: string): Verdict {
  // React's <!--$--> Suspense markers and <!-- --> text separators; content comments never reach the HTML.
  if (node.type === 'comment') return 'remove';
  if (node.type !== 'element') return 'keep';
  if (node.tagName === 'script') {
    if (node.properties.dataEnhancement !== undefined) return 'keep';
    const source = elementAttribute(node, 'src');
    // Structured data for search engines (the about pages' JSON-LD): a data block browsers never run.
    if (source === undefined && elementAttribute(node, 'type')?.trim().toLowerCase() === structuredDataType) return 'keep';
    if (source !== undefined && runtimeScriptSource.test(source)) return 'remove';
    if (source === undefined && runtimeInlineScript.test(elementText(node))) return 'remove';
    const what = source ?? `${elementText(node).slice(0, 60)}…`;
    throw new ExportError(
      file,
      `a <script> the zero-JS export does not recognise (${what}). Mark the site's own scripts with ${enhancementAttribute}, or set clientRuntime: true in site.config.ts.`,
    );
  }
  if (node.tagName === 'link') {
    const rel = elementAttribute(node, 'rel') ?? '';
    const href = elementAttribute(node, 'href') ?? '';
    const isScriptHint = /\b(?:preload|modulepreload|prefetch)\b/.test(rel) && (elementAttribute(node, 'as') === 'script' || rel.includes('modulepreload'));
    if (isScriptHint) {
      if (runtimeScriptSource.test(href)) return 'remove';
      throw new ExportError(file, `a script preload the zero-JS export does not recognise (${href}).`);
    }
  }
  return 'keep';
}

function prune(parent: Root | Element, file: string): void {
  parent.children = parent.children.filter((child) => judge(child, file) === 'keep');
  for (const child of parent.children) {
    if (child.type === 'element') {
      // React's stylesheet ordering hint, read only by its client runtime.
      delete child.properties.dataPrecedence;
      prune(child, file);
      if (child.tagName === 'template' && child.content) prune(child.content, file);
    }
  }
  // Next's hidden holder for streamed metadata is empty once its markers are gone.
  parent.children = parent.children.filter(
    (child) => !(child.type === 'element' && child.tagName === 'div' && child.properties.hidden === true && child.children.length === 0),
  );
}

/** Removes Next's client runtime from a parsed page in place. Throws ExportError, naming the file, on markup it does not understand. */
export function stripRuntimeTree(tree: Root, file: string): void {
  prune(tree, file);
}

/** Fails when a finished page's HTML still names Next's runtime (a Next.js upgrade put it somewhere `prune` does not look). */
export function assertRuntimeGone(html: string, file: string): void {
  const leftover = html.match(/\/_next\/static\/[^"' )]+\.js|self\.__next_f/);
  if (leftover) throw new ExportError(file, `Next.js runtime left after stripping (${leftover[0]}); the export step needs updating for this Next.js version.`);
}

/** The page without Next's client runtime. Throws ExportError, naming the file, on markup it does not understand. */
export function stripRuntime(html: string, file: string): string {
  const tree = fromHtml(html);
  stripRuntimeTree(tree, file);
  const stripped = toHtml(tree);
  assertRuntimeGone(stripped, file);
  return stripped;
}
