import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sha256Source } from '@/lib/security/content-security-policy';
import { tempFolder } from '@/lib/testing/temp-folder';
import { listFiles } from './finish-export';
import { secureExport } from './secure-export';
import { ExportError } from './strip-runtime';

const page = (head: string, body = '<p>Hi</p>') =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/_next/static/chunks/a.css">${head}</head><body>${body}</body></html>`;
const read = (folder: string, file: string) => fs.readFileSync(path.join(folder, file), 'utf8');
const snapshot = (folder: string) => listFiles(folder).map((file) => [file, read(folder, file)]);

describe('secureExport', () => {
  it("puts each page's own policy right after <meta charset>, before anything it governs", () => {
    const out = tempFolder('out', {
      'index.html': page('<script data-enhancement>theme()</script>'),
      'about/index.html': page(''),
    });
    const report = secureExport(out, { basePath: '', clientRuntime: false });
    expect(report.pages).toBe(2);
    const home = read(out, 'index.html');
    expect(home).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'sha256-/);
    expect(home).toContain(sha256Source('theme()'));
    expect(read(out, 'about/index.html')).not.toContain('script-src');
    expect(report.site.scriptHashes).toEqual([sha256Source('theme()')]);
  });

  it('refuses unsafe markup, listing every problem of every page, and leaves out/ as it was', () => {
    const out = tempFolder('out', {
      'a/index.html': page('', '<img src="/x.png" onerror="alert(1)" alt="">'),
      'b/index.html': page('<script>alert(2)</script>', '<a href="javascript:alert(3)">x</a>'),
      'c/index.html': page(''),
    });
    const before = snapshot(out);
    let message = '';
    try {
      secureExport(out, { basePath: '', clientRuntime: false });
    } catch (error) {
      expect(error).toBeInstanceOf(ExportError);
      message = (error as Error).message;
    }
    expect(message).toContain('out/a/index.html: an event handler attribute onerror="alert(1)" on <img>');
    expect(message).toContain('out/b/index.html: an inline <script> without data-enhancement: "alert(2)"');
    expect(message).toContain('out/b/index.html: a javascript: URL in href of <a>');
    expect(snapshot(out)).toEqual(before);
  });

  it("hashes Next's inline runtime scripts when the runtime is kept, and refuses them otherwise", () => {
    const files = { 'index.html': page('', '<script>self.__next_f.push([1,"x"])</script>') };
    expect(() => secureExport(tempFolder('out', files), { basePath: '', clientRuntime: false })).toThrow(ExportError);
    const out = tempFolder('out', files);
    secureExport(out, { basePath: '', clientRuntime: true });
    expect(read(out, 'index.html')).toContain(sha256Source('self.__next_f.push([1,"x"])'));
  });

  it('prefixes the base path in pages and stylesheets, and hashes inline styles after the rewrite', () => {
    const out = tempFolder('out', {
      'index.html': page('', '<a href="/about/">About</a><svg><style>.a{background:url(/b.png)}</style></svg>'),
      '_next/static/chunks/a.css': '.x{background:url(/img/x.png)}',
    });
    secureExport(out, { basePath: '/docs', clientRuntime: false });
    const html = read(out, 'index.html');
    expect(html).toContain('<a href="/docs/about/">About</a>');
    expect(html).toContain('href="/docs/_next/static/chunks/a.css"');
    expect(html).toContain(sha256Source('.a{background:url(/docs/b.png)}'));
    expect(read(out, '_next/static/chunks/a.css')).toBe('.x{background:url(/docs/img/x.png)}');
  });
});
