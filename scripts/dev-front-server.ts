/**
 * The server in front of `next dev` that `npm run dev` puts on the author's port: it serves the files page
 * bundles carry (`photo.jpg` beside `content/trip/index.md`, at /trip/photo.jpg, as the build publishes them) and
 * the photos' variants from the image cache (/_img/…), which Next's dev server cannot see, and hands every other
 * request, WebSocket upgrades included, to Next.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { publishedAssets } from '@/lib/content/page-assets';
import { devVariantFile } from '@/lib/images/dev-photos';
import { readPages } from '@/lib/content/pages';
import { contentTypeFor } from '@/lib/preview-server/content-types';

/** The bundle file a site path names, if any. The pages are read again for each such request: files come and go as the author works. */
async function bundleFile(sitePath: string, contentDirectory: string): Promise<string | undefined> {
  const { pages } = await readPages(contentDirectory);
  return pages.flatMap((page) => (sitePath.startsWith(page.url) ? publishedAssets(page, contentDirectory) : [])).find((asset) => asset.url === sitePath)?.file;
}

/** Whether a request may be for a bundle file: a GET or HEAD of a path with a file extension, not one of Next's own. */
function mayBeBundleFile(request: http.IncomingMessage, sitePath: string): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !sitePath.startsWith('/_next/') && /\/[^/]+\.[A-Za-z0-9]+$/.test(sitePath);
}

/**
 * `ready` settles when public/ holds what pages link (the KaTeX assets, the page stylesheets): requests wait for it.
 * If it fails, dev.ts has reported why and is stopping.
 */
export function startDevFrontServer(options: { host: string; port: number; nextPort: number; contentDirectory: string; ready: Promise<void> }): http.Server {
  const { host, port, nextPort, contentDirectory, ready } = options;
  const server = http.createServer(async (request, response) => {
    // The request's body stays buffered meanwhile: nothing reads it until it is piped on.
    await ready.catch(() => undefined);
    let sitePath: string;
    try {
      sitePath = decodeURIComponent(new URL(request.url ?? '/', 'http://dev.invalid').pathname);
    } catch {
      sitePath = '';
    }
    // A photo's variant (/_img/…, lib/images/dev-photos.ts) from the image cache, else a bundle's file.
    const file = sitePath !== '' && mayBeBundleFile(request, sitePath) ? (devVariantFile(sitePath) ?? (await bundleFile(sitePath, contentDirectory))) : undefined;
    if (file) {
      // lstat: the listing refused links; one made since is not followed either.
      const stat = fs.lstatSync(file, { throwIfNoEntry: false });
      if (stat?.isFile()) {
        response.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Content-Length': stat.size, 'Cache-Control': 'no-store' });
        if (request.method === 'HEAD') response.end();
        else fs.createReadStream(file).pipe(response);
        return;
      }
    }
    const upstream = http.request({ host, port: nextPort, method: request.method, path: request.url, headers: request.headers }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end('The Next.js dev server is not answering yet; reload in a moment.\n');
    });
    request.pipe(upstream);
  });
  // Next's hot-reload channel is a WebSocket: the upgrade request goes through as it came, then both ways.
  server.on('upgrade', (request: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
    const upstream = net.connect(nextPort, host, () => {
      const headers = Object.entries(request.headers).flatMap(([name, value]) => (Array.isArray(value) ? value.map((each) => `${name}: ${each}`) : value === undefined ? [] : [`${name}: ${value}`]));
      upstream.write(`${request.method} ${request.url} HTTP/${request.httpVersion}\r\n${headers.join('\r\n')}\r\n\r\n`);
      if (head.length > 0) upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  server.listen(port, host);
  return server;
}
