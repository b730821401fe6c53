import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CompiledBody, CompileInput } from '@/lib/markdown';
import { contentPath, internalLinkErrors, internalLinkUrls } from './internal-links';
import { shownFileErrors } from './shown-files';
import { site } from '@/lib/site';
import type { Site } from '@/lib/site-config-schema';
import { CompileCache } from './compile-cache';
import { contentFingerprint, pipelineVersion } from './content-fingerprint';
import { MemoFile } from '@/lib/memo-file';
import type { BodyOpening } from './page-opening';
import { buildSiteModel, type SiteModel } from './site-model';
import type { BuiltPage } from './manifest';
import type { SiteImage } from '@/lib/images/site-images';

export type { BuiltPage };
import { ContentError, ContentErrors } from '@/lib/errors';
import { drawDiagramsInBrowser, PageCompiler } from './page-compiler';
import { contentDirectory, noOpening, parsedOpenings, readPages, type OpeningSource, type Page } from './pages';


export interface ContentBuild {
  pages: BuiltPage[];
  /** Every problem in every file, sorted by file; the pages above are the ones without problems. */
  errors: ContentError[];
  /** The site model of the pages above (lib/content/site-model.ts). */
  model: SiteModel;
  /** Pages compiled by this build, and pages whose compiled body came from the cache. */
  compiled: number;
  cached: number;
}

const engineCacheDirectory = path.join(process.cwd(), '.next', 'cache', 'portfolio-engine');

/** Everything a compiled body depends on. The file's name and line numbers only ever appear in errors, and
 * a body with errors is never cached, so a renamed or re-front-mattered page still hits the cache. The
 * site's address decides which links are external; the items of the collection files it names are its text too. */
function compileKey(page: Page & Pick<CompileInput, 'internalLinks'>): string {
  const { format, frontMatterFormat, options, body, internalLinks, collections } = page;
  return CompileCache.key([pipelineVersion(), site.baseUrl, format, frontMatterFormat, options, body, internalLinks ?? {}, collections ?? {}]);
}

const caches = new Map<string, CompileCache>();

/** Each compiled body's compile key, which covers everything the body is made from. */
const compileKeys = new WeakMap<object, string>();

/**
 * The compile key of a body this process's content build made or took from the cache: a digest that can stand
 * for the body (lib/export/render-cache.ts renderKey), where hashing the bodies again cost 0.3 s a build on 1000 pages.
 */
export function compileKeyOf(body: object): string | undefined {
  return compileKeys.get(body);
}

let openingVersionMemo: string | undefined;

/** What a body's opening depends on besides the body: the parser (the pipeline's version) and page-opening.ts itself. */
function openingVersion(): string {
  openingVersionMemo ??= MemoFile.key([pipelineVersion(), fs.readFileSync(path.join(process.cwd(), 'lib', 'content', 'page-opening.ts'), 'utf8')]);
  return openingVersionMemo;
}

const openingMemos = new Map<string, MemoFile<BodyOpening>>();

/**
 * The openings of the bodies under a compile cache folder, kept beside it: parsing every page's opening for its
 * title and description was a third of an edit's content step on 1000 pages (0.5 s), for bodies that had not changed.
 */
function openingMemo(cacheFolder: string): MemoFile<BodyOpening> {
  let memo = openingMemos.get(cacheFolder);
  if (!memo) {
    memo = new MemoFile(path.join(path.dirname(cacheFolder), 'page-openings.json'));
    openingMemos.set(cacheFolder, memo);
  }
  return memo;
}

/**
 * Openings through a memo: a body read before, with the same settings, is not parsed again. The others are read by
 * `parse`: the compile workers in a build, this thread where there are none (Next's static-paths process).
 */
const memoisedOpenings =
  (memo: MemoFile<BodyOpening>, parse: OpeningSource): OpeningSource =>
  async (queries) => {
    // A page whose front matter gives its title and description needs nothing of its body, nor a memo entry.
    const keys = queries.map(({ body, format, math, wants }) => (wants.heading || wants.paragraph ? MemoFile.key([openingVersion(), format, math, wants, body]) : undefined));
    const unseen = queries.filter((_, index) => keys[index] !== undefined && !memo.has(keys[index]));
    const openings = unseen.length === 0 ? [] : await parse(unseen);
    const parsed = new Map(unseen.map((query, position) => [query, openings[position] ?? noOpening()]));
    return queries.map((query, index) => {
      const key = keys[index];
      return key === undefined ? noOpening() : memo.get(key, () => parsed.get(query) ?? noOpening());
    });
  };

