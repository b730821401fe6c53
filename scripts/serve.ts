/**
 * Serves the exported site (out/) on 127.0.0.1 the way a static host does: /about/ → about/index.html,
 * unknown paths → 404.html with status 404. PORT picks the port (default 3000), HOST the address.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error(`No exported site in ${path.relative(process.cwd(), root) || '.'}/: run \`npm run build\` first.`);
  process.exit(1);
}

/** The file a URL path names, or undefined when there is none (or the path tries to leave the root). */
function resolveFile(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  const candidate = path.join(root, decoded);
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined;
  for (const file of [candidate, path.join(candidate, 'index.html'), `${candidate}.html`]) {
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return undefined;
}

const server = http.createServer((request, response) => {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return;
  }
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  // Like static hosts with trailing slashes on: /about → /about/, so relative links resolve alike.
  if (!pathname.endsWith('/') && !path.extname(pathname) && fs.existsSync(path.join(root, pathname, 'index.html'))) {
    response.writeHead(308, { Location: `${pathname}/` }).end();
    return;
  }
  const file = resolveFile(pathname);
  const status = file ? 200 : 404;
  const served = file ?? path.join(root, '404.html');
  const type = contentTypes[path.extname(served)] ?? 'application/octet-stream';
  // Text is sent gzipped when the browser accepts it, as static hosts do, so what a browser measures
  // here is what visitors download.
  const compress = /^(text\/|application\/(json|xml)|image\/svg)/.test(type) && /\bgzip\b/.test(String(request.headers['accept-encoding']));
  const body = fs.readFileSync(served);
  const sent = compress ? zlib.gzipSync(body, { level: 9 }) : body;
  response.writeHead(status, {
    'Content-Type': type,
    'Content-Length': sent.length,
    'X-Content-Type-Options': 'nosniff',
    Vary: 'Accept-Encoding',
    ...(compress ? { 'Content-Encoding': 'gzip' } : {}),
  });
  response.end(request.method === 'HEAD' ? undefined : sent);
});

server.listen(port, host, () => {
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'}/ at http://${host}:${port}/`);
});
