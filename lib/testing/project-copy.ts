import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** This repository: the folder holding package.json, two levels above this file. */
export const repositoryDirectory = path.resolve(import.meta.dirname, '../..');

/**
 * A throwaway copy of this project under the system's temp folder, for running real builds (tests, the
 * bench) without touching the repository's out/, .next/ or content/. It holds the project's files as git
 * sees them (tracked, plus new files not ignored) except those `leaveOut` rejects, then `files`
 * (path → content) on top. The caller deletes it (fs.rmSync(…, { recursive: true })).
 */
export function copyProject(prefix: string, options: { leaveOut?: (file: string) => boolean; files?: Record<string, string> } = {}): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repositoryDirectory, encoding: 'utf8' });
  for (const file of listed.split('\0')) {
    if (!file || options.leaveOut?.(file) || !fs.existsSync(path.join(repositoryDirectory, file))) continue;
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.copyFileSync(path.join(repositoryDirectory, file), path.join(directory, file));
  }
  // Turbopack wants node_modules inside the project (a symlink is refused): hard links take seconds and no
  // space; a plain copy is the fallback where hard links cannot be made (another file system).
  try {
    execFileSync('cp', ['-al', path.join(repositoryDirectory, 'node_modules'), path.join(directory, 'node_modules')]);
  } catch {
    fs.cpSync(path.join(repositoryDirectory, 'node_modules'), path.join(directory, 'node_modules'), { recursive: true });
  }
  for (const [name, content] of Object.entries(options.files ?? {})) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), content);
  }
  return directory;
}

/** What `npm run build` runs (package.json), as arguments for Node; spawn it with the project as cwd. */
export const buildArguments = ['--import', 'tsx', 'scripts/build.ts'];
