/**
 * `npm run build` as one sequence of named steps, read top to bottom, each timed (the last line lists them).
 * Data flows one way: content → compiled pages → the content manifest → `next build`, whose renderers read
 * that finished manifest → the finished export → out/. No step waits on, polls or signals another through a
 * file; the preview images are drawn in a child process beside `next build` and awaited after it.
 *
 * Until the last step, out/ is untouched: the build works in a staging folder (lib/build/output-folder.ts)
 * and a build that fails or is stopped deletes it. docs/architecture.md describes each step.
 */
import fs from 'node:fs';
import path from 'node:path';
import { contentFingerprint, writeManifest, type BuiltPage, type SiteModel } from '@/lib/content';
import { newBodySlots, type BodySlots } from '@/lib/content/body-slots';
import { bodyStoreFolder } from '@/lib/content/manifest';
import { dependsOnBuildDay } from '@/lib/content/site-model';
import { compileKeyOf, compileSiteContent } from '@/lib/content/site-build';
import { projectFolderProblems } from '@/lib/content/project-folders';
import { ContentErrors } from '@/lib/errors';
import { syncVercelConfig, writeDeployFiles } from '@/lib/export/deploy-files';
import { writeSiteFiles } from '@/lib/export/site-files';
import { findMissingAssets, finishExport, type FinishReport } from '@/lib/export/finish-export';
import { placeFile } from '@/lib/export/place-file';
import { budgetProblems, formatWeightTable, summariseWeights, weighPages, type PageMarkup } from '@/lib/export/page-weight';
import { MemoFile } from '@/lib/memo-file';
import { RenderCache, nextAssetsOf, planRender, renderKey, templateFingerprint, type RenderPlan } from '@/lib/export/render-cache';
import { nextVersionProblem, runNextBuild } from '@/lib/next-adapter/next-build';
import { mergePolicyNeeds } from '@/lib/security/content-security-policy';
import { engineScripts } from '@/lib/security/engine-scripts';
import { imageWidths } from '@/lib/images/process-image';
import { prepareSiteImages, siteImagesDigest, writeSiteImages, type SitePhotos } from '@/lib/images/site-images';
import { buildOgImages } from '@/lib/seo/og-images';
import { absoluteUrl, basePath, site } from '@/lib/site';
import { isExternalHref } from '@/lib/site-config-schema';
import { ineffectiveFlagsNotice } from './flag-notice';
import { buildPageStyles } from './page-styles';
import { copyKatexAssets } from './katex-assets';
import { outputFolderName, stageExport, type StagedExport } from './output-folder';
import { buildInputs, isUpToDate, recordBuild } from './up-to-date';

/** A build that cannot go on: its message is what the author reads (no stack trace). */
export class BuildFailure extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildFailure';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/** The build was stopped (Ctrl-C, SIGTERM) between two steps. */
export class BuildStopped extends Error {
  constructor() {
    super('The build was stopped.');
    this.name = 'BuildStopped';
  }
}

export interface BuildOptions {
  projectDirectory: string;
  /** Aborting it stops the build at the next step (and `next build` at once). */
  signal: AbortSignal;
}

/** Runs the steps in order, timing each; a stop request is honoured between steps. */
class Steps {
  readonly timings: [name: string, ms: number][] = [];
  private readonly started = performance.now();

  constructor(private readonly signal: AbortSignal) {}

  async run<T>(name: string, step: () => T | Promise<T>): Promise<T> {
    // Lets a signal that arrived during a synchronous step act before the next one starts.
    await new Promise((resolve) => setImmediate(resolve));
    if (this.signal.aborted) throw new BuildStopped();
    // A parent that started the build with an IPC channel (the bench, scripts/bench.ts) learns when each step
    // starts, to attribute time and memory to it; without one this does nothing.
    process.send?.({ buildStep: name });
    const start = performance.now();
    try {
      return await step();
    } finally {
      const existing = this.timings.find(([known]) => known === name);
      if (existing) existing[1] += performance.now() - start;
      else this.timings.push([name, performance.now() - start]);
    }
  }

  summary(): string {
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return `${seconds(performance.now() - this.started)} (${this.timings.map(([name, ms]) => `${name} ${seconds(ms)}`).join(', ')})`;
  }
}

