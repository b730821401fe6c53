/**
 * The export's one output folder, out/, and how a build replaces it without ever losing it.
 *
 * A build writes the new site into a staging folder beside out/ (same file system, so a rename moves it),
 * runs every finishing step there, and only when all of them succeeded swaps it in with two renames:
 * out/ → .out-previous-PID, then .out-staging-PID → out/. A build that fails, is cancelled or crashes
 * deletes its staging folder and never touches out/. A build killed outright (SIGKILL, power loss) leaves
 * its staging folder, or, in the instant between the two renames, the previous site under
 * .out-previous-PID; the next build puts that back as out/ before anything else and deletes the rest.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder hosts deploy and `npm start` serves, relative to the project. */
export const outputFolderName = 'out';

/**
 * The environment variable through which the build tells next.config.ts where Next's export writes.
 * Under `output: 'export'`, Next 16 treats a `distDir` other than `.next` as the export folder and keeps
 * its own build files in `.next` (node_modules/next/dist/export/utils.js, hasCustomExportOutput).
 */
export const exportFolderVariable = 'ENGINE_EXPORT_FOLDER';

const leftover = /^\.out-(staging|previous)-(\d+)$/;
const stagingName = (pid: number) => `.out-staging-${pid}`;
const previousName = (pid: number) => `.out-previous-${pid}`;

function isRunning(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/**
 * Cleans up after builds that were killed: an out/ caught between the two renames of a swap is put back,
 * and unfinished exports are deleted. Folders of a build still running (another PID alive) are left alone.
 * Returns what it did, one line each, for the build to print.
 */
export function recoverInterruptedBuilds(projectDirectory: string): string[] {
  const out = path.join(projectDirectory, outputFolderName);
  const found = fs.readdirSync(projectDirectory).flatMap((name) => {
    const match = leftover.exec(name);
    return match && !isRunning(Number(match[2])) ? [{ name, kind: match[1] }] : [];
  });
  const done: string[] = [];
  // Previous sites first: one of them may be the only copy of out/.
  for (const { name, kind } of [...found.filter((entry) => entry.kind === 'previous'), ...found.filter((entry) => entry.kind !== 'previous')]) {
    const full = path.join(projectDirectory, name);
    if (kind === 'previous' && !fs.existsSync(out)) {
      fs.renameSync(full, out);
      done.push(`Restored ${outputFolderName}/ from ${name}, left by a build that was killed while replacing it.`);
    } else {
      fs.rmSync(full, { recursive: true, force: true });
      done.push(`Deleted ${name}, left by a build that was killed.`);
    }
  }
  return done;
}

export interface StagedExport {
  /** Absolute path of the folder this build exports into and finishes; every step takes it as a parameter. */
  readonly folder: string;
  /** The folder relative to the project, as next.config.ts's distDir wants it. */
  readonly relativeFolder: string;
  /** Replaces out/ with the staged folder (or creates out/). The last step of a successful build. */
  publish(): void;
  /** Deletes the staged folder; out/ stays as it was. Safe to call more than once and after publish(). */
  discard(): void;
}

/** Starts a staged export for this process, after cleaning up what killed builds left. */
export function stageExport(projectDirectory: string): StagedExport & { recovered: string[] } {
  const recovered = recoverInterruptedBuilds(projectDirectory);
  const relativeFolder = stagingName(process.pid);
  const folder = path.join(projectDirectory, relativeFolder);
  const out = path.join(projectDirectory, outputFolderName);
  fs.rmSync(folder, { recursive: true, force: true });
  let published = false;
  return {
    folder,
    relativeFolder,
    recovered,
    publish() {
      if (!fs.existsSync(folder)) throw new Error(`${relativeFolder} does not exist: nothing to publish.`);
      const previous = path.join(projectDirectory, previousName(process.pid));
      const hadPrevious = fs.existsSync(out);
      if (hadPrevious) fs.renameSync(out, previous);
      try {
        fs.renameSync(folder, out);
      } catch (error) {
        if (hadPrevious) fs.renameSync(previous, out);
        throw error;
      }
      published = true;
      if (hadPrevious) fs.rmSync(previous, { recursive: true, force: true });
    },
    discard() {
      if (!published) fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
