import type { Element, Root } from 'hast';
import { find, html as htmlSchema } from 'property-information';
import { elementAttribute, elementText } from '@/lib/hast-element';
import { runtimeInlineScript, runtimeScriptSource } from '@/lib/next-adapter/strip-runtime';
import type { EngineScripts, ScriptGrants } from './engine-scripts';
import { sha256Source } from './hash-source';

export { sha256Source };

/**
 * The Content Security Policy of the exported site, computed from the markup it governs and from the
 * engine's own scripts (engine-scripts.ts), which alone decide what scripts may run and reach.
 *
 * Every page gets its own policy in a <meta http-equiv> tag: the sha256 hashes of the engine's inline
 * scripts and of the inline `<style>` elements the page carries, the origins of the engine's scripts from
 * other sites, and the origins those scripts are granted (giscus's frame and stylesheet, the reactions
 * endpoint). A page that carries anything else shaped like a script, a frame, a remote stylesheet or a
 * redirect is refused (findUnsafeMarkup), never given a wider policy. The deploy targets' header files
 * carry one site-wide policy (`headerPolicy`): browsers enforce both, so it must allow whatever any page
 * allows, and it adds `frame-ancestors`, which a meta tag cannot carry.
 */

/** What one page (or, merged, the whole site) needs the policy to allow. Every list is sorted. */
export interface PolicyNeeds {
  /** The page runs a script of any kind (inline or file). Without one, script-src and connect-src stay 'none'. */
  scripts: boolean;
  /** `'sha256-…'` of every inline script that runs. */
  scriptHashes: string[];
  /** Origins of scripts loaded from other sites. */
  scriptOrigins: string[];
  /** `'sha256-…'` of every inline `<style>` element (HTML and SVG). */
  styleHashes: string[];
  /** Origins of stylesheets loaded from other sites. */
  styleOrigins: string[];
  /** The markup has `style="…"` attributes (KaTeX's layout, diagrams). */
  styleAttributes: boolean;
  /** Image sources beyond 'self': other sites' origins, and `data:` when a page embeds such an image. */
  imageSources: string[];
  /** Audio and video sources beyond 'self'; `media` says whether there are any media elements at all. */
  media: boolean;
  mediaSources: string[];
  /** Frames the page's scripts are granted to open (engine-scripts.ts). */
  frameSources: string[];
  /** Origins the page's scripts are granted to fetch from (engine-scripts.ts). */
  connectSources: string[];
}

/** Script types that run (or are read by the browser as code): anything else is a data block, e.g. JSON-LD. */
const executableScriptTypes = new Set([
  '',
  'module',
  'importmap',
  'speculationrules',
  'text/javascript',
  'application/javascript',
  'application/ecmascript',
  'application/x-ecmascript',
  'application/x-javascript',
  'text/ecmascript',
  'text/jscript',
  'text/livescript',
  'text/x-ecmascript',
  'text/x-javascript',
  'text/javascript1.0',
  'text/javascript1.1',
  'text/javascript1.2',
  'text/javascript1.3',
  'text/javascript1.4',
  'text/javascript1.5',
]);

/** Whether a <script> element runs, as opposed to a data block (`type="application/ld+json"`) the browser never executes. */
export function isExecutableScript(element: Element): boolean {
  const type = (elementAttribute(element, 'type') ?? '').trim().toLowerCase();
  return executableScriptTypes.has(type.split(';')[0]?.trim() ?? '');
}

/** Stands for the page's own origin when URLs are resolved as a browser resolves them. */
const ownOrigin = new URL('https://this-site.invalid/');

/**
 * 'self' for the site's own URLs, the origin for another site's, undefined for URLs that load nothing from a
 * host. Read with the WHATWG parser, as browsers read them: `\\host/x`, `/\host` and `/<tab>/host` are other sites.
 */
