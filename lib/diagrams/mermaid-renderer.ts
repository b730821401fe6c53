import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page as BrowserPage } from 'playwright-core';

/**
 * Mermaid diagrams rendered to SVG at build time, in headless Chromium: Mermaid lays text out with the
 * browser's own font metrics, so it needs a real browser (jsdom has no layout), and running it at build time
 * means visitors download an SVG of a few KB instead of Mermaid's 800 KB (gzip) runtime. One browser serves
 * a whole build and starts only when some diagram is not in the cache.
 */

/** Everything besides a diagram's source and Mermaid's version that changes the SVG; part of the cache key. */
export const renderSettings = {
  /** Bump when the code below changes what is rendered. */
  revision: 3,
  themes: {
    light: { theme: 'default', themeVariables: {} },
    dark: {
      theme: 'dark',
      // Mermaid's dark theme colours pie slices from near-black greys that vanish on a dark page; these
      // mid-tone colours stand apart from the background and from each other, under light label text.
      themeVariables: {
        ...Object.fromEntries(
          ['#1d4ed8', '#be185d', '#047857', '#b45309', '#6d28d9', '#0e7490', '#b91c1c', '#4d7c0f', '#a21caf', '#c2410c', '#0f766e', '#4338ca'].map(
            (colour, index) => [`pie${index + 1}`, colour],
          ),
        ),
        pieStrokeColor: '#d4d4d8',
        pieOuterStrokeColor: '#d4d4d8',
        pieSectionTextColor: '#ffffff',
      },
    },
  },
  // The site's own font stack (app/globals.css), so labels are measured in the font visitors see.
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
  // Plain SVG <text> rather than HTML in <foreignObject>: the page's prose styles cannot reach into labels,
  // and the SVG stays valid outside an HTML page (feed readers, print).
  htmlLabels: false,
} as const;

export type DiagramTheme = keyof typeof renderSettings.themes;

/** A diagram's SVG in each theme. The SVGs' ids all start with `token`, for the caller to make them unique per page. */
export interface RenderedDiagram {
  token: string;
  /** Mermaid's name for the kind of diagram, e.g. `flowchart-v2`, `sequence`. */
  diagramType: string;
  /** The diagram's visible title (`title …` or front matter), if it has one; '' if not. */
  title: string;
  svg: Record<DiagramTheme, string>;
}

/** Mermaid's message for a diagram it cannot draw, and the line of the diagram's source it names, if any. */
export interface DiagramSyntaxError {
  message: string;
  line?: number;
}

export type DiagramResult = { ok: true; diagram: RenderedDiagram } | { ok: false; error: DiagramSyntaxError };

const mermaidDirectory = () => path.join(process.cwd(), 'node_modules', 'mermaid');

let mermaidVersionMemo: string | undefined;
export function mermaidVersion(): string {
  mermaidVersionMemo ??= (JSON.parse(fs.readFileSync(path.join(mermaidDirectory(), 'package.json'), 'utf8')) as { version: string }).version;
  return mermaidVersionMemo;
}

/** The cache key of a diagram: its source, Mermaid's version and the render settings. */
export function diagramCacheKey(source: string, version: string = mermaidVersion()): string {
  return crypto.createHash('sha256').update(JSON.stringify([source, version, renderSettings, lockedMermaidSettings])).digest('hex');
}

/**
 * Rendered diagrams from earlier builds, in one JSON file. Entries are small and few, and a diagram of a page
 * that comes from the compile cache is not asked for, so entries are kept until unused for `maxIdleDays`
 * rather than dropped after each build (which would relaunch the browser when any text on the page changes).
 */
class DiagramCache {
  private static readonly maxIdleDays = 30;
  private changed = false;

  private constructor(
    private readonly file: string,
    private readonly entries: Map<string, { diagram: RenderedDiagram; usedOn: string }>,
  ) {}

  static load(file: string): DiagramCache {
    let entries = new Map<string, { diagram: RenderedDiagram; usedOn: string }>();
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (parsed && typeof parsed === 'object') entries = new Map(Object.entries(parsed as Record<string, { diagram: RenderedDiagram; usedOn: string }>));
    } catch {
      // No cache yet, or a damaged one: start empty, it is only a cache.
    }
    return new DiagramCache(file, entries);
  }

  get(key: string): RenderedDiagram | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const today = new Date().toISOString().slice(0, 10);
    if (entry.usedOn !== today) {
      entry.usedOn = today;
      this.changed = true;
    }
    return entry.diagram;
  }

  set(key: string, diagram: RenderedDiagram): void {
    this.entries.set(key, { diagram, usedOn: new Date().toISOString().slice(0, 10) });
    this.changed = true;
  }

  save(): void {
    const oldest = new Date(Date.now() - DiagramCache.maxIdleDays * 86_400_000).toISOString().slice(0, 10);
    for (const [key, entry] of this.entries) {
      if (entry.usedOn < oldest) {
        this.entries.delete(key);
        this.changed = true;
      }
    }
    if (!this.changed) return;
    fs.mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(this.entries)));
    fs.renameSync(temporary, this.file);
    this.changed = false;
  }
}

