/**
 * `npm run build`: the build's steps (lib/build/run-build.ts) run from the command line. Stops cleanly on
 * Ctrl-C, SIGTERM and SIGHUP (exit 128 + signal, out/ unchanged), and reports every failure as the author's
 * message, without a stack trace (DEBUG=1 shows the stack of unexpected errors).
 */
import { constants as osConstants } from 'node:os';
import path from 'node:path';

// Compile page bodies for production, as `next build` renders them; Next's types call NODE_ENV read-only.
Object.assign(process.env, { NODE_ENV: process.env.NODE_ENV ?? 'production' });
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

// Loading the page compiler takes longest of all the build loads: its worker starts first.
(await import('@/lib/content/page-compiler')).prepareFirstPageCompiler();
const { BuildFailure, BuildStopped, runBuild } = await import('@/lib/build/run-build');
const { BuildRunningError, outputFolderName } = await import('@/lib/build/output-folder');
const { ContentErrors, ExportError } = await import('@/lib/errors');
const { NextBuildError } = await import('@/lib/next-adapter/next-build');

const projectDirectory = path.resolve(import.meta.dirname, '..');
const controller = new AbortController();
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, (received) => {
    if (stoppedBy) return;
    stoppedBy = received;
    console.error(`\nBuild stopped (${received}); ${outputFolderName}/ is unchanged.`);
    controller.abort();
  });
}

try {
  await runBuild({ projectDirectory, signal: controller.signal });
} catch (error) {
  if (stoppedBy) process.exit(128 + (osConstants.signals[stoppedBy] ?? 1));
  if (error instanceof BuildStopped) process.exit(130);
  // The build's own failures say everything the author needs; a stack would only point into the engine.
  const known = [BuildFailure, BuildRunningError, ContentErrors, ExportError, NextBuildError];
  if (error instanceof Error && known.some((kind) => error instanceof kind)) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof Error && process.env.DEBUG !== '1') {
    console.error(`Build failed: ${error.message} (DEBUG=1 shows where)`);
    process.exit(1);
  }
  throw error;
}
