/**
 * What content may put on a page: which URLs it may link to and, in MDX, which elements and attributes it
 * may write. Content is treated like code from a stranger's pull request: anything that could run script
 * in a reader's browser, or code on the machine that builds the site, is refused with a build error that
 * says what to write instead (never silently removed, so the author is not left guessing).
 */

/** Schemes a link may use. Anything else (javascript:, vbscript:, data:, file:, …) is refused. */
const linkSchemes = new Set(['http', 'https', 'mailto', 'tel', 'sms', 'xmpp', 'irc', 'ircs']);
/** Schemes an image may use: a web address. Local images are site paths (`/images/x.png`). */
const imageSchemes = new Set(['http', 'https']);

export type UrlUse = 'link' | 'image';

/**
 * The scheme a browser would see in a URL, lower-cased, or undefined for a relative URL. Browsers drop
 * leading and trailing controls and spaces and every tab and newline before they read the scheme
 * (https://url.spec.whatwg.org/#concept-basic-url-parser), so `java\tscript:` is `javascript:` to them,
 * and so it is here.
 */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(asBrowsersReadIt(url))?.[1]?.toLowerCase();
}

/**
 * Whether a URL without a scheme names a host of its own, as a browser on an http(s) page reads it: two
 * leading slashes of either kind (`//host/x`, `\\host/x`, `/\host`, `\/host`), after dropping what
 * urlScheme drops. For http(s) URLs the URL standard reads `\` as `/` (https://url.spec.whatwg.org/#relative-slash-state),
 * so each of these leaves the site as surely as `https://host/x`.
 */
export function isSchemeRelative(url: string): boolean {
  return /^[\\/]{2}/.test(asBrowsersReadIt(url));
}

/** A URL without the leading and trailing controls and spaces and the tabs and newlines browsers ignore. */
function asBrowsersReadIt(url: string): string {
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Why a URL may not appear in content, or undefined when it may. */
export function urlProblem(url: string, use: UrlUse): string | undefined {
  const scheme = urlScheme(url);
  if (scheme === undefined) return undefined;
  if ((use === 'image' ? imageSchemes : linkSchemes).has(scheme)) return undefined;
  const shown = JSON.stringify(url.length > 60 ? `${url.slice(0, 57)}…` : url);
  if (scheme === 'javascript' || scheme === 'vbscript') {
    return `${use === 'image' ? 'image' : 'link to'} ${shown}: \`${scheme}:\` URLs run script in the reader's browser, which content may not do.`;
  }
  if (scheme === 'data') {
    return `${use === 'image' ? 'image' : 'link to'} ${shown}: \`data:\` URLs are not allowed (a data: page can run script, and the site's security policy blocks them).`;
  }
  const allowed = [...(use === 'image' ? imageSchemes : linkSchemes)].map((name) => `${name}:`).join(', ');
  return `${use === 'image' ? 'image' : 'link to'} ${shown}: \`${scheme}:\` is not a scheme content may use (allowed: ${allowed}, and paths on this site).`;
}

export const urlHint = {
  link: 'Link to an https:// address, a mailto: address, or a page of this site such as /about/.',
  image: 'Put the image in public/ and write its path (/images/photo.png), or use an https:// address.',
} as const;

/**
 * HTML elements an .mdx page may write as JSX: text-level and block-level markup, tables, figures and
 * disclosure. Nothing that runs script, embeds another document, submits data or styles the page
 * (script, style, iframe, object, embed, form, svg, math, link, meta, base).
 */
export const allowedHtmlElements: ReadonlySet<string> = new Set([
  'a', 'abbr', 'aside', 'b', 'bdi', 'bdo', 'blockquote', 'br', 'caption', 'cite', 'code', 'col', 'colgroup', 'dd', 'del',
  'details', 'dfn', 'div', 'dl', 'dt', 'em', 'figcaption', 'figure', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'i',
  'img', 'ins', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'section', 'small',
  'span', 'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'time', 'tr', 'u', 'ul',
  'var', 'wbr',
]);

/**
 * Components an .mdx page may use by name: the vocabulary of the site's components, which
 * components/mdx-components.tsx implements (a test checks that the two agree). The shortcodes' components
 * (`<Note>`, `<Figure …/>`) are not among them: the compile builds their markup (remark-shortcode-elements.ts).
 */
export const mdxComponentNames: readonly string[] = [];

/** Attributes every allowed element may carry (`aria-*` too). JSX spelling and HTML spelling are both accepted. */
const globalAttributes = new Set(['id', 'className', 'class', 'title', 'lang', 'dir', 'role', 'translate']);

/** Attributes particular elements may carry besides the global ones. */
const elementAttributes: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'hrefLang', 'hreflang', 'target', 'rel', 'download'],
  img: ['src', 'alt', 'width', 'height', 'loading', 'decoding'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'dateTime', 'datetime'],
  ins: ['cite', 'dateTime', 'datetime'],
  time: ['dateTime', 'datetime'],
  ol: ['start', 'reversed', 'type'],
  li: ['value'],
  details: ['open'],
  td: ['colSpan', 'colspan', 'rowSpan', 'rowspan', 'headers', 'align'],
  th: ['colSpan', 'colspan', 'rowSpan', 'rowspan', 'headers', 'scope', 'abbr', 'align'],
  col: ['span'],
  colgroup: ['span'],
};

/** Whether an element from allowedHtmlElements may carry an attribute. */
export function isAllowedHtmlAttribute(element: string, attribute: string): boolean {
  return globalAttributes.has(attribute) || /^aria-[a-z]+$/.test(attribute) || (elementAttributes[element]?.includes(attribute) ?? false);
}

/** Attributes whose value is a URL, on HTML elements and (by name) on the site's components. */
export function urlUseOfAttribute(attribute: string): UrlUse | undefined {
  const name = attribute.toLowerCase();
  if (name === 'src' || name === 'srcset' || name === 'poster' || name.endsWith('src') || name.endsWith('image')) return 'image';
  if (name === 'href' || name === 'cite' || name === 'action' || name === 'formaction' || name.endsWith('href') || name.endsWith('url')) return 'link';
  return undefined;
}

/** Attributes refused everywhere, with the reason shown to the author. */
export function forbiddenAttributeReason(attribute: string): string | undefined {
  if (/^on[a-z]/i.test(attribute)) return 'is an event handler, which runs script in the reader\'s browser';
  if (attribute === 'dangerouslySetInnerHTML') return 'inserts raw HTML past every check';
  if (attribute === 'style') return 'sets inline styles, which the site\'s security policy blocks';
  if (attribute === 'ref' || attribute === 'key') return 'is React plumbing, not content';
  return undefined;
}
