import type { Element, Root } from 'hast';
import type { MdxJsxAttribute, MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx';
import { visit } from './visit';
import { isSchemeRelative, urlScheme } from './content-policy';

// MDX marks the JSX an author wrote (`<a>`) so that it is not swapped for a component from the map; the flag
// travels from mdast to hast, but @mdx-js/mdx declares it on mdast's nodes only.
declare module 'mdast-util-mdx-jsx' {
  interface MdxJsxFlowElementHastData {
    _mdxExplicitJsx?: boolean | null | undefined;
  }
  interface MdxJsxTextElementHastData {
    _mdxExplicitJsx?: boolean | null | undefined;
  }
}

/**
 * Whether a link leaves the site: an http(s) URL, or one without a scheme that names a host (`//host/x`,
 * and the backslash spellings browsers read the same way, isSchemeRelative), naming another host than the
 * site's own. The URL is read as a browser reads it (WHATWG URL, which Node's URL implements): `\\host/x`,
 * `/\host` or `http:host` leave the site just as `https://host/` does. The scheme does not count
 * (http://example.com is still this site when it is served over https). Site paths, fragments, `mailto:` and
 * `tel:` are not external: the last two open the reader's own mail or phone app, which a "leaves this site"
 * mark would misdescribe.
 */
export function isExternalHref(href: string, siteUrl: string): boolean {
  const scheme = urlScheme(href);
  if (scheme === undefined ? !isSchemeRelative(href) : scheme !== 'http' && scheme !== 'https') return false;
  let target: URL;
  try {
    target = new URL(href, siteUrl);
  } catch {
    return false;
  }
  return target.host.toLowerCase() !== new URL(siteUrl).host.toLowerCase();
}

/**
 * The `rel` a link gets, from its href, the author's own rel tokens (kept: `me`, `nofollow`, …) and target.
 * A link to another site is marked `external` (app/globals.css draws its cue from that) and gets
 * `noopener noreferrer`: the other site gets no handle on this window and no Referer naming the page. A
 * link the author opens in a new tab gets `noopener` wherever it goes. Undefined: leave the link as it is.
 */
export function linkRel(href: string, rel: string | undefined, target: string | undefined, siteUrl: string): string | undefined {
  const tokens = (rel ?? '').split(/\s+/).filter((token) => token !== '');
  const add = (...more: string[]) => {
    for (const token of more) if (!tokens.some((existing) => existing.toLowerCase() === token)) tokens.push(token);
  };
  const opensNewContext = target !== undefined && target.trim() !== '' && !/^_(?:self|top|parent)$/i.test(target.trim());
  if (isExternalHref(href, siteUrl)) add('external', 'noopener', 'noreferrer');
  else if (opensNewContext) add('noopener');
  else return undefined;
  return tokens.join(' ');
}

function hastAttribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (Array.isArray(value)) return value.join(' ');
  return value === undefined || value === null || value === false ? undefined : String(value);
}

function markElement(element: Element, siteUrl: string): void {
  const href = hastAttribute(element, 'href');
  if (href === undefined) return;
  const rel = linkRel(href, hastAttribute(element, 'rel'), hastAttribute(element, 'target'), siteUrl);
  if (rel !== undefined) element.properties.rel = rel.split(' ');
}

type JsxElement = MdxJsxFlowElementHast | MdxJsxTextElementHast;

/**
 * An MDX `<a …>` written as JSX. With literal attributes its rel is settled here, at build time. When its
 * href, target or rel is an `{expression}` (or it spreads props), the value is only known when the page
 * renders: such a link is handed to the component map's `a` (components/mdx-components.tsx), which applies
 * the same rule. MDX renders JSX the author wrote as the plain element; this flag, set by MDX itself
 * (remark-mark-and-unravel), is what says so, and clearing it routes the element through the map.
 */
function markJsxElement(element: JsxElement, siteUrl: string): void {
  const literal = (name: string): string | undefined | null => {
    const attribute = element.attributes.find((each): each is MdxJsxAttribute => each.type === 'mdxJsxAttribute' && each.name === name);
    if (!attribute || attribute.value === null || attribute.value === undefined) return undefined;
    return typeof attribute.value === 'string' ? attribute.value : null;
  };
  const href = literal('href');
  const rel = literal('rel');
  const target = literal('target');
  const hasSpread = element.attributes.some((each) => each.type === 'mdxJsxExpressionAttribute');
  if (href === null || rel === null || target === null || hasSpread) {
    if (element.data) element.data._mdxExplicitJsx = false;
    return;
  }
  if (href === undefined) return;
  const newRel = linkRel(href, rel, target, siteUrl);
  if (newRel === undefined) return;
  const existing = element.attributes.find((each): each is MdxJsxAttribute => each.type === 'mdxJsxAttribute' && each.name === 'rel');
  if (existing) existing.value = newRel;
  else element.attributes.push({ type: 'mdxJsxAttribute', name: 'rel', value: newRel });
}

/** Links to other sites get `rel="external noopener noreferrer"`, in Markdown and in MDX's JSX alike. */
export function rehypeExternalLinks(options: { siteUrl: string }) {
  return (tree: Root) => {
    visit(tree, (node) => {
      if (node.type === 'element' && node.tagName === 'a') markElement(node, options.siteUrl);
      else if ((node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') && node.name === 'a') markJsxElement(node, options.siteUrl);
    });
  };
}
