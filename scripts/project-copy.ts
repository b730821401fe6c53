/**
 * Copies of this project with other content, for the benchmark and the end-to-end fixture site: the
 * project's own files (as git sees them, including new files not yet committed), node_modules hard-linked,
 * and the copy's own content/ and site.config.ts.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repository = path.resolve(new URL('..', import.meta.url).pathname);

/**
 * What `npm run build` runs (package.json's `node …` script), as Node's arguments; spawn with process.execPath
 * and the copy as cwd. Node loads tsx itself (scripts/start-build.mjs) rather than through tsx's CLI, whose signal
 * relay SIGKILLs a child that is busy for 60 ms when Ctrl-C comes, so the build could not clean up after itself.
 */
export const buildArguments = nodeScriptArguments('build');

function nodeScriptArguments(script: string): string[] {
  const { scripts } = JSON.parse(fs.readFileSync(path.join(repository, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [command, ...args] = (scripts[script] ?? '').split(' ');
  if (command !== 'node' || args.length === 0) throw new Error(`package.json's "${script}" script is not a \`node …\` command: ${scripts[script]}`);
  return args;
}

/** Files a project copy never takes from the repository: its content, its config, and the tests. */
const notCopied = (file: string) => file.startsWith('content/') || file.startsWith('e2e/') || file === 'site.config.ts';

/**
 * Makes `directory` a copy of the project's files, replacing the files a previous copy left there but
 * keeping its node_modules (refreshed when the lockfile changed), `.next` (the build caches) and `out/`.
 */
export function syncProjectCopy(directory: string): void {
  fs.mkdirSync(directory, { recursive: true });
  const kept = new Set(['node_modules', '.node-modules-lock', '.next', 'out']);
  for (const entry of fs.readdirSync(directory)) {
    if (!kept.has(entry)) fs.rmSync(path.join(directory, entry), { recursive: true, force: true });
  }
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: repository, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && !notCopied(file) && fs.existsSync(path.join(repository, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(directory, file)), { recursive: true });
    fs.copyFileSync(path.join(repository, file), path.join(directory, file));
  }
  linkNodeModules(directory);
}

function linkNodeModules(directory: string): void {
  const target = path.join(directory, 'node_modules');
  const lockfile = fs.readFileSync(path.join(repository, 'package-lock.json'), 'utf8');
  const stamp = path.join(directory, '.node-modules-lock');
  if (fs.existsSync(target) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lockfile) return;
  fs.rmSync(target, { recursive: true, force: true });
  // Turbopack wants node_modules inside the project: hard links are instant; a plain copy is the fallback.
  try {
    execFileSync('cp', ['-al', path.join(repository, 'node_modules'), target]);
  } catch {
    fs.cpSync(path.join(repository, 'node_modules'), target, { recursive: true });
  }
  fs.writeFileSync(stamp, lockfile);
}
