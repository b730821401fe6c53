/**
 * The deploy's `_headers` file (Netlify's format, which Cloudflare Pages and others read too), so that
 * the preview answers with the headers the deployed site will:
 *
 *     # comment
 *     /*
 *       X-Frame-Options: DENY
 *     /_next/static/*
 *       Cache-Control: public, max-age=31536000, immutable
 *
 * A line starting with `/` opens a rule for a path pattern; the (customarily indented) `Name: value`
 * lines under it are its headers. In a pattern, `*` matches anything (slashes too), `:name` one segment, a trailing
 * slash is optional and letters match in either case. Every rule that matches a path applies, in file
 * order: a header named again by a later rule replaces the earlier value, and one named twice in the
 * same rule is sent as a comma-separated list (Netlify's semantics, netlify/build headers-parser).
 */

export interface HeaderRule {
  /** The pattern as written, e.g. `/_next/static/*`. */
  pattern: string;
  /** Absent for rules that name another host (`https://example.com/*`), which never match here. */
  matcher: RegExp | undefined;
  headers: Record<string, string>;
  /** 1-based line of the pattern, for messages. */
  line: number;
}

/** A problem in a `_headers` file, with the file and line it is on. */
export class HeadersFileError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    problem: string,
  ) {
    super(`${file}:${line}: ${problem}`);
    this.name = 'HeadersFileError';
  }
}

/** RFC 9110 §5.6.2 token characters: what a header name may be made of. */
const headerName = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Parses the text of a `_headers` file. `file` names it in error messages (`out/_headers:3: …`).
 * Throws a HeadersFileError for the first line it cannot read, since a preview that quietly drops a
 * rule would differ from the deploy.
 */
export function parseHeadersFile(text: string, file: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) return;
    // Indentation is customary, not required (Netlify reads the lines trimmed).
    if (line.startsWith('/') || /^https?:\/\//i.test(line)) {
      rules.push({ pattern: line, matcher: patternMatcher(line), headers: {}, line: lineNumber });
      return;
    }
    const colon = line.indexOf(':');
    if (colon === -1) {
      throw new HeadersFileError(file, lineNumber, `expected a path pattern starting with / (e.g. /*) or an indented "Name: value" header line, got "${line}".`);
    }
    const rule = rules.at(-1);
    if (!rule) throw new HeadersFileError(file, lineNumber, `header "${line}" comes before any path pattern; put a line such as /* above it.`);
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (!headerName.test(name)) throw new HeadersFileError(file, lineNumber, `"${name}" is not a valid header name.`);
    if (value === '') throw new HeadersFileError(file, lineNumber, `header ${name} has no value; write "${name}: value" or remove the line.`);
    // What HTTP/1.1 can carry in a field value (RFC 9110 §5.5): no control characters, nothing beyond Latin-1.
    if (/[^\t\u0020-\u007e\u0080-\u00ff]/.test(value)) {
      throw new HeadersFileError(file, lineNumber, `header ${name} contains a control character or a character beyond Latin-1; percent-encode it.`);
    }
    const existing = Object.keys(rule.headers).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing === undefined) rule.headers[name] = value;
    else rule.headers[existing] = `${rule.headers[existing]}, ${value}`;
  });
  return rules;
}

function patternMatcher(pattern: string): RegExp | undefined {
  if (!pattern.startsWith('/')) return undefined;
  const parts = pattern.split('/').filter(Boolean).map((part) => {
    if (part.startsWith(':')) return '/[^/]+';
    // A standalone `*` also matches nothing at all: `/blog/*` matches `/blog` and `/blog/…`, not `/blogs`.
    if (part === '*') return '(?:/.*)?';
    return `/${part.split('*').map(escapeRegExp).join('.*')}`;
  });
  return new RegExp(`^${parts.join('')}/?$`, 'iu');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The headers the rules give a path: every matching rule in order, later ones replacing same-named
 * headers. `paths` are the ways the request's path can be written (within the served folder, and with
 * the base path in front); a rule applies when it matches any of them.
 */
export function headersForPath(rules: readonly HeaderRule[], paths: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  const namesSeen = new Map<string, string>();
  for (const rule of rules) {
    if (!rule.matcher || !paths.some((candidate) => rule.matcher?.test(candidate))) continue;
    for (const [name, value] of Object.entries(rule.headers)) {
      const previous = namesSeen.get(name.toLowerCase());
      if (previous !== undefined) delete result[previous];
      namesSeen.set(name.toLowerCase(), name);
      result[name] = value;
    }
  }
  return result;
}
