/** A worker thread that finishes exported pages for the build's finishing step (finish-pool.ts). */
import { parentPort } from 'node:worker_threads';
import type { FinishOptions } from './finish-page';
import { finishPageFile, pageWeigher, type FromFinishWorker, type ToFinishWorker } from './finish-pool';
import type { PageMarkupReader } from './page-weight';

const port = parentPort;
if (!port) throw new Error('finish-page-worker.ts runs as a worker thread of the finishing step (lib/export/finish-pool.ts)');

let settings: { outDirectory: string; options: FinishOptions; weigher: PageMarkupReader | undefined } | undefined;

port.on('message', (message: ToFinishWorker) => {
  if (message.type === 'start') {
    settings = { outDirectory: message.outDirectory, options: message.options, weigher: pageWeigher(message.outDirectory, message.options, message.weigh) };
    return;
  }
  if (!settings) throw new Error('a finishing worker was asked to finish pages before it was started');
  const { outDirectory, options, weigher } = settings;
  port.postMessage({ type: 'finished', outcomes: message.files.map((file) => finishPageFile(outDirectory, file, options, weigher)) } satisfies FromFinishWorker);
});
