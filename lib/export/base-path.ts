import type { Element, Root } from 'hast';
import { isSchemeRelative } from '@/lib/markdown/content-policy';
import { visitElements } from '@/lib/security/content-security-policy';

/**
 * Serving the site under a path (BASE_PATH=/docs): markup everywhere stays root-relative (`/about/`,
 * `/katex/katex.min.css`), and this step prefixes every root-relative URL in the exported HTML and CSS.
 * One pass over the finished files covers every source of URLs alike (layout, navigation, page lists,
 * links in Markdown content, Next's own asset tags, metadata icons, features added later), which
 * Next's `basePath` option would not: it leaves plain <a href> and HTML compiled from Markdown alone.
 * Absolute URLs (canonical, OpenGraph, sitemap, feed) already carry the base path: see absoluteUrl().
 */

/**
 * `/about/` → `/docs/about/`; other sites' URLs, protocol-relative (`//host`, and `/\host` which browsers
 * read the same way: isSchemeRelative), relative and fragment URLs unchanged.
 */
export function withBasePath(url: string, basePath: string): string {
  if (basePath === '' || !url.startsWith('/') || isSchemeRelative(url)) return url;
  return `${basePath}${url}`;
}

/** `url(/x.woff2)`, `url('/x')`, `url("/x")` in CSS, prefixed. */
export function withBasePathInCss(css: string, basePath: string): string {
  if (basePath === '') return css;
  return css.replace(/url\(\s*(['"]?)(\/(?!\/))/g, (_match, quote: string) => `url(${quote}${basePath}/`);
}

/** A srcset (`/a.png 1x, /b.png 2x`) with each candidate's URL prefixed. */
function withBasePathInSrcset(srcset: string, basePath: string): string {
  return srcset
    .split(',')
    .map((candidate) => candidate.replace(/^(\s*)(\S+)/, (_match, space: string, url: string) => `${space}${withBasePath(url, basePath)}`))
    .join(',');
}

/** hast properties that hold one URL. */
const urlProperties = ['href', 'src', 'action', 'formAction', 'poster', 'data', 'cite', 'xLinkHref', 'background'] as const;
/** hast properties that hold a srcset. */
const srcsetProperties = ['srcSet', 'imageSrcSet'] as const;

/** Prefixes every root-relative URL of a page in place: attributes, srcsets, CSS in style attributes and elements. */
export function prefixBasePath(tree: Root, basePath: string): void {
  if (basePath === '') return;
  visitElements(tree, (element: Element) => {
    const properties = element.properties;
    for (const name of urlProperties) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = withBasePath(value, basePath);
    }
    for (const name of srcsetProperties) {
      const value = properties[name];
      if (typeof value === 'string') properties[name] = withBasePathInSrcset(value, basePath);
    }
    // <meta> values that are site paths (e.g. an icon for a platform); absolute URLs stay as they are.
    if (element.tagName === 'meta' && typeof properties.content === 'string' && /^\/(?!\/)/.test(properties.content)) {
      properties.content = withBasePath(properties.content, basePath);
    }
    if (typeof properties.style === 'string') properties.style = withBasePathInCss(properties.style, basePath);
    if (element.tagName === 'style') {
      for (const child of element.children) if (child.type === 'text') child.value = withBasePathInCss(child.value, basePath);
    }
  });
}

/** A URL of the site as the path of its file in out/ (`/docs/a/b.css?x` → `a/b.css`); undefined when it is not under the base path. */
export function sitePathOf(url: string, basePath: string): string | undefined {
  if (!url.startsWith('/') || isSchemeRelative(url)) return undefined;
  const path = url.split(/[?#]/)[0] ?? '';
  if (basePath === '') return path;
  if (path === basePath) return '/';
  return path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : undefined;
}
