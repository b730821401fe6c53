/**
 * `npm run build`: content and Next.js side by side, then the export's finishing steps, then out/.
 *  0. refuse a content/ or public/ that is a symbolic link, and links in public/ that lead out of it
 *     (lib/content/project-folders.ts), before anything reads, writes or copies them;
 *  1. start `next build`, exporting into a staging folder beside out/ (lib/export/output-folder.ts); it
 *     compiles the app meanwhile, and its page renderers wait for step 2 and read no content file;
 *  2. read, validate and compile every page once (compile cache in .next/cache), reporting every
 *     problem in every file as `file:line: message` lines (and stopping Next); plan which pages Next
 *     renders: those the render cache does not hold finished (lib/export/render-cache.ts); draw the
 *     preview images while it renders, and put them into its export;
 *  3. finish the staged export: remove Next's client runtime (unless site.config.ts keeps it), refuse
 *     markup that would run unvouched code, prefix site URLs with BASE_PATH, give each page its Content
 *     Security Policy, write the deploy header files, check that every local link and asset exists, and
 *     print what each page weighs;
 *  4. swap the staged export in as out/. Until then out/ is untouched: a build that fails, crashes or is
 *     stopped (Ctrl-C, SIGTERM, SIGHUP) deletes its staging folder and leaves the previous out/ as it was.
 * DEBUG=1 shows stack traces of unexpected errors.
 */
// Compile page bodies for production, as `next build` renders them; Next's types call NODE_ENV read-only.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const started = performance.now();
const { spawn } = await import('node:child_process');
const fs = await import('node:fs');
const path = await import('node:path');
const { constants: osConstants } = await import('node:os');
const { planningProcessVariable, renderPlanVariable } = await import('@/lib/export/render-cache');
const { BuildRunningError, exportFolderVariable, outputFolderName, stageExport } = await import('@/lib/export/output-folder');

const projectDirectory = path.resolve(new URL('..', import.meta.url).pathname);
// Before anything reads or writes content/ or public/: `next build` copies public/ into the export following
// symbolic links, and the KaTeX and code-style steps below write into public/ (lib/content/project-folders.ts).
const { ContentErrors } = await import('@/lib/errors');
const { projectFolderProblems } = await import('@/lib/content/project-folders');
const folderProblems = projectFolderProblems(projectDirectory);
if (folderProblems.length > 0) fail(new ContentErrors(folderProblems).message);
const staged = (() => {
  try {
    return stageExport(projectDirectory);
  } catch (error) {
    if (error instanceof BuildRunningError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
})();
for (const line of staged.recovered) console.log(line);
// Every way out of this process short of SIGKILL passes here: fail(), a crash, process.exit() on a signal.
process.on('exit', () => {
  // A build that fails while `next build` still runs (a content error) stops it and its workers at once.
  if (nextBuild?.pid !== undefined && nextBuild.exitCode === null && nextBuild.signalCode === null) killGroup(-nextBuild.pid, 'SIGKILL');
  staged.discard();
});

let nextBuild: ReturnType<typeof spawn> | undefined;
let stopping = false;
/** Ctrl-C and friends: stop Next's build (and its workers), delete the staged export, exit 128 + signal. */
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`\nBuild stopped (${signal}); ${outputFolderName}/ is unchanged.`);
  const child = nextBuild;
  if (child?.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const group = -child.pid;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    killGroup(group, 'SIGTERM');
    const forced = setTimeout(() => killGroup(group, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
    // Workers that outlived Next's main process would go on writing into the staging folder.
    killGroup(group, 'SIGKILL');
  }
  process.exit(128 + (osConstants.signals[signal] ?? 1));
}
function killGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // The group has already exited.
  }
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, (received) => void stop(received));
/** Lets a signal that arrived during a synchronous step act before the next one starts. */
const checkpoint = () => new Promise((resolve) => setImmediate(resolve));

