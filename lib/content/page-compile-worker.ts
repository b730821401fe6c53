/**
 * The worker thread that compiles pages for the content build (page-compiler.ts), one at a time, so that the
 * build can stop a page that runs too long, and reads the openings of bodies the build has not seen before.
 * Diagrams are drawn by the build's thread, which owns the build's one browser: the worker asks for them over its
 * port and waits.
 */
import { parentPort } from 'node:worker_threads';
import type { DiagramResult } from '@/lib/diagrams/mermaid-renderer';
import { compileMarkdown } from '@/lib/markdown';
import { compileOutcome, errorData, type FromWorker, type ToWorker } from './page-compiler';
import { site } from '@/lib/site';

const port = parentPort;
if (!port) throw new Error('page-compile-worker.ts runs as the content build’s worker thread (lib/content/page-compiler.ts)');
const send = (message: FromWorker) => port.postMessage(message);

/** The answer the page being compiled waits for: its plugin draws a page's diagrams in one call. */
let diagramsAnswer: { resolve: (results: DiagramResult[]) => void; reject: (error: Error) => void } | undefined;

const drawDiagrams = (sources: readonly string[]) =>
  new Promise<DiagramResult[]>((resolve, reject) => {
    diagramsAnswer = { resolve, reject };
    send({ type: 'draw-diagrams', sources: [...sources] });
  });

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'compile':
      void compileOutcome(message.page, (page) => compileMarkdown(page, { siteUrl: site.baseUrl, drawDiagrams })).then((outcome) => send({ type: 'compiled', outcome }));
      return;
    case 'read-openings':
      // Loaded on the first request: the opening parser reads MDX too, which a build of Markdown pages never loads otherwise.
      import('./page-opening')
        .then(({ readOpenings }) => readOpenings(message.queries))
        .then(
          (openings) => send({ type: 'openings-read', outcome: { kind: 'read', openings } }),
          (error: unknown) => send({ type: 'openings-read', outcome: { kind: 'failed', error: errorData(error) } }),
        );
      return;
    case 'diagrams-drawn':
      diagramsAnswer?.resolve(message.results);
      diagramsAnswer = undefined;
      return;
    case 'diagrams-failed':
      diagramsAnswer?.reject(new Error(message.message));
      diagramsAnswer = undefined;
      return;
  }
});

send({ type: 'ready' });
