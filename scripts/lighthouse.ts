/**
 * `npm run lighthouse`: Lighthouse's four scores for every page of out/, with its default mobile settings
 * (emulated phone, throttled network and CPU), in the same Chromium the tests use. Build first.
 * The 404 page is left out: it answers 404 on purpose, which Lighthouse counts against SEO.
 * Each page is audited LIGHTHOUSE_RUNS times (3 unless set) and reported from its median run, as Lighthouse's
 * guide to score variability recommends (docs/variability.md): one run's performance score moves by several
 * points from one run to the next on an unchanged page. The spread of the performance scores is shown too.
 * `npm run lighthouse -- --site FOLDER --pages /a/,/b/` audits another export (BASE_PATH set for one built under
 * a base path, as the fixture site is) or only some pages.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { computeMedianRun } from 'lighthouse/core/lib/median-run.js';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { weighPages } from '../lib/export/page-weight';
import { formatTable } from '../lib/text-table';
import { startPreviewServer } from './preview-server';

const port = Number(process.env.LIGHTHOUSE_PORT ?? 3198);
const runs = Math.max(1, Number(process.env.LIGHTHOUSE_RUNS ?? 3) || 1);
const { values: options } = parseArgs({ options: { site: { type: 'string', default: 'out' }, pages: { type: 'string' } } });
const outDirectory = path.resolve(options.site);
const basePath = process.env.BASE_PATH ?? '';
const chosen = options.pages?.split(',').map((page) => page.trim());
const urls = weighPages(outDirectory, basePath)
  .map((weight) => weight.url)
  .filter((url) => url.endsWith('/') && (chosen === undefined || chosen.includes(url.slice(basePath.length) || '/') || chosen.includes(url)));

const server = await startPreviewServer(port, options.site, basePath ? { BASE_PATH: basePath } : {});
const chrome = await chromeLauncher.launch({ chromePath: findChromium(), chromeFlags: ['--headless=new', ...chromiumArgs] });
const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const started = performance.now();
let below = 0;
try {
  const rows: string[][] = [];
  for (const url of urls) {
    const results = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${server.url}${url}`, { port: chrome.port, logLevel: 'error', onlyCategories: [...categories] });
      if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
      results.push(result);
    }
    // The run nearest the median first paint and time to interactive: Lighthouse's own choice of a representative run.
    const median: unknown = computeMedianRun(results.map((run) => run.lhr));
    const result = results.find((run) => run.lhr === median) ?? results[0];
    if (!result) throw new Error(`Lighthouse gave no result for ${url}`);
    const { lhr } = result;
    const score = (report: typeof lhr, category: string) => Math.round((report.categories[category]?.score ?? 0) * 100);
    const scores = categories.map((category) => score(lhr, category));
    below += scores.filter((value) => value < 100).length;
    const performanceScores = results.map((run) => score(run.lhr, 'performance')).sort((a, b) => a - b);
    const spread = performanceScores[0] === performanceScores.at(-1) ? String(performanceScores[0]) : `${performanceScores[0]}–${performanceScores.at(-1)}`;
    rows.push([url, ...scores.map(String), spread]);
    // Name what cost points, so a score below 100 says what to fix.
    for (const audit of Object.values(lhr.audits)) {
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary') rows.push([`  ↳ ${audit.id}: ${audit.title}`]);
      // Performance is scored from timings: name the ones below full marks, with their values.
      if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'numeric' && audit.displayValue) {
        rows.push([`  ↳ ${audit.id}: ${audit.displayValue} (score ${Math.round(audit.score * 100)})`]);
      }
    }
    // Blocking time comes from long tasks: say what ran in them, from the page load's trace.
    if ((lhr.audits['total-blocking-time']?.score ?? 1) < 1) {
      for (const line of longTasks(result.artifacts.Trace.traceEvents)) rows.push([`    ${line}`]);
    }
  }
  const header = ['page', ...categories, `performance, ${runs} runs`];
  console.log(
    `Lighthouse ${lighthouseVersion()} (mobile), ${urls.length} pages × ${runs} runs in ${((performance.now() - started) / 1000).toFixed(0)} s; each page's median run:`,
  );
  console.log(formatTable(header, rows));
  console.log(below === 0 ? 'Every score is 100.' : `${below} scores below 100.`);
} finally {
  await chrome.kill();
  server.stop();
}

interface TraceEvent {
  name: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * The page's main-thread tasks of 50 ms or more as observed (Lighthouse's simulation multiplies them by its
 * CPU slowdown), each with the longest events nested in it: which of them are the page's own work.
 */
function longTasks(events: readonly TraceEvent[]): string[] {
  const mainThreads = new Set(events.filter((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain').map((event) => `${event.pid}:${event.tid}`));
  return events
    .filter((event) => event.name === 'RunTask' && (event.dur ?? 0) >= 50_000 && mainThreads.has(`${event.pid}:${event.tid}`))
    .map((task) => {
      const end = task.ts + (task.dur ?? 0);
      const nested = events
        .filter((event) => event.pid === task.pid && event.tid === task.tid && event !== task && event.ts >= task.ts && event.ts + (event.dur ?? 0) <= end && (event.dur ?? 0) >= 5_000)
        .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))
        .slice(0, 4);
      const milliseconds = (event: TraceEvent) => `${((event.dur ?? 0) / 1000).toFixed(0)} ms`;
      return `long task ${milliseconds(task)} (observed): ${nested.map((event) => `${event.name} ${milliseconds(event)}`).join(', ')}`;
    });
}

function lighthouseVersion(): string {
  const manifest: unknown = JSON.parse(fs.readFileSync(path.resolve('node_modules/lighthouse/package.json'), 'utf8'));
  return manifest && typeof manifest === 'object' && 'version' in manifest ? String(manifest.version) : '';
}