/** The export every finishing step works on: the staged folder, which becomes out/ at the end. */
const outDirectory = staged.folder;
const engineCache = path.join(projectDirectory, '.next', 'cache', 'portfolio-engine');
/** Which pages Next renders; its renderers wait for this file (lib/export/render-cache.ts, readRenderPlan). */
const planFile = path.join(engineCache, 'render-plan.json');

/**
 * Starts `next build` into the staging folder. It compiles the app (Turbopack) while this process compiles
 * the content; its renderers wait until the render plan is written. Resolves with its exit code.
 */
function startNextBuild(): Promise<number | null> {
  fs.rmSync(planFile, { force: true });
  // Its own process group, so that stopping the build stops Next's workers too (see stop()).
  const child = spawn(process.execPath, [path.join(projectDirectory, 'node_modules/next/dist/bin/next'), 'build'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, [exportFolderVariable]: staged.relativeFolder, [renderPlanVariable]: planFile, [planningProcessVariable]: String(process.pid) },
    detached: true,
  });
  nextBuild = child;
  heldNextOutput = [];
  child.stdout?.on('data', (chunk: Buffer) => (heldNextOutput ? heldNextOutput.push(['out', chunk]) : process.stdout.write(chunk)));
  child.stderr?.on('data', (chunk: Buffer) => (heldNextOutput ? heldNextOutput.push(['err', chunk]) : process.stderr.write(chunk)));
  // 'close', not 'exit': all its output has been read by then.
  return new Promise((resolve) => child.once('close', (code) => resolve(code)));
}
/**
 * Next's output while the content compiles: held back, so that the two do not interleave, and dropped if
 * the content has errors (the build then stops Next and reports only those).
 */
let heldNextOutput: (readonly ['out' | 'err', Buffer])[] | undefined;
function releaseNextOutput(): void {
  for (const [stream, chunk] of heldNextOutput ?? []) (stream === 'out' ? process.stdout : process.stderr).write(chunk);
  heldNextOutput = undefined;
}

// Next starts first, before this process loads the content pipeline: from here on, the two work side by side.
let nextExit = startNextBuild();

const { buildContentManifest } = await import('@/lib/content');
const { absoluteUrl, basePath, site } = await import('@/lib/site');
const { buildOgImages } = await import('@/lib/seo/og-images');
const { ineffectiveFlagsNotice } = await import('@/lib/social/flag-notice');
const { copyKatexAssets } = await import('./copy-katex-assets');
const { buildCodeStyles } = await import('./build-code-styles');
const { ExportError, findMissingAssets, finishExport } = await import('@/lib/export/finish-export');
const { formatWeightTable, summariseWeights, weighPages } = await import('@/lib/export/page-weight');
const { syncVercelConfig, writeDeployFiles } = await import('@/lib/export/deploy-files');
const { RenderCache, nextAssetsOf, renderKey, templateFingerprint } = await import('@/lib/export/render-cache');
const { mergePolicyNeeds } = await import('@/lib/security/content-security-policy');
const { engineScripts } = await import('@/lib/security/engine-scripts');
const { writeJsonAtomically } = await import('@/lib/json-file');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

/** Milliseconds per phase of the build, for its last line; a phase may end more than once. */
const phases = new Map<string, number>();
let phaseStarted = started;
function endPhase(name: string): void {
  const now = performance.now();
  phases.set(name, (phases.get(name) ?? 0) + now - phaseStarted);
  phaseStarted = now;
}

if (basePath !== '' && site.clientRuntime) {
  // Next's runtime loads its chunks from /_next/ (a path compiled into the chunks themselves), which the
  // export's base-path step cannot rewrite.
  fail(`BASE_PATH=${basePath} does not work with clientRuntime: true in site.config.ts yet: Next.js's runtime would load its files from /_next/. Build without BASE_PATH, or turn clientRuntime off.`);
}
copyKatexAssets();
// Earlier versions drew the preview images into public/og/, whence Next would copy stale ones into the export.
fs.rmSync(path.join(projectDirectory, 'public', 'og'), { recursive: true, force: true });
try {
  await buildCodeStyles();
} catch (error) {
  if (error instanceof Error && process.env.DEBUG !== '1') fail(`Build failed: the code-block stylesheet: ${error.message} (DEBUG=1 shows where)`);
  throw error;
}

