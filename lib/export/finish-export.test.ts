import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { ExportError, findMissingAssets, listFiles, removeClientRuntime } from './finish-export';

const exportFolder = (files: Record<string, string>) => tempFolder('out', files);

const page = (body: string) =>
  `<!DOCTYPE html><html><head><link rel="stylesheet" href="/_next/static/chunks/a.css"/><script src="/_next/static/chunks/b.js" async=""></script></head><body>${body}<script>self.__next_f.push([1,""])</script></body></html>`;

describe('removeClientRuntime', () => {
  it('strips every page and deletes the files only the runtime reads', () => {
    const out = exportFolder({
      'index.html': page('<p>Home</p>'),
      'index.txt': 'rsc',
      'about/index.html': page('<p>About</p>'),
      'about/index.txt': 'rsc',
      'about/__next._tree.txt': 'rsc',
      '404.html': page('<p>Missing</p>'),
      '404/index.html': page('<p>Missing</p>'),
      '_not-found/index.html': page('<p>Missing</p>'),
      '_next/static/chunks/a.css': 'p{}',
      '_next/static/chunks/b.js': 'js',
      '_next/static/build-id/_buildManifest.js': 'js',
      'robots.txt': 'User-agent: *',
    });
    const report = removeClientRuntime(out);
    expect(listFiles(out).sort()).toEqual(['404.html', '_next/static/chunks/a.css', 'about/index.html', 'index.html', 'robots.txt']);
    expect(report.pages).toBe(5);
    expect(fs.readFileSync(path.join(out, 'about/index.html'), 'utf8')).not.toContain('script');
    expect(findMissingAssets(out)).toEqual([]);
  });

  it('leaves out/ untouched when one page has markup it does not understand', () => {
    const out = exportFolder({
      'a/index.html': page('<p>A</p>'),
      'b/index.html': page('<script>unknown()</script>'),
      'a/index.txt': 'rsc',
    });
    const before = listFiles(out).map((file) => [file, fs.readFileSync(path.join(out, file), 'utf8')]);
    expect(() => removeClientRuntime(out)).toThrow(ExportError);
    expect(listFiles(out).map((file) => [file, fs.readFileSync(path.join(out, file), 'utf8')])).toEqual(before);
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