function sourceOf(url: string): string | undefined {
  const trimmed = url.trim();
  if (trimmed === '') return undefined;
  if (/^data:/i.test(trimmed)) return 'data:';
  const parsed = URL.canParse(trimmed, ownOrigin) ? new URL(trimmed, ownOrigin) : undefined;
  if (!parsed) return undefined;
  if (parsed.origin === ownOrigin.origin) return "'self'";
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.origin : undefined;
}

/** The URLs of a srcset (`a.png 1x, b.png 2x`), as hast gives it (an array of candidates) or as text. */
function srcsetUrls(value: unknown): string[] {
  const candidates = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
  return candidates.map((candidate) => candidate.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

const sorted = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * Calls `visitor` on every element, including those inside <template> content (which hast keeps apart
 * from children): a script that clones a template puts them on the page, where the policy governs them.
 */
export function visitElements(tree: Root | Element, visitor: (element: Element) => void): void {
  // A plain walk, in document order: unist-util-visit keeps each node's ancestors and supports skipping and
  // replacing nodes, which no visitor here needs, and that bookkeeping was most of the finishing step's checks.
  for (const node of tree.children) {
    if (node.type !== 'element') continue;
    visitor(node);
    if (node.tagName === 'template' && node.content) visitElements(node.content, visitor);
    visitElements(node, visitor);
  }
}

export interface PolicyOptions {
  /** The engine's scripts (engine-scripts.ts): the only inline scripts and script files a page may carry. */
  scripts: EngineScripts;
  /** '' or the base path the page's site URLs carry (`/docs`): script files are named without it. */
  basePath: string;
  /** Next's client runtime is kept (site.config.ts): its inline scripts and its files under /_next/static/ run too. */
  clientRuntime: boolean;
}


/** The key of a script file in EngineScripts.scriptFiles: its site path without the base path, or another site's full URL. */
function scriptFileKey(src: string, basePath: string): string {
  const url = src.trim();
  return basePath !== '' && url.startsWith(`${basePath}/`) ? url.slice(basePath.length) : url;
}

/** What an engine script may reach; undefined for a script the engine did not write. */
function scriptGrants(element: Element, options: PolicyOptions): ScriptGrants | undefined {
  const src = elementAttribute(element, 'src');
  if (src === undefined) {
    const text = elementText(element);
    const known = options.scripts.inlineScriptHashes.includes(sha256Source(text)) || (options.clientRuntime && runtimeInlineScript.test(text));
    return known ? {} : undefined;
  }
  const key = scriptFileKey(src, options.basePath);
  return options.scripts.scriptFiles[key] ?? (options.clientRuntime && runtimeScriptSource.test(key) ? {} : undefined);
}

/**
 * What a page's markup needs the policy to allow. Call it on a page findUnsafeMarkup accepted: scripts
 * are granted only what engine-scripts.ts grants them, and nothing else in the markup widens the policy
 * beyond images and media.
 */
export function collectPolicyNeeds(tree: Root, options: PolicyOptions): PolicyNeeds {
  const scriptHashes: string[] = [];
  const scriptOrigins: string[] = [];
  const styleHashes: string[] = [];
  const styleOrigins: string[] = [];
  const imageSources: string[] = [];
  const mediaSources: string[] = [];
  const frameSources: string[] = [];
  const connectSources: string[] = [];
  let scripts = false;
  let media = false;
  let styleAttributes = false;
  const external = (url: string | undefined, into: string[]) => {
    const source = url === undefined ? undefined : sourceOf(url);
    if (source !== undefined && source !== "'self'") into.push(source);
  };

  visitElements(tree, (element) => {
    if (element.properties.style !== undefined) styleAttributes = true;
    // CSS inside style attributes and elements can load images too: the site's own, or data: (other sites' are refused).
    if (inlineCssUrls(element).some((url) => sourceOf(url) === 'data:')) imageSources.push('data:');
    switch (element.tagName) {
      case 'script': {
        if (!isExecutableScript(element)) break;
        const grants = scriptGrants(element, options);
        if (!grants) break;
        scripts = true;
        const src = elementAttribute(element, 'src');
        if (src === undefined) scriptHashes.push(sha256Source(elementText(element)));
        else external(src, scriptOrigins);
        frameSources.push(...(grants.frame ?? []));
        connectSources.push(...(grants.connect ?? []));
        styleOrigins.push(...(grants.style ?? []));
        imageSources.push(...(grants.img ?? []));
        break;
      }
      case 'style':
        styleHashes.push(sha256Source(elementText(element)));
        break;
      case 'link': {
        // Browsers fetch icons under img-src.
        if (/\b(?:icon|apple-touch-icon)\b/i.test(elementAttribute(element, 'rel') ?? '')) external(elementAttribute(element, 'href'), imageSources);
        break;
      }
      case 'img':
        external(elementAttribute(element, 'src'), imageSources);
        for (const url of srcsetUrls(element.properties.srcSet)) external(url, imageSources);
        break;
      case 'image':
        external(elementAttribute(element, 'href') ?? elementAttribute(element, 'xLinkHref'), imageSources);
        break;
      case 'video':
      case 'audio':
        media = true;
        external(elementAttribute(element, 'src'), mediaSources);
        if (element.tagName === 'video') external(elementAttribute(element, 'poster'), imageSources);
        break;
      case 'source':
      case 'track':
        // A <source> in <picture> is an image; in <video>/<audio> a media file. Either way, allow it in both.
        external(elementAttribute(element, 'src'), mediaSources);
        for (const url of srcsetUrls(element.properties.srcSet)) external(url, imageSources);
        break;
    }
  });
  return {
    scripts,
    scriptHashes: sorted(scriptHashes),
    scriptOrigins: sorted(scriptOrigins),
    styleHashes: sorted(styleHashes),
    styleOrigins: sorted(styleOrigins),
    styleAttributes,
    imageSources: sorted(imageSources),
    media,
    mediaSources: sorted(mediaSources),
    frameSources: sorted(frameSources),
    connectSources: sorted(connectSources),
  };
}

/** The URLs in an element's inline CSS: its style attribute, and its text if it is a <style>. */
function inlineCssUrls(element: Element): string[] {
  const css = (elementAttribute(element, 'style') ?? '') + (element.tagName === 'style' ? elementText(element) : '');
  // CSS function names are case-insensitive: `URL(` loads as `url(` does.
  if (!/url\(/i.test(css)) return [];
  return [...css.matchAll(/url\(\s*['"]?([^'")]+)/gi)].map((match) => match[1] ?? '');
}

/** Everything any of the pages needs: what one policy for the whole site must allow. */
export function mergePolicyNeeds(all: readonly PolicyNeeds[]): PolicyNeeds {
  const union = (pick: (needs: PolicyNeeds) => string[]) => sorted(all.flatMap(pick));
  return {
    scripts: all.some((needs) => needs.scripts),
    scriptHashes: union((needs) => needs.scriptHashes),
    scriptOrigins: union((needs) => needs.scriptOrigins),
    styleHashes: union((needs) => needs.styleHashes),
    styleOrigins: union((needs) => needs.styleOrigins),
    styleAttributes: all.some((needs) => needs.styleAttributes),
    imageSources: union((needs) => needs.imageSources),
    media: all.some((needs) => needs.media),
    mediaSources: union((needs) => needs.mediaSources),
    frameSources: union((needs) => needs.frameSources),
    connectSources: union((needs) => needs.connectSources),
  };
}

export type Directives = [name: string, ...sources: string[]][];

/** Directives that hold on every page, whatever it contains. */
const fixedDirectives: Directives = [
  ['font-src', "'self'"],
  ['manifest-src', "'self'"],
  // No <base> can redirect the page's relative URLs; no plugin content; forms only post to the site.
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
  ['object-src', "'none'"],
];

/**
 * One page's policy, for its <meta http-equiv="Content-Security-Policy">. Least privilege: a page
 * without scripts gets no script-src at all (default-src 'none' then blocks every script), and
 * `style-src-attr 'unsafe-inline'` only where the markup has style attributes.
 */
export function pageDirectives(needs: PolicyNeeds): Directives {
  const directives: Directives = [['default-src', "'none'"]];
  if (needs.scripts) directives.push(['script-src', "'self'", ...needs.scriptOrigins, ...needs.scriptHashes]);
  directives.push(['style-src', "'self'", ...needs.styleOrigins, ...needs.styleHashes]);
  // KaTeX positions glyphs with style attributes (dozens of distinct values on a page of formulas).
  // Hashing each ('unsafe-hashes') would cost ~55 bytes per value, unbounded on long math pages, to
  // guard against CSS in injected style attributes, which cannot run script or, under img-src and
  // font-src, load anything: allowing them is the better trade. Inline <style> elements stay hashed.
  if (needs.styleAttributes) directives.push(['style-src-attr', "'unsafe-inline'"]);
  directives.push(['img-src', "'self'", ...needs.imageSources]);
  if (needs.media) directives.push(['media-src', "'self'", ...needs.mediaSources]);
  if (needs.frameSources.length > 0) directives.push(['frame-src', ...needs.frameSources]);
  if (needs.scripts) directives.push(['connect-src', "'self'", ...needs.connectSources]);
  directives.push(...fixedDirectives);
  return directives;
}

export interface HeaderPolicyOptions {
  /**
   * Next's client runtime is kept (site.config.ts `clientRuntime: true`): every page then carries its
   * own inline scripts (the React Server Components payload). Their hashes differ on every page, so the
   * header allows inline scripts and each page's meta policy, which browsers enforce as well, limits
   * them to that page's hashes.
   */
  clientRuntime: boolean;
}

/**
 * The site-wide policy for the deploy targets' header files. Browsers enforce it together with each
 * page's meta policy, so it must allow what any page allows. It is written into vercel.json, which
 * Vercel reads before it builds, so it depends only on what the site's own code and configuration put
 * on pages (script hashes and origins), never on content: inline <style> and style attributes
 * (diagrams, KaTeX), images and media are allowed by kind here and limited exactly by each page's meta
 * policy. Non-HTML files (an SVG opened directly) get only this policy, which still runs no script
 * but the site's own.
 */
export function headerDirectives(site: PolicyNeeds, options: HeaderPolicyOptions): Directives {
  const inlineScripts = options.clientRuntime ? ["'unsafe-inline'"] : site.scriptHashes;
  return [
    ['default-src', "'none'"],
    ...(site.scripts ? [['script-src', "'self'", ...site.scriptOrigins, ...inlineScripts] as Directives[number]] : []),
    ['style-src', "'self'", ...site.styleOrigins, "'unsafe-inline'"],
    ['img-src', "'self'", 'data:', 'https:'],
    ['media-src', "'self'", 'https:'],
    ...(site.frameSources.length > 0 ? [['frame-src', ...site.frameSources] as Directives[number]] : []),
    ...(site.scripts ? [['connect-src', "'self'", ...site.connectSources] as Directives[number]] : []),
    ...fixedDirectives,
    // Only a header can say this (browsers ignore it in a meta tag, and Chromium logs an error).
    ['frame-ancestors', "'none'"],
  ];
}

export function formatPolicy(directives: Directives): string {
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** A policy's text as its directives, for tests and checks. */
export function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !directives.has(name)) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}

/** Attributes whose value is a URL a browser follows or loads. */
const urlAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'cite', 'background', 'codebase', 'manifest', 'ping']);

const attributeNames = new Map<string, string>();

/** The attribute name a hast property stands for (`onClick` → `onclick`, `xLinkHref` → `xlink:href`). */
function attributeName(property: string): string {
  let name = attributeNames.get(property);
  if (name === undefined) {
    name = find(htmlSchema, property).attribute.toLowerCase();
    attributeNames.set(property, name);
  }
  return name;
}

/** Elements that embed another document or change where the page's URLs point: the engine writes none. (Forms may only post to the site: form-action 'self'.) */
const embeddingElements = new Set(['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal', 'fencedframe', 'base']);
/** `<meta http-equiv>` values a page may carry; refresh (a redirect) and set-cookie are not among them. */
const harmlessHttpEquiv = new Set(['content-type', 'x-ua-compatible', 'default-style']);

/**
 * The last line of defence before deploy: markup that could run code, load another document or send the
 * visitor elsewhere without the engine having put it there. Scripts must be the engine's own
 * (engine-scripts.ts: the theme script by its hash, the /enhance/ files and giscus by their URLs); no
 * frames, plugins or <base>; no stylesheets or CSS from other sites; no meta refresh; no event
 * handler attributes or `javascript:` URLs; no markup characters inside a <style> (re-parsed, they become
 * elements). Returns one line per problem.
 */
export function findUnsafeMarkup(tree: Root, options: PolicyOptions): string[] {
  const problems: string[] = [];
  visitElements(tree, (element) => {
    const { tagName } = element;
    if (tagName === 'script' && isExecutableScript(element) && !scriptGrants(element, options)) {
      const src = elementAttribute(element, 'src');
      problems.push(
        src === undefined
          ? `an inline <script> the engine did not write: "${elementText(element).trim().slice(0, 60)}"`
          : `a <script src="${src.slice(0, 80)}"> that is not one of the engine's scripts`,
      );
    }
    if (tagName === 'script' && /<\/script/i.test(elementText(element))) problems.push('a <script> whose text closes it early ("</script")');
    if (embeddingElements.has(tagName)) problems.push(`a <${tagName}> element${tagName === 'base' ? '' : ', which embeds another document'}`);
    if (tagName === 'meta') {
      const httpEquiv = (elementAttribute(element, 'httpEquiv') ?? '').trim().toLowerCase();
      if (httpEquiv !== '' && !harmlessHttpEquiv.has(httpEquiv)) problems.push(`a <meta http-equiv="${httpEquiv}">`);
    }
    if (tagName === 'link') {
      const rel = elementAttribute(element, 'rel') ?? '';
      const source = sourceOf(elementAttribute(element, 'href') ?? '');
      if (/\b(?:stylesheet|import)\b/i.test(rel) && source !== undefined && source !== "'self'") {
        problems.push(`a stylesheet from another site: <link rel="${rel}" href="${(elementAttribute(element, 'href') ?? '').slice(0, 80)}">`);
      }
    }
    if (tagName === 'style' && elementText(element).includes('<')) problems.push(`markup inside a <style>: "${elementText(element).slice(elementText(element).indexOf('<'), elementText(element).indexOf('<') + 60)}"`);
    for (const url of inlineCssUrls(element)) {
      const source = sourceOf(url);
      if (source !== undefined && source !== "'self'" && source !== 'data:') problems.push(`CSS that loads from another site: url(${url.slice(0, 80)}) in <${tagName}>`);
    }
    for (const [property, value] of Object.entries(element.properties)) {
      const name = attributeName(property);
      if (/^on/.test(name) && value !== undefined && value !== null && value !== false) {
        problems.push(`an event handler attribute ${name}="${String(value).slice(0, 60)}" on <${tagName}>`);
      }
      if (urlAttributes.has(name) || name === 'srcset') {
        const values = Array.isArray(value) ? value.map(String) : [String(value)];
        // Browsers strip control characters, spaces, tabs and newlines before reading the scheme.
        if (values.some((each) => /^javascript:/i.test(each.replace(/[\u0000-\u0020]/g, '')))) {
          problems.push(`a javascript: URL in ${name} of <${tagName}>: "${values.join(' ').slice(0, 60)}"`);
        }
      }
    }
  });
  return problems;
}
