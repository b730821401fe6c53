import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import zlib from 'node:zlib';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { budgets, formatWeightTable, weighPages } from './page-weight';

const exportFolder = (files: Record<string, string | Buffer>) => tempFolder('weigh', files);

const gzip = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
const katexDist = path.dirname(createRequire(import.meta.url).resolve('katex'));
const katexCss = fs.readFileSync(path.join(katexDist, 'katex.min.css'), 'utf8');

describe('weighPages', () => {
  it('adds up the gzip size of the page, its stylesheets and its scripts', () => {
    const html = '<html><head><link rel="stylesheet" href="/site.css"><script src="/a.js"></script></head><body><p>Hi</p></body></html>';
    const css = 'p{color:red}'.repeat(50);
    const js = 'console.log(1);'.repeat(50);
    const out = exportFolder({ 'about/index.html': html, 'site.css': css, 'a.js': js });
    const [weight] = weighPages(out);
    expect(weight).toMatchObject({ url: '/about/', html: gzip(html), css: gzip(css), js: gzip(js), hasMath: false, budget: budgets.page, fonts: [] });
    expect(weight?.total).toBe(gzip(html) + gzip(css) + gzip(js));
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

  it('gives pages with KaTeX’s stylesheet the math budget, and lists the fonts their formulas use', () => {
    const formula = katex.renderToString('\\dfrac{\\partial\\phi(\\boldsymbol{r})}{\\partial t}', { displayMode: true });
    const html = `<html><head><link rel="stylesheet" href="/katex/katex.min.css"></head><body>${formula}</body></html>`;
    const fontFiles = Object.fromEntries(
      fs.readdirSync(path.join(katexDist, 'fonts')).map((font) => [`katex/fonts/${font}`, fs.readFileSync(path.join(katexDist, 'fonts', font))]),
    );
    const out = exportFolder({ 'm/index.html': html, 'katex/katex.min.css': katexCss, ...fontFiles });
    const [weight] = weighPages(out);
    expect(weight?.hasMath).toBe(true);
    expect(weight?.budget).toBe(budgets.mathPage);
    expect(weight?.fonts.map((font) => path.basename(font.file))).toEqual([
      'KaTeX_Main-Regular.woff2',
      'KaTeX_Math-BoldItalic.woff2',
      'KaTeX_Math-Italic.woff2',
    ]);
  });

  it('prints a table that flags pages over budget', () => {
    const out = exportFolder({ 'index.html': `<html><body><p>${'x'.repeat(10)}</p></body></html>` });
    const table = formatWeightTable(weighPages(out).map((weight) => ({ ...weight, total: budgets.page + 1 })));
    expect(table).toContain('OVER 8.0 KB');
  });
});
