import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { sha256Source } from '@/lib/security/content-security-policy';
import { bodySlot, newBodySlots } from '@/lib/content/body-slots';
import { FileStore } from '@/lib/file-store';
import { createRequire } from 'node:module';
import katex from 'katex';
import { MemoFile } from '@/lib/memo-file';
import { ExportError, findMissingAssets, finishExport } from './finish-export';
import { listFiles } from './list-files';
import { PageMarkupReader, pageUrlOfFile, weighPages, type PageMarkup } from './page-weight';

const exportFolder = (files: Record<string, string>) => tempFolder('out', files);

const nextPage = (body: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><script src="/_next/static/chunks/b.js" async=""></script></head><body>${body}<script>self.__next_f.push([1,""])</script></body></html>`;

const page = (head: string, body = '<p>Hi</p>') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/_next/static/chunks/a.css">${head}</head><body>${body}</body></html>`;
const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
const snapshot = (folder: string) => listFiles(folder).map((file) => [file, read(folder, file)]);
/** The engine's scripts, as the tests' pages carry them: an inline `theme()` and one enhancement file. */
const scripts = { inlineScriptHashes: [sha256Source('theme()')], scriptFiles: { '/enhance/copy-code.js': {} } };
const zeroJs = { basePath: '', clientRuntime: false, scripts };

describe('finishExport', () => {
  it('strips every page and deletes the files only the runtime reads', async () => {
    const out = exportFolder({
      'index.html': nextPage('<p>Home</p>'),
      'index.txt': 'rsc',
      'about/index.html': nextPage('<p>About</p>'),
      'about/index.txt': 'rsc',
      'about/__next._tree.txt': 'rsc',
      '404.html': nextPage('<p>Missing</p>'),
      '404/index.html': nextPage('<p>Missing</p>'),
      '_not-found/index.html': nextPage('<p>Missing</p>'),
      '_next/static/chunks/a.css': 'p{}',
      '_next/static/chunks/b.js': 'js',
      '_next/static/build-id/_buildManifest.js': 'js',
      'robots.txt': 'User-agent: *',
    });
    const report = await finishExport(out, zeroJs);
    expect(listFiles(out).sort()).toEqual(['404.html', '_next/static/chunks/a.css', 'about/index.html', 'index.html', 'robots.txt']);
    // The copies of the 404 page under 404/ and _not-found/ are deleted, not finished.
    expect(report.pages).toBe(3);
    expect(report.removedFiles).toBe(7);
    expect(Object.keys(report.needs).sort()).toEqual(['404.html', 'about/index.html', 'index.html']);
    expect(fs.readFileSync(path.join(out, 'about/index.html'), 'utf8')).not.toContain('script');
    expect(findMissingAssets(out)).toEqual([]);
  });

  it('leaves out/ untouched when one page has markup it does not understand', async () => {
    const out = exportFolder({
      'a/index.html': nextPage('<p>A</p>'),
      'b/index.html': nextPage('<script>unknown()</script>'),
      'a/index.txt': 'rsc',
    });
    const before = snapshot(out);
    await expect(finishExport(out, zeroJs)).rejects.toThrow(ExportError);
    await expect(finishExport(out, zeroJs)).rejects.toThrow(/^out\/b\/index\.html: a <script> the zero-JS export does not recognise/);
    expect(snapshot(out)).toEqual(before);
  });
  it("puts each page's own policy right after <meta charset>, before anything it governs", async () => {
    const out = tempFolder('out', {
      'index.html': page('<script data-enhancement>theme()</script>'),
      'about/index.html': page(''),
    });
    const report = await finishExport(out, zeroJs);
    expect(report.pages).toBe(2);
    const home = read(out, 'index.html');
    expect(home).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-/);
    expect(home).toContain(sha256Source('theme()'));
    expect(read(out, 'about/index.html')).not.toContain('script-src');
    expect(report.site.scriptHashes).toEqual([sha256Source('theme()')]);
  });

  it('refuses unsafe markup, listing every problem of every page, and leaves out/ as it was', async () => {
    const files = {
      'a/index.html': page('', '<img src="/x.png" onerror="alert(1)" alt="">'),
      'b/index.html': page('', '<a href="javascript:alert(3)">x</a>'),
      'c/index.html': page(''),
    };
    const messageOf = async (out: string, options: typeof zeroJs) => {
      const error: unknown = await finishExport(out, options).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ExportError);
      return error instanceof Error ? error.message : '';
    };
    const out = tempFolder('out', files);
    const before = snapshot(out);
    const message = await messageOf(out, zeroJs);
    expect(message).toContain('out/a/index.html: an event handler attribute onerror="alert(1)" on <img>');
    expect(message).toContain('out/b/index.html: a javascript: URL in href of <a>');
    expect(snapshot(out)).toEqual(before);
    // With Next's runtime kept nothing strips scripts, so an unknown inline script reaches the last check.
    const kept = tempFolder('out', { ...files, 'b/index.html': page('<script>alert(2)</script>', '<a href="javascript:alert(3)">x</a>') });
    const keptMessage = await messageOf(kept, { basePath: '', clientRuntime: true, scripts });
    expect(keptMessage).toContain('out/a/index.html: an event handler attribute onerror="alert(1)" on <img>');
    expect(keptMessage).toContain('out/b/index.html: an inline <script> the engine did not write: "alert(2)"');
    expect(keptMessage).toContain('out/b/index.html: a javascript: URL in href of <a>');
  });

  it('fills each body slot from the store before it finishes the page, and checks the body as it checks the rest', async () => {
    const store = new FileStore<string>(tempFolder('page-bodies', {}));
    const [prose, hostile] = ['c'.repeat(64), 'd'.repeat(64)];
    store.set(prose, '<p>Body <em>text</em>.</p>');
    store.set(hostile, '<img src="/x.png" onerror="alert(1)" alt="">');
    const bodySlots = newBodySlots(store.folder);
    const options = { ...zeroJs, bodySlots };
    const out = exportFolder({ 'index.html': nextPage(`<article>${bodySlot(bodySlots.nonce, prose)}</article>`), 'index.txt': 'rsc' });
    await finishExport(out, options);
    expect(read(out, 'index.html')).toContain('<article><p>Body <em>text</em>.</p></article>');
    expect(read(out, 'index.html')).not.toContain('body-slot');
    const refused = exportFolder({ 'a/index.html': nextPage(`<article>${bodySlot(bodySlots.nonce, hostile)}</article>`) });
    await expect(finishExport(refused, options, { 'a/index.html': 'content/a.md' })).rejects.toThrow(/content\/a\.md \(out\/a\/index\.html\): an event handler attribute onerror="alert\(1\)" on <img>/);
    const missing = exportFolder({ 'b/index.html': nextPage(`<article>${bodySlot(bodySlots.nonce, 'e'.repeat(64))}</article>`) });
    await expect(finishExport(missing, options)).rejects.toThrow(/^out\/b\/index\.html: the page's body \(eeeeeeeeeeee…\) is missing from the content manifest's store/);
  });

  it('names the content file a refused page came from, when it is given', async () => {
    const out = tempFolder('out', { 'about/index.html': page('', '<iframe src="https://evil.example/"></iframe>') });
    const error: unknown = await finishExport(out, zeroJs, { 'about/index.html': 'content/about.md' }).catch((caught: unknown) => caught);
    expect(error instanceof Error ? error.message : '').toContain('content/about.md (out/about/index.html): a <iframe> element, which embeds another document');
  });

  it("hashes Next's inline runtime scripts when the runtime is kept, and strips them otherwise", async () => {
    const files = { 'index.html': page('', '<script>self.__next_f.push([1,"x"])</script>') };
    const stripped = tempFolder('out', files);
    await finishExport(stripped, zeroJs);
    expect(read(stripped, 'index.html')).not.toContain('<script');
    const out = tempFolder('out', files);
    await finishExport(out, { basePath: '', clientRuntime: true, scripts });
    expect(read(out, 'index.html')).toContain(sha256Source('self.__next_f.push([1,"x"])'));
  });

  it('prefixes the base path in pages and stylesheets, and hashes inline styles after the rewrite', async () => {
    const out = tempFolder('out', {
      'index.html': page('', '<a href="/about/">About</a><svg><style>.a{background:url(/b.png)}</style></svg>'),
      '_next/static/chunks/a.css': '.x{background:url(/img/x.png)}',
    });
    await finishExport(out, { basePath: '/docs', clientRuntime: false, scripts });
    const html = read(out, 'index.html');
    expect(html).toContain('<a href="/docs/about/">About</a>');
    expect(html).toContain('href="/docs/_next/static/chunks/a.css"');
    expect(html).toContain(sha256Source('.a{background:url(/docs/b.png)}'));
    expect(read(out, '_next/static/chunks/a.css')).toBe('.x{background:url(/docs/img/x.png)}');
  });
});