let build: Awaited<ReturnType<typeof buildContentManifest>>;
try {
  build = await buildContentManifest();
} catch (error) {
  if (error instanceof ContentErrors) fail(error.message);
  if (error instanceof Error && process.env.DEBUG !== '1') fail(`Build failed: ${error.message} (DEBUG=1 shows where)`);
  throw error;
}
const urls = new Set(['/', ...build.pages.map((page) => page.url)]);
const brokenNav = site.nav.filter((link) => !urls.has(link.href.split('#')[0] ?? ''));
if (brokenNav.length > 0) {
  fail(
    brokenNav
      .map((link) => `site.config.ts: nav link "${link.label}" points to ${link.href}, which is not a page. Pages: ${[...urls].sort().join(', ')}.`)
      .join('\n'),
  );
}
console.log(`Content: ${build.pages.length} pages (${build.compiled} compiled, ${build.cached} from cache).`);
const flagsNotice = ineffectiveFlagsNotice(build.pages, site);
if (flagsNotice) console.log(flagsNotice);
endPhase('content');
await checkpoint();

// Pages whose finished HTML the render cache holds are not rendered again (lib/export/render-cache.ts).
const renderCache = site.clientRuntime ? undefined : RenderCache.load(path.join(engineCache, 'rendered-pages.json'));
const fingerprint = renderCache ? templateFingerprint(projectDirectory) : '';
const renderKeys = new Map(build.pages.map((page) => [page.url, renderKey(fingerprint, page)]));
/** The export's file for a content page's URL: `/about/` → `about/index.html`. */
const pageFile = (url: string) => `${url.slice(1)}index.html`;
// The home page lists every page: always rendered.
let reused = new Map(
  build.pages.flatMap((page) => {
    const entry = page.url === '/' ? undefined : renderCache?.lookup(page.url, renderKeys.get(page.url) ?? '');
    return entry ? [[page.url, entry] as const] : [];
  }),
);

// The preview images are drawn in a process of their own (see buildOgImages) while Next compiles the app.
// Next's renderers start only once the render plan is written, and the plan waits for the images, for at
// most ogImageHeadStart: drawn while the renderers rendered, the images' memory came on top of theirs at
// the build's peak (1000 pages: 1.76 GB). The cap keeps Next's renderers well inside the 60 s its workers
// are given per task (staticPageGenerationTimeout), however many images a first build of a large site draws.
const ogImages = buildOgImages(build.pages, site, absoluteUrl).catch((error: unknown) => {
  if (!(error instanceof Error)) throw error;
  fail(`Build failed: ${process.env.DEBUG === '1' ? (error.stack ?? error.message) : `${error.message} (DEBUG=1 shows where)`}`);
});
const ogImageHeadStart = 20_000;

/**
 * Plans the pages not reused, waits for `next build`, runs the finishing steps on what it wrote, and puts
 * the preview images into the export.
 */
async function exportPages(): Promise<Awaited<ReturnType<typeof finishExport>>> {
  const plan = build.pages.filter((page) => !reused.has(page.url)).map((page) => page.url);
  let headStart: NodeJS.Timeout | undefined;
  await Promise.race([ogImages, new Promise((resolve) => (headStart = setTimeout(resolve, ogImageHeadStart)))]);
  clearTimeout(headStart);
  writeJsonAtomically(planFile, plan);
  if (renderCache) console.log(`Render cache: ${reused.size} pages finished from earlier builds, ${plan.length} to render.`);
  releaseNextOutput();
  const nextStatus = await nextExit;
  await checkpoint();
  if (nextStatus !== 0) fail('next build failed (see above).');
  endPhase('next build');

  let finished: Awaited<ReturnType<typeof finishExport>>;
  try {
    const sourceFiles = Object.fromEntries(build.pages.map((page) => [pageFile(page.url), page.file]));
    finished = await finishExport(outDirectory, { basePath, clientRuntime: site.clientRuntime, scripts: engineScripts(site) }, sourceFiles);
  } catch (error) {
    if (error instanceof ExportError) fail(error.message);
    throw error;
  }
  const { report, place } = await ogImages;
  place(outDirectory);
  console.log(report);
  if (!site.clientRuntime) {
    console.log(
      `Zero-JS export: Next.js runtime removed from ${finished.pages} pages (${finished.removedFiles} files, ${Math.round(finished.removedBytes / 1024)} KB deleted).`,
    );
  }
  return finished;
}