export async function runBuild({ projectDirectory, signal }: BuildOptions): Promise<void> {
  const steps = new Steps(signal);
  const engineCache = path.join(projectDirectory, '.next', 'cache', 'portfolio-engine');
  const outFolder = path.join(projectDirectory, outputFolderName);

  await steps.run('check', () => checkProject(projectDirectory));
  const staged = await steps.run('stage', () => stageExport(projectDirectory));
  for (const line of staged.recovered) console.log(line);
  // Every way out short of SIGKILL passes here (a failure, a crash, process.exit on a signal): out/ stays as it was.
  const discard = () => staged.discard();
  process.once('exit', discard);
  try {
    await steps.run('assets', () => buildPublicAssets(projectDirectory));
    // Read after the assets, which this step writes into public/, and before anything else is read.
    const { template, inputs } = await steps.run('up to date', () => {
      const template = templateFingerprint(projectDirectory);
      return { template, inputs: buildInputs(template) };
    });
    if (isUpToDate(projectDirectory, outFolder, inputs)) {
      console.log(`${outputFolderName}/ is up to date: nothing it is built from (content, code, config, environment) changed since the build that wrote it, and it is as that build left it. Checked in ${steps.summary()}.`);
      return;
    }
    const content = await steps.run('content', () => compileContent(engineCache));
    const photos = await steps.run('photos', () => preparePhotos(projectDirectory, content.pages));
    const renderCache = site.clientRuntime ? undefined : new RenderCache(path.join(engineCache, 'finished-pages'));
    // Without the runtime, Next's payload is deleted: Markdown bodies go from the manifest to the finish step, not through React.
    const bodySlots = site.clientRuntime ? undefined : newBodySlots(bodyStoreFolder());
    let plan = await steps.run('plan', () => planPages(template, content, photos, renderCache, bodySlots));
    // Content is not compiled into the app (the renderers read the manifest): a build whose code is unchanged renders only.
    const compiledApp = { fingerprint: template, recordFile: path.join(engineCache, 'compiled-app.json') };
    // Drawn in a child process beside `next build` (which compiles the app first) and placed after it.
    const previewImages = startPreviewImages(content.pages);
    // A few pages render faster in one process than in one per core, each of which loads the app first.
    const renderProcesses = plan.render.length <= fewPages ? 1 : undefined;
    const nextBuild = await steps.run('next build', () => runNextBuild({ projectDirectory, exportFolder: path.relative(projectDirectory, staged.folder), env: {}, signal, compiledApp, renderProcesses }));
    if (nextBuild === 'rendered only') console.log('next build: rendered with the app compiled by an earlier build (no code, config or package changed since).');
    let finished = await steps.run('finish', () => finishPages(staged, content.pages, photos, bodySlots));

    // A reused page links to Next's stylesheet by its content-hashed name. The template fingerprint covers what
    // that name depends on, so this only guards against what it cannot see: then Next compiles the app afresh and
    // renders every page.
    const staleAsset = [...plan.reused.values()].flatMap((entry) => entry.nextAssets).find((asset) => !fs.existsSync(path.join(staged.folder, asset)));
    if (staleAsset) {
      console.log(`Render cache: this build has no ${staleAsset}, which cached pages link to; rendering every page.`);
      renderCache?.clear();
      fs.rmSync(staged.folder, { recursive: true, force: true });
      plan = await steps.run('plan', () => planPages(template, content, photos, renderCache, bodySlots));
      await steps.run('next build', () => runNextBuild({ projectDirectory, exportFolder: path.relative(projectDirectory, staged.folder), env: {}, signal }));
      finished = await steps.run('finish', () => finishPages(staged, content.pages, photos, bodySlots));
    }
    await steps.run('preview images', async () => placePreviewImages(await previewImages, staged));
    await steps.run('site files', () => {
      writeSiteFiles(staged.folder, content.pages, content.model, { site, absoluteUrl, basePath });
      writeSiteImages(staged.folder, photos);
    });
    const vercelJson = await steps.run('deploy files', () => completeExport(staged, plan, finished, content.model));
    await steps.run('weigh', () => weigh(staged, content.pages, engineCache, finished.markups));
    await steps.run('render cache', () => storeRenderedPages(staged, content.model, plan, finished.needs, renderCache));
    await steps.run('publish', () => {
      publish(projectDirectory, staged, vercelJson);
      recordBuild(projectDirectory, outFolder, inputs, { dependsOnDay: dependsOnBuildDay(content.pages) });
    });
  } finally {
    process.removeListener('exit', discard);
    staged.discard();
  }
  console.log(`\nBuilt ${outputFolderName}/ in ${steps.summary()}.`);
}

