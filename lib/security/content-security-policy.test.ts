import { createHash } from 'node:crypto';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import {
  PolicyError,
  collectPolicyNeeds,
  findUnsafeMarkup,
  formatPolicy,
  headerDirectives,
  mergePolicyNeeds,
  pageDirectives,
  parsePolicy,
  sha256Source,
} from './content-security-policy';

const needsOf = (html: string) => collectPolicyNeeds(fromHtml(html), 'out/x.html');
const policyOf = (html: string) => parsePolicy(formatPolicy(pageDirectives(needsOf(html))));

describe('sha256Source', () => {
  it('hashes the UTF-8 bytes of the text, as browsers do', () => {
    const expected = createHash('sha256').update(Buffer.from('document.title="ü"', 'utf8')).digest('base64');
    expect(sha256Source('document.title="ü"')).toBe(`'sha256-${expected}'`);
  });
});

describe('a page policy', () => {
  it('gives a page without scripts no script-src and no connect-src: default-src none blocks both', () => {
    const policy = policyOf('<link rel="stylesheet" href="/a.css"><p>Hi</p>');
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.has('script-src')).toBe(false);
    expect(policy.has('connect-src')).toBe(false);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'self'"]);
    // Browsers ignore frame-ancestors in a meta tag (and Chromium logs an error): it lives in the headers.
    expect(policy.has('frame-ancestors')).toBe(false);
    expect(policy.has('style-src-attr')).toBe(false);
  });

  it('hashes exactly the inline enhancement scripts and inline styles, HTML and SVG alike', () => {
    const policy = policyOf(
      '<head><script data-enhancement>theme()</script><style>p{color:red}</style></head><body><svg><style>.n{fill:#000}</style></svg></body>',
    );
    expect(policy.get('script-src')).toEqual(["'self'", sha256Source('theme()')]);
    expect(policy.get('style-src')).toEqual(["'self'", sha256Source('.n{fill:#000}'), sha256Source('p{color:red}')].sort((a, b) => (a === "'self'" ? -1 : b === "'self'" ? 1 : a.localeCompare(b))));
    expect(policy.get('connect-src')).toEqual(["'self'"]);
  });

  it('hashes the decoded text of an SVG <style>, which the browser decodes too', () => {
    const policy = policyOf('<svg><style>a&gt;b{}</style></svg>');
    expect(policy.get('style-src')).toContain(sha256Source('a>b{}'));
  });

  it('does not hash JSON-LD: a data block never runs', () => {
    const policy = policyOf('<script type="application/ld+json">{"@type":"Person"}</script>');
    expect(policy.has('script-src')).toBe(false);
  });

  it('adds the origins of absolute-src enhancement scripts and what they declare', () => {
    const policy = policyOf(
      '<script data-enhancement src="https://giscus.app/client.js" data-csp-frame="https://giscus.app" data-csp-style="https://giscus.app" data-csp-connect="https://api.example.org" async></script><script data-enhancement src="/enhance/copy.js" defer></script>',
    );
    expect(policy.get('script-src')).toEqual(["'self'", 'https://giscus.app']);
    expect(policy.get('style-src')).toEqual(["'self'", 'https://giscus.app']);
    expect(policy.get('frame-src')).toEqual(['https://giscus.app']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.example.org']);
  });

  it('refuses a declared origin that is not a plain https origin, naming the page', () => {
    expect(() => needsOf('<script data-enhancement src="/a.js" data-csp-connect="http://x.org/path"></script>')).toThrow(PolicyError);
    expect(() => needsOf('<script data-enhancement src="/a.js" data-csp-frame="*"></script>')).toThrow(/out\/x\.html: data-csp-frame/);
  });

  it('allows style attributes only on pages that have them (KaTeX)', () => {
    expect(policyOf('<span class="strut" style="height:1em"></span>').get('style-src-attr')).toEqual(["'unsafe-inline'"]);
  });

  it("adds other sites' image origins and data: images, only where the page shows them", () => {
    const policy = policyOf('<img src="https://img.example.com/a.png" alt=""><img srcset="/a.png 1x, https://cdn.example.net/b.png 2x" alt=""><img src="data:image/png;base64,AA==" alt="">');
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'https://cdn.example.net', 'https://img.example.com']);
    expect(policyOf('<link rel="icon" href="https://cdn.example.net/icon.png">').get('img-src')).toEqual(["'self'", 'https://cdn.example.net']);
    expect(policyOf('<link rel="icon" href="/icon.svg?x">').get('img-src')).toEqual(["'self'"]);
  });
});