describe('findMissingAssets', () => {
  it('names local links and assets that have no file', () => {
    const out = exportFolder({
      'index.html': '<a href="/about/">a</a><a href="/gone/">b</a><link rel="stylesheet" href="/x.css"><img src="/img.png"><a href="https://example.com/">c</a>',
      'about/index.html': '',
      'x.css': '',
    });
    expect(findMissingAssets(out)).toEqual(['out/index.html: /gone/', 'out/index.html: /img.png']);
  });

  it('counts `/\\host` and `/<tab>/host` as other sites, as browsers do, and `/%5Chost` as a missing site path', () => {
    const out = exportFolder({ 'index.html': '<a href="/\\evil.example/x">a</a><a href="/\t/evil.example">b</a><img src="/\\evil.example/p.png"><a href="/%5Cgone">c</a>' });
    expect(findMissingAssets(out)).toEqual(['out/index.html: /%5Cgone']);
  });

  it('given the site’s URL, checks absolute links into the site too: canonical links and preview images', () => {
    const out = exportFolder({
      'about/index.html':
        '<link rel="canonical" href="https://example.com/docs/about/"><meta property="og:image" content="https://example.com/docs/og/about.png">' +
        '<meta name="twitter:image" content="https://example.com/docs/og/gone.png"><a href="https://example.com/elsewhere/">other site path</a>',
      'og/about.png': '',
    });
    expect(findMissingAssets(out, { siteUrl: 'https://example.com/docs/' })).toEqual(['out/about/index.html: content="https://example.com/docs/og/gone.png"']);
    expect(findMissingAssets(out)).toEqual([]);
  });
});

