/**
 * Content types by file extension, as static hosts send them for what a static site publishes. Text
 * types say their charset (everything the build writes is UTF-8); anything unknown goes out as
 * application/octet-stream, which with `X-Content-Type-Options: nosniff` a browser will not render.
 */
import path from 'node:path';

const utf8 = '; charset=utf-8';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': `text/html${utf8}`,
  '.htm': `text/html${utf8}`,
  '.css': `text/css${utf8}`,
  '.js': `text/javascript${utf8}`,
  '.mjs': `text/javascript${utf8}`,
  '.json': `application/json${utf8}`,
  '.map': `application/json${utf8}`,
  '.webmanifest': `application/manifest+json${utf8}`,
  '.xml': `application/xml${utf8}`,
  '.atom': `application/atom+xml${utf8}`,
  '.rss': `application/rss+xml${utf8}`,
  '.xsl': `application/xslt+xml${utf8}`,
  '.txt': `text/plain${utf8}`,
  '.md': `text/markdown${utf8}`,
  '.csv': `text/csv${utf8}`,
  '.ics': `text/calendar${utf8}`,
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.apng': 'image/apng',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.zip': 'application/zip',
};

/** The Content-Type header for a file name. */
export function contentTypeFor(fileName: string): string {
  return contentTypes[path.extname(fileName).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Whether a content type is worth compressing: text and the text-based image and data formats. Fonts,
 * images and archives are compressed already (gzip would make WOFF2 or PNG larger, not smaller).
 */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/([a-z+.-]+\+)?(json|xml|javascript)\b|image\/svg\+xml|font\/(ttf|otf)|image\/x-icon)/.test(contentType);
}
