/**
 * `npm run lighthouse`: Lighthouse's four scores for every page of out/, with its default mobile settings
 * (emulated phone, throttled network and CPU), in the same Chromium the tests use. Build first.
 * The 404 page is left out: it answers 404 on purpose, which Lighthouse counts against SEO.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { weighPages } from '../lib/export/page-weight';
import { formatTable } from '../lib/text-table';
import { startPreviewServer } from './preview-server';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 3198);
const outDirectory = path.resolve('out');
const urls = weighPages(outDirectory)
  .map((weight) => weight.url)
  .filter((url) => url.endsWith('/'));

const server = await startPreviewServer(port);
const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...chromiumArgs] });
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const started = performance.now();
let below = 0;
try {
  const rows: string[][] = [];
  for (const url of urls) {
    const result = await lighthouse(`${server.url}${url}`, { port: chrome.port, logLevel: 'error', onlyCategories: [...categories] });
    const lhr = result?.lhr;
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    const scores = categories.map((category) => Math.round((lhr.categories[category]?.score ?? 0) * 100));
    below += scores.filter((score) => score < 100).length;
    rows.push([url, ...scores.map(String)]);
    // Name what cost points, so a score below 100 says what to fix.
    for (const audit of Object.values(lhr.audits)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') rows.push([`  ↳ ${audit.id}: ${audit.title}`]);
      // Performance is scored from timings: name the ones below full marks, with their values.
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'numeric' && audit.displayValue) {
        rows.push([`  ↳ ${audit.id}: ${audit.displayValue} (score ${Math.round(audit.score * 100)})`]);
      }
    }
  }
  const header = ['page', ...categories];
  console.log(`Lighthouse ${lighthouseVersion()} (mobile), ${urls.length} pages in ${((performance.now() - started) / 1000).toFixed(0)} s:`);
  console.log(formatTable(header, rows));
  console.log(below === 0 ? 'Every score is 100.' : `${below} scores below 100.`);
} finally {
  await chrome.kill();
  server.stop();
}

function lighthouseVersion(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.resolve('node_modules/lighthouse/package.json'), 'utf8'));
  return manifest && typeof manifest === 'object' && 'version' in manifest ? String(manifest.version) : '';
}