describe('the header policy', () => {
  const pages = [
    needsOf('<script data-enhancement>theme()</script><p>a</p>'),
    needsOf('<script data-enhancement src="https://giscus.app/client.js" data-csp-frame="https://giscus.app"></script><svg><style>x{}</style></svg><span style="top:1em"></span><img src="https://i.example/a.png" alt="">'),
    needsOf('<p>plain</p>'),
  ];
  const site = mergePolicyNeeds(pages);

  it('allows whatever any page allows, since browsers enforce it beside each page policy', () => {
    const header = parsePolicy(formatPolicy(headerDirectives(site, { clientRuntime: false })));
    const allows = (directive: string, source: string) => {
      const sources = header.get(directive) ?? header.get(directive === 'style-src-attr' ? 'style-src' : 'default-src') ?? [];
      if (sources.includes(source)) return true;
      if (source.startsWith("'sha256-") && directive.startsWith('style-src')) return sources.includes("'unsafe-inline'");
      if (source === "'unsafe-inline'") return sources.includes("'unsafe-inline'");
      if (source.startsWith('https://')) return sources.includes('https:');
      return false;
    };
    for (const needs of pages) {
      for (const [directive, ...sources] of pageDirectives(needs)) {
        for (const source of sources) expect(allows(directive, source), `${directive} ${source}`).toBe(true);
      }
    }
    expect(header.get('frame-ancestors')).toEqual(["'none'"]);
    // Scripts stay exactly the site's own, even for files served without a page's meta policy.
    expect(header.get('script-src')).toEqual(["'self'", 'https://giscus.app', sha256Source('theme()')]);
  });

  it('does not depend on content (vercel.json is committed): styles, images and media by kind', () => {
    const withMore = mergePolicyNeeds([...pages, needsOf('<svg><style>other{}</style></svg><img src="https://other.example/b.png" alt="">')]);
    expect(formatPolicy(headerDirectives(withMore, { clientRuntime: false }))).toBe(formatPolicy(headerDirectives(site, { clientRuntime: false })));
  });

  it("leaves inline scripts to each page's hashes when Next's runtime is kept", () => {
    const header = parsePolicy(formatPolicy(headerDirectives(site, { clientRuntime: true })));
    expect(header.get('script-src')).toEqual(["'self'", 'https://giscus.app', "'unsafe-inline'"]);
  });
});

describe('findUnsafeMarkup', () => {
  const problemsOf = (html: string) => findUnsafeMarkup(fromHtml(html));

  it('accepts the site’s own scripts, data blocks and ordinary links', () => {
    expect(
      problemsOf(
        '<script data-enhancement>theme()</script><script data-enhancement src="/enhance/a.js"></script><script type="application/ld+json">{}</script><a href="/about/">About</a><a href="https://x.org/javascript:">x</a>',
      ),
    ).toEqual([]);
  });

  it('names an inline script without data-enhancement, an event handler and a javascript: URL', () => {
    expect(problemsOf('<script>alert(1)</script>')).toEqual(['an inline <script> without data-enhancement: "alert(1)"']);
    expect(problemsOf('<img src="/a.png" onerror="alert(1)" alt="">')).toEqual(['an event handler attribute onerror="alert(1)" on <img>']);
    expect(problemsOf('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')).toHaveLength(1);
    // Browsers ignore the space and tab when they read the scheme.
    expect(problemsOf('<a href=" java\tscript:alert(1)">x</a>')).toEqual([expect.stringMatching(/^a javascript: URL in href of <a>/)]);
    expect(problemsOf('<form action="JAVASCRIPT:go()"></form><iframe src="javascript:x"></iframe>')).toHaveLength(2);
  });

  it("accepts Next's runtime scripts only when the caller recognises them", () => {
    const html = '<script>self.__next_f.push([1,""])</script>';
    expect(problemsOf(html)).toHaveLength(1);
    expect(findUnsafeMarkup(fromHtml(html), { isKnownInlineScript: () => true })).toEqual([]);
  });
});

describe('template content', () => {
  it('is covered too: a script that clones a template puts it on the page', () => {
    const tree = fromHtml('<template><style>.t{}</style><span style="top:0"></span><a href="javascript:x">x</a></template>');
    const needs = collectPolicyNeeds(tree, 'out/x.html');
    expect(needs.styleHashes).toEqual([sha256Source('.t{}')]);
    expect(needs.styleAttributes).toBe(true);
    expect(findUnsafeMarkup(tree)).toHaveLength(1);
  });
});
