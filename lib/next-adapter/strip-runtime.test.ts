import { describe, expect, it } from 'vitest';
import { ExportError } from '@/lib/errors';
import { stripRuntime } from './strip-runtime';

/** The shape of a page as Next.js 16 exports it (abridged from a real out/about/index.html). */
const nextPage = `<!DOCTYPE html><html lang="en"><head><meta charSet="utf-8"/><link rel="stylesheet" href="/_next/static/chunks/15ez.css" data-precedence="next"/><link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/0j1w.js"/><script src="/_next/static/chunks/3ov.js" async=""></script><title>About</title><script src="/_next/static/chunks/0cz1.js" noModule=""></script></head><body><div hidden=""><!--$--><!--/$--></div><main><h1>About</h1><p>© <!-- -->Author</p></main><!--$--><!--/$--><script id="_R_">(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":[]});</script><script src="/_next/static/chunks/0j1w.js" async=""></script><script>(self.__next_f=self.__next_f||[]).push([0])</script><script>self.__next_f.push([1,"payload"])</script></body></html>`;

describe('stripRuntime', () => {
  it('removes Next’s scripts, script preloads, payloads and React markers, and keeps the page', () => {
    const html = stripRuntime(nextPage, 'out/about/index.html');
    expect(html).toBe(
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="stylesheet" href="/_next/static/chunks/15ez.css"><title>About</title></head><body><main><h1>About</h1><p>© Author</p></main></body></html>',
    );
  });

  it('keeps the site’s own progressive-enhancement scripts', () => {
    const html = stripRuntime('<html><head><script data-enhancement src="/theme.js" defer></script></head><body></body></html>', 'x.html');
    expect(html).toContain('<script data-enhancement="" src="/theme.js" defer></script>');
  });

  it('refuses a script it does not recognise, naming the file', () => {
    expect(() => stripRuntime('<html><body><script>alert(1)</script></body></html>', 'out/a/index.html')).toThrow(ExportError);
    expect(() => stripRuntime('<html><body><script src="/other.js"></script></body></html>', 'out/a/index.html')).toThrow(
      /^out\/a\/index\.html: a <script> the zero-JS export does not recognise \(\/other\.js\)/,
    );
  });

  it('keeps JSON-LD structured data and refuses other script types', () => {
    const jsonLd = '<script type="application/ld+json">{"@type":"ProfilePage"}</script>';
    expect(stripRuntime(`<html><body>${jsonLd}</body></html>`, 'x.html')).toContain(jsonLd);
    expect(() => stripRuntime('<html><body><script type="module">import("/x.js")</script></body></html>', 'x.html')).toThrow(ExportError);
    expect(() => stripRuntime('<html><body><script type="application/json">{}</script></body></html>', 'x.html')).toThrow(ExportError);
    // A src makes it a script to run whatever its type says; only inline data blocks are structured data.
    expect(() => stripRuntime('<html><body><script type="application/ld+json" src="/x.js"></script></body></html>', 'x.html')).toThrow(ExportError);
  });

  it('refuses a script preload it does not recognise', () => {
    expect(() => stripRuntime('<html><head><link rel="modulepreload" href="/x.js"></head></html>', 'x.html')).toThrow(/script preload/);
  });

  it('keeps KaTeX’s MathML intact', () => {
    const math = '<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mi>x</mi><annotation encoding="application/x-tex">x</annotation></semantics></math></span>';
    expect(stripRuntime(`<html><body>${math}</body></html>`, 'x.html')).toContain(math);
  });
});
