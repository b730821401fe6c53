/**
 * The preview server over real HTTP on an ephemeral loopback port, against a temp folder that has
 * secrets next to it: a sibling folder whose name starts with `out`, a file in the parent, symlinks
 * inside out/ that point at both, and a dotfile. Paths that fetch or URL would normalise are sent as
 * raw request lines over a socket. Every response of every test is checked for the secret's bytes.
 */
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { securityHeaders } from '@/lib/security/http-headers';
import { tempFolder } from '@/lib/testing/temp-folder';
import { createPreviewServer, folderProblems, listen, type PreviewServerOptions } from './server';

const secret = 'TOP-SECRET-5e1f0c';
const notFoundPage = '<!doctype html><title>Not found</title><h1>Page not found</h1>';
const aboutPage = `<!doctype html><title>About</title><h1>About</h1>${'<p>Some words about me, repeated.</p>'.repeat(40)}`;
const woff2 = Buffer.from([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0, 0, 0, 0x10, 0x20, 0x30, 0x40]);

/** A parent folder holding out/ (the site) and, beside it, things that must never be served. */
function makeSite(extra: Record<string, string | Buffer> = {}): { parent: string; root: string } {
  const parent = tempFolder('preview-server', {
    'out/index.html': '<!doctype html><title>Home</title><h1>Home page</h1>',
    'out/404.html': notFoundPage,
    'out/about/index.html': aboutPage,
    'out/notes.html': '<!doctype html><h1>Notes</h1>',
    'out/_next/static/css/app.css': 'body{color:black}\n'.repeat(40),
    'out/styles/site.css': 'main{margin:auto}\n'.repeat(40),
    'out/katex/fonts/KaTeX_Main-Regular.woff2': woff2,
    'out/photo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    'out/feed.atom': `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${'<entry/>'.repeat(30)}</feed>`,
    'out/.env': `${secret} (a dotfile inside the folder)`,
    'out/.well-known/security.txt': 'Contact: mailto:me@example.org\n',
    'out-secret/secret.txt': `${secret} (sibling folder)`,
    'out-secret/index.html': `${secret} (sibling folder index)`,
    'secret.txt': `${secret} (parent folder)`,
    ...extra,
  });
  const root = path.join(parent, 'out');
  fs.symlinkSync(path.join(parent, 'out-secret', 'secret.txt'), path.join(root, 'link-to-secret.txt'));
  fs.symlinkSync(path.join(parent, 'out-secret'), path.join(root, 'linked-folder'));
  fs.symlinkSync('../secret.txt', path.join(root, 'relative-link.html'));
  fs.symlinkSync('about/index.html', path.join(root, 'about-link.html'));
  return { parent, root };
}

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

const servers: http.Server[] = [];
const answers: { target: string; bytes: Buffer }[] = [];
const serverErrors: unknown[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  for (const { target, bytes } of answers.splice(0)) expect(bytes.includes(secret), `response to ${target} holds the secret`).toBe(false);
  expect(serverErrors.splice(0)).toEqual([]);
});

async function serve(root: string, options: Partial<PreviewServerOptions> = {}): Promise<number> {
  const server = createPreviewServer({ root, onError: (error) => serverErrors.push(error), ...options });
  servers.push(server);
  const url = await listen(server, 0, '127.0.0.1');
  return Number(new URL(url).port);
}

/** One request with Node's client, which sends the path as given; the body as sent (not decompressed). */
function get(port: number, target: string, headers: http.OutgoingHttpHeaders = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path: target, method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        answers.push({ target, bytes: response.headers['content-encoding'] === 'gzip' && body.length > 0 ? zlib.gunzipSync(body) : body });
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body });
      });
    });
    request.on('error', reject);
    request.end();
  });
}

