/**
 * Turns the request target a client sent (`request.url`, exactly as it came over the wire) into the path
 * segments of a file under the served folder, or says why there is none. This is the preview server's
 * only defence against requests that try to leave its folder, so it refuses rather than repairs: every
 * segment is decoded exactly once, and a segment that still names a separator, a parent, a drive or a
 * control character after decoding is a bad request. What passes is a list of plain names, which
 * `path.join` cannot turn into anything outside the folder (symlinks are the file store's concern).
 */

export type RequestPath =
  /** Not a path this server will look up (400): the reason is for the log and the response body. */
  | { kind: 'bad-request'; reason: string }
  /** A well-formed path outside the base path (404, with the 404 page). */
  | { kind: 'outside-base-path' }
  /** The base path without its slash (`/docs`): redirect to `/docs/`. */
  | { kind: 'base-path-without-slash'; location: string }
  /** A dotfile or a deploy-config file (`/_headers`): never served (404). */
  | { kind: 'hidden' }
  | SitePath;

export interface SitePath {
  kind: 'site-path';
  /** Decoded names below the served folder: `/docs/notes/x/` under base path `/docs` → ['notes', 'x']. */
  segments: string[];
  /** Whether the path ends in `/` (a folder's index page is asked for). */
  trailingSlash: boolean;
  /** The decoded path within the served folder, as `_headers` rules see it: `/notes/x/`. */
  sitePath: string;
  /** The decoded path as requested, base path included: `/docs/notes/x/`. */
  fullPath: string;
  /** The path as sent, still encoded, for redirects that add a slash. */
  rawPath: string;
  /** `?…` as sent, or ''. */
  query: string;
}

/** Files at the folder's root that configure a static host and are not part of the site. */
const deployConfigFiles = new Set(['_headers', '_redirects']);

/** The one dot-folder a static site may publish (RFC 8615: security.txt, ACME challenges, …). */
const wellKnown = '.well-known';

/**
 * Splits a request target into segments under `basePath` ('' or e.g. '/docs', already normalised by
 * `parseBasePath` in lib/base-path.ts). Pure: touches no file system.
 */
export function resolveRequestPath(target: string, basePath: string): RequestPath {
  // Only origin-form targets (RFC 9112 §3.2.1). Absolute-form (`http://host/x`) is for proxies, and
  // `*` for OPTIONS, which this server does not answer anyway.
  if (!target.startsWith('/')) return bad('the request target must be a path starting with /');
  const queryStart = target.search(/[?#]/);
  const rawPath = queryStart === -1 ? target : target.slice(0, queryStart);
  const query = queryStart === -1 || target[queryStart] === '#' ? '' : target.slice(queryStart).replace(/#.*$/s, '');

  // Browsers turn `\` into `/` before sending; a raw one here was typed on purpose, and on Windows
  // it would be a separator.
  if (rawPath.includes('\\')) return bad('backslash in the path');
  // `//etc/passwd`, `/a//b`: an empty segment means a path that was joined wrongly or an attempt at an
  // absolute path; refusing it also keeps redirects from ever pointing at `//host`.
  if (rawPath.includes('//')) return bad('empty path segment (//)');

  const rawSegments = rawPath.slice(1).split('/');
  const trailingSlash = rawSegments.at(-1) === '';
  if (trailingSlash) rawSegments.pop();

  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    let segment: string;
    try {
      segment = decodeURIComponent(rawSegment);
    } catch {
      return bad(`malformed percent-encoding in "${rawSegment}"`);
    }
    const problem = segmentProblem(segment);
    if (problem) return bad(`${problem} in "${rawSegment}"`);
    segments.push(segment);
  }

  const fullPath = `/${segments.join('/')}${trailingSlash && segments.length > 0 ? '/' : ''}`;
  const baseSegments = basePath === '' ? [] : basePath.slice(1).split('/');
  if (!baseSegments.every((name, index) => segments[index] === name)) return { kind: 'outside-base-path' };
  if (baseSegments.length > 0 && segments.length === baseSegments.length && !trailingSlash) {
    return { kind: 'base-path-without-slash', location: `${rawPath}/${query}` };
  }
  const siteSegments = segments.slice(baseSegments.length);

  const [first] = siteSegments;
  const isHidden = siteSegments.some((name, index) => name.startsWith('.') && !(index === 0 && name === wellKnown))
    || (siteSegments.length === 1 && first !== undefined && deployConfigFiles.has(first));
  if (isHidden) return { kind: 'hidden' };

  return {
    kind: 'site-path',
    segments: siteSegments,
    trailingSlash,
    sitePath: `/${siteSegments.join('/')}${trailingSlash && siteSegments.length > 0 ? '/' : ''}`,
    fullPath,
    rawPath,
    query,
  };
}

/** Why a decoded segment cannot name a file under the folder, or undefined when it can. */
function segmentProblem(segment: string): string | undefined {
  if (segment === '.' || segment === '..') return 'dot segment';
  if (segment.includes('/') || segment.includes('\\')) return 'encoded path separator';
  // NUL ends a C string (the name the OS sees could differ from the one checked); other control
  // characters have no place in a file name a site publishes.
  if (/[\u0000-\u001f\u007f]/.test(segment)) return 'control character';
  // What is still percent-encoded after one decoding was encoded twice (`%252e` → `%2e`): a proxy or a
  // second decoder in front of a host would turn it into something else than what was checked here.
  if (/%[0-9a-f]{2}/i.test(segment)) return 'double percent-encoding';
  // `C:` (a Windows drive), `file.html::$DATA` (an NTFS stream): meaningless on a static host.
  if (segment.includes(':')) return 'colon';
  return undefined;
}

function bad(reason: string): RequestPath {
  return { kind: 'bad-request', reason };
}
