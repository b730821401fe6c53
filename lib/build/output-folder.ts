/**
 * The export's one output folder, out/, and how a build replaces it without ever losing it.
 *
 * A build writes the new site into a staging folder beside out/ (same file system, so a rename moves it),
 * runs every finishing step there, and only when all of them succeeded swaps it in with two renames:
 * out/ → .out-previous, then .out-staging → out/. A build that fails, is cancelled or crashes deletes its
 * staging folder and never touches out/. A build killed outright (SIGKILL, power loss) leaves its staging
 * folder, or, in the instant between the two renames, the previous site under .out-previous; the next
 * build puts that back as out/ before anything else and deletes the rest.
 *
 * The staging folder has one fixed name: Next.js sees it as its `distDir`, and Turbopack's build cache is
 * only reused by a build with the same config, so a per-process name made every build compile from scratch
 * (a warm 1000-page build: 4 s of compiling instead of 22 s). One name means one build at a time: a lock
 * file beside it holds the building process's PID.
 */
import fs from 'node:fs';
import path from 'node:path';

/** The folder hosts deploy and `npm start` serves, relative to the project. */
export const outputFolderName = 'out';
/** Where a build exports and finishes, beside out/ (Next's distDir: lib/next-adapter/next-build.ts). */
export const stagingFolderName = '.out-staging';
export const previousFolderName = '.out-previous';
/** Holds the PID of the build that owns the staging folder. */
export const lockFileName = '.out-staging.lock';
/** What builds before the fixed name left (`.out-staging-1234`): cleaned up when their process is gone. */
const perProcessLeftover = /^\.out-(staging|previous)-(\d+)$/;

/** Another build of this project is running: the one staging folder is its. */
export class BuildRunningError extends Error {
  constructor(readonly pid: number) {
    super(`Another build of this project is running (process ${pid}). Wait for it to finish, or stop it (kill ${pid}), then build again.`);
  }
}

/** Whether a process with this PID exists (this one included). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return error instanceof Error && 'code' in error && error.code === 'EPERM';
  }
}

/** Another process than this one: a build that may still be writing. */
const isRunning = (pid: number) => pid !== process.pid && isProcessAlive(pid);

/** Takes the build lock for this process, or throws BuildRunningError. Returns whether a dead build held it. */
function takeLock(projectDirectory: string): boolean {
  const lockFile = path.join(projectDirectory, lockFileName);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: 'wx' });
      return attempt > 0;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
    const holder = Number.parseInt(fs.readFileSync(lockFile, 'utf8'), 10);
    if (Number.isInteger(holder) && isRunning(holder)) throw new BuildRunningError(holder);
    // Left by a build that was killed: its folders are cleaned up below, the lock is ours to take.
    fs.rmSync(lockFile, { force: true });
  }
  throw new Error(`Could not take the build lock ${lockFileName}: another build keeps taking it.`);
}

/**
 * Cleans up after builds that were killed: an out/ caught between the two renames of a swap is put back,
 * and unfinished exports are deleted. Call only while holding the lock. Folders of an older build still
 * running (per-process names, PID alive) are left alone. Returns what it did, one line each, for the build to print.
 */
export function recoverInterruptedBuilds(projectDirectory: string): string[] {
  const out = path.join(projectDirectory, outputFolderName);
  const found = fs.readdirSync(projectDirectory).flatMap((name) => {
    if (name === previousFolderName) return [{ name, kind: 'previous' }];
    if (name === stagingFolderName) return [{ name, kind: 'staging' }];
    const match = perProcessLeftover.exec(name);
    return match?.[1] && !isRunning(Number(match[2])) ? [{ name, kind: match[1] }] : [];
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
  /** Deletes the staged folder (out/ stays as it was) and releases the lock. Safe to call more than once and after publish(). */
  discard(): void;
}

/**
 * Starts a staged export for this process: takes the build lock (BuildRunningError if another build holds
 * it), then cleans up what killed builds left.
 */
export function stageExport(projectDirectory: string): StagedExport & { recovered: string[] } {
  takeLock(projectDirectory);
  const lockFile = path.join(projectDirectory, lockFileName);
  const recovered = recoverInterruptedBuilds(projectDirectory);
  const folder = path.join(projectDirectory, stagingFolderName);
  const out = path.join(projectDirectory, outputFolderName);
  let published = false;
  let released = false;
  return {
    folder,
    relativeFolder: stagingFolderName,
    recovered,
    publish() {
      if (!fs.existsSync(folder)) throw new Error(`${stagingFolderName} does not exist: nothing to publish.`);
      const previous = path.join(projectDirectory, previousFolderName);
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
      if (released) return;
      if (!published) fs.rmSync(folder, { recursive: true, force: true });
      fs.rmSync(lockFile, { force: true });
      released = true;
    },
  };
}