/** A request line exactly as written, over a plain socket: nothing normalises `..`, `\` or `%2e`. */
function raw(port: number, target: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const bytes = Buffer.concat(chunks);
      answers.push({ target, bytes });
      const text = bytes.toString('latin1');
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), text });
    });
    // Not end(): a half-closed socket may be closed by the server before it answers.
    socket.write(`GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
  });
}

/** Requests that try to leave the folder; the parent's absolute path is filled in per test. */
function escapeAttempts(parent: string): string[] {
  return [
    '/../secret.txt',
    '/../out-secret/secret.txt',
    '/about/../../out-secret/secret.txt',
    '/%2e%2e/out-secret/secret.txt',
    '/%2E%2E/secret.txt',
    '/.%2e/out-secret/secret.txt',
    '/%2e%2e%2fout-secret%2fsecret.txt',
    '/..%2fsecret.txt',
    '/..\\out-secret\\secret.txt',
    '/..\\secret.txt',
    '/%5c..%5cout-secret%5csecret.txt',
    '/..%5Csecret.txt',
    '/%252e%252e/out-secret/secret.txt',
    '/%252e%252e%252fsecret.txt',
    '/%25252e%25252e/secret.txt',
    '/secret.txt%00.html',
    '/../secret.txt%00',
    '/%00/../secret.txt',
    '//etc/passwd',
    '/etc/passwd',
    '/%2fetc%2fpasswd',
    `//${parent.slice(1)}/secret.txt`,
    `/${parent.slice(1)}/out-secret/secret.txt`,
    `//${parent.slice(1)}/out-secret/secret.txt`,
    '/C:/Windows/win.ini',
    '/C:%2fWindows%2fwin.ini',
    '/-secret/secret.txt',
    '/out-secret/secret.txt',
    '/link-to-secret.txt',
    '/linked-folder/secret.txt',
    '/linked-folder/',
    '/linked-folder',
    '/relative-link.html',
    '/relative-link',
    '/.env',
    '/%2eenv',
    '/.well-known/../.env',
    '/..;/secret.txt',
    '/%c0%ae%c0%ae/secret.txt',
    '/%EF%BC%8E%EF%BC%8E/secret.txt',
    'http://127.0.0.1/../secret.txt',
    '/?../../secret.txt',
  ];
}

describe('requests that try to leave the folder', () => {
  it('get 400 or 404 and never another file', async () => {
    const { parent, root } = makeSite();
    const port = await serve(root);
    for (const target of escapeAttempts(parent)) {
      const { status, text } = await raw(port, target);
      if (target === '/?../../secret.txt') {
        // The query is not part of the path: this is the home page.
        expect(status, target).toBe(200);
        expect(text).toContain('Home page');
        continue;
      }
      expect([400, 404], `${target} → ${status}`).toContain(status);
      if (status === 404) expect(text, target).toContain('Page not found');
    }
  });

  it('get 400 or 404 under a base path too, and outside it', async () => {
    const { parent, root } = makeSite();
    const port = await serve(root, { basePath: '/docs' });
    const attempts = [...escapeAttempts(parent).map((target) => (target.startsWith('/') ? `/docs${target}` : target)), ...escapeAttempts(parent)];
    for (const target of attempts) {
      if (target.startsWith('/docs/?') || target.startsWith('/?')) continue;
      const { status } = await raw(port, target);
      expect([400, 404], `${target} → ${status}`).toContain(status);
    }
  });

  it('says which rule a bad request broke', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    expect((await raw(port, '/%2e%2e/secret.txt')).text).toContain('Bad request: dot segment');
    expect((await raw(port, '/..\\secret.txt')).text).toContain('Bad request: backslash');
  });

  it('serves a symlink that stays inside the folder', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    const answer = await get(port, '/about-link.html');
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(aboutPage);
  });

  it('never serves _headers, dotfiles or dot-folders, but serves .well-known', async () => {
    const { root } = makeSite({ 'out/_headers': '/*\n  X-From-File: yes\n', 'out/.git/config': secret });
    const port = await serve(root);
    for (const target of ['/_headers', '/.env', '/.git/config', '/.git/']) {
      const answer = await get(port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString(), target).not.toContain('X-From-File');
    }
    const wellKnown = await get(port, '/.well-known/security.txt');
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.headers['content-type']).toBe('text/plain; charset=utf-8');
  });
});

