/**
 * `npm run build`: content first, then Next.js, then the export's finishing steps.
 *  1. read, validate and compile every page once (compile cache in .next/cache), reporting every
 *     problem in every file as `file:line: message` lines;
 *  2. `next build`, whose page renderers read the compiled pages and no content file;
 *  3. finish out/: remove Next's client runtime (unless site.config.ts keeps it), check that every
 *     local link and asset exists, and print what each page weighs.
 * DEBUG=1 shows stack traces of unexpected errors.
 */
// Compile page bodies for production, as `next build` renders them; Next's types call NODE_ENV read-only.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const { spawnSync } = await import('node:child_process');
const { ContentErrors, buildContentManifest } = await import('@/lib/content');
const { site } = await import('@/lib/site');
const { copyKatexAssets } = await import('./copy-katex-assets');
const { buildCodeStyles } = await import('./build-code-styles');
const { ExportError, findMissingAssets, removeClientRuntime } = await import('@/lib/export/finish-export');
const { formatWeightTable, summariseWeights, weighPages } = await import('@/lib/export/page-weight');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const started = performance.now();
const phases: string[] = [];
let phaseStarted = started;
function endPhase(name: string): void {
  const now = performance.now();
  phases.push(`${name} ${((now - phaseStarted) / 1000).toFixed(1)} s`);
  phaseStarted = now;
}

copyKatexAssets();
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
try {
  await buildCodeStyles();
} catch (error) {
  if (error instanceof Error && process.env.DEBUG !== '1') fail(`Build failed: the code-block stylesheet: ${error.message} (DEBUG=1 shows where)`);
  throw error;
}
endPhase('content');

const next = spawnSync(process.execPath, [new URL('../node_modules/next/dist/bin/next', import.meta.url).pathname, 'build'], {
  stdio: 'inherit',
  env: process.env,
});
if (next.status !== 0) fail('next build failed (see above).');
endPhase('next build');

const outDirectory = new URL('../out', import.meta.url).pathname;
if (!site.clientRuntime) {
  try {
    const report = removeClientRuntime(outDirectory);
    console.log(
      `Zero-JS export: Next.js runtime removed from ${report.pages} pages (${report.removedFiles} files, ${Math.round(report.removedBytes / 1024)} KB deleted).`,
    );
  } catch (error) {
    if (error instanceof ExportError) fail(error.message);
    throw error;
  }
}
const missing = findMissingAssets(outDirectory);
if (missing.length > 0) fail(`The export refers to files it does not contain:\n  ${missing.join('\n  ')}`);
endPhase('finish');

const weights = weighPages(outDirectory);
console.log(`\n${formatWeightTable(weights)}\n${summariseWeights(weights)}`);
endPhase('weigh');
console.log(`\nBuilt out/ in ${((performance.now() - started) / 1000).toFixed(1)} s (${phases.join(', ')}).`);