let secured = await exportPages();
// A cached page links to Next's stylesheet by its content-hashed name. The template fingerprint covers
// everything that name depends on, so this only guards against what it cannot see: then render them all.
const staleAsset = [...reused.values()].flatMap((entry) => entry.nextAssets).find((asset) => !fs.existsSync(path.join(outDirectory, asset)));
if (staleAsset) {
  console.log(`Render cache: this build has no ${staleAsset}, which cached pages link to; rendering every page.`);
  renderCache?.clear();
  reused = new Map();
  fs.rmSync(outDirectory, { recursive: true, force: true });
  nextExit = startNextBuild();
  secured = await exportPages();
}
for (const [url, entry] of reused) {
  const file = path.join(outDirectory, pageFile(url));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, entry.html);
}
const siteNeeds = mergePolicyNeeds([secured.site, ...[...reused.values()].map((entry) => entry.policyNeeds)]);
const { vercelJson } = writeDeployFiles(outDirectory, siteNeeds, { basePath, clientRuntime: site.clientRuntime });
console.log(
  `Content Security Policy: a policy of its own in each of ${secured.pages + reused.size} pages${basePath ? `, every site URL under ${basePath}/` : ''}; out/_headers and out/.nojekyll written.`,
);
// vercel.json describes the site served at a host's root; a base-path build (GitHub Pages) leaves it alone.
// Vercel read it before this build, so there a stale one fails the build; elsewhere it is rewritten, but
// only once the new out/ is in place (a failed build changes nothing).
const vercelConfigFile = new URL('../vercel.json', import.meta.url).pathname;
const mayWriteVercelConfig = basePath === '' && process.env.VERCEL !== '1' && !process.env.CI;
if (basePath === '' && !mayWriteVercelConfig && syncVercelConfig(vercelConfigFile, vercelJson, false) === 'stale') {
  const advice = 'vercel.json in the repository is out of date for these pages: run `npm run build` locally and commit vercel.json.';
  if (process.env.VERCEL === '1') fail(`${advice} (Vercel read it before this build.)`);
  console.warn(advice);
}
const missing = findMissingAssets(outDirectory, { basePath, siteUrl: absoluteUrl('/') });
if (missing.length > 0) fail(`The export refers to files it does not contain:\n  ${missing.join('\n  ')}`);
endPhase('finish');
await checkpoint();

const weights = weighPages(outDirectory, basePath);
console.log(`\n${formatWeightTable(weights)}\n${summariseWeights(weights)}`);
endPhase('weigh');
await checkpoint();

// The pages this build rendered, finished, for the next build (a failed build stores nothing).
if (renderCache) {
  for (const page of build.pages) {
    const file = pageFile(page.url);
    const policyNeeds = secured.needs[file];
    if (page.url === '/' || reused.has(page.url) || !policyNeeds) continue;
    const html = fs.readFileSync(path.join(outDirectory, file), 'utf8');
    renderCache.store(page.url, { key: renderKeys.get(page.url) ?? '', html, policyNeeds, nextAssets: nextAssetsOf(html) });
  }
  renderCache.save(new Set(build.pages.map((page) => page.url)));
}

// Last: nothing after this can fail the build.
staged.publish();
if (mayWriteVercelConfig && syncVercelConfig(vercelConfigFile, vercelJson, true) === 'written') {
  console.log("vercel.json updated: its header policy follows the pages' scripts. Commit it with this change.");
}
console.log(`\nBuilt ${outputFolderName}/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${[...phases].map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`).join(', ')}).`);
