import { fork } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { Site } from '@/lib/site-config-schema';
import { placeFile } from '@/lib/export/place-file';
import { v8HelperThreadsFlag } from '@/lib/v8-helper-threads';
import { ogImagePath } from './og-image';
import type { OgCard } from './og-image-card';
import type { OgImageDrawing } from './og-image-drawing';
import type { OgImageWorkerOutcome } from './og-image-worker';
import { seoPageFor, type SeoPage } from './seo-page';

/**
 * Preview images for every page, made at build time (drawn by ./og-image-drawing.ts). Each image is cached
 * under the hash of what it shows and of the renderer, so a build renders only new or changed titles.
 */

const require = createRequire(import.meta.url);

function packageVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as { version: string }).version;
}

/** The modules that decide an image's bytes, besides the packages below. */
const rendererModules = ['og-image-card.tsx', 'og-image-drawing.ts', 'png-encoder.ts'] as const;

function rendererHash(): string {
  const hash = crypto.createHash('sha256');
  for (const name of rendererModules) hash.update(fs.readFileSync(path.join(import.meta.dirname, name)));
  hash.update(['satori', '@resvg/resvg-js', '@fontsource/inter'].map((name) => `${name}@${packageVersion(name)}`).join('\n'));
  return hash.digest('hex').slice(0, 16);
}

let rendererVersionMemo: string | undefined;
/** The card's design, its encoder and the versions of the packages that draw it: a change to any re-renders every image. */
export function rendererVersion(): string {
  rendererVersionMemo ??= rendererHash();
  return rendererVersionMemo;
}

export interface OgImageTarget {
  /** Site path of the image, `/og/about.png`. */
  path: string;
  card: OgCard;
}

/** The image every page needs, the home page's included (also when the site has no content/index.md). */
export function ogImageTargets(pages: readonly SeoPage[], site: Site, absoluteUrl: (sitePath: string) => string): OgImageTarget[] {
  const home = seoPageFor(
    pages.find((page) => page.url === '/'),
    site,
  );
  const homeUrl = new URL(absoluteUrl('/'));
  const address = `${homeUrl.host}${homeUrl.pathname.replace(/\/$/, '')}`;
  return [home, ...pages.filter((page) => page.url !== '/')].map((page) => ({
    path: ogImagePath(page.url),
    card: {
      title: page.title,
      // The home page's title is usually the site's name: say what the site is instead of the name twice.
      ...(page.url === '/' && page.title === site.name && { subtitle: page.description }),
      siteName: site.name,
      address,
    },
  }));
}

export interface OgImageReport {
  images: number;
  rendered: number;
  /** Wall-clock time spent rendering, for the build's report. */
  renderMs: number;
}

/** Where one target's image is kept: the cache file named after what it shows and the renderer. */
interface OgImageJob {
  target: OgImageTarget;
  cached: string;
}

/**
 * drawOgImages in a child process of its own. resvg's allocator keeps the pages of freed pixmaps for reuse
 * (./load-resvg.ts) and hands them back only when it allocates again, so a build that drew 1000 cards in its
 * own process held about 250 MB more until it ended, right through the peak of Next's renderers. A process
 * that exits gives it all back.
 */
function drawOgImagesInChildProcess(drawings: readonly OgImageDrawing[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(path.join(import.meta.dirname, 'og-image-worker.ts'), [], { execArgv: [v8HelperThreadsFlag, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    // The lowest priority within the build's session, below the build's own threads. Not below `next build`,
    // which runs in a session of its own (lib/next-adapter/next-build.ts): where Linux shares the cores between
    // sessions first (autogroups, its default), the cards take one core of two from Next's compile and are done
    // before Next's renderers start. A session of their own at the lowest priority was tried: the cards then waited
    // for the finish step and became the build's last wait, and their processes' memory stayed through Next's peak.
    try {
      if (child.pid !== undefined) os.setPriority(child.pid, 19);
    } catch {
      // A system that will not lower it draws them at the build's own priority.
    }
    let outcome: OgImageWorkerOutcome | undefined;
    child.on('message', (message: OgImageWorkerOutcome) => (outcome = message));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (outcome?.ok) return resolve();
      const error = new Error(`Drawing the preview images failed: ${outcome?.error ?? `their process ended with ${signal ?? `exit code ${code}`}`}`);
      // Where it failed is in the child's stack, not in this one.
      if (outcome?.stack) error.stack = `${error.message}\n${outcome.stack}`;
      reject(error);
    });
    child.send(drawings);
  });
}