/**
 * Pages one more worker must have to compile to pay for its start: loading the compiler costs about 2 s of
 * CPU, what some 60 pages take to compile.
 */
const pagesPerWorker = 50;

/** How many workers compile `pages` pages: one for a few, one per core for many. */
export function compileWorkerCount(pages: number, cores: number = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, Math.floor(pages / pagesPerWorker)));
}

/** `count` compile workers. They read the site config and the compiler's source when they start: a change to either gets new ones. */
function pageCompilers(count: number): PageCompiler[] {
  const inputs = JSON.stringify([pipelineVersion(), site]);
  let current = globalThis.portfolioEnginePageCompilers;
  // Started as the build began (prepareFirstPageCompiler), from the files this build reads.
  if (current && current.inputs === undefined) current.inputs = inputs;
  if (current?.inputs !== inputs) {
    for (const compiler of current?.compilers ?? []) void compiler.close();
    current = { inputs, compilers: [] };
    globalThis.portfolioEnginePageCompilers = current;
  }
  while (current.compilers.length < count) current.compilers.push(new PageCompiler(drawDiagramsInBrowser));
  return current.compilers.slice(0, count);
}

/**
 * Openings read by the compile workers, as many as would compile that many pages, each taking a share of the
 * bodies in order: a cold build starts the workers it compiles with a little sooner, and an edit's build reads
 * the one new opening in the worker that compiles the page, without loading the parser in this thread.
 */
const openingsInWorkers: OpeningSource = async (queries) => {
  const compilers = pageCompilers(compileWorkerCount(queries.length));
  const share = Math.ceil(queries.length / compilers.length);
  const parts = await Promise.all(compilers.map((compiler, index) => compiler.readOpenings(queries.slice(index * share, (index + 1) * share))));
  return parts.flat();
};

/** Ends the compile workers, for a process that builds once and has other work to do. */
async function closePageCompilers(): Promise<void> {
  const current = globalThis.portfolioEnginePageCompilers;
  globalThis.portfolioEnginePageCompilers = undefined;
  await Promise.all((current?.compilers ?? []).map((compiler) => compiler.close()));
}

/**
 * The content build's settings: from the site config, and how many workers compile (by default
 * compileWorkerCount of the pages to compile).
 */
export type ContentBuildSettings = Pick<Site, 'pageCompileTimeLimitSeconds'> & { compileWorkers?: number };

/**
 * Reads, validates and compiles every page of a content folder, each once, taking unchanged pages from
 * the compile cache. Returns the good pages and every problem in every file.
 */
