import fs from 'node:fs';
import path from 'node:path';
import { isSchemeRelative } from '@/lib/markdown/content-policy';
import { mergePolicyNeeds, type PolicyNeeds } from '@/lib/security/content-security-policy';
import { sitePathOf, withBasePathInCss } from './base-path';
import type { FinishOptions } from './finish-page';
import { finishPageFiles, outcomeError } from './finish-pool';
import { findKatexStylesheet, type KeyedPageMarkup } from './page-weight';
import { ExportError } from '@/lib/errors';
import { listFiles } from './list-files';
import { duplicateNotFoundFolders, isRuntimeFile } from '@/lib/next-adapter/export-files';

export { ExportError };

export interface FinishReport {
  /** Pages finished (and shipped). */
  pages: number;
  /** Next's runtime files deleted; none when the runtime is kept. */
  removedFiles: number;
  removedBytes: number;
  /** What all pages together need: the input of the deploy header files' policy. */
  site: PolicyNeeds;
  /**
   * What each page needs, by its path in the folder (`about/index.html`): a build that finishes only some
   * pages merges these (mergePolicyNeeds) with the needs of the pages it kept.
   */
  needs: Record<string, PolicyNeeds>;
  /** With `weigh`, what weighing reads from each finished page, with its key, by its path in the folder (weighPages takes them as they are). */
  markups: Record<string, KeyedPageMarkup>;
}

/**
 * Finishes a static export in place (`sourceFiles` names each page's content file, by its path in the
 * folder, for the errors): every page through finishPage (zero-JS unless the runtime is kept,
 * unsafe markup refused, base path prefixed, its own Content Security Policy), Next's runtime files and
 * duplicate 404 pages deleted, stylesheets' site URLs prefixed. A large site's pages are finished on every core
 * (finish-pool.ts), with the outcome of one thread. Every page is finished before anything is written: a problem
 * anywhere leaves the folder as it was. Runtime markup it does not understand throws ExportError (the first such
 * page's); markup it will not ship is collected, and the error lists every problem of every page. With `weigh`,
 * each page is also read for weighing while it is in hand (FinishReport.markups).
 */
export async function finishExport(
  outDirectory: string,
  options: FinishOptions,
  sourceFiles: Readonly<Record<string, string>> = {},
  { weigh = false }: { weigh?: boolean } = {},
): Promise<FinishReport> {
  const files = listFiles(outDirectory);
  const fileSet = new Set(files);
  const removed = options.clientRuntime
    ? []
    : files.filter((file) => isRuntimeFile(file, fileSet) || duplicateNotFoundFolders.some((folder) => file.startsWith(`${folder}/`)));
  const removedSet = new Set(removed);
  const pageFiles = files.filter((file) => file.endsWith('.html') && !removedSet.has(file));
  const problems: string[] = [];
  const finished: { file: string; html: string }[] = [];
  const needs: Record<string, PolicyNeeds> = {};
  const markups: Record<string, KeyedPageMarkup> = {};
  const outcomes = await finishPageFiles(outDirectory, pageFiles, options, { weigh: weigh ? { katexCss: findKatexStylesheet(files) } : undefined });
  pageFiles.forEach((file, index) => {
    const outcome = outcomes[index];
    if (!outcome) return;
    if (outcome.kind === 'failed') throw outcomeError(outcome);
    if (outcome.kind === 'finished') {
      finished.push({ file, html: outcome.html });
      needs[file] = outcome.needs;
      if (outcome.markup) markups[file] = outcome.markup;
      return;
    }
    // Named by the content file it came from, which is what the author edits.
    const source = sourceFiles[file];
    problems.push(...(source ? outcome.problems.map((problem) => problem.replace(`out/${file}: `, `${source} (out/${file}): `)) : outcome.problems));
  });
  if (problems.length > 0) {
    throw new ExportError(
      'out/',
      `markup the export will not ship, as a last line of defence against code in visitors' browsers: scripts must be the engine's own (lib/security/engine-scripts.ts), and pages carry no frames, forms, remote stylesheets, redirects, on…= handler attributes or javascript: URLs. Remove it from the page, or report it as a bug if the engine wrote it:\n  ${problems.join('\n  ')}`,
    );
  }
  // Thousands of small files: written and deleted concurrently, which a slow disk rewards many times over.
  const stylesheets = options.basePath === '' ? [] : files.filter((file) => file.endsWith('.css') && !removedSet.has(file));
  const sizes = await Promise.all([
    ...finished.map(async ({ file, html }) => void (await fs.promises.writeFile(path.join(outDirectory, file), html))),
    ...stylesheets.map(async (file) => {
      const full = path.join(outDirectory, file);
      await fs.promises.writeFile(full, withBasePathInCss(await fs.promises.readFile(full, 'utf8'), options.basePath));
    }),
    ...removed.map(async (file) => {
      const full = path.join(outDirectory, file);
      const { size } = await fs.promises.stat(full);
      await fs.promises.unlink(full);
      return size;
    }),
  ]);
  if (removed.length > 0) removeEmptyFolders(outDirectory);
  return {
    pages: finished.length,
    removedFiles: removed.length,
    removedBytes: sizes.reduce<number>((total, size) => total + (size ?? 0), 0),
    site: mergePolicyNeeds(Object.values(needs)),
    needs,
    markups,
  };
}

function removeEmptyFolders(directory: string): void {
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const full = path.join(directory, entry.name);
    removeEmptyFolders(full);
    if (fs.readdirSync(full).length === 0) fs.rmdirSync(full);
  }
}

/**
 * Every local URL a page refers to (href, src) that has no file in out/: a broken export. With a base
 * path, every site URL must be under it (a root-relative URL outside it leaves the site). Given the
 * site's absolute home URL (`https://example.com/docs/`), absolute URLs into the site count too:
 * canonical links, and the preview images that OpenGraph and X cards name in <meta content>.
 */
export function findMissingAssets(outDirectory: string, { basePath = '', siteUrl }: { basePath?: string; siteUrl?: string } = {}): string[] {
  const files = new Set(listFiles(outDirectory));
  const missing: string[] = [];
  const exists = (target: string) => files.has(target) || files.has(target === '' ? 'index.html' : `${target.replace(/\/$/, '')}/index.html`);
  const absolute = siteUrl === undefined ? undefined : new RegExp(`\\s(?:href|src|content)="${siteUrl.replace(/\/?$/, '/').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^"#?]*)[^"]*"`, 'g');
  for (const file of [...files].filter((name) => name.endsWith('.html'))) {
    const html = fs.readFileSync(path.join(outDirectory, file), 'utf8');
    for (const match of html.matchAll(/\s(?:href|src)="(\/(?!\/)[^"#?]*)[^"]*"/g)) {
      const url = match[1] ?? '';
      // `/\host` and `/<tab>/host` are other sites to a browser, as `//host` is.
      if (isSchemeRelative(url)) continue;
      const sitePath = sitePathOf(url, basePath);
      if (sitePath === undefined) {
        missing.push(`out/${file}: ${url} (not under the base path ${basePath}/)`);
        continue;
      }
      if (!exists(decodeURIComponent(sitePath).replace(/^\//, ''))) missing.push(`out/${file}: ${url}`);
    }
    for (const match of absolute ? html.matchAll(absolute) : []) {
      if (!exists(decodeURIComponent(match[1] ?? ''))) missing.push(`out/${file}: ${match[0].trim()}`);
    }
  }
  return missing;
}
