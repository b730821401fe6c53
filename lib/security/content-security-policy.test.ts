import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import {
  collectPolicyNeeds,
  findUnsafeMarkup,
  formatPolicy,
  headerDirectives,
  mergePolicyNeeds,
  pageDirectives,
  parsePolicy,
  sha256Source,
} from './content-security-policy';
import { engineScripts } from './engine-scripts';

/** The engine's scripts as these tests' pages carry them: an inline `theme()`, one file, and giscus with what it is granted. */
const scripts = {
  inlineScriptHashes: [sha256Source('theme()')],
  scriptFiles: { '/enhance/copy.js': {}, 'https://giscus.app/client.js': { frame: ['https://giscus.app'], style: ['https://giscus.app'] }, '/enhance/reactions.js': { connect: ['https://api.example.org'] } },
};
const options = { scripts, basePath: '', clientRuntime: false };
const needsOf = (html: string) => collectPolicyNeeds(fromHtml(html), options);
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

  it("adds the origins of the engine's scripts from other sites, and what the engine grants them", () => {
    const policy = policyOf(
      '<script data-enhancement src="https://giscus.app/client.js" async></script><script data-enhancement src="/enhance/copy.js" defer></script><script data-enhancement src="/enhance/reactions.js" defer></script>',
    );
    expect(policy.get('script-src')).toEqual(["'self'", 'https://giscus.app']);
    expect(policy.get('style-src')).toEqual(["'self'", 'https://giscus.app']);
    expect(policy.get('frame-src')).toEqual(['https://giscus.app']);
    expect(policy.get('connect-src')).toEqual(["'self'", 'https://api.example.org']);
  });

  it('grants nothing that markup declares: data-csp-* attributes, frames and remote stylesheets are not read', () => {
    const policy = policyOf(
      '<script data-enhancement src="/enhance/copy.js" data-csp-frame="https://evil.example" data-csp-connect="https://evil.example"></script><iframe src="https://evil.example/"></iframe><link rel="stylesheet" href="https://evil.example/x.css"><svg><style>.a{background:url(https://evil.example/x.png)}</style></svg>',
    );
    expect(formatPolicy(pageDirectives(needsOf('<p></p>')))).not.toContain('evil');
    expect([...policy.values()].flat().filter((source) => source.includes('evil'))).toEqual([]);
    // A script the engine did not write is not hashed either: it would be refused by findUnsafeMarkup.
    expect(policyOf('<script data-enhancement>alert(1)</script>').has('script-src')).toBe(false);
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
    needsOf('<script data-enhancement src="https://giscus.app/client.js"></script><svg><style>x{}</style></svg><span style="top:1em"></span><img src="https://i.example/a.png" alt="">'),
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
  const problemsOf = (html: string) => findUnsafeMarkup(fromHtml(html), options);

  it('accepts the engine’s own scripts, data blocks and ordinary links', () => {
    expect(
      problemsOf(
        '<script data-enhancement>theme()</script><script data-enhancement src="/enhance/copy.js"></script><script src="https://giscus.app/client.js"></script><script type="application/ld+json">{}</script><a href="/about/">About</a><a href="https://x.org/javascript:">x</a><link rel="stylesheet" href="/_next/static/a.css">',
      ),
    ).toEqual([]);
  });

  it('names a script the engine did not write, whatever attributes it carries', () => {
    expect(problemsOf('<script>alert(1)</script>')).toEqual(['an inline <script> the engine did not write: "alert(1)"']);
    expect(problemsOf('<script data-enhancement>alert(1)</script>')).toEqual(['an inline <script> the engine did not write: "alert(1)"']);
    expect(problemsOf('<script data-enhancement src="/enhance/evil.js"></script>')).toEqual(['a <script src="/enhance/evil.js"> that is not one of the engine\'s scripts']);
    expect(problemsOf('<script data-enhancement src="https://evil.example/giscus.app/client.js"></script>')).toHaveLength(1);
    expect(problemsOf('<script type="module">alert(1)</script><script type="application/ld+json">{"a":"</script>"}</script>')).toHaveLength(1);
  });

  it('names frames, plugins, <base>, meta refresh, remote stylesheets and CSS from other sites', () => {
    expect(
      problemsOf(
        '<iframe src="https://evil.example/"></iframe><object data="/x.swf"></object><embed src="/x"><base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css"><link rel="stylesheet" href="//evil.example/y.css"><link rel="stylesheet" href="\\\\evil.example/z.css"><span style="background:url(https://evil.example/p.png)"></span><span style="background:URL(https://evil.example/q.png)"></span>',
      ),
    ).toEqual([
      'a <iframe> element, which embeds another document',
      'a <object> element, which embeds another document',
      'a <embed> element, which embeds another document',
      'a <base> element',
      'a <meta http-equiv="refresh">',
      'a stylesheet from another site: <link rel="stylesheet" href="https://evil.example/x.css">',
      'a stylesheet from another site: <link rel="stylesheet" href="//evil.example/y.css">',
      'a stylesheet from another site: <link rel="stylesheet" href="\\\\evil.example/z.css">',
      'CSS that loads from another site: url(https://evil.example/p.png) in <span>',
      'CSS that loads from another site: url(https://evil.example/q.png) in <span>',
    ]);
  });

  it('names markup inside a <style>, which becomes elements when the page is read again', () => {
    const tree = fromHtml('<svg><style>.x{}&lt;script&gt;alert(1)&lt;/script&gt;</style></svg>');
    expect(findUnsafeMarkup(tree, options)).toEqual([expect.stringMatching(/^markup inside a <style>: "<script>alert\(1\)/)]);
  });

  it('names an event handler and a javascript: URL', () => {
    expect(problemsOf('<img src="/a.png" onerror="alert(1)" alt="">')).toEqual(['an event handler attribute onerror="alert(1)" on <img>']);
    expect(problemsOf('<svg><a href="javascript:alert(1)"><text>x</text></a></svg>')).toHaveLength(1);
    // Browsers ignore the space and tab when they read the scheme.
    expect(problemsOf('<a href=" java\tscript:alert(1)">x</a>')).toEqual([expect.stringMatching(/^a javascript: URL in href of <a>/)]);
    expect(problemsOf('<button formaction="JAVASCRIPT:go()"></button>')).toHaveLength(1);
  });

  it("accepts Next's runtime scripts only when the runtime is kept", () => {
    const html = '<script>self.__next_f.push([1,""])</script><script src="/_next/static/chunks/a.js"></script>';
    expect(problemsOf(html)).toHaveLength(2);
    expect(findUnsafeMarkup(fromHtml(html), { ...options, clientRuntime: true })).toEqual([]);
  });
});

describe('engineScripts', () => {
  const giscus = { provider: 'giscus', repo: 'a/b', repoId: 'R', category: 'c', categoryId: 'D', mapping: 'pathname', strict: true, reactionsEnabled: true, inputPosition: 'bottom', theme: { light: 'light', dark: 'dark' } } as const;

  it('trusts the theme script and the copy script on every site, and a feature’s scripts only when the config turns it on', () => {
    const bare = engineScripts({});
    expect(bare.inlineScriptHashes).toHaveLength(1);
    expect(Object.keys(bare.scriptFiles)).toEqual(['/enhance/copy-code.js']);
    const full = engineScripts({ comments: giscus, reactions: { endpoint: 'https://api.example.org/reactions' } });
    expect(full.scriptFiles).toEqual({
      '/enhance/copy-code.js': {},
      '/enhance/giscus-theme.js': {},
      'https://giscus.app/client.js': { frame: ['https://giscus.app'], style: ['https://giscus.app'] },
      '/enhance/reactions.js': { connect: ['https://api.example.org'] },
    });
  });

  it('names every file in public/enhance/ (a new enhancement script must be granted there)', () => {
    const full = engineScripts({ comments: giscus, reactions: { endpoint: 'https://api.example.org/reactions' } });
    const files = fs.readdirSync(path.join(process.cwd(), 'public', 'enhance')).map((name) => `/enhance/${name}`);
    expect(files.filter((file) => !(file in full.scriptFiles))).toEqual([]);
  });
});

describe('template content', () => {
  it('is covered too: a script that clones a template puts it on the page', () => {
    const tree = fromHtml('<template><style>.t{}</style><span style="top:0"></span><a href="javascript:x">x</a></template>');
    const needs = collectPolicyNeeds(tree, options);
    expect(needs.styleHashes).toEqual([sha256Source('.t{}')]);
    expect(needs.styleAttributes).toBe(true);
    expect(findUnsafeMarkup(tree, options)).toHaveLength(1);
  });
});