/** Refuses what no step could build: another Next.js than the adapter knows, linked folders, impossible settings. */
function checkProject(projectDirectory: string): void {
  const nextProblem = nextVersionProblem(projectDirectory);
  if (nextProblem) throw new BuildFailure(nextProblem);
  // Before anything reads or writes content/ or public/: `next build` copies public/ into the export following
  // symbolic links, and the assets step writes into public/ (lib/content/project-folders.ts).
  const folderProblems = projectFolderProblems(projectDirectory);
  if (folderProblems.length > 0) throw new ContentErrors(folderProblems);
  if (basePath !== '' && site.clientRuntime) {
    // Next's runtime loads its chunks from /_next/ (a path compiled into the chunks themselves), which the
    // export's base-path step cannot rewrite.
    throw new BuildFailure(
      `BASE_PATH=${basePath} does not work with clientRuntime: true in site.config.ts yet: Next.js's runtime would load its files from /_next/. Build without BASE_PATH, or turn clientRuntime off.`,
    );
  }
}

/** KaTeX's stylesheet and fonts, and the page stylesheets (code blocks, elements), into public/, which Next copies into the export. */
async function buildPublicAssets(projectDirectory: string): Promise<void> {
  copyKatexAssets();
  // Earlier versions drew the preview images into public/og/, whence Next would copy stale ones into the export.
  fs.rmSync(path.join(projectDirectory, 'public', 'og'), { recursive: true, force: true });
  try {
    await buildPageStyles();
  } catch (error) {
    if (error instanceof Error && process.env.DEBUG !== '1') throw new BuildFailure(`Build failed: the page stylesheets: ${error.message} (DEBUG=1 shows where)`);
    throw error;
  }
}

/** Every page read and compiled once (lib/content), or every problem in every file; the site's links checked against them. */
async function compileContent(engineCache: string): Promise<{ pages: BuiltPage[]; model: SiteModel; fingerprint: string }> {
  // Earlier versions kept the compile and render caches as one JSON file each, then the render cache as a folder
  // of JSON entries with the HTML inside; it is finished-pages/ now (lib/export/render-cache.ts).
  for (const retired of ['compiled-pages.json', 'rendered-pages.json', 'rendered-pages']) fs.rmSync(path.join(engineCache, retired), { recursive: true, force: true });
  // Taken before the pages are read: a file changed meanwhile makes the manifest stale, never wrongly current.
  const fingerprint = contentFingerprint();
  const build = await compileSiteContent();
  const { model } = build;
  const urls = new Set([...model.routes.keys(), ...model.redirects.map((redirect) => redirect.from)]);
  const brokenNav = site.nav.filter((link) => !isExternalHref(link.href) && !urls.has(link.href.split('#')[0] ?? ''));
  if (brokenNav.length > 0) {
    throw new BuildFailure(
      brokenNav
        .map((link) => `site.config.ts: nav link "${link.label}" points to ${link.href}, which is not a page. Pages: ${[...urls].sort().join(', ')}.`)
        .join('\n'),
    );
  }
  const lists = [...model.routes.values()].filter((route) => route.kind !== 'page').length;
  console.log(`Content: ${build.pages.length} pages (${build.compiled} compiled, ${build.cached} from cache); ${lists} lists, ${model.redirects.length} redirects, ${model.feeds.length} feeds.`);
  const flagsNotice = ineffectiveFlagsNotice(build.pages, site);
  if (flagsNotice) console.log(flagsNotice);
  return { pages: build.pages, model, fingerprint };
}

/** A render plan this small goes to one of Next's processes. */
const fewPages = 20;

/** The export's file for a content page's URL: `/about/` → `about/index.html`. */
const pageFile = (url: string) => `${url.slice(1)}index.html`;

/**
 * Which pages Next renders (the render cache holds the others finished), written with the compiled pages as
 * the content manifest that Next's renderers read (lib/content/manifest.ts).
 */
