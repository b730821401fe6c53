import { describe, expect, it } from 'vitest';
import { contentTypeFor, isCompressible } from './content-types';
import { acceptsGzip, isNotModified } from './negotiation';

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br, zstd', true],
    ['br;q=1.0, GZIP;q=0.5', true],
    ['x-gzip', true],
    ['*', true],
    ['identity', false],
    ['gzip;q=0', false],
    ['gzip;q=0.000, *', false],
    ['*;q=0', false],
    ['br, *;q=0.1', true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('isNotModified', () => {
  const etag = '"abc"';
  const modified = new Date('2026-11-23T10:00:00.750Z');

  it('compares If-None-Match weakly, against any tag of a list, and takes *', () => {
    expect(isNotModified('"abc"', undefined, etag, modified)).toBe(true);
    expect(isNotModified('W/"abc"', undefined, etag, modified)).toBe(true);
    expect(isNotModified('"x", "abc"', undefined, etag, modified)).toBe(true);
    expect(isNotModified('*', undefined, etag, modified)).toBe(true);
    expect(isNotModified('"abc-gzip"', undefined, etag, modified)).toBe(false);
    expect(isNotModified('"ab"', undefined, etag, modified)).toBe(false);
  });

  it('ignores If-Modified-Since when If-None-Match is present', () => {
    expect(isNotModified('"other"', 'Mon, 23 Nov 2026 10:00:00 GMT', etag, modified)).toBe(false);
  });

  it('compares If-Modified-Since at whole seconds', () => {
    expect(isNotModified(undefined, 'Mon, 23 Nov 2026 10:00:00 GMT', etag, modified)).toBe(true);
    expect(isNotModified(undefined, 'Mon, 23 Nov 2026 11:00:00 GMT', etag, modified)).toBe(true);
    expect(isNotModified(undefined, 'Mon, 23 Nov 2026 09:59:59 GMT', etag, modified)).toBe(false);
    expect(isNotModified(undefined, 'not a date', etag, modified)).toBe(false);
    expect(isNotModified(undefined, undefined, etag, modified)).toBe(false);
  });
});

describe('content types', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', true],
    ['app.css', 'text/css; charset=utf-8', true],
    ['enhance/copy.js', 'text/javascript; charset=utf-8', true],
    ['data.json', 'application/json; charset=utf-8', true],
    ['sitemap.xml', 'application/xml; charset=utf-8', true],
    ['feed.atom', 'application/atom+xml; charset=utf-8', true],
    ['robots.txt', 'text/plain; charset=utf-8', true],
    ['site.webmanifest', 'application/manifest+json; charset=utf-8', true],
    ['icon.svg', 'image/svg+xml', true],
    ['favicon.ico', 'image/x-icon', true],
    ['photo.PNG', 'image/png', false],
    ['photo.jpg', 'image/jpeg', false],
    ['photo.jpeg', 'image/jpeg', false],
    ['anim.gif', 'image/gif', false],
    ['photo.webp', 'image/webp', false],
    ['photo.avif', 'image/avif', false],
    ['KaTeX_Main-Regular.woff2', 'font/woff2', false],
    ['font.woff', 'font/woff', false],
    ['font.ttf', 'font/ttf', true],
    ['cv.pdf', 'application/pdf', false],
    ['README', 'application/octet-stream', false],
    ['archive.tar.gz', 'application/octet-stream', false],
  ])('%s → %s (compressible: %s)', (file, type, compressible) => {
    expect(contentTypeFor(file)).toBe(type);
    expect(isCompressible(type)).toBe(compressible);
  });
});