describe('what a static host does', () => {
  it('serves folders by their index.html, redirects them without the slash, and maps /x to x.html', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    const home = await get(port, '/');
    expect(home.status).toBe(200);
    expect(home.body.toString()).toContain('Home page');
    expect((await get(port, '/about/')).body.toString()).toBe(aboutPage);
    const redirect = await get(port, '/about?ref=x');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.location).toBe('/about/?ref=x');
    expect((await get(port, '/notes')).body.toString()).toContain('Notes');
    expect((await get(port, '/notes.html')).status).toBe(200);
    // A folder without an index page is not listed.
    expect((await get(port, '/katex/')).status).toBe(404);
    expect((await get(port, '/katex')).status).toBe(404);
    // A file asked for as a folder is not that file.
    expect((await get(port, '/notes.html/')).status).toBe(404);
    expect((await get(port, '/notes.html/x')).status).toBe(404);
  });

  it('answers unknown paths with the 404 page and status 404, and plain text without one', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    const missing = await get(port, '/no-such-page/');
    expect(missing.status).toBe(404);
    expect(missing.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(missing.body.toString()).toBe(notFoundPage);
    expect(missing.headers.etag).toBeUndefined();
    fs.rmSync(path.join(root, '404.html'));
    const bare = await get(port, '/no-such-page/');
    expect(bare.status).toBe(404);
    expect(bare.body.toString()).toBe('Not found.\n');
  });

  it.each([
    ['/', 'text/html; charset=utf-8'],
    ['/_next/static/css/app.css', 'text/css; charset=utf-8'],
    ['/katex/fonts/KaTeX_Main-Regular.woff2', 'font/woff2'],
    ['/photo.png', 'image/png'],
    ['/feed.atom', 'application/atom+xml; charset=utf-8'],
  ])('sends %s as %s, with nosniff', async (target, type) => {
    const { root } = makeSite();
    const port = await serve(root);
    const answer = await get(port, target);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe(type);
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers HEAD with the headers of GET and no body', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    for (const acceptEncoding of ['identity', 'gzip']) {
      const full = await get(port, '/about/', { 'accept-encoding': acceptEncoding });
      const head = await get(port, '/about/', { 'accept-encoding': acceptEncoding }, 'HEAD');
      expect(head.status).toBe(200);
      expect(head.body.length).toBe(0);
      const { date: _fullDate, ...fullHeaders } = full.headers;
      const { date: _headDate, ...headHeaders } = head.headers;
      expect(headHeaders).toEqual(fullHeaders);
      expect(Number(head.headers['content-length'])).toBe(full.body.length);
    }
    expect((await get(port, '/no-such-page/', {}, 'HEAD')).status).toBe(404);
  });

  it('answers other methods with 405 and Allow', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      const answer = await get(port, '/about/', {}, method);
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toBe('GET, HEAD');
    }
  });

  it('caches hashed /_next/static/ files for a year and has everything else revalidated', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    expect((await get(port, '/_next/static/css/app.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const target of ['/', '/about/', '/styles/site.css', '/photo.png', '/no-such-page/', '/about']) {
      expect((await get(port, target)).headers['cache-control'], target).toBe('no-cache');
    }
  });
});

