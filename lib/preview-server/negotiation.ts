/**
 * The two request headers a static server negotiates on: Accept-Encoding (send gzip?) and the
 * conditional headers (send 304?). RFC 9110 §12.5.3 and §13.
 */

/** Whether Accept-Encoding allows gzip: named (or `*`) with a q-value above 0, and not refused by `gzip;q=0`. */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  let gzip: number | undefined;
  let wildcard: number | undefined;
  for (const item of acceptEncoding.split(',')) {
    const [coding = '', ...parameters] = item.split(';').map((part) => part.trim().toLowerCase());
    const qParameter = parameters.find((parameter) => parameter.startsWith('q='));
    const q = qParameter === undefined ? 1 : Number(qParameter.slice(2));
    if (Number.isNaN(q)) continue;
    if (coding === 'gzip' || coding === 'x-gzip') gzip = q;
    else if (coding === '*') wildcard = q;
  }
  return (gzip ?? wildcard ?? 0) > 0;
}

/**
 * Whether a GET or HEAD for a representation with this ETag and modification time can be answered 304.
 * If-None-Match wins when present (compared weakly, as §13.1.2 says for it); If-Modified-Since is
 * compared at the one-second resolution of HTTP dates.
 */
export function isNotModified(
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
  etag: string,
  lastModified: Date,
): boolean {
  if (ifNoneMatch !== undefined) {
    const wanted = opaqueTag(etag);
    return ifNoneMatch.split(',').some((candidate) => {
      const tag = candidate.trim();
      return tag === '*' || opaqueTag(tag) === wanted;
    });
  }
  if (ifModifiedSince !== undefined) {
    const since = Date.parse(ifModifiedSince);
    if (Number.isNaN(since)) return false;
    return Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
  }
  return false;
}

/** An entity tag without its weakness marker: `W/"x"` and `"x"` compare equal in the weak comparison. */
function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
