/**
 * The preview server: serves one folder (the exported site) over HTTP the way the static hosts it is
 * deployed to do, with their headers, so that what the end-to-end tests and Lighthouse see is what
 * visitors get. Used by `npm start` (scripts/serve.ts), Playwright's webServer and the load test.
 *
 * - Only files inside the folder, by plain names (request-path.ts) and real paths (file-store.ts).
 * - `/about/` → about/index.html, `/about` → 308 `/about/` when that is a folder, else about.html.
 * - Unknown paths → the folder's 404.html with status 404. Dotfiles and `_headers` are never served.
 * - GET and HEAD only; strong ETags, Last-Modified and 304s; gzip when accepted.
 * - Headers: the folder's `_headers` file when it has one (as the deploy does), else `securityHeaders`.
 * - Cache-Control: content-hashed `/_next/static/*` files immutable for a year, the rest revalidated.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { securityHeaders } from '@/lib/security/http-headers';
import { isCompressible } from './content-types';
import { FileStore, type FileStoreOptions, type StaticFile } from './file-store';
import { HeadersFileError, headersForPath, parseHeadersFile, type HeaderRule } from './headers-file';
import { acceptsGzip, isNotModified } from './negotiation';
import { resolveRequestPath, type SitePath } from './request-path';

export interface PreviewServerOptions extends FileStoreOptions {
  /** The folder to serve. */
  root: string;
  /** '' or a path such as '/docs' (lib/base-path.ts): the folder is served under it. */
  basePath?: string;
  /** Where unexpected errors (answered with 500) are reported; console.error by default. */
  onError?: (error: unknown) => void;
}

const immutable = 'public, max-age=31536000, immutable';
/** Cached, but checked with the server (ETag) before each use: a rebuild shows at once. */
const revalidate = 'no-cache';
const allowedMethods = 'GET, HEAD';
/** Headers that describe the bytes sent; a `_headers` rule cannot change them. */
const protocolHeaders = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'etag', 'last-modified', 'connection']);

type Headers = Record<string, string | number>;

export function createPreviewServer(options: PreviewServerOptions): http.Server {
  const basePath = options.basePath ?? '';
  const store = new FileStore(options.root, options);
  const deployHeaders = new DeployHeaders(store, path.join(path.basename(store.root), '_headers'));
  const onError = options.onError ?? logOnce();

  async function handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const target = request.url ?? '/';
    const resolved = resolveRequestPath(target, basePath);
    const headerPaths = resolved.kind === 'site-path' ? [resolved.sitePath, resolved.fullPath] : [target.replace(/[?#].*$/s, '')];
    const extraHeaders = await deployHeaders.for(headerPaths);

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      sendText(request, response, 405, 'Method not allowed: this server answers GET and HEAD.', { ...extraHeaders, Allow: allowedMethods });
      return;
    }
    switch (resolved.kind) {
      case 'bad-request':
        sendText(request, response, 400, `Bad request: ${resolved.reason}.`, extraHeaders);
        return;
      case 'base-path-without-slash':
        redirect(request, response, resolved.location, extraHeaders);
        return;
      case 'outside-base-path':
      case 'hidden':
        await sendNotFound(request, response, extraHeaders);
        return;
      case 'site-path':
        break;
    }
    const found = await store.lookup(resolved.segments, resolved.trailingSlash);
    if (found.kind === 'folder-without-slash') {
      // Like static hosts with trailing slashes on: /about → /about/, so relative links resolve alike.
      redirect(request, response, `${resolved.rawPath}/${resolved.query}`, extraHeaders);
    } else if (found.kind === 'missing') {
      await sendNotFound(request, response, extraHeaders);
    } else {
      await sendFile(request, response, 200, found.file, { 'Cache-Control': cacheControlFor(resolved) }, extraHeaders, true);
    }
  }

  async function sendNotFound(request: http.IncomingMessage, response: http.ServerResponse, extraHeaders: Headers): Promise<void> {
    const page = await store.file(['404.html']);
    if (typeof page === 'object') await sendFile(request, response, 404, page, { 'Cache-Control': revalidate }, extraHeaders, false);
    else sendText(request, response, 404, 'Not found.', extraHeaders);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      onError(error);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const message = error instanceof HeadersFileError ? error.message : 'Internal server error (see the server log).';
      sendText(request, response, 500, message, securityHeaders);
    });
  });
  return server;
}

/** Listens on host:port (port 0: any free port) and resolves with the server's base URL. */
export function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`The preview server is not listening on a TCP port (${address}).`));
        return;
      }
      const hostInUrl = address.family === 'IPv6' ? `[${address.address}]` : address.address;
      resolve(`http://${hostInUrl}:${address.port}`);
    });
  });
}

/**
 * Problems that keep a folder from being served, as lines to print: no index.html (nothing was
 * built), or a `_headers` file that cannot be read.
 */