describe('validators and 304', () => {
  it('sends a strong ETag and Last-Modified, and 304 for If-None-Match or If-Modified-Since', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    const first = await get(port, '/about/');
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"[^"]+"$/);
    expect(new Date(String(first.headers['last-modified'])).getTime()).toBe(Math.floor(fs.statSync(path.join(root, 'about/index.html')).mtimeMs / 1000) * 1000);

    const byTag = await get(port, '/about/', { 'if-none-match': etag });
    expect(byTag.status).toBe(304);
    expect(byTag.body.length).toBe(0);
    expect(byTag.headers.etag).toBe(etag);
    expect(byTag.headers['cache-control']).toBe('no-cache');
    expect(byTag.headers['x-frame-options']).toBe('DENY');
    expect((await get(port, '/about/', { 'if-none-match': `W/${etag}` })).status).toBe(304);
    expect((await get(port, '/about/', { 'if-none-match': `"nope", ${etag}` })).status).toBe(304);
    expect((await get(port, '/about/', { 'if-none-match': '"nope"' })).status).toBe(200);

    const lastModified = String(first.headers['last-modified']);
    expect((await get(port, '/about/', { 'if-modified-since': lastModified })).status).toBe(304);
    expect((await get(port, '/about/', { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).status).toBe(200);
    // If-None-Match decides when both are sent.
    expect((await get(port, '/about/', { 'if-none-match': '"nope"', 'if-modified-since': lastModified })).status).toBe(200);
    // No 304 for the 404 page.
    expect((await get(port, '/no-such-page/', { 'if-modified-since': new Date(Date.now() + 60_000).toUTCString() })).status).toBe(404);
  });

  it('gives the gzip form its own strong ETag, and answers 304 only for the form asked for', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    const plain = await get(port, '/about/');
    const gzipped = await get(port, '/about/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(gzipped.headers.vary).toBe('Accept-Encoding');
    expect(zlib.gunzipSync(gzipped.body).toString()).toBe(aboutPage);
    expect(gzipped.body.length).toBeLessThan(plain.body.length);
    expect(Number(gzipped.headers['content-length'])).toBe(gzipped.body.length);

    const plainTag = String(plain.headers.etag);
    const gzipTag = String(gzipped.headers.etag);
    expect(gzipTag).toMatch(/^"[^"]+"$/);
    expect(gzipTag).not.toBe(plainTag);
    expect((await get(port, '/about/', { 'accept-encoding': 'gzip', 'if-none-match': gzipTag })).status).toBe(304);
    expect((await get(port, '/about/', { 'if-none-match': plainTag })).status).toBe(304);
    // A cache holding one form must not be told that the other form is the same bytes.
    const crossed = await get(port, '/about/', { 'if-none-match': gzipTag });
    expect(crossed.status).toBe(200);
    expect(crossed.body.toString()).toBe(aboutPage);
    expect((await get(port, '/about/', { 'accept-encoding': 'gzip', 'if-none-match': plainTag })).status).toBe(200);
    expect((await get(port, '/about/', { 'accept-encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
  });

  it('sends compressed formats as they are, without Vary', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    for (const target of ['/katex/fonts/KaTeX_Main-Regular.woff2', '/photo.png']) {
      const answer = await get(port, target, { 'accept-encoding': 'gzip' });
      expect(answer.headers['content-encoding'], target).toBeUndefined();
      expect(answer.headers.vary, target).toBeUndefined();
    }
  });

  it('streams files above the memory limit, with validators, uncompressed', async () => {
    const big = 'x'.repeat(50_000);
    const { root } = makeSite({ 'out/big.txt': big });
    const port = await serve(root, { maxCachedFileBytes: 10_000 });
    const answer = await get(port, '/big.txt', { 'accept-encoding': 'gzip' });
    expect(answer.status).toBe(200);
    expect(answer.body.toString()).toBe(big);
    expect(answer.headers['content-encoding']).toBeUndefined();
    expect((await get(port, '/big.txt', { 'if-none-match': String(answer.headers.etag) })).status).toBe(304);
  });
});

describe('a rebuild of the folder', () => {
  it('shows on the next request: rewritten files, and a folder swapped for a new one', async () => {
    const { parent, root } = makeSite();
    const port = await serve(root);
    const before = await get(port, '/about/');
    fs.writeFileSync(path.join(root, 'about/index.html'), '<h1>About, rewritten</h1>');
    const rewritten = await get(port, '/about/');
    expect(rewritten.body.toString()).toBe('<h1>About, rewritten</h1>');
    expect(rewritten.headers.etag).not.toBe(before.headers.etag);
    expect((await get(port, '/about/', { 'if-none-match': String(before.headers.etag) })).status).toBe(200);

    const next = path.join(parent, 'out-next');
    fs.cpSync(root, next, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(path.join(next, 'about/index.html'), '<h1>About, swapped in</h1>');
    fs.renameSync(root, path.join(parent, 'out-previous'));
    fs.renameSync(next, root);
    expect((await get(port, '/about/')).body.toString()).toBe('<h1>About, swapped in</h1>');
  });

  it('follows a symlinked folder to its new target', async () => {
    const { parent } = makeSite({ 'build-a/index.html': '<h1>Build A</h1>', 'build-b/index.html': '<h1>Build B</h1>' });
    const link = path.join(parent, 'current');
    fs.symlinkSync('build-a', link);
    const port = await serve(link);
    expect((await get(port, '/')).body.toString()).toBe('<h1>Build A</h1>');
    fs.symlinkSync('build-b', path.join(parent, 'current-new'));
    fs.renameSync(path.join(parent, 'current-new'), link);
    expect((await get(port, '/')).body.toString()).toBe('<h1>Build B</h1>');
    expect((await raw(port, '/../build-a/index.html')).status).toBe(400);
  });
});

describe('headers', () => {
  it('sends securityHeaders when the folder has no _headers file', async () => {
    const { root } = makeSite();
    const port = await serve(root);
    for (const target of ['/', '/_next/static/css/app.css', '/no-such-page/', '/about']) {
      const answer = await get(port, target);
      for (const [name, value] of Object.entries(securityHeaders)) expect(answer.headers[name.toLowerCase()], `${target} ${name}`).toBe(value);
    }
  });

  it("applies the folder's _headers rules instead, all that match, and picks up changes", async () => {
    const headersFile = [
      '/*',
      '  X-Frame-Options: SAMEORIGIN',
      "  Content-Security-Policy: default-src 'self'",
      '/_next/static/*',
      '  Cache-Control: public, max-age=60',
      '  X-Asset: yes',
      '/about/',
      "  Content-Security-Policy: default-src 'none'",
      '',
    ].join('\n');
    const { root } = makeSite({ 'out/_headers': headersFile });
    const port = await serve(root);
    const home = await get(port, '/');
    expect(home.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(home.headers['content-security-policy']).toBe("default-src 'self'");
    expect(home.headers['referrer-policy']).toBeUndefined();
    expect((await get(port, '/about/')).headers['content-security-policy']).toBe("default-src 'none'");
    const asset = await get(port, '/_next/static/css/app.css');
    expect(asset.headers['x-asset']).toBe('yes');
    expect(asset.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(asset.headers['cache-control']).toBe('public, max-age=60');
    // Applied to 404s, redirects and 304s too, as the host does.
    expect((await get(port, '/no-such-page/')).headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await get(port, '/about')).headers['x-frame-options']).toBe('SAMEORIGIN');
    expect((await get(port, '/', { 'if-none-match': String(home.headers.etag) })).headers['content-security-policy']).toBe("default-src 'self'");

    fs.writeFileSync(path.join(root, '_headers'), '/*\n  X-Frame-Options: DENY\n');
    const changed = await get(port, '/');
    expect(changed.headers['x-frame-options']).toBe('DENY');
    expect(changed.headers['content-security-policy']).toBeUndefined();
  });

  it('cannot let _headers change the length, encoding or validators of what is sent', async () => {
    const { root } = makeSite({ 'out/_headers': '/*\n  Content-Length: 1\n  ETag: "fixed"\n  Content-Encoding: br\n  Vary: Cookie\n' });
    const port = await serve(root);
    const answer = await get(port, '/about/', { 'accept-encoding': 'gzip' });
    expect(zlib.gunzipSync(answer.body).toString()).toBe(aboutPage);
    expect(answer.headers.etag).not.toBe('"fixed"');
    expect(answer.headers.vary).toBe('Cookie, Accept-Encoding');
  });

  it('answers 500 with file and line when _headers cannot be read, and folderProblems says so before starting', async () => {
    const { root } = makeSite({ 'out/_headers': '/*\n  X-Good: 1\n  not a header\n' });
    const errors: unknown[] = [];
    const port = await serve(root, { onError: (error) => errors.push(error) });
    const answer = await get(port, '/');
    expect(answer.status).toBe(500);
    expect(answer.body.toString()).toContain('out/_headers:3: expected a path pattern');
    expect(errors).toHaveLength(1);
    expect(folderProblems(root)).toEqual([expect.stringMatching(/out\/_headers:3: expected a path pattern/)]);
  });

  it('folderProblems asks for a build when there is no index.html', () => {
    const empty = tempFolder('preview-empty', { 'out/about.html': 'x' });
    expect(folderProblems(path.join(empty, 'out'))).toEqual([expect.stringContaining('run `npm run build` first')]);
  });
});

describe('under a base path', () => {
  it('serves the folder under /docs/ and nothing outside it', async () => {
    const { root } = makeSite();
    const port = await serve(root, { basePath: '/docs' });
    expect((await get(port, '/docs/')).body.toString()).toContain('Home page');
    expect((await get(port, '/docs/about/')).body.toString()).toBe(aboutPage);
    const bare = await get(port, '/docs');
    expect(bare.status).toBe(308);
    expect(bare.headers.location).toBe('/docs/');
    const withoutSlash = await get(port, '/docs/about');
    expect(withoutSlash.status).toBe(308);
    expect(withoutSlash.headers.location).toBe('/docs/about/');
    expect((await get(port, '/docs/_next/static/css/app.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const target of ['/', '/about/', '/docsx/', '/docs-secret/', '/_next/static/css/app.css', '/docs/no-such-page/']) {
      const answer = await get(port, target);
      expect(answer.status, target).toBe(404);
      expect(answer.body.toString(), target).toBe(notFoundPage);
    }
  });
});