export async function buildContent(
  directory: string = contentDirectory,
  cacheFolder: string = path.join(engineCacheDirectory, 'compiled-pages'),
  settings: ContentBuildSettings = site,
): Promise<ContentBuild> {
  const openings = openingMemo(cacheFolder);
  const read = await readPages(directory, memoisedOpenings(openings, openingsInWorkers));
  openings.save();
  const { drafts, errors } = read;
  // Each page compiles with the URLs of the files its `@/` links name (they are part of its compile key).
  const urlByPath = new Map(read.pages.map((page) => [contentPath(page, directory), page.url]));
  const pages = read.pages.map((page) => ({ ...page, internalLinks: internalLinkUrls(page, urlByPath) }));
  // Imported here, not at the top: Next's page renderers import this module but only read compiled pages.
  // The compiler itself (unified, KaTeX, highlight.js, MDX) loads only in the compile worker.
  const { closeDiagramBrowser, NoBrowserForDiagramsError } = await import('@/lib/diagrams/mermaid-renderer');
  const timeLimitMs = settings.pageCompileTimeLimitSeconds * 1000;
  // Loaded once per process: the dev server calls this on every request.
  const cache = caches.get(cacheFolder) ?? new CompileCache(cacheFolder);
  caches.set(cacheFolder, cache);
  cache.startBuild();
  const keys = pages.map(compileKey);
  const bodies = keys.map((key) => cache.get(key));
  const toCompile = pages.flatMap((page, index) => (bodies[index] === undefined ? [index] : []));
  const outcomes = new Map<number, { body: CompiledBody } | { error: unknown }>();
  try {
    // Every worker takes the next page of one list until none is left; each outcome is kept by page, so the
    // result is the same as compiling the pages one after another.
    let next = 0;
    await Promise.all(
      pageCompilers(settings.compileWorkers ?? compileWorkerCount(toCompile.length)).map(async (compiler) => {
        for (let position = next++; position < toCompile.length; position = next++) {
          const index = toCompile[position] ?? 0;
          const page = pages[index];
          if (!page) continue;
          outcomes.set(index, await compiler.compile(page, timeLimitMs).then((body) => ({ body }), (error: unknown) => ({ error })));
        }
      }),
    );
  } finally {
    // One browser draws every diagram of a build (the workers ask this thread for them) and goes when they are
    // done. The dev server keeps it: an author editing a diagram sees each save without a browser start.
    if (process.env.NODE_ENV !== 'development') await closeDiagramBrowser();
  }
  const built: BuiltPage[] = [];
  let compiled = 0;
  // What only the compile reads stays out of the built page (and the manifest).
  pages.forEach(({ internalLinks: _links, collections: _collections, ...page }, index) => {
    const outcome = outcomes.get(index);
    let body = bodies[index];
    if (outcome && 'error' in outcome) {
      const { error } = outcome;
      if (error instanceof ContentError) errors.push(error);
      else if (error instanceof ContentErrors) errors.push(...error.errors);
      else if (error instanceof NoBrowserForDiagramsError) errors.push(new ContentError({ file: page.file }, error.message));
      else throw error;
      return;
    }
    if (outcome) {
      body = outcome.body;
      cache.set(keys[index] ?? '', body);
      compiled++;
    }
    if (body) {
      compileKeys.set(body, keys[index] ?? '');
      built.push({ ...page, body });
    }
  });
  cache.save();
  // What only the pages together can be wrong about: URLs claimed twice, redirects that lead nowhere.
  const { model, errors: modelErrors } = buildSiteModel(built, site);
  errors.push(...modelErrors, ...internalLinkErrors(built, drafts, directory), ...shownFileErrors(built, directory, path.join(path.dirname(directory), 'public')));
  errors.sort((a, b) => a.location.file.localeCompare(b.location.file));
  return { pages: built, model, errors, compiled, cached: built.length - compiled };
}

/**
 * The content steps of `npm run build`: every page read and compiled, or one ContentErrors listing every
 * problem. The compile worker goes when they are done: its memory is better spent on Next's renderers.
 */
export async function compileSiteContent(): Promise<ContentBuild> {
  const build = await buildContent().finally(closePageCompilers);
  if (build.errors.length > 0) throw new ContentErrors(build.errors);
  return build;
}

/**
 * The dev server's URLs, and the problems of its files, from the pages as read: none is compiled. Next's dev
 * server asks for them at every request, in a process started for the question (its static-paths worker), which
 * would otherwise compile what the rendering process compiles too. A page whose body does not compile keeps
 * its URL; the rendering process shows the problem there.
 */
export async function readDevUrls(directory: string = contentDirectory): Promise<{ urls: string[]; problems: ContentError[] }> {
  const openings = openingMemo(path.join(engineCacheDirectory, 'compiled-pages'));
  const read = await readPages(directory, memoisedOpenings(openings, parsedOpenings));
  const { model, errors } = buildSiteModel(read.pages, site);
  return { urls: [...model.routes.keys()], problems: [...read.errors, ...errors] };
}

export interface DevSiteState {
  pages: BuiltPage[];
  problems: ContentError[];
  /** The photos the pages show, made as a build makes them (lib/images/dev-photos.ts), by site path. */
  photos: ReadonlyMap<string, SiteImage>;
}

/**
 * The dev server's view: the pages that build, and the problems of those that don't, so that a page can
 * show the problems instead of the server failing, and come back as soon as they are fixed.
 */
let devState: { fingerprint: string; state: Promise<DevSiteState> } | undefined;

export function getDevSiteState(): Promise<DevSiteState> {
  // One request asks several times (params, metadata, layout, page): build once per state of the files.
  const fingerprint = contentFingerprint();
  if (devState?.fingerprint !== fingerprint) {
    devState = {
      fingerprint,
      state: buildContent().then(async ({ pages, errors }) => {
        // The compiler loads now, beside the first page's render, and not before that page's content was read:
        // the author's first edit then finds it ready.
        pageCompilers(1)[0]?.prepare();
        // Imported here: sharp is for the dev server's pages; a build's renderers get theirs finished.
        const { withDevPhotos } = await import('@/lib/images/dev-photos');
        const shown = await withDevPhotos(pages, contentDirectory);
        return { pages: shown.pages, problems: [...errors, ...shown.problems], photos: shown.images };
      }),
    };
  }
  return devState.state;
}