export function folderProblems(root: string): string[] {
  const shown = path.relative(process.cwd(), root) || '.';
  if (!fs.existsSync(path.join(root, 'index.html'))) return [`No exported site in ${shown}/: run \`npm run build\` first.`];
  const headersFile = path.join(root, '_headers');
  if (!fs.existsSync(headersFile)) return [];
  try {
    parseHeadersFile(fs.readFileSync(headersFile, 'utf8'), path.join(shown, '_headers'));
    return [];
  } catch (error) {
    if (error instanceof HeadersFileError) return [error.message];
    throw error;
  }
}

/**
 * The default error report: a `_headers` problem as its one `file:line` line, other errors with their
 * stack; the same report is not repeated for every request that meets it.
 */
function logOnce(): (error: unknown) => void {
  let previous = '';
  return (error) => {
    const report = error instanceof HeadersFileError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (report !== previous) console.error(report);
    previous = report;
  };
}

function cacheControlFor(resolved: SitePath): string {
  // Next names these files by their content hash: a changed file gets a new name.
  return resolved.sitePath.startsWith('/_next/static/') ? immutable : revalidate;
}

async function sendFile(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  status: 200 | 404,
  file: StaticFile,
  defaults: Headers,
  extraHeaders: Headers,
  conditional: boolean,
): Promise<void> {
  const gzip = acceptsGzip(request.headers['accept-encoding']) ? await file.gzip() : undefined;
  const body = gzip ? gzip.body : file.body;
  const etag = gzip ? gzip.etag : file.etag;
  // Whether gzip is sent depends on Accept-Encoding for every file that can be compressed (nginx's
  // gzip_vary does the same), so caches keep the two forms apart.
  const varies = file.body !== undefined && isCompressible(file.contentType);
  const validators: Headers = { ETag: etag, 'Last-Modified': file.mtime.toUTCString() };

  const headers = withDeployHeaders({ 'Content-Type': file.contentType, ...defaults }, extraHeaders);
  if (varies) headers.Vary = appendVary(headers.Vary, 'Accept-Encoding');

  if (conditional && isNotModified(header(request, 'if-none-match'), header(request, 'if-modified-since'), etag, file.mtime)) {
    delete headers['Content-Type'];
    response.writeHead(304, { ...headers, ...validators }).end();
    return;
  }
  response.writeHead(status, {
    ...headers,
    ...(status === 200 ? validators : {}),
    'Content-Length': gzip ? gzip.body.length : file.size,
    ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
  } else if (body) {
    response.end(body);
  } else {
    const stream = fs.createReadStream(file.realPath, { start: 0, end: Math.max(0, file.size - 1) });
    stream.on('error', () => response.destroy());
    stream.pipe(response);
  }
}

function sendText(request: http.IncomingMessage, response: http.ServerResponse, status: number, text: string, extraHeaders: Headers): void {
  const body = Buffer.from(`${text}\n`);
  response.writeHead(status, {
    ...withDeployHeaders({ 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': revalidate }, extraHeaders),
    'Content-Length': body.length,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

function redirect(request: http.IncomingMessage, response: http.ServerResponse, location: string, extraHeaders: Headers): void {
  response.writeHead(308, { ...withDeployHeaders({ 'Cache-Control': revalidate }, extraHeaders), Location: location, 'Content-Length': 0 });
  response.end();
}

/** The server's own headers with the deploy's on top (as a host applies `_headers` over its defaults). */
function withDeployHeaders(own: Headers, deploy: Headers): Headers {
  const result: Headers = { ...own };
  for (const [name, value] of Object.entries(deploy)) {
    if (protocolHeaders.has(name.toLowerCase())) continue;
    const existing = Object.keys(result).find((key) => key.toLowerCase() === name.toLowerCase());
    if (existing !== undefined) delete result[existing];
    result[name] = value;
  }
  return result;
}

function appendVary(existing: string | number | undefined, name: string): string {
  if (existing === undefined || existing === '') return name;
  const names = String(existing).split(',').map((item) => item.trim().toLowerCase());
  return names.includes(name.toLowerCase()) || names.includes('*') ? String(existing) : `${existing}, ${name}`;
}

function header(request: http.IncomingMessage, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The folder's `_headers` rules, re-read when the file changes; securityHeaders when there is none. */
class DeployHeaders {
  private parsed: { etag: string; rules: HeaderRule[] } | undefined;

  constructor(
    private readonly store: FileStore,
    private readonly shownName: string,
  ) {}

  async for(paths: readonly string[]): Promise<Headers> {
    const file = await this.store.file(['_headers']);
    if (typeof file !== 'object') return { ...securityHeaders };
    if (this.parsed?.etag !== file.etag) {
      const text = file.body ? file.body.toString('utf8') : await fs.promises.readFile(file.realPath, 'utf8');
      this.parsed = { etag: file.etag, rules: parseHeadersFile(text, this.shownName) };
    }
    return headersForPath(this.parsed.rules, paths);
  }
}