/** Raised when a diagram needs rendering and no Chromium can be found or started. */
export class NoBrowserForDiagramsError extends Error {
  constructor(cause: string) {
    super(
      `Diagrams are drawn at build time in headless Chromium, and none could be started (${cause}). ` +
        'Install one (`apt-get install chromium`, or `npx playwright install --with-deps chromium`) or set CHROMIUM_PATH to its executable; ' +
        'or set `mermaid: false` on the pages listed to show their diagrams as code.',
    );
    this.name = 'NoBrowserForDiagramsError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** What this process has done so far: diagrams drawn in the browser, diagrams taken from the cache, browsers started. */
const counts = { rendered: 0, fromCache: 0, browserLaunches: 0 };
export function diagramCounts(): Readonly<typeof counts> {
  return { ...counts };
}

const defaultCacheFile = () => path.join(process.cwd(), '.next', 'cache', 'portfolio-engine', 'diagrams.json');
let cache: { file: string; cache: DiagramCache } | undefined;
let browser: Promise<{ browser: Browser; page: BrowserPage }> | undefined;

async function launchBrowser(): Promise<{ browser: Browser; page: BrowserPage }> {
  // Loaded here, not at the top: builds whose diagrams all come from the cache never load Playwright.
  const { chromiumArgs, findChromium } = await import('@/lib/chromium');
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (error) {
    throw new NoBrowserForDiagramsError(error instanceof Error ? error.message.replace(/:.*/, '') : String(error));
  }
  const { chromium } = await import('playwright-core');
  counts.browserLaunches++;
  let launched: Browser;
  try {
    launched = await chromium.launch({ executablePath, args: chromiumArgs });
  } catch (error) {
    throw new NoBrowserForDiagramsError(`${executablePath} did not start: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
  }
  const page = await launched.newPage();
  // A diagram is a stranger's input, and this browser runs on the build machine with --no-sandbox (root):
  // nothing it draws may reach the network. Mermaid fetches what a diagram names (an image shape's `img:`,
  // a `url(…)` in CSS, an icon pack), which would let content probe internal addresses, and its error told
  // whether they answered. Every request fails here, and the document's policy refuses them again.
  await page.route('**/*', (route) => route.abort('blockedbyclient'));
  // Mermaid's bundle is put into the document as inline script (addScriptTag with a path): nothing is fetched.
  await page.setContent(
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${drawingPagePolicy}"></head><body></body></html>`,
  );
  await page.addScriptTag({ path: path.join(mermaidDirectory(), 'dist', 'mermaid.min.js') });
  return { browser: launched, page };
}

/** The drawing page loads nothing: only its own inline script (Mermaid) and inline styles run. */
const drawingPagePolicy = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'";

/**
 * Mermaid settings a diagram may not change with a `%%{init}%%` directive or a `config:` block (Mermaid's
 * `secure` list): CSS and theme variables end up in the SVG's <style>, where they could smuggle markup or
 * remote URLs; the theme and labels decide what our light/dark variants and the sanitiser expect; the ids
 * must stay ours to make unique per page.
 */
export const lockedMermaidSettings = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'maxEdges',
  'suppressErrorRendering',
  'theme',
  'themeCSS',
  'themeVariables',
  'darkMode',
  'fontFamily',
  'altFontFamily',
  'htmlLabels',
  'deterministicIds',
  'deterministicIDSeed',
  'arrowMarkerAbsolute',
  'legacyMathML',
  'forceLegacyMathML',
] as const;

type BrowserOutcome = { diagramType: string; title: string; svg: Record<string, string> } | { message: string; line?: number };

/**
 * Runs in the browser: every diagram in each theme, or Mermaid's error for it. Plain JavaScript in a string,
 * because a compiled TypeScript function can carry the compiler's helpers (esbuild's `__name`), which do
 * not exist in the page.
 */
const renderInBrowser = `async ({ jobs, settings }) => {
  const results = [];
  for (const job of jobs) {
    const svg = {};
    let diagramType = '';
    try {
      for (const [variant, { theme, themeVariables }] of Object.entries(settings.themes)) {
        mermaid.initialize({
          startOnLoad: false,
          // Labels are sanitised and click handlers (which would need inline script) are off.
          securityLevel: 'strict',
          secure: settings.locked,
          theme,
          themeVariables,
          darkMode: variant === 'dark',
          fontFamily: settings.fontFamily,
          htmlLabels: settings.htmlLabels,
          flowchart: { htmlLabels: settings.htmlLabels },
          // Same source, same SVG: reproducible builds and a meaningful cache.
          deterministicIds: true,
          deterministicIDSeed: job.token,
        });
        const rendered = await mermaid.render(job.token + '-' + variant, job.source);
        svg[variant] = rendered.svg;
        diagramType = rendered.diagramType;
      }
      let title = '';
      try {
        // The visible title, which names the diagram for screen readers when it has no accTitle.
        const diagram = await mermaid.mermaidAPI.getDiagramFromText(job.source);
        title = (diagram.db.getDiagramTitle && diagram.db.getDiagramTitle()) || '';
      } catch {
        // Older or unusual diagram types: the type's own name will do.
      }
      results.push({ diagramType, title, svg });
    } catch (error) {
      const hash = error && error.hash;
      const line = hash && hash.loc && hash.loc.first_line !== undefined ? hash.loc.first_line : undefined;
      results.push({ message: error instanceof Error ? error.message : String(error), line });
    }
    // Mermaid leaves a container behind for a diagram it could not draw.
    for (const leftover of document.querySelectorAll('[id^="d' + job.token + '"], [id^="' + job.token + '"]')) leftover.remove();
  }
  return results;
}`;

/** Mermaid's parse errors repeat the source with a caret and count lines from the diagram's start; keep what helps. */
export function cleanMermaidMessage(message: string): string {
  // The one error every image shape gives with the network off, whatever its address (so it tells nothing about it).
  if (/source image cannot be decoded/i.test(message)) {
    return 'images in diagrams (`img:`) are not drawn: the build draws diagrams with the network off, so that content cannot make the build machine fetch addresses';
  }
  const lines = message.split('\n').map((line) => line.trim());
  const useful = lines.filter((line) => line && !/^Parse error on line \d+:?$/.test(line) && !/^-*\^$/.test(line));
  // The line after "Parse error on line N:" echoes the source; drop it when the caret follows it.
  const caret = lines.findIndex((line) => /^-*\^$/.test(line));
  const echoed = caret > 0 ? lines[caret - 1] : undefined;
  return (
    useful
      .filter((line) => line !== echoed)
      .join(' ')
      .replace(/\s+/g, ' ')
      // The error is reported at the file's line; a line number of Mermaid's own counts from the fence.
      .replace(/\bon line (\d+)/g, 'on line $1 of the diagram')
      .trim()
  );
}

/**
 * Renders each diagram source to light and dark SVG, taking known ones from the cache. Diagrams missing from
 * the cache are rendered in one browser call. Syntax errors come back as results, not exceptions.
 */
export function renderDiagrams(sources: readonly string[], cacheFile: string = defaultCacheFile()): Promise<DiagramResult[]> {
  // One page of one browser draws them, and Mermaid's configuration is global to it: the compile workers'
  // requests take turns.
  const rendered = drawingQueue.then(() => renderDiagramsNow(sources, cacheFile));
  drawingQueue = rendered.catch(() => undefined);
  return rendered;
}

let drawingQueue: Promise<unknown> = Promise.resolve();

async function renderDiagramsNow(sources: readonly string[], cacheFile: string): Promise<DiagramResult[]> {
  if (cache?.file !== cacheFile) cache = { file: cacheFile, cache: DiagramCache.load(cacheFile) };
  const store = cache.cache;
  const results: (DiagramResult | undefined)[] = [];
  const missing: { index: number; key: string; token: string; source: string }[] = [];
  sources.forEach((source, index) => {
    const key = diagramCacheKey(source);
    const known = store.get(key);
    if (known) {
      results[index] = { ok: true, diagram: known };
      counts.fromCache++;
    }
    // A letter first and no hyphen inside: a valid id that no heading slug (lower case) can equal.
    else missing.push({ index, key, token: `mermaidD${key.slice(0, 12)}`, source });
  });
  if (missing.length > 0) {
    browser ??= launchBrowser();
    let session: { browser: Browser; page: BrowserPage };
    try {
      session = await browser;
    } catch (error) {
      browser = undefined;
      throw error;
    }
    const input = { jobs: missing.map(({ token, source }) => ({ token, source })), settings: { ...renderSettings, locked: lockedMermaidSettings } };
    const rendered = (await session.page.evaluate(`(${renderInBrowser})(${JSON.stringify(input)})`)) as BrowserOutcome[];
    missing.forEach(({ index, key, token }, position) => {
      const outcome = rendered[position];
      if (!outcome) throw new Error('Mermaid returned fewer diagrams than it was given');
      if ('message' in outcome) {
        // Jison's parsers (flowchart, sequence…) give the line; Langium's (pie, packet…) only say it in the message.
        const line = outcome.line ?? Number(/\bon line (\d+)/.exec(outcome.message)?.[1] ?? Number.NaN);
        results[index] = { ok: false, error: { message: cleanMermaidMessage(outcome.message), line: Number.isNaN(line) ? undefined : line } };
        return;
      }
      const diagram: RenderedDiagram = { token, diagramType: outcome.diagramType, title: outcome.title.trim(), svg: { light: outcome.svg.light ?? '', dark: outcome.svg.dark ?? '' } };
      store.set(key, diagram);
      counts.rendered++;
      results[index] = { ok: true, diagram };
    });
  }
  store.save();
  return results.map((result) => {
    if (!result) throw new Error('a diagram was neither cached nor rendered');
    return result;
  });
}

/** Closes the build's browser, if one was started. The content build calls this when it is done. */
export async function closeDiagramBrowser(): Promise<void> {
  const running = browser;
  browser = undefined;
  if (!running) return;
  try {
    await (await running).browser.close();
  } catch {
    // It never started (the error was reported when a diagram asked for it) or is gone already.
  }
}
