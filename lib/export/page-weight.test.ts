import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { MemoFile } from '@/lib/memo-file';
import { budgetProblems, budgets, chosenCandidate, formatWeightTable, phoneScreen, sizesWidth, summariseWeights, weighPages, type PageMarkup } from './page-weight';

const exportFolder = (files: Record<string, string | Buffer>) => tempFolder('weigh', files);

const gzip = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
const katexDist = path.dirname(createRequire(import.meta.url).resolve('katex'));
const katexCss = fs.readFileSync(path.join(katexDist, 'katex.min.css'), 'utf8');

describe('weighPages', () => {
  it('adds up the gzip size of the page, its stylesheets and its scripts; what a feature links adds to its budget', () => {
    const html = '<html><head><link rel="stylesheet" href="/_next/static/chunks/site.css"><link rel="stylesheet" href="/styles/code-blocks.css"><script src="/enhance/copy-code.js"></script></head><body><p>Hi</p></body></html>';
    const css = 'p{color:red}'.repeat(50);
    const codeCss = 'pre{color:blue}'.repeat(50);
    const js = 'console.log(1);'.repeat(50);
    const out = exportFolder({ 'about/index.html': html, '_next/static/chunks/site.css': css, 'styles/code-blocks.css': codeCss, 'enhance/copy-code.js': js });
    const [weight] = weighPages(out);
    expect(weight).toMatchObject({ url: '/about/', html: gzip(html), css: gzip(css) + gzip(codeCss), js: gzip(js), hasMath: false, formulas: 0, fonts: [] });
    expect(weight?.total).toBe(gzip(html) + gzip(css) + gzip(codeCss) + gzip(js));
    // The site's stylesheet is the page's own; the code stylesheet and the copy button's script came with its code.
    expect(weight?.budget).toBe(budgets.page + gzip(codeCss) + gzip(js));
  });

  it("takes the site's budgets: every page's own, and a raised one for a named page", () => {
    const html = '<html><body><p>Hi</p></body></html>';
    const weights = weighPages(exportFolder({ 'index.html': html, 'a/index.html': html }), '', { page: 4096, pages: { '/a/': 20_000 } });
    expect(weights.map((weight) => [weight.url, weight.budget])).toEqual([
      ['/', 4096],
      ['/a/', 20_000],
    ]);
  });

  it('counts inline diagram drawings in the page and adds what they weigh to its budget', () => {
    const drawing = (n: number) => `<svg id="mermaidDiagram${n}-light" role="img" aria-label="Flowchart diagram">${'<path d="M0,0L10,10"/>'.repeat(20 * n)}<text>${n}</text></svg>`;
    const figure = (n: number) =>
      `<figure class="diagram"><div class="overflow-x-auto">${drawing(n)}</div><details><summary>Diagram source</summary><pre><code>flowchart LR</code></pre></details></figure>`;
    const plain = '<html><body><p>Text</p></body></html>';
    const html = `<html><body><p>Text</p>${figure(1)}${figure(2)}</body></html>`;
    const out = exportFolder({ 'plain/index.html': plain, 'drawn/index.html': html });
    const weights = weighPages(out);
    const drawn = weights.find((weight) => weight.url === '/drawn/');
    expect(weights.find((weight) => weight.url === '/plain/')).toMatchObject({ drawings: 0, budget: budgets.page });
    expect(drawn?.html).toBe(gzip(html));
    expect(drawn?.drawings).toBeGreaterThan(0);
    expect(drawn?.drawings).toBeLessThan(drawn?.html ?? 0);
    expect(drawn?.budget).toBe(budgets.page + (drawn?.drawings ?? 0));
    expect(formatWeightTable(weights).split('\n')[1]).toMatch(/page\s+html\s+drawings\s+css/);
  });

  it("counts a profile's link icons as drawings too", () => {
    const icon = (n: number) => `<a href="https://x${n}.example" aria-label="X${n}"><svg class="profile-icon" viewBox="0 0 24 24" aria-hidden="true"><path d="M${n} 1.5C2.3 4.5 ${n}.1 2 9 9Z"/></svg></a>`;
    const html = `<html><body><ul>${[1, 2, 3, 4, 5].map((n) => `<li>${icon(n)}</li>`).join('')}</ul></body></html>`;
    const [weight] = weighPages(exportFolder({ 'index.html': html }));
    expect(weight?.drawings).toBeGreaterThan(0);
    expect(weight?.budget).toBe(budgets.page + (weight?.drawings ?? 0));
  });

  it("counts the page's data inline for a kept Next.js runtime as the runtime's, adding what it weighs to the budget", () => {
    const words = Array.from({ length: 300 }, (_, n) => `word${(n * 7919) % 1000}`).join(' ');
    const plain = `<html><body><p>${words}</p><script type="application/ld+json">{"@type":"WebPage"}</script></body></html>`;
    const kept = plain.replace('</body>', `<script>self.__next_f.push([1,${JSON.stringify(`["$","p",null,{"children":"${words}"}]`)}])</script></body>`);
    const weights = weighPages(exportFolder({ 'plain/index.html': plain, 'kept/index.html': kept }));
    expect(weights.find((weight) => weight.url === '/plain/')).toMatchObject({ inlineRuntime: 0, budget: budgets.page });
    const keptWeight = weights.find((weight) => weight.url === '/kept/');
    expect(keptWeight?.inlineRuntime).toBeGreaterThan(0);
    expect(keptWeight?.inlineRuntime).toBeLessThan(keptWeight?.html ?? 0);
    expect(keptWeight?.budget).toBe(budgets.page + (keptWeight?.inlineRuntime ?? 0));
  });

  it('adds KaTeX’s stylesheet and an allowance per formula to a math page’s budget, and lists the fonts its formulas use', () => {
    const formula = katex.renderToString('\\dfrac{\\partial\\phi(\\boldsymbol{r})}{\\partial t}', { displayMode: true });
    const html = `<html><head><link rel="stylesheet" href="/katex/katex.min.css"></head><body>${formula}</body></html>`;
    const fontFiles = Object.fromEntries(
      fs.readdirSync(path.join(katexDist, 'fonts')).map((font) => [`katex/fonts/${font}`, fs.readFileSync(path.join(katexDist, 'fonts', font))]),
    );
    const out = exportFolder({ 'm/index.html': html, 'katex/katex.min.css': katexCss, ...fontFiles });
    const [weight] = weighPages(out);
    expect(weight?.hasMath).toBe(true);
    expect(weight?.formulas).toBe(1);
    expect(weight?.budget).toBe(budgets.page + gzip(katexCss) + budgets.perFormula);
    expect(weight?.fonts.map((font) => path.basename(font.file))).toEqual([
      'KaTeX_Main-Regular.woff2',
      'KaTeX_Math-BoldItalic.woff2',
      'KaTeX_Math-Italic.woff2',
    ]);
  });

  it('names each page over its budget at its file, with how far to raise it, and a raised budget for a page that does not exist', () => {
    const heavy = `<html><body>${Array.from({ length: 400 }, (_, n) => `<p>${n} ${(n * 7919).toString(36)} ${(n * 104729).toString(36)}</p>`).join('')}</body></html>`;
    const out = exportFolder({ 'index.html': heavy, 'posts/long/index.html': heavy, 'posts/short/index.html': '<html><body><p>Hi</p></body></html>' });
    const settings = { page: 1024, pages: { '/gone/': 4096 } };
    const weights = weighPages(out, '', settings);
    const messages = budgetProblems(weights, settings, (url) => (url === '/posts/long/' ? 'content/posts/long.md' : undefined)).map((problem) => problem.message);
    const over = weights.find((weight) => weight.url === '/posts/long/');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toMatch(/^site\.config\.ts: the page \/ transfers/);
    expect(messages[1]).toMatch(/^content\/posts\/long\.md: the page \/posts\/long\/ transfers \d+\.\d KB on a first visit \(HTML \d+\.\d KB, CSS 0\.0 KB, JavaScript 0\.0 KB, gzip\), \d+\.\d KB over its budget of 1\.0 KB \(1\.0 KB of its own\)\. /);
    expect(messages[1]).toContain(`raise its budget in site.config.ts: budgets: { pages: { '/posts/long/': ${Math.ceil((over?.total ?? 0) / 1024)} } }.`);
    expect(messages[2]).toBe('site.config.ts: budgets.pages names /gone/, which is not a page of this site. Name a page by its URL, such as /posts/first/, or remove the entry.');
  });

  it('prints a table that flags pages over budget', () => {
    const out = exportFolder({ 'index.html': `<html><body><p>${'x'.repeat(10)}</p></body></html>` });
    const table = formatWeightTable(weighPages(out).map((weight) => ({ ...weight, total: budgets.page + 1 })));
    expect(table).toContain('OVER 8.0 KB');
  });

  it('weighs the pictures a 390 px phone at 2× fetches: the AVIF candidate for the sizes, each file once, lazy ones not on the first screen', () => {
    const widths = [320, 640, 960, 1280, 1456];
    // Each variant's size is its width in bytes, so that the expected sums name the chosen widths.
    const variants = (name: string) => Object.fromEntries(widths.flatMap((width) => [[`_img/k/${name}-${width}.avif`, Buffer.alloc(width)], [`_img/k/${name}-${width}.webp`, Buffer.alloc(width * 10)]]));
    const picture = (name: string, sizes: string, loading: string) =>
      '<picture>' +
      `<source type="image/avif" srcset="${widths.map((width) => `/docs/_img/k/${name}-${width}.avif ${width}w`).join(', ')}" sizes="${sizes}">` +
      `<source type="image/webp" srcset="${widths.map((width) => `/docs/_img/k/${name}-${width}.webp ${width}w`).join(', ')}" sizes="${sizes}">` +
      `<img src="/docs/_img/k/${name}-1280.jpg" alt="" width="1456" height="970" ${loading}>` +
      '</picture>';
    const column = '(min-width: 768px) 728px, calc(100vw - 40px)';
    const html = [
      '<html><body>',
      picture('coast', column, 'loading="eager" fetchpriority="high"'),
      // Shown 200 px wide: 400 device pixels, so the 640 file.
      picture('stamp', '(min-width: 240px) 200px, calc(100vw - 40px)', 'loading="lazy" decoding="async"'),
      picture('coast', column, 'loading="lazy"'),
      '<img src="icon.png" alt="Icon" loading="lazy"><img src="https://other.example/x.png" alt="Elsewhere">',
      '</body></html>',
    ].join('');
    const out = exportFolder({ 'trip/index.html': html, 'trip/icon.png': Buffer.alloc(50), 'plain/index.html': '<html><body><p>Text</p></body></html>', ...variants('coast'), ...variants('stamp') });
    const weights = weighPages(out, '/docs');
    // 350 CSS pixels of a 390 px window, at 2×: 700 pixels, so the 960 file.
    expect(weights.find((weight) => weight.url === '/trip/')?.images).toEqual({ all: 960 + 640 + 50, firstScreen: 960 });
    expect(weights.find((weight) => weight.url === '/plain/')?.images).toEqual({ all: 0, firstScreen: 0 });
    const table = formatWeightTable(weights).split('\n');
    expect(table[1]).toMatch(/page\s+html\s+css\s+js\s+total\s+budget\s+fonts\s+images 390px\s+first screen/);
    expect(table.find((line) => line.startsWith('/trip/'))).toMatch(/1\.6 KB\s+0\.9 KB$/);
    expect(table.find((line) => line.startsWith('/plain/'))).toMatch(/-\s+-$/);
    expect(table.slice(-2)).toEqual([
      "images 390px: what a phone 390 px wide at 2× density fetches for the page's pictures (outside the budget).",
      'first screen: of those, what it fetches before any scrolling (every picture not marked loading="lazy").',
    ]);
    expect(summariseWeights(weights)).toMatch(/pictures on 1 page, at most 1\.6 KB on a 390 px phone \(\/trip\/, first screen 0\.9 KB\)\.$/);
  });

  it('takes the markup of pages the caller wrote as given, without reading them, and keeps it in the memo under its key', () => {
    const out = exportFolder({ 'a/index.html': '<html><body><p>A</p></body></html>', 'b/index.html': '<html><body><p>B</p></body></html>' });
    const given: PageMarkup = { html: 1, drawings: 0, inlineRuntime: 0, formulas: 0, stylesheets: [], scripts: [], katexFonts: [], pictures: [] };
    const memo = new MemoFile<PageMarkup>(undefined);
    const weights = weighPages(out, '', undefined, memo, { 'a/index.html': { key: 'written-a', markup: given } });
    expect(weights.map((weight) => [weight.url, weight.html])).toEqual([
      ['/a/', 1],
      ['/b/', gzip('<html><body><p>B</p></body></html>')],
    ]);
    expect(memo.get('written-a', () => ({ ...given, html: 2 })).html).toBe(1);
  });

  it('reads each page’s markup once across builds through a memo, with the weights of a build without one', () => {
    const formula = katex.renderToString('x^2', { displayMode: true });
    const files = {
      'm/index.html': `<html><head><link rel="stylesheet" href="/katex/katex.min.css"><link rel="stylesheet" href="/_next/site.css"></head><body>${formula}</body></html>`,
      'p/index.html': '<html><head><link rel="stylesheet" href="/_next/site.css"></head><body><img src="/a.png" alt="A"></body></html>',
      'katex/katex.min.css': katexCss,
      ...Object.fromEntries(fs.readdirSync(path.join(katexDist, 'fonts')).map((font) => [`katex/fonts/${font}`, fs.readFileSync(path.join(katexDist, 'fonts', font))])),
      '_next/site.css': 'body{color:black}',
      'a.png': Buffer.alloc(300),
    };
    const out = exportFolder(files);
    const memoFile = path.join(out, '..', `${path.basename(out)}-memo.json`);
    const plain = weighPages(out);
    const memo = new MemoFile<PageMarkup>(memoFile);
    expect(weighPages(out, '', undefined, memo)).toEqual(plain);
    memo.save();
    expect(weighPages(out, '', undefined, new MemoFile<PageMarkup>(memoFile))).toEqual(plain);

    // The memo is what is read: an entry changed behind its back shows (the file sizes the page links are not memoised).
    const stored = JSON.parse(fs.readFileSync(memoFile, 'utf8')) as Record<string, PageMarkup>;
    for (const markup of Object.values(stored)) markup.html = 1;
    fs.writeFileSync(memoFile, JSON.stringify(stored));
    fs.writeFileSync(path.join(out, '_next/site.css'), `body{color:black}${'p{margin:0}'.repeat(10)}`);
    const fromMemo = weighPages(out, '', undefined, new MemoFile<PageMarkup>(memoFile));
    expect(fromMemo.map((weight) => weight.html)).toEqual([1, 1]);
    expect(fromMemo.map((weight) => weight.css)).toEqual(weighPages(out).map((weight) => weight.css));
    expect(fromMemo.find((weight) => weight.url === '/p/')?.images.all).toBe(300);
    // A page whose markup changed is read again.
    fs.writeFileSync(path.join(out, 'p/index.html'), '<html><body><p>Changed</p></body></html>');
    expect(weighPages(out, '', undefined, new MemoFile<PageMarkup>(memoFile)).find((weight) => weight.url === '/p/')?.html).toBe(gzip('<html><body><p>Changed</p></body></html>'));
  });

  it('leaves the picture columns out for a site without pictures', () => {
    const table = formatWeightTable(weighPages(exportFolder({ 'index.html': '<html><body><p>Text</p></body></html>' })));
    expect(table).not.toContain('first screen');
  });
});

