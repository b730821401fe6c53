import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type PolicyNeeds, mergePolicyNeeds } from '@/lib/security/content-security-policy';
import { fixtureScripts } from './fixtures/fixture-scripts';
import { RefusedMarkupError, finishPage } from './finish-page';
import { ExportError } from '@/lib/errors';

/**
 * fixtures/*.next.html are pages as Next.js exports them (`npm run fixtures:next` makes page and not-found
 * anew from a real `next build`; kitchen-sink is written by hand); *.finished.html and *.needs.json are what the
 * finishing step makes of them, at the root and under /docs: a change to either shows here, byte for byte.
 */
const fixtures = path.join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const pages = fs.readdirSync(fixtures).filter((name) => name.endsWith('.next.html')).map((name) => name.replace('.next.html', ''));
const scripts = fixtureScripts;

describe('finishPage', () => {
  for (const page of pages) {
    for (const [basePath, suffix] of [['', ''], ['/docs', '.docs']] as const) {
      it(`finishes ${page} ${basePath ? `under ${basePath}` : 'at the root'} as its fixture says`, () => {
        const finished = finishPage(fixture(`${page}.next.html`), 'out/a/index.html', { basePath, clientRuntime: false, scripts });
        expect(finished.html).toBe(fixture(`${page}${suffix}.finished.html`));
        expect(finished.needs).toEqual(JSON.parse(fixture(`${page}${suffix}.needs.json`)));
      });
    }
  }

  it('returns needs that survive JSON, for a cache of finished pages, and merge into the site’s', () => {
    const needs = pages.map((page) => finishPage(fixture(`${page}.next.html`), `out/${page}.html`, { basePath: '', clientRuntime: false, scripts }).needs);
    const cached: PolicyNeeds[] = JSON.parse(JSON.stringify(needs));
    expect(cached).toEqual(needs);
    expect(mergePolicyNeeds(cached).frameSources).toEqual(['https://giscus.app']);
  });

  it('keeps <noscript> content as markup, prefixed and checked like the rest, not as escaped text', () => {
    const html =
      '<!doctype html><html><head><meta charset="utf-8"></head><body><noscript><p>Comments need JavaScript. <a href="/comments/">Read them here</a>.</p></noscript></body></html>';
    const finished = finishPage(html, 'out/index.html', { basePath: '/docs', clientRuntime: false, scripts });
    expect(finished.html).toContain('<noscript><p>Comments need JavaScript. <a href="/docs/comments/">Read them here</a>.</p></noscript>');
    expect(finished.html).not.toContain('&#x3C;');
  });

  it('keeps Next’s runtime when told to, and hashes its inline scripts', () => {
    const html = '<!doctype html><html><head><meta charset="utf-8"></head><body><script>self.__next_f.push([1,"x"])</script></body></html>';
    const finished = finishPage(html, 'out/index.html', { basePath: '', clientRuntime: true, scripts });
    expect(finished.html).toContain('<script>self.__next_f.push([1,"x"])</script>');
    expect(finished.needs.scriptHashes).toHaveLength(1);
  });

  it('names the file and the problem: runtime markup it does not understand, then every unsafe thing on the page', () => {
    const options = { basePath: '', clientRuntime: false, scripts };
    expect(() => finishPage('<html><body><script src="/other.js"></script></body></html>', 'out/a/index.html', options)).toThrow(
      /^out\/a\/index\.html: a <script> the zero-JS export does not recognise \(\/other\.js\)/,
    );
    let refused: unknown;
    try {
      finishPage('<html><head></head><body><img src="/x.png" onerror="alert(1)"><a href="javascript:alert(2)">x</a></body></html>', 'out/b/index.html', options);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RefusedMarkupError);
    expect(refused).toBeInstanceOf(ExportError);
    expect(refused instanceof RefusedMarkupError ? refused.problems : []).toEqual([
      'out/b/index.html: an event handler attribute onerror="alert(1)" on <img>',
      'out/b/index.html: a javascript: URL in href of <a>: "javascript:alert(2)"',
    ]);
    // data-enhancement is a marker for the runtime stripper, not a pass: the script's hash decides.
    expect(() => finishPage('<html><head></head><body><script data-enhancement data-csp-frame="https://evil.example">x()</script></body></html>', 'out/c/index.html', options)).toThrow(
      /out\/c\/index\.html: an inline <script> the engine did not write: "x\(\)"/,
    );
  });
});
