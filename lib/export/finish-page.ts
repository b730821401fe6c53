import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { collectPolicyNeeds, findUnsafeMarkup, formatPolicy, pageDirectives, type PolicyNeeds } from '@/lib/security/content-security-policy';
import type { EngineScripts } from '@/lib/security/engine-scripts';
import { prefixBasePath } from './base-path';
import { rewritePictures } from '@/lib/images/picture-markup';
import type { SiteImage } from '@/lib/images/site-images';
import type { BodySlots } from '@/lib/content/body-slots';
import { ExportError } from '@/lib/errors';
import { assertRuntimeGone, stripRuntimeTree } from '@/lib/next-adapter/strip-runtime';

export interface FinishOptions {
  /** '' or a path such as '/docs' (lib/site.ts `basePath`). */
  basePath: string;
  /** Next's runtime was kept (site.config.ts): it is not stripped, and its inline scripts are hashed like the site's own. */
  clientRuntime: boolean;
  /** The engine's scripts for this site's config (lib/security/engine-scripts.ts): the only scripts a page may carry. */
  scripts: EngineScripts;
  /** The processed photos by their site path (lib/images/site-images.ts): their `<img>` become `<picture>`. */
  images?: ReadonlyMap<string, SiteImage>;
  /** This build's body slots (lib/content/body-slots.ts), which finishPageFile fills as it reads each page. */
  bodySlots?: BodySlots;
}

/** The site path a page file of the export is served at: `out/about/index.html` → /about/, `out/404.html` → /. */
function pageUrlOf(file: string): string {
  const relative = file.replace(/^out\//, '');
  return relative.endsWith('index.html') ? `/${relative.slice(0, -'index.html'.length)}` : '/';
}

export interface FinishedPage {
  html: string;
  /** What the page needs the site-wide policy to allow (plain JSON, for a cache of finished pages). */
  needs: PolicyNeeds;
}

/**
 * A page the export will not ship: each problem as `file: problem`, so that the export's error can
 * list the problems of every page at once.
 */
export class RefusedMarkupError extends ExportError {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(file, `markup the export will not ship:\n  ${problems.join('\n  ')}`);
    this.name = 'RefusedMarkupError';
    this.problems = problems;
  }
}

/** Puts the policy first in <head>, after <meta charset> (which must stay within the first 1024 bytes): it governs only what follows it. */
function insertPolicyMeta(tree: Root, policy: string, file: string): void {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const head = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head');
  if (!head) throw new ExportError(file, 'a page without <head>; the Content Security Policy has nowhere to go.');
  const existing = head.children.some(
    (node) => node.type === 'element' && node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy',
  );
  if (existing) throw new ExportError(file, 'the page already has a Content Security Policy meta tag; the export step writes it, remove the other one.');
  const charset = head.children.findIndex((node) => node.type === 'element' && node.tagName === 'meta' && node.properties.charSet !== undefined);
  const meta: Element = { type: 'element', tagName: 'meta', properties: { httpEquiv: ['Content-Security-Policy'], content: policy }, children: [] };
  head.children.splice(charset + 1, 0, meta);
}

/**
 * The page as a tree, as hast-util-from-html parses it but without source positions: no step here reports
 * a line, and recording them made the parse, most of the finishing time, 45% slower. With scripting off,
 * as there: `<noscript>` content is markup to check and keep, not text (which serialising would escape).
 */
function parsePage(html: string): Root {
  return fromParse5(parse(html, { scriptingEnabled: false })) as Root;
}

/**
 * One exported page, finished, from one parse and one serialisation: Next's client runtime removed
 * (unless it is kept), markup that would run code no hash vouches for refused, site URLs prefixed
 * with the base path, and the page's own Content Security Policy put into its <head>. Pure: the same
 * HTML and options give the same page and needs. `file` names the page in errors (`out/about/index.html`).
 * Throws ExportError for runtime markup it does not understand, RefusedMarkupError (an ExportError
 * listing every problem of the page) for markup it will not ship.
 */
export function finishPage(html: string, file: string, options: FinishOptions): FinishedPage {
  const tree = parsePage(html);
  if (!options.clientRuntime) stripRuntimeTree(tree, file);
  const unsafe = findUnsafeMarkup(tree, { ...options, basePath: '' });
  if (unsafe.length > 0) throw new RefusedMarkupError(file, unsafe.map((problem) => `${file}: ${problem}`));
  if (options.images && options.images.size > 0) rewritePictures(tree, pageUrlOf(file), options.images);
  prefixBasePath(tree, options.basePath);
  const needs: PolicyNeeds = collectPolicyNeeds(tree, options);
  try {
    insertPolicyMeta(tree, formatPolicy(pageDirectives(needs)), file);
  } catch (error) {
    if (error instanceof ExportError) throw new RefusedMarkupError(file, [error.message]);
    throw error;
  }
  // Single quotes inside double-quoted attribute values need no escaping, and the policy is full of
  // them; the "dangerous" characters are ` and ', which only IE read as attribute quotes.
  const finished = toHtml(tree, { allowParseErrors: true, allowDangerousCharacters: true });
  // The policy meta cannot match: its hashes are base64 (no `_` or `.`) and its sources are origins.
  if (!options.clientRuntime) assertRuntimeGone(finished, file);
  return { html: finished, needs };
}