/**
 * Renders into `cacheDirectory` every target's PNG it does not hold yet, and drops the cached images no
 * target uses (the cache keeps only what this build used). Place the images with placeOgImages. With
 * `inChildProcess`, the drawing happens in a process that exits when it is done (what the build does).
 */
export async function renderOgImages(
  targets: readonly OgImageTarget[],
  cacheDirectory: string,
  { inChildProcess = false }: { inChildProcess?: boolean } = {},
): Promise<OgImageReport & { jobs: readonly OgImageJob[] }> {
  fs.mkdirSync(cacheDirectory, { recursive: true });
  const version = rendererVersion();
  const jobs = targets.map((target) => {
    const key = crypto.createHash('sha256').update(JSON.stringify([version, target.card])).digest('hex').slice(0, 32);
    return { target, cached: path.join(cacheDirectory, `${key}.png`) };
  });
  const missing = jobs.filter((job) => !fs.existsSync(job.cached)).map((job) => ({ card: job.target.card, file: job.cached }));
  const started = performance.now();
  if (missing.length > 0) {
    // Imported only here: a build, which draws in the child process, does not load satori and resvg at all.
    if (inChildProcess) await drawOgImagesInChildProcess(missing);
    else await (await import('./og-image-drawing')).drawOgImages(missing);
  }
  const renderMs = performance.now() - started;
  const used = new Set(jobs.map((job) => path.basename(job.cached)));
  for (const name of fs.readdirSync(cacheDirectory)) if (!used.has(name)) fs.rmSync(path.join(cacheDirectory, name), { force: true });
  return { jobs, images: jobs.length, rendered: missing.length, renderMs };
}

/**
 * Puts every rendered image under `siteDirectory` (`og/about.png` → `<siteDirectory>/og/about.png`, served
 * as /og/about.png) and removes the images of pages that no longer exist.
 */
export function placeOgImages(jobs: readonly OgImageJob[], siteDirectory: string): void {
  const outputDirectory = path.join(siteDirectory, 'og');
  const wanted = new Set(jobs.map((job) => path.join(siteDirectory, job.target.path)));
  if (fs.existsSync(outputDirectory)) {
    for (const file of fs.readdirSync(outputDirectory, { recursive: true, withFileTypes: true })) {
      const full = path.join(file.parentPath, file.name);
      if (file.isFile() && !wanted.has(full)) fs.rmSync(full);
    }
  }
  for (const job of jobs) placeFile(job.cached, path.join(siteDirectory, job.target.path));
}

/** renderOgImages, then placeOgImages. */
export async function writeOgImages(
  targets: readonly OgImageTarget[],
  { siteDirectory, cacheDirectory, inChildProcess }: { siteDirectory: string; cacheDirectory: string; inChildProcess?: boolean },
): Promise<OgImageReport> {
  const { jobs, ...report } = await renderOgImages(targets, cacheDirectory, { inChildProcess });
  placeOgImages(jobs, siteDirectory);
  return report;
}

/**
 * Every page's preview image for `npm run build`, rendered into .next/cache while `next build` runs; the
 * build places them into its export (`place`) once Next has written it. Returns the report line too.
 */
export async function buildOgImages(
  pages: readonly SeoPage[],
  site: Site,
  absoluteUrl: (sitePath: string) => string,
): Promise<{ report: string; place: (siteDirectory: string) => void }> {
  const { jobs, ...report } = await renderOgImages(
    ogImageTargets(pages, site, absoluteUrl),
    path.join(process.cwd(), '.next', 'cache', 'portfolio-engine', 'og-images'),
    { inChildProcess: true },
  );
  // The whole drawing time, not a time per image: it includes starting the process they are drawn in.
  const timing = report.rendered === 0 ? '' : ` in ${(report.renderMs / 1000).toFixed(1)} s`;
  return {
    report: `Preview images: ${report.images} (${report.rendered} rendered${timing}, ${report.images - report.rendered} from cache).`,
    place: (siteDirectory) => placeOgImages(jobs, siteDirectory),
  };
}
