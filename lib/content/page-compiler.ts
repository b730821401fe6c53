import type { Worker } from 'node:worker_threads';
import type { DiagramResult } from '@/lib/diagrams/mermaid-renderer';
import type { CompiledBody, CompileInput, DrawDiagrams } from '@/lib/markdown';
import { markdownPackages, mdxPackages } from '@/lib/markdown/packages';
import { listContentFiles } from './content-files';
import type { BodyOpening, OpeningQuery } from './page-opening';
import { ContentError, ContentErrors, type SourceLocation } from '@/lib/errors';
import { tsxWorker } from '@/lib/tsx-worker';

/**
 * Page compiles under a time limit. A page's compile is synchronous JavaScript for long stretches (micromark
 * parses a page in one go), so no timer in the compiling thread can interrupt it: each page compiles in a
 * worker thread (page-compile-worker.ts) that this side terminates when the page overruns, and the next page
 * gets a fresh worker. One PageCompiler is one worker running one page at a time; a pool is several of them
 * taking pages from one list (the diagram renderer, one browser page, would then take their requests in turn).
 */


/** A ContentError as it crosses between threads (structured cloning keeps neither its class nor its fields). */
interface ContentErrorData {
  location: SourceLocation;
  problem: string;
  hint: string | undefined;
}

/** An engine error as it crosses between threads. */
interface ErrorData {
  name: string;
  message: string;
  stack: string | undefined;
}

/** How a compile in the worker ended. */
export type WorkerOutcome =
  | { kind: 'compiled'; body: CompiledBody }
  | { kind: 'content-errors'; errors: ContentErrorData[] }
  /** Anything else: an engine error, thrown on by the content build as it would have been in one thread. */
  | { kind: 'failed'; error: ErrorData };

/** What the content build sends its worker. */
export type ToWorker =
  | { type: 'compile'; page: CompileInput }
  | { type: 'diagrams-drawn'; results: DiagramResult[] }
  | { type: 'diagrams-failed'; message: string }
  | { type: 'read-openings'; queries: OpeningQuery[] };

/** What the worker sends back. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'draw-diagrams'; sources: string[] }
  | { type: 'compiled'; outcome: WorkerOutcome }
  | { type: 'openings-read'; outcome: { kind: 'read'; openings: BodyOpening[] } | { kind: 'failed'; error: ErrorData } };

/** An error as data that survives postMessage. */
export function errorData(error: unknown): ErrorData {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  return { name, message, stack };
}

const toData = ({ location, problem, hint }: ContentError): ContentErrorData => ({ location, problem, hint });

/**
 * Compiles a page and says how it went, in a form that survives postMessage. Runs in the worker. A RangeError
 * (the stack overflowing on nesting the depth check did not foresee, a string grown past V8's limit) is the
 * content's doing, so it becomes a content error naming the page rather than a stack trace.
 */
export async function compileOutcome(page: CompileInput, compile: (page: CompileInput) => Promise<CompiledBody>): Promise<WorkerOutcome> {
  try {
    return { kind: 'compiled', body: await compile(page) };
  } catch (error) {
    if (error instanceof ContentError) return { kind: 'content-errors', errors: [toData(error)] };
    if (error instanceof ContentErrors) return { kind: 'content-errors', errors: error.errors.map(toData) };
    if (error instanceof RangeError) return { kind: 'content-errors', errors: [toData(outOfRangeError(page, error))] };
    return { kind: 'failed', error: errorData(error) };
  }
}

/** Where the page's text starts: what a problem of the whole page points at, since its place is not known. */
function firstTextLine({ body, bodyStartLine }: Pick<CompileInput, 'body' | 'bodyStartLine'>): number {
  const blankLines = /^(?:[ \t]*\n)*/.exec(body)?.[0].split('\n').length ?? 1;
  return bodyStartLine + blankLines - 1;
}

function outOfRangeError(page: CompileInput, error: RangeError): ContentError {
  const overflow = /call stack/i.test(error.message);
  return new ContentError(
    { file: page.file, line: firstTextLine(page) },
    overflow
      ? 'the compiler ran out of stack on this page: something in it is nested too deep (lists, quotes, emphasis or links inside each other).'
      : `the compiler could not hold this page (${error.message}): something in it is repeated or nested far beyond what a page needs.`,
    'Flatten the nesting or remove the repetition, or split the page.',
  );
}

/** An engine error from the worker, with the worker's stack (DEBUG=1 shows it). */
function engineError({ name, message, stack }: ErrorData): Error {
  const error = new Error(message);
  error.name = name;
  if (stack) error.stack = stack;
  return error;
}