describe('chosenCandidate', () => {
  const srcset = '/a-320.avif 320w, /a-640.avif 640w, /a-960.avif 960w';

  it('reads sizes as a browser does: the first entry whose condition holds, 100vw without one', () => {
    expect(sizesWidth('(min-width: 768px) 728px, calc(100vw - 40px)', 390)).toBe(350);
    expect(sizesWidth('(min-width: 768px) 728px, calc(100vw - 40px)', 1280)).toBe(728);
    expect(sizesWidth('(max-width: 400px) 50vw, 30rem', 390)).toBe(195);
    expect(sizesWidth('(max-width: 400px) 50vw, 30rem', 800)).toBe(480);
    expect(sizesWidth(undefined, 390)).toBe(390);
  });

  it('takes the narrowest candidate at least as wide as wanted, else the widest; density descriptors by density', () => {
    expect(chosenCandidate(srcset, 'calc(100vw - 40px)', phoneScreen)).toBe('/a-960.avif');
    expect(chosenCandidate(srcset, '150px', phoneScreen)).toBe('/a-320.avif');
    expect(chosenCandidate(srcset, undefined, { width: 1280, density: 2 })).toBe('/a-960.avif');
    expect(chosenCandidate('/b.png, /b@2x.png 2x, /b@3x.png 3x', undefined, phoneScreen)).toBe('/b@2x.png');
    expect(chosenCandidate('/b.png 1x', undefined, phoneScreen)).toBe('/b.png');
  });
});
