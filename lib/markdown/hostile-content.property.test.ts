/**
 * Hostile input that grows by itself: pages built from Markdown, MDX and Mermaid constructs, each carrying
 * known XSS and SSRF vectors, go through the real content compile, are rendered as the page route renders
 * them, and are finished by the export step. Each page is either refused (a content error, or the export's
 * refusal) or ships with nothing executable in it, as a browser parses it (twice, to catch markup that
 * changes when read again), under a policy that allows nothing a page without content does not, except
 * other sites' images. Meanwhile no request reaches a server the vectors name, and no code from content
 * runs on this machine.
 *
 * A fixed seed and HOSTILE_RUNS cases (300 unless set); `HOSTILE_RUNS=2000 HOSTILE_SEED=7 npx vitest run
 * lib/markdown/hostile-content.property.test.ts` explores more. A failure prints the seed and the
 * shrunk page that reproduces it.
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromParse5 } from 'hast-util-from-parse5';
import { toHtml } from 'hast-util-to-html';
import { parse } from 'parse5';
import { renderToStaticMarkup } from 'react-dom/server';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import { closeDiagramBrowser } from '@/lib/diagrams/mermaid-renderer';
import { RefusedMarkupError, finishPage } from '@/lib/export/finish-page';
import { parsePolicy, sha256Source } from '@/lib/security/content-security-policy';
import { loadPages } from '@/lib/content/pages';
import { engineScripts } from '@/lib/security/engine-scripts';
import { themeScript } from '@/lib/theme/theme-script';
import { urlScheme } from './content-policy';
import { compileMarkdown } from './index';
import { site } from '@/lib/site';

const runs = Number(process.env.HOSTILE_RUNS ?? 300);
const seed = Number(process.env.HOSTILE_SEED ?? 20261202);

const markerDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-property-'));
const requests: string[] = [];
const server = http.createServer((request, response) => {
  requests.push(request.url ?? '');
  response.writeHead(200, { 'Content-Type': 'image/png' }).end();
});
let origin = 'http://127.0.0.1:9';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.close();
  await closeDiagramBrowser();
  fs.rmSync(markerDirectory, { recursive: true, force: true });
});

/** One page in a folder of its own, compiled as the content build compiles it; the folder goes at once (thousands of cases). */
async function compileHostilePage(fileName: string, source: string): Promise<Awaited<ReturnType<typeof compileMarkdown>>> {
  const folder = fs.mkdtempSync(path.join(markerDirectory, '..', 'hostile-page-'));
  try {
    fs.writeFileSync(path.join(folder, fileName), source);
    const [page] = await loadPages(folder);
    if (!page) throw new Error('the page was not read');
    return await compileMarkdown(page, { siteUrl: site.baseUrl });
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

/** A JavaScript expression that, if it ever runs on this machine, leaves a file behind. */
const marker = `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(path.join(markerDirectory, 'ran'))}, '')`;

/** Known vectors; `ORIGIN` becomes the address of the server that counts requests. */
const vectors = [
  '<script>alert(1)</script>',
  '<script data-enhancement>alert(1)</script>',
  '&lt;script data-enhancement&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;',
  '&#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E;',
  '</style><script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<link rel="stylesheet" href="https://evil.example/x.css">',
  '<base href="https://evil.example/">',
  '"><script>alert(1)</script>',
  "'-alert(1)-'",
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  'java\tscript:alert(1)',
  ' javascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  '//evil.example/x',
  '\\\\evil.example/x',
  '/\\evil.example/x',
  'https://evil.example/x.png',
  'ORIGIN/ssrf.png',
  'url(ORIGIN/css)',
  'url(https://evil.example/x.png)',
  '@import "https://evil.example/x.css";',
  'expression(alert(1))',
  'u\\72l(ORIGIN/escaped)',
  `{${marker}}`,
  `\${${marker}}`,
  '{/* comment */}',
  '<!-- comment -->',
  '<!--',
  '{{ alert(1) }}',
  '[x](javascript:alert(1))',
  '![x](ORIGIN/image.png)',
  '\\(x\\)',
];

const vector = fc.constantFrom(...vectors).map((text) => text.replaceAll('ORIGIN', () => origin));
const word = fc.constantFrom('Hello', 'world', 'a', 'Diagram', 'x_1', 'ü', '`code`', '**bold**', '');
const text = fc.array(fc.oneof(word, vector), { minLength: 1, maxLength: 3 }).map((parts) => parts.join(' '));

/** One line of a Mermaid diagram that carries a vector where Mermaid reads text, CSS or a URL. */
const diagram = fc
  .record({
    header: fc.constantFrom(
      '',
      '%%{init: {"themeCSS": ".y::after{content:\\"VECTOR\\"}"}}%%\n',
      '%%{init: {"themeCSS": "VECTOR", "fontFamily": "VECTOR", "securityLevel": "loose"}}%%\n',
      '%%{init: {"themeVariables": {"primaryColor": "VECTOR"}, "htmlLabels": true}}%%\n',
      "---\nconfig:\n  themeCSS: \".y::after{content:'VECTOR'}\"\n  fontFamily: \"VECTOR\"\n---\n",
      '---\ntitle: "VECTOR"\n---\n',
    ),
    body: fc.constantFrom(
      'flowchart LR\n  a["VECTOR"] --> b',
      'flowchart LR\n  a --> b\n  click a "VECTOR" "tip"',
      'flowchart LR\n  a --> b\n  click a href "VECTOR"',
      'flowchart LR\n  a --> b\n  style a fill:VECTOR',
      'flowchart LR\n  a --> b\n  classDef k stroke:VECTOR\n  class b k',
      'flowchart TD\n  A@{ img: "VECTOR", label: "x", pos: "t", h: 60 }',
      'flowchart TD\n  A@{ img: "ORIGIN/img.png", label: "x", pos: "t", h: 60 }',
      'sequenceDiagram\n  accTitle: VECTOR\n  A->>B: VECTOR',
      'pie title VECTOR\n  "VECTOR" : 1\n  "b" : 2',
      'journey\n  title VECTOR\n  section S\n    VECTOR: 5: Me',
    ),
    vector,
  })
  .map(({ header, body, vector: value }) => `${header}${body}`.replaceAll('VECTOR', () => value.replace(/["\n]/g, '')).replaceAll('ORIGIN', () => origin));

/** A block of a page: prose, links, images, raw HTML, headings, code, JSX (MDX), and diagrams. */
const block = fc.oneof(
  text,
  fc.tuple(text, vector).map(([label, url]) => `[${label}](${url})`),
  fc.tuple(text, vector).map(([alt, url]) => `![${alt}](${url})`),
  fc.tuple(text, vector).map(([label, url]) => `[${label}][r]\n\n[r]: ${url}`),
  vector.map((html) => `<div>\n${html}\n</div>`),
  text.map((heading) => `## ${heading}`),
  vector.map((code) => `\`\`\`html\n${code}\n\`\`\``),
  fc.tuple(fc.constantFrom('a', 'img', 'span', 'details', 'Figure', 'script', 'iframe'), fc.constantFrom('href', 'src', 'title', 'onClick', 'style', 'dangerouslySetInnerHTML'), vector).map(
    ([tag, attribute, value]) => `<${tag} ${attribute}=${JSON.stringify(value)}>x</${tag}>`,
  ),
  vector.map((value) => `$${value}$`),
  diagram.map((source) => `\`\`\`mermaid\n${source}\n\`\`\``),
);

const hostilePage = fc.record({ format: fc.constantFrom<'md' | 'mdx'>('md', 'mdx'), blocks: fc.array(block, { minLength: 1, maxLength: 4 }) });

const scripts = engineScripts({});
const finishOptions = { basePath: '', clientRuntime: false, scripts };

/** The page as the route renders it, around the body: the engine's theme script in <head>, the body in <main>. */
const pageShell = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>T</title><script data-enhancement="">${themeScript}</script><link rel="stylesheet" href="/_next/static/a.css"></head><body><main>${body}</main></body></html>`;

const baseline = parsePolicy(finishPage(pageShell('<p>Plain.</p>'), 'out/plain/index.html', finishOptions).html.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '');

/** What, in a page as a browser parses it, could run script, load another document or send the reader away. */
function executableParts(tree: Root): string[] {
  const found: string[] = [];
  const themeHash = sha256Source(themeScript);
  visit(tree, 'element', (element: Element) => {
    const { tagName, properties } = element;
    const textOf = () => element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    if (tagName === 'script' && properties.type !== 'application/ld+json' && (properties.src !== undefined || sha256Source(textOf()) !== themeHash)) found.push(`<script> ${textOf().slice(0, 40)}`);
    if (['iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'base', 'portal', 'form', 'input', 'button'].includes(tagName)) found.push(`<${tagName}>`);
    if (tagName === 'meta' && properties.httpEquiv !== undefined && !String(properties.httpEquiv).toLowerCase().includes('content-security-policy')) found.push('<meta http-equiv>');
    if (tagName === 'link' && !/^\/(?!\/)/.test(String(properties.href ?? ''))) found.push(`<link href=${String(properties.href)}>`);
    if (tagName === 'style' && /[<]|@import|url\((?!#)/i.test(textOf())) found.push(`<style> ${textOf().slice(0, 40)}`);
    for (const [name, value] of Object.entries(properties)) {
      const values = Array.isArray(value) ? value.map(String) : [String(value)];
      if (/^on/i.test(name)) found.push(`${tagName}.${name}`);
      if (name === 'srcDoc') found.push(`${tagName}.srcdoc`);
      if (name === 'style' && /url\((?!#)|expression\(/i.test(values.join(' '))) found.push(`${tagName}.style=${values.join(' ').slice(0, 40)}`);
      if (['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'srcSet', 'cite'].includes(name)) {
        for (const each of values) {
          const scheme = urlScheme(each);
          if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') found.push(`${tagName}.${name}=${scheme}:`);
        }
      }
    }
  });
  return found;
}

/** Parses HTML as a browser does (scripting on: <noscript> is text then, as it is for a visitor with JavaScript). */
const browserParse = (html: string): Root => fromParse5(parse(html)) as Root;

type Outcome = 'refused by the content build' | 'refused by the export' | 'shipped';

async function buildAndCheck(format: 'md' | 'mdx', blocks: string[]): Promise<Outcome> {
  const frontMatter = '---\ntitle: Hostile\nmath: true\nmermaid: true\ntoc: true\n---\n\n';
  let compiled: Awaited<ReturnType<typeof compileMarkdown>>;
  try {
    compiled = await compileHostilePage(`hostile.${format}`, `${frontMatter}${blocks.join('\n\n')}\n`);
  } catch (error) {
    // Refused with a located, explained error; anything else (a crash) fails the property.
    if (error instanceof ContentError || error instanceof ContentErrors) return 'refused by the content build';
    throw error;
  }
  const html = compiled.format === 'html' ? compiled.html : renderToStaticMarkup(await MdxContent({ code: compiled.code }));
  let finished: string;
  try {
    finished = finishPage(pageShell(html), 'out/hostile/index.html', finishOptions).html;
  } catch (error) {
    if (error instanceof RefusedMarkupError) return 'refused by the export';
    throw error;
  }
  const once = browserParse(finished);
  const twice = browserParse(toHtml(once));
  expect(executableParts(once), finished).toEqual([]);
  expect(executableParts(twice), finished).toEqual([]);
  const policy = parsePolicy(finished.match(/http-equiv="Content-Security-Policy" content="([^"]*)"/)?.[1] ?? '');
  for (const [directive, sources] of policy) {
    const allowed = new Set(baseline.get(directive) ?? []);
    // A page's own images (other sites' too: a visitor's browser loads them, the build never does) and inline
    // styles (diagrams, KaTeX) are its to add; nothing else is.
    const added = sources.filter((source) => !allowed.has(source));
    const mayAdd = (source: string) =>
      (directive === 'img-src' && /^https?:\/\/[^/]+$/.test(source)) ||
      (directive === 'style-src' && source.startsWith("'sha256-")) ||
      (directive === 'style-src-attr' && source === "'unsafe-inline'");
    expect(added.filter((source) => !mayAdd(source)), `${directive} in ${finished}`).toEqual([]);
  }
  expect([...policy.keys()].filter((directive) => !baseline.has(directive) && directive !== 'style-src-attr')).toEqual([]);
  return 'shipped';
}

describe('hostile pages, generated', () => {
  it(`are refused, or ship with nothing executable and no wider policy (${runs} pages, seed ${seed})`, { timeout: 900_000 }, async () => {
    const outcomes = new Map<Outcome, number>();
    await fc.assert(
      fc.asyncProperty(hostilePage, async ({ format, blocks }) => {
        const outcome = await buildAndCheck(format, blocks);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      { numRuns: runs, seed, endOnFailure: false },
    );
    expect(requests, 'requests from the build to addresses content named').toEqual([]);
    expect(fs.readdirSync(markerDirectory), 'code from content ran on the build machine').toEqual([]);
    // Both ways must be exercised, or the property says little.
    expect(outcomes.get('shipped') ?? 0).toBeGreaterThan(runs / 10);
    expect(outcomes.get('refused by the content build') ?? 0).toBeGreaterThan(runs / 10);
  });

  it('would notice what it looks for: a script, a handler, a frame, a javascript: URL, markup in a style, an off-site stylesheet', () => {
    const tree = browserParse(
      `${pageShell('<script>x()</script><img src="/a.png" onerror="x()"><iframe></iframe><a href="java\tscript:x">a</a><svg><style>a{}&lt;b&gt;</style></svg>')}<link rel="stylesheet" href="https://evil.example/x.css">`,
    );
    expect(executableParts(tree)).toEqual(['<script> x()', 'img.onError', '<iframe>', 'a.href=javascript:', '<style> a{}<b>', '<link href=https://evil.example/x.css>']);
  });
});