/** The error for a page whose compile the build stopped. */
export function timeLimitError(page: Pick<CompileInput, 'file' | 'body' | 'bodyStartLine'>, timeLimitMs: number): ContentError {
  return new ContentError(
    { file: page.file, line: firstTextLine(page) },
    `compiling this page took longer than ${timeLimitMs / 1000} s, so the build stopped it.`,
    'Slow pages nearly always hold something that makes the Markdown parser slow, such as thousands of unclosed ' +
      '`[`, `*` or `<`, or quotes and lists nested thousands deep: remove or escape it, or split the page. ' +
      'If the page is simply very large and the machine slow, raise pageCompileTimeLimitSeconds in site.config.ts.',
  );
}


interface Job {
  page: CompileInput;
  timeLimitMs: number;
  /** What is left of the page's time limit; the clock stops while its diagrams are drawn. */
  remainingMs: number;
  clockStartedAt: number;
  timer: NodeJS.Timeout | undefined;
  /** What drawing the page's diagrams threw here: thrown on as it is, if the page fails because of it. */
  diagramsError: unknown;
  resolve: (body: CompiledBody) => void;
  reject: (error: unknown) => void;
}

/** Diagrams are drawn in this thread, in the one browser of the build, whichever worker compiles the page. */
export const drawDiagramsInBrowser: DrawDiagrams = async (sources) => (await import('@/lib/diagrams/mermaid-renderer')).renderDiagrams(sources);

declare global {
  /**
   * The workers that compile pages, kept between builds (the dev server builds on every save, and loading the
   * compiler takes a second or two). On globalThis, not in a variable of a module: the dev server evaluates
   * site-build.ts anew when the site config changes, and would leave the old module's workers running. `inputs`
   * are the site config and compiler they started with; undefined for the worker a build started before it read
   * them (prepareFirstPageCompiler), which that build takes as its own.
   */
  var portfolioEnginePageCompilers: { inputs: string | undefined; compilers: PageCompiler[] } | undefined;
}

/**
 * Starts the first compile worker, for a process about to build (scripts/build.ts, before it loads the build's
 * modules): loading the compiler takes 1.3 s, which then overlaps the 0.7 s of loading the build and its first
 * steps instead of following them. A build that turns out to be up to date exits without waiting for it.
 */
export function prepareFirstPageCompiler(): void {
  if (globalThis.portfolioEnginePageCompilers) return;
  const compiler = new PageCompiler(drawDiagramsInBrowser);
  compiler.prepare();
  globalThis.portfolioEnginePageCompilers = { inputs: undefined, compilers: [compiler] };
}

export class PageCompiler {
  private current: { worker: Worker; ready: Promise<void> } | undefined;
  private job: Job | undefined;
  /** The answer a readOpenings call waits for. */
  private openingsJob: { resolve: (openings: BodyOpening[]) => void; reject: (error: unknown) => void } | undefined;
  /** Pages compile one after another: callers (the dev server's overlapping builds) queue here. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly drawDiagrams: DrawDiagrams) {}

  /**
   * Compiles a page in the worker. Resolves with its body; rejects with the page's ContentError(s), a
   * ContentError when it ran longer than `timeLimitMs` (the worker is then replaced), what drawing its
   * diagrams threw, or an engine error.
   */
  compile(page: CompileInput, timeLimitMs: number): Promise<CompiledBody> {
    return this.enqueue(() => this.run(page, timeLimitMs));
  }

  /**
   * The openings of bodies (page-opening.ts readOpenings), read in the worker, where the Markdown parser is loaded
   * anyway: the build's thread, which would otherwise load it for a body the memo has not seen (0.3–0.5 s of an
   * edit's build, beside the worker's own start), does not. Queued with the compiles; no time limit, as in the
   * build's thread (readOpening reads at most 16 KB of a body).
   */
  readOpenings(queries: readonly OpeningQuery[]): Promise<BodyOpening[]> {
    return this.enqueue(() => this.runOpenings(queries));
  }

  /**
   * Starts the worker now, so that loading the compiler (a second or two) overlaps what the caller does
   * before its first compile. An idle worker does not keep the process alive.
   */
  prepare(): void {
    if (this.current) return;
    this.current = this.start();
    this.current.worker.unref();
    // A worker that fails to start is reported by the first compile, which awaits the same start.
    this.current.ready.catch(() => undefined);
  }

  /** Ends the worker; the next compile starts a new one. */
  async close(): Promise<void> {
    const worker = this.current?.worker;
    this.current = undefined;
    await worker?.terminate();
  }

