import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { prefixBasePath, sitePathOf, withBasePath, withBasePathInCss } from './base-path';

const rewrite = (html: string, basePath = '/docs') => {
  const tree = fromHtml(html, { fragment: true });
  prefixBasePath(tree, basePath);
  return toHtml(tree);
};

describe('withBasePath', () => {
  it('prefixes site paths and leaves every other URL alone', () => {
    expect(withBasePath('/', '/docs')).toBe('/docs/');
    expect(withBasePath('/about/#x', '/docs')).toBe('/docs/about/#x');
    for (const url of ['https://example.com/', '//cdn.example.com/a.js', '#top', 'about/', 'mailto:a@b.c', '']) {
      expect(withBasePath(url, '/docs')).toBe(url);
    }
    expect(withBasePath('/about/', '')).toBe('/about/');
  });

  it('leaves `/\\host` and `/<tab>/host` alone: a browser goes to that host, as for `//host`', () => {
    for (const url of ['/\\evil.example/x', '/\t/evil.example', '/\n\\evil.example']) expect(withBasePath(url, '/docs')).toBe(url);
    expect(withBasePath('/%5Cnotes/', '/docs')).toBe('/docs/%5Cnotes/');
  });
});

describe('prefixBasePath', () => {
  it('rewrites links, assets, srcsets, icons and form targets', () => {
    expect(rewrite('<a href="/about/">a</a><a href="#x">b</a><a href="https://x.org/">c</a>')).toBe(
      '<a href="/docs/about/">a</a><a href="#x">b</a><a href="https://x.org/">c</a>',
    );
    expect(rewrite('<link rel="stylesheet" href="/_next/static/chunks/a.css"><link rel="icon" href="/icon.svg?x">')).toBe(
      '<link rel="stylesheet" href="/docs/_next/static/chunks/a.css"><link rel="icon" href="/docs/icon.svg?x">',
    );
    expect(rewrite('<img src="/a.png" srcset="/a.png 1x, /b.png 2x, https://x.org/c.png 3x" alt="">')).toBe(
      '<img src="/docs/a.png" srcset="/docs/a.png 1x, /docs/b.png 2x, https://x.org/c.png 3x" alt="">',
    );
    expect(rewrite('<script data-enhancement src="/enhance/copy.js" defer></script><form action="/search/"></form><video poster="/p.jpg"></video>')).toBe(
      '<script data-enhancement="" src="/docs/enhance/copy.js" defer></script><form action="/docs/search/"></form><video poster="/docs/p.jpg"></video>',
    );
  });

  it('rewrites SVG links and CSS urls in style attributes and elements', () => {
    expect(rewrite('<svg><a href="/about/"><text>x</text></a><style>.a{background:url(/b.png)}</style></svg>')).toBe(
      '<svg><a href="/docs/about/"><text>x</text></a><style>.a{background:url(/docs/b.png)}</style></svg>',
    );
    expect(rewrite('<div style="background:url(\'/b.png\')"></div>')).toBe('<div style="background:url(&#x27;/docs/b.png&#x27;)"></div>');
  });

  it('rewrites site paths in meta values but not absolute URLs (absoluteUrl() already has the base path)', () => {
    expect(rewrite('<meta name="msapplication-TileImage" content="/tile.png"><meta property="og:image" content="https://example.com/docs/og.png">')).toBe(
      '<meta name="msapplication-TileImage" content="/docs/tile.png"><meta property="og:image" content="https://example.com/docs/og.png">',
    );
  });

  it('changes nothing without a base path', () => {
    expect(rewrite('<a href="/about/">a</a>', '')).toBe('<a href="/about/">a</a>');
  });
});

describe('withBasePathInCss', () => {
  it('prefixes root-relative url()s only', () => {
    expect(withBasePathInCss('a{b:url(/x.woff2)}c{d:url("/y.png")}e{f:url(fonts/z.woff2)}g{h:url(//cdn/x)}', '/docs')).toBe(
      'a{b:url(/docs/x.woff2)}c{d:url("/docs/y.png")}e{f:url(fonts/z.woff2)}g{h:url(//cdn/x)}',
    );
  });
});

describe('sitePathOf', () => {
  it('maps URLs under the base path to site paths, and others to undefined', () => {
    expect(sitePathOf('/docs/about/?x#y', '/docs')).toBe('/about/');
    expect(sitePathOf('/docs', '/docs')).toBe('/');
    expect(sitePathOf('/about/', '/docs')).toBeUndefined();
    expect(sitePathOf('/docsearch/', '/docs')).toBeUndefined();
    expect(sitePathOf('/about/', '')).toBe('/about/');
    expect(sitePathOf('/\\evil.example/x', '')).toBeUndefined();
  });
});

describe('prefixBasePath in templates', () => {
  it('rewrites URLs inside <template> content', () => {
    expect(rewrite('<template><a href="/about/">a</a></template>')).toBe('<template><a href="/docs/about/">a</a></template>');
  });
});
