/**
 * Zola's internal links: `[text](@/posts/first.md)` and `@/posts/first.md#a-heading` name a content file, and
 * become the URL of the page that file makes (with its fragment) when the page compiles. The compile records
 * each such link and every id the page has, so that the content build can check, once every page is compiled,
 * that the file is a published page and the fragment one of its ids (lib/content/internal-links.ts).
 */
import type { Element, Root } from 'hast';
import { visit } from './visit';

/** An `@/` link as the page wrote it. */
export interface InternalLink {
  /** The content file, relative to content/: `posts/first.md`. */
  target: string;
  fragment: string | undefined;
  /** The line in the body, 1-based, when the parser placed it. */
  line: number | undefined;
}

/** Splits `@/posts/first.md#intro` into the file and the fragment; undefined for any other href. */
export function parseInternalHref(href: string): { target: string; fragment: string | undefined } | undefined {
  if (!href.startsWith('@/')) return undefined;
  const hash = href.indexOf('#');
  const target = decodeURIComponentSafely(hash === -1 ? href.slice(2) : href.slice(2, hash));
  return { target, fragment: hash === -1 ? undefined : decodeURIComponentSafely(href.slice(hash + 1)) };
}

function decodeURIComponentSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The `@/` targets a body may link to, found without parsing it: what the compile cache's key must include. */
export function internalLinkTargets(body: string): string[] {
  const targets = new Set<string>();
  for (const match of body.matchAll(/@\/([^\s)#"'<>\]]+)/g)) targets.add(decodeURIComponentSafely(match[1] ?? ''));
  return [...targets].sort();
}

export interface InternalLinksOptions {
  /** The URL of each content file the body links to (`posts/first.md` → `/posts/first/`); a missing one stays as written. */
  urls: Readonly<Record<string, string>>;
  onLinks: (links: InternalLink[], anchors: string[]) => void;
}

/** Rewrites `@/` hrefs to page URLs, and reports them with every id of the page. Runs after ids are set. */
export function rehypeInternalLinks({ urls, onLinks }: InternalLinksOptions) {
  return (tree: Root) => {
    const links: InternalLink[] = [];
    const anchors = new Set<string>();
    visit(tree, 'element', (node: Element) => {
      const { id, href } = node.properties;
      if (typeof id === 'string' && id !== '') anchors.add(id);
      if (node.tagName !== 'a' || typeof href !== 'string') return;
      const parsed = parseInternalHref(href);
      if (!parsed) return;
      links.push({ ...parsed, line: node.position?.start.line });
      const url = Object.hasOwn(urls, parsed.target) ? urls[parsed.target] : undefined;
      if (url !== undefined) node.properties.href = parsed.fragment === undefined ? url : `${url}#${encodeURIComponent(parsed.fragment)}`;
    });
    onLinks(links, [...anchors].sort());
  };
}