  /** Runs `task` after every task queued before it, whether those succeeded or not. */
  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const done = this.queue.then(task);
    this.queue = done.catch(() => undefined);
    return done;
  }

  /** `use` with the worker started and ready, held meanwhile (a prepared worker was let go of: prepare()). */
  private async withReadyWorker<T>(use: (worker: Worker) => Promise<T>): Promise<T> {
    this.current ??= this.start();
    const { worker, ready } = this.current;
    worker.ref();
    try {
      await ready;
      return await use(worker);
    } finally {
      // An idle worker does not keep the process alive.
      worker.unref();
    }
  }

  private run(page: CompileInput, timeLimitMs: number): Promise<CompiledBody> {
    // The clock starts once the worker is ready: loading the compiler takes a second or two and is no page's doing.
    return this.withReadyWorker((worker) =>
      new Promise<CompiledBody>((resolve, reject) => {
        this.job = { page, timeLimitMs, remainingMs: timeLimitMs, clockStartedAt: 0, timer: undefined, diagramsError: undefined, resolve, reject };
        this.startClock(this.job, worker);
        worker.postMessage({ type: 'compile', page } satisfies ToWorker);
      }).finally(() => (this.job = undefined)),
    );
  }

  private runOpenings(queries: readonly OpeningQuery[]): Promise<BodyOpening[]> {
    return this.withReadyWorker((worker) =>
      new Promise<BodyOpening[]>((resolve, reject) => {
        this.openingsJob = { resolve, reject };
        worker.postMessage({ type: 'read-openings', queries: [...queries] } satisfies ToWorker);
      }).finally(() => (this.openingsJob = undefined)),
    );
  }

  private start(): { worker: Worker; ready: Promise<void> } {
    // An MDX page added while the worker runs (the dev server) loads MDX through tsx, a little slower, once.
    const hasMdx = listContentFiles().some((file) => file.endsWith('.mdx'));
    const worker = tsxWorker('lib/content/page-compile-worker.ts', { preload: hasMdx ? [...markdownPackages, ...mdxPackages] : markdownPackages });
    const ready = new Promise<void>((resolve, reject) => {
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'ready') resolve();
        else void this.receive(worker, message);
      });
      // A worker that dies on its own (it failed to load, crashed, ran out of memory) fails the start or the page.
      const died = (error: Error) => {
        reject(error);
        if (this.current?.worker !== worker) return;
        this.current = undefined;
        this.job?.reject(new Error(`compiling ${this.job.page.file} stopped the page compiler: ${error.message}`));
        this.openingsJob?.reject(new Error(`reading the openings of pages stopped the page compiler: ${error.message}`));
      };
      worker.on('error', died);
      worker.on('exit', (code) => died(new Error(`its worker exited with code ${code}`)));
    });
    return { worker, ready };
  }

  private async receive(worker: Worker, message: Exclude<FromWorker, { type: 'ready' }>): Promise<void> {
    if (message.type === 'openings-read') {
      const { outcome } = message;
      if (outcome.kind === 'read') this.openingsJob?.resolve(outcome.openings);
      else this.openingsJob?.reject(engineError(outcome.error));
      return;
    }
    const job = this.job;
    if (!job || this.current?.worker !== worker) return;
    this.stopClock(job);
    if (message.type === 'compiled') {
      const { outcome } = message;
      if (outcome.kind === 'compiled') job.resolve(outcome.body);
      else if (outcome.kind === 'content-errors') {
        const errors = outcome.errors.map(({ location, problem, hint }) => new ContentError(location, problem, hint));
        job.reject(errors.length === 1 ? errors[0] : new ContentErrors(errors));
      } else if (job.diagramsError !== undefined) job.reject(job.diagramsError);
      else job.reject(engineError(outcome.error));
      return;
    }
    // The page waits for its diagrams, with its clock stopped: a browser start takes seconds that are not the page's.
    let answer: ToWorker;
    try {
      answer = { type: 'diagrams-drawn', results: await this.drawDiagrams(message.sources) };
    } catch (error) {
      job.diagramsError = error;
      answer = { type: 'diagrams-failed', message: error instanceof Error ? error.message : String(error) };
    }
    if (this.job !== job || this.current?.worker !== worker) return;
    this.startClock(job, worker);
    worker.postMessage(answer);
  }

  private startClock(job: Job, worker: Worker): void {
    job.clockStartedAt = performance.now();
    job.timer = setTimeout(() => {
      if (this.job !== job || this.current?.worker !== worker) return;
      // terminate() stops the worker even inside a synchronous loop; the next page starts a new one.
      this.current = undefined;
      void worker.terminate();
      job.reject(timeLimitError(job.page, job.timeLimitMs));
    }, Math.max(0, job.remainingMs));
  }

  private stopClock(job: Job): void {
    clearTimeout(job.timer);
    job.remainingMs -= performance.now() - job.clockStartedAt;
  }
}
