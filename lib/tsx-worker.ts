import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Node 20 does not apply `--import tsx` from a worker's execArgv to the worker's own modules (it fails with
 * ERR_UNKNOWN_FILE_EXTENSION), so the worker registers tsx itself before it loads the TypeScript entry. Plain
 * JavaScript, run as the worker's script: the dev server runs the content build inside Next's bundle, where no
 * module of the engine has a file of its own to start a worker from. The script's bare `tsx/esm/api` resolves
 * from the working folder, the project root (tsx's CommonJS build of that API cannot register from a worker).
 */
const workerBootstrap = `
const { workerData } = require('node:worker_threads');
// Packages are loaded first, by Node alone: once tsx's hooks are registered, every module passes through them.
// One that fails to load here fails where the entry imports it, with the entry's own error.
Promise.all(workerData.preload.map((name) => import(name).catch(() => undefined)))
  .then(() => import('tsx/esm/api'))
  .then(({ register }) => {
    register();
    return import(workerData.entry);
  });
`;

/**
 * A worker thread running the engine's TypeScript module `entry` (a path from the project root:
 * `lib/content/page-compile-worker.ts`), with `preload`, packages the entry imports, loaded before tsx is.
 */
export function tsxWorker(entry: string, { preload = [] }: { preload?: readonly string[] } = {}): Worker {
  return new Worker(workerBootstrap, {
    eval: true,
    // Not the parent's flags (`--import tsx` in a build, Next's or Vitest's in theirs): the bootstrap sets up tsx.
    execArgv: [],
    workerData: { entry: pathToFileURL(path.join(process.cwd(), entry)).href, preload: [...preload] },
  });
}