function planPages(
  template: string,
  content: { pages: BuiltPage[]; model: SiteModel; fingerprint: string },
  photos: SitePhotos,
  renderCache: RenderCache | undefined,
  bodySlots: BodySlots | undefined,
): RenderPlan {
  // A page's finished markup names its photos' variants, whose names change with the photos.
  const renderTemplate = renderCache ? `${template}\0${siteImagesDigest(photos.images)}` : '';
  // A route is keyed by all it shows: a page with its neighbours' links, a list with its pages.
  // Each compiled body is named by its compile key.
  const keys = new Map([...content.model.routes].map(([url, route]) => [url, renderKey(renderTemplate, route, compileKeyOf)]));
  // The home page is rendered whether or not a content page makes it: getStaticSlugs.
  const plan = planRender([...content.model.routes.keys()], keys, renderCache);
  // A page's link preview is a photo the photos step made, when it has one (its og:image).
  const pages = content.pages.map((page) => {
    const preview = photos.previews.get(page.url);
    return preview ? { ...page, preview } : page;
  });
  writeManifest({ fingerprint: content.fingerprint, pages, render: plan.render, bodySlotNonce: bodySlots?.nonce });
  if (renderCache) console.log(`Render cache: ${plan.reused.size} pages finished from earlier builds, ${plan.render.length} to render.`);
  return plan;
}

/**
 * Every local photo the pages show, made ready for the web (lib/images/): from the cache when it has them. A photo
 * that cannot be published fails the build with every such problem, at the lines that show it.
 */
async function preparePhotos(projectDirectory: string, pages: readonly BuiltPage[]): Promise<SitePhotos> {
  const { images, previews, errors, made, cached } = await prepareSiteImages(pages, {
    contentDirectory: path.join(projectDirectory, 'content'),
    publicDirectory: path.join(projectDirectory, 'public'),
    log: (line) => console.log(line),
  });
  if (errors.length > 0) throw new ContentErrors(errors);
  if (images.size > 0) {
    console.log(`Photos: ${images.size} (${made} made, ${cached} from the cache), each as AVIF and WebP at up to ${Math.max(...imageWidths)} pixels; ${previews.size} ${previews.size === 1 ? 'page shows one' : 'pages show one'} in link previews.`);
  }
  return { images, previews };
}

type PreviewImages = { ok: Awaited<ReturnType<typeof buildOgImages>> } | { error: unknown };

function startPreviewImages(pages: readonly BuiltPage[]): Promise<PreviewImages> {
  return buildOgImages(pages, site, absoluteUrl).then(
    (ok) => ({ ok }),
    (error: unknown) => ({ error }),
  );
}

function placePreviewImages(images: PreviewImages, staged: StagedExport): void {
  if ('error' in images) {
    const { error } = images;
    if (error instanceof Error && process.env.DEBUG !== '1') throw new BuildFailure(`Build failed: ${error.message} (DEBUG=1 shows where)`);
    throw error;
  }
  images.ok.place(staged.folder);
  console.log(images.ok.report);
}

/** What Next wrote, finished (lib/export/finish-export.ts): runtime stripped, unsafe markup refused, each page's policy. */
async function finishPages(staged: StagedExport, pages: readonly BuiltPage[], photos: SitePhotos, bodySlots: BodySlots | undefined): Promise<FinishReport> {
  const sourceFiles = Object.fromEntries(pages.map((page) => [pageFile(page.url), page.file]));
  // Each page is read for the weigh step as it is finished, on every core, rather than read again by that step.
  const finished = await finishExport(staged.folder, { basePath, clientRuntime: site.clientRuntime, scripts: engineScripts(site), images: photos.images, bodySlots }, sourceFiles, { weigh: true });
  if (!site.clientRuntime) {
    console.log(
      `Zero-JS export: Next.js runtime removed from ${finished.pages} pages (${finished.removedFiles} files, ${Math.round(finished.removedBytes / 1024)} KB deleted).`,
    );
  }
  return finished;
}

/**
 * The reused pages put in place (the render cache's files, linked), the deploy header files written for the
 * policy of every page, and every local link checked. Returns vercel.json's text, which `publish` writes.
 */