describe('findMissingAssets under a base path', () => {
  it('strips the base path, and names site URLs that are outside it', () => {
    const out = exportFolder({
      'index.html': '<a href="/docs/about/">a</a><link rel="stylesheet" href="/docs/x.css"><a href="/about/">b</a><a href="/docs/gone/">c</a>',
      'about/index.html': '',
      'x.css': '',
    });
    expect(findMissingAssets(out, { basePath: '/docs' })).toEqual(['out/index.html: /about/ (not under the base path /docs/)', 'out/index.html: /docs/gone/']);
  });
});

describe('finishExport, weighing as it finishes', () => {
  it('reads each page for weighing as it writes it, under the key its bytes give, with the weights of reading the pages afresh', async () => {
    const katexDist = path.dirname(createRequire(import.meta.url).resolve('katex'));
    const katexCss = fs.readFileSync(path.join(katexDist, 'katex.min.css'), 'utf8');
    const fonts = Object.fromEntries(fs.readdirSync(path.join(katexDist, 'fonts')).map((font) => [`katex/fonts/${font}`, fs.readFileSync(path.join(katexDist, 'fonts', font))]));
    const formula = katex.renderToString('x^2', { displayMode: true });
    const out = exportFolder({
      'index.html': nextPage('<p>Home</p>'),
      'm/index.html': nextPage(`<link rel="stylesheet" href="/katex/katex.min.css"/>${formula}`),
      'a/index.html': nextPage('<p><a href="/m/">Math</a></p>'),
      'katex/katex.min.css': katexCss,
      ...fonts,
      '_next/static/chunks/a.css': 'p{}',
      '_next/static/chunks/b.js': 'js',
    });
    const report = await finishExport(out, { ...zeroJs, basePath: '/docs' }, {}, { weigh: true });
    expect(Object.keys(report.markups).sort()).toEqual(['a/index.html', 'index.html', 'm/index.html']);
    // Each key is the one the page's bytes, as written, give: a later build that reuses the page finds it.
    const reader = new PageMarkupReader(out, '/docs', 'katex/katex.min.css');
    for (const [file, { key }] of Object.entries(report.markups)) expect(key).toBe(reader.keyOf(pageUrlOfFile(file), fs.readFileSync(path.join(out, file))));
    const memo = new MemoFile<PageMarkup>(undefined);
    const weights = weighPages(out, '/docs', undefined, memo, report.markups);
    expect(weights).toEqual(weighPages(out, '/docs'));
    expect(weights.find((weight) => weight.url === '/m/')?.formulas).toBe(1);
    for (const { key } of Object.values(report.markups)) expect(memo.has(key)).toBe(true);
    // Without being asked, it reads nothing for weighing.
    expect((await finishExport(exportFolder({ 'index.html': nextPage('<p>Home</p>') }), zeroJs)).markups).toEqual({});
  });
});
