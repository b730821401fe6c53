import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { fillBodySlots } from '@/lib/content/body-slots';
import { ExportError } from '@/lib/errors';
import { FileStore } from '@/lib/file-store';
import type { PolicyNeeds } from '@/lib/security/content-security-policy';
import { tsxWorker } from '@/lib/tsx-worker';
import { type FinishOptions, RefusedMarkupError, finishPage } from './finish-page';
import { PageMarkupReader, pageUrlOfFile, type KeyedPageMarkup } from './page-weight';

/**
 * The exported pages finished on every core: this thread and a worker per other core each take the next few
 * pages of one list until none is left, and every outcome is kept by its page's place in the list, so the result
 * is the one a single thread gives (a test compares them). finishPage is pure: a page's outcome depends only on its
 * HTML and the options. Asked to, each thread also reads what weighing needs from each page it finishes
 * (lib/export/page-weight.ts): the gzip sizes and what the page links, worked out on every core while the page is in
 * hand, instead of by the weigh step alone, which reads every page again.
 */

/** What finishing one page came to; plain data, as it crosses from a worker. */
export type FinishOutcome =
  | { kind: 'finished'; html: string; needs: PolicyNeeds; markup?: KeyedPageMarkup }
  /** Markup the export will not ship (RefusedMarkupError's problems). */
  | { kind: 'refused'; problems: string[] }
  /** Runtime markup the export does not understand (ExportError), or a fault of the engine's. */
  | { kind: 'failed'; message: string; exportError: boolean; stack?: string };

/** A page as Next wrote it, with its body slots filled (lib/content/body-slots.ts) when the build has them. */
function readPageFile(outDirectory: string, file: string, { bodySlots }: FinishOptions): string {
  const html = fs.readFileSync(path.join(outDirectory, file), 'utf8');
  if (!bodySlots) return html;
  const bodies = new FileStore<unknown>(bodySlots.folder);
  return fillBodySlots(html, `out/${file}`, bodySlots.nonce, (key) => {
    const body = bodies.get(key);
    return typeof body === 'string' ? body : undefined;
  });
}

/**
 * Weighing each page as it is finished: the export's KaTeX stylesheet (export-relative), which weighing reads
 * with the pages; the base path is the finishing's own.
 */
export interface WeighWhileFinishing {
  katexCss: string | undefined;
}

/** A page of `outDirectory` (`about/index.html`), read and finished; with `weigher`, its markup read for weighing. */
export function finishPageFile(outDirectory: string, file: string, options: FinishOptions, weigher?: PageMarkupReader): FinishOutcome {
  try {
    const page = finishPage(readPageFile(outDirectory, file, options), `out/${file}`, options);
    if (!weigher) return { kind: 'finished', html: page.html, needs: page.needs };
    return { kind: 'finished', html: page.html, needs: page.needs, markup: weigher.keyed(pageUrlOfFile(file), page.html) };
  } catch (error) {
    if (error instanceof RefusedMarkupError) return { kind: 'refused', problems: error.problems };
    if (error instanceof Error) return { kind: 'failed', message: error.message, exportError: error instanceof ExportError, stack: error.stack };
    return { kind: 'failed', message: String(error), exportError: false };
  }
}

/** The error a failed outcome stands for, as this thread would have thrown it. */
export function outcomeError(outcome: Extract<FinishOutcome, { kind: 'failed' }>): Error {
  const error = outcome.exportError ? new ExportError('', '') : new Error();
  error.message = outcome.message;
  error.stack = outcome.exportError ? `${error.name}: ${outcome.message}` : (outcome.stack ?? outcome.message);
  return error;
}

/** What a finishing worker is told, and what it answers. */
export type ToFinishWorker = { type: 'start'; outDirectory: string; options: FinishOptions; weigh?: WeighWhileFinishing } | { type: 'finish'; files: string[] };
export type FromFinishWorker = { type: 'finished'; outcomes: FinishOutcome[] };

/**
 * Pages a worker must have to finish to pay for its start: loading tsx and the finishing modules costs about a
 * second of CPU, what some 150 pages take to finish.
 */
const pagesPerWorker = 150;

/** Workers beside this thread for `pages` pages: one per other core for many, none for a few. */
export function finishWorkerCount(pages: number, cores: number = os.availableParallelism()): number {
  return pages >= pagesPerWorker ? Math.max(0, Math.min(cores - 1, Math.floor(pages / pagesPerWorker))) : 0;
}

/** Pages taken at a time: few enough that the threads end together, enough that messages cost nothing. */
const batchSize = 20;

/** Asks `worker` to finish `files`; rejects if it dies first. */
function finishInWorker(worker: Worker, files: string[]): Promise<FinishOutcome[]> {
  return new Promise((resolve, reject) => {
    const done = () => {
      worker.off('message', received);
      worker.off('error', reject);
      worker.off('exit', exited);
    };
    const received = (message: FromFinishWorker) => {
      done();
      resolve(message.outcomes);
    };
    const exited = (code: number) => {
      done();
      reject(new Error(`the finishing worker exited with code ${code}`));
    };
    worker.on('message', received);
    worker.once('error', reject);
    worker.once('exit', exited);
    worker.postMessage({ type: 'finish', files } satisfies ToFinishWorker);
  });
}

/** A thread's reader of pages for weighing, when the pages are weighed as they are finished. */
export function pageWeigher(outDirectory: string, options: FinishOptions, weigh: WeighWhileFinishing | undefined): PageMarkupReader | undefined {
  return weigh && new PageMarkupReader(outDirectory, options.basePath, weigh.katexCss);
}

/**
 * Every page of `files` finished, in their order, by this thread and `workers` beside it (finishWorkerCount by
 * default); with `weigh`, each page's markup read for weighing too.
 */
export async function finishPageFiles(
  outDirectory: string,
  files: readonly string[],
  options: FinishOptions,
  { workers = finishWorkerCount(files.length), weigh }: { workers?: number; weigh?: WeighWhileFinishing } = {},
): Promise<FinishOutcome[]> {
  const outcomes: FinishOutcome[] = new Array<FinishOutcome>(files.length);
  const weigher = pageWeigher(outDirectory, options, weigh);
  let next = 0;
  const takeBatch = (): [number, number] => {
    const start = next;
    next = Math.min(files.length, next + batchSize);
    return [start, next];
  };
  const finishHere = (start: number, end: number) => {
    for (let index = start; index < end; index++) outcomes[index] = finishPageFile(outDirectory, files[index] ?? '', options, weigher);
  };
  const inThisThread = async () => {
    for (let [start, end] = takeBatch(); start < end; [start, end] = takeBatch()) {
      finishHere(start, end);
      // Lets the workers' answers in between batches.
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const inWorker = async () => {
    const worker = tsxWorker('lib/export/finish-page-worker.ts');
    worker.postMessage({ type: 'start', outDirectory, options, weigh } satisfies ToFinishWorker);
    try {
      for (let [start, end] = takeBatch(); start < end; [start, end] = takeBatch()) {
        const batch = files.slice(start, end);
        try {
          (await finishInWorker(worker, batch)).forEach((outcome, offset) => (outcomes[start + offset] = outcome));
        } catch (error) {
          // A worker that cannot start or dies leaves its pages to this thread, which finishes them as it would all.
          console.warn(`Finishing pages: a worker stopped (${error instanceof Error ? error.message : String(error)}); this thread finishes its pages.`);
          finishHere(start, end);
          return;
        }
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all([inThisThread(), ...Array.from({ length: workers }, inWorker)]);
  return outcomes;
}
