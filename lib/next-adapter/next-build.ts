/**
 * Everything the engine assumes about running Next.js, in one place with the knowledge of its output
 * (strip-runtime.ts, export-files.ts) and its configuration (next-config.ts). Each assumption was checked on
 * `checkedNextVersion`; package.json pins exactly that version, and docs/upgrading-next.md is the checklist
 * for moving to another.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { installedVersion } from '../installed-version';
import { nodeOptionsWithHelperThreads } from '../v8-helper-threads';
import { CompiledApp } from './compiled-app';

/** The Next.js version every assumption in lib/next-adapter/ was checked on. */
export const checkedNextVersion = '16.4.6';

/** The Next.js installed in a project, from its package.json. */
export function installedNextVersion(projectDirectory: string): string {
  return installedVersion('next', projectDirectory);
}

/** Why this project's Next.js is not the one the adapter was checked on, or undefined when it is. */
export function nextVersionProblem(projectDirectory: string): string | undefined {
  const installed = installedNextVersion(projectDirectory);
  if (installed === checkedNextVersion) return undefined;
  return (
    `node_modules has Next.js ${installed}, but the engine's assumptions about Next's output were checked on ${checkedNextVersion} ` +
    `(lib/next-adapter/). Run \`npm ci\` to install the pinned version, or follow docs/upgrading-next.md to move to ${installed}.`
  );
}

/**
 * The environment variable through which the build tells next.config.ts where Next's export writes.
 * Under `output: 'export'`, Next 16 treats a `distDir` other than `.next` as the export folder and keeps
 * its own build files in `.next` (node_modules/next/dist/export/utils.js, hasCustomExportOutput).
 */
export const exportFolderVariable = 'ENGINE_EXPORT_FOLDER';

/** The environment variable through which the build tells next.config.ts how many processes render (`experimental.cpus`). */
export const renderProcessesVariable = 'ENGINE_RENDER_PROCESSES';

/** Next's command-line entry (package.json "bin"), run with this process's Node. */
const nextBin = (projectDirectory: string) => path.join(projectDirectory, 'node_modules', 'next', 'dist', 'bin', 'next');

export class NextBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NextBuildError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface NextBuildOptions {
  projectDirectory: string;
  /** The export folder, relative to the project (next.config.ts's distDir). */
  exportFolder: string;
  /** More environment for Next's processes (the content manifest's path). */
  env: Readonly<Record<string, string>>;
  /** Stops the build and every worker it started. */
  signal: AbortSignal;
  /**
   * A hash of everything Next compiles (code, config, packages, inlined variables) and the file where the last
   * full build's is recorded: when they match, Next renders with the app it compiled then. Without it, Next
   * always compiles.
   */
  compiledApp?: { fingerprint: string; recordFile: string };
  /** How many processes Next renders in; unset, one per core. */
  renderProcesses?: number;
}

/** What `next build` did: compiled the app and rendered, or rendered with the app a full build compiled before. */
export type NextBuildKind = 'compiled' | 'rendered only';

/**
 * Runs `next build` to completion, its output passed through: with `compiledApp`, only the render when the app
 * compiled last time still holds (compiled-app.ts). Resolves with what it did; rejects with NextBuildError when
 * it failed or was stopped.
 */
export async function runNextBuild({ compiledApp, ...options }: NextBuildOptions): Promise<NextBuildKind> {
  const app = compiledApp && new CompiledApp(options.projectDirectory, compiledApp.recordFile);
  if (app && app.isCompiledFrom(compiledApp.fingerprint)) {
    app.removeRenderedPages();
    try {
      await spawnNextBuild(options, ['--experimental-build-mode', 'generate']);
    } catch (error) {
      // Most likely the content, but perhaps .next was damaged behind the record's back: the next build compiles.
      app.forget();
      throw error;
    }
    return 'rendered only';
  }
  app?.forget();
  await spawnNextBuild(options, []);
  if (app) app.remember(compiledApp.fingerprint);
  return 'compiled';
}

/**
 * Runs `next build ARGS` to completion, its output passed through. Next runs in a process group of its own, so
 * that stopping the build stops its workers too (they would go on writing into the export folder).
 */
function spawnNextBuild({ projectDirectory, exportFolder, env, signal, renderProcesses }: Omit<NextBuildOptions, 'compiledApp'>, args: readonly string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new NextBuildError('next build was not started: the build was stopped.'));
    const child = spawn(process.execPath, [nextBin(projectDirectory), 'build', ...args], {
      cwd: projectDirectory,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NODE_OPTIONS: nodeOptionsWithHelperThreads(process.env.NODE_OPTIONS), ...env, [exportFolderVariable]: exportFolder, ...(renderProcesses !== undefined && { [renderProcessesVariable]: String(renderProcesses) }) },
      detached: true,
    });
    const group = child.pid === undefined ? undefined : -child.pid;
    const kill = (killSignal: NodeJS.Signals) => {
      try {
        if (group !== undefined) process.kill(group, killSignal);
      } catch {
        // The group has already exited.
      }
    };
    let forced: NodeJS.Timeout | undefined;
    const stop = () => {
      kill('SIGTERM');
      forced = setTimeout(() => kill('SIGKILL'), 5000);
    };
    signal.addEventListener('abort', stop, { once: true });
    // A build that ends for any reason (an error, process.exit) leaves no worker of Next's behind.
    const onExit = () => kill('SIGKILL');
    process.once('exit', onExit);
    child.once('error', (error) => reject(new NextBuildError(`next build did not start: ${error.message}`)));
    child.once('close', (code) => {
      clearTimeout(forced);
      signal.removeEventListener('abort', stop);
      process.removeListener('exit', onExit);
      // Workers that outlived Next's main process would go on writing into the export folder.
      kill('SIGKILL');
      if (signal.aborted) reject(new NextBuildError('next build was stopped.'));
      else if (code === 0) resolve();
      else reject(new NextBuildError('next build failed (see above).'));
    });
  });
}