function completeExport(staged: StagedExport, plan: RenderPlan, finished: FinishReport, model: SiteModel): string {
  for (const [url, entry] of plan.reused) placeFile(entry.file, path.join(staged.folder, pageFile(url)));
  const siteNeeds = mergePolicyNeeds([finished.site, ...[...plan.reused.values()].map((entry) => entry.policyNeeds)]);
  const { vercelJson } = writeDeployFiles(staged.folder, siteNeeds, { basePath, clientRuntime: site.clientRuntime, redirects: model.redirects });
  console.log(
    `Content Security Policy: a policy of its own in each of ${finished.pages + plan.reused.size} pages${basePath ? `, every site URL under ${basePath}/` : ''}; ${outputFolderName}/_headers and ${outputFolderName}/.nojekyll written.`,
  );
  const missing = findMissingAssets(staged.folder, { basePath, siteUrl: absoluteUrl('/') });
  if (missing.length > 0) throw new BuildFailure(`The export refers to files it does not contain:\n  ${missing.join('\n  ')}`);
  return vercelJson;
}

/**
 * Every page weighed (lib/export/page-weight.ts), each page's markup read once across builds; a page over its
 * budget fails the build, at its file.
 */
function weigh(staged: StagedExport, pages: readonly BuiltPage[], engineCache: string, finishedMarkups: FinishReport['markups']): void {
  const settings = { page: site.budgets.page * 1024, pages: Object.fromEntries(Object.entries(site.budgets.pages).map(([url, kb]) => [url, kb * 1024])) };
  const markupMemo = new MemoFile<PageMarkup>(path.join(engineCache, 'page-weights.json'));
  // Read by the finish step from the pages as it wrote them; no later step writes over a page (site files refuse to).
  const weights = weighPages(staged.folder, basePath, settings, markupMemo, finishedMarkups);
  markupMemo.save();
  console.log(`\n${formatWeightTable(weights)}\n${summariseWeights(weights)}`);
  const files = new Map(pages.map((page) => [page.url, page.file]));
  const problems = budgetProblems(weights, settings, (url) => files.get(url));
  if (problems.length > 0) throw new ContentErrors(problems);
}

/** The pages this build rendered, finished, for the next build (a failed build stores nothing). */
function storeRenderedPages(
  staged: StagedExport,
  model: SiteModel,
  plan: RenderPlan,
  renderedNeeds: FinishReport['needs'],
  renderCache: RenderCache | undefined,
): void {
  if (!renderCache) return;
  for (const url of model.routes.keys()) {
    const file = pageFile(url);
    const policyNeeds = renderedNeeds[file];
    if (url === '/' || plan.reused.has(url) || !policyNeeds) continue;
    const key = plan.keys.get(url);
    const stagedFile = path.join(staged.folder, file);
    if (key) renderCache.store({ key, file: stagedFile, policyNeeds, nextAssets: nextAssetsOf(fs.readFileSync(stagedFile, 'utf8')) });
  }
  renderCache.keepOnly(new Set(plan.keys.values()));
}

/**
 * The staged export becomes out/ (nothing after this can fail the build), and vercel.json is kept in step
 * with its header policy. vercel.json describes the site served at a host's root, so a base-path build
 * (GitHub Pages) leaves it alone. Vercel reads it before it builds: there a stale one fails the build; in CI
 * it is reported; elsewhere it is rewritten, to be committed.
 */
function publish(projectDirectory: string, staged: StagedExport, vercelJson: string): void {
  const vercelConfigFile = path.join(projectDirectory, 'vercel.json');
  const mayWriteVercelConfig = basePath === '' && process.env.VERCEL !== '1' && !process.env.CI;
  if (basePath === '' && !mayWriteVercelConfig && syncVercelConfig(vercelConfigFile, vercelJson, false) === 'stale') {
    const advice = 'vercel.json in the repository is out of date for these pages: run `npm run build` locally and commit vercel.json.';
    if (process.env.VERCEL === '1') throw new BuildFailure(`${advice} (Vercel read it before this build.)`);
    console.warn(advice);
  }
  staged.publish();
  if (mayWriteVercelConfig && syncVercelConfig(vercelConfigFile, vercelJson, true) === 'written') {
    console.log("vercel.json updated: its header policy follows the pages' scripts. Commit it with this change.");
  }
}
