/**
 * `npx tsx scripts/complete-lockfile.ts` after `npm install`: adds to package-lock.json the other platforms'
 * native packages that npm left out, so that `npm ci` accepts the lockfile on every platform.
 *
 * Why: the registry reachable from the development machines does not serve every platform's build of
 * every release (e.g. `@next/swc-darwin-arm64@16.4.6` and `@tailwindcss/oxide-win32-x64-msvc@4.3.5` are 404
 * there while their Linux builds exist). npm then marks those optional packages "inert" and writes no entry
 * for them, but `npm ci` rebuilds the tree, meets the same inert packages and rejects its own lockfile with
 * "Missing: @next/swc-darwin-arm64@ from lock file" (npm/cli#9846, fix proposed in npm/cli#9850).
 *
 * The entry written is the one npm writes when the package is reachable: the exact version the dependent
 * pins, its `os`/`cpu`/`libc` (so that every other platform skips it without fetching), `optional`, and
 * `dev` when the dependent is a dev dependency. `integrity` comes from the registry when it has that
 * version; otherwise it is left out, and npm fetches the package by name and version on the platform that
 * needs it. The platform fields come from the package's newest published version (they never change
 * within a package, whose name is its platform). Runs without changes on a complete lockfile.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

interface LockEntry {
  version?: string;
  integrity?: string;
  dev?: boolean;
  optional?: boolean;
  devOptional?: boolean;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}
export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
}
interface Manifest {
  version: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  license?: string;
  engines?: Record<string, string>;
  dist?: { integrity?: string };
}

const exactVersion = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/;

/** The lockfile key npm resolves `name` to from the package at `from` (Node's lookup: nearest node_modules up). */
function resolveKey(packages: Lockfile['packages'], from: string, name: string): string | undefined {
  let folder = from;
  for (;;) {
    const key = folder ? `${folder}/node_modules/${name}` : `node_modules/${name}`;
    if (packages[key]) return key;
    if (!folder) return undefined;
    const parent = folder.lastIndexOf('/node_modules/');
    folder = parent === -1 ? '' : folder.slice(0, parent);
  }
}

/** `npm view name[@version] --json`, or undefined when the registry has no such version (404). */
function view(spec: string): Manifest | undefined {
  try {
    const output = execFileSync('npm', ['view', spec, '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    const parsed: unknown = JSON.parse(output);
    const manifest = Array.isArray(parsed) ? parsed.at(-1) : parsed;
    return manifest && typeof manifest === 'object' && 'version' in manifest ? (manifest as Manifest) : undefined;
  } catch (error) {
    if (error instanceof Error && 'stderr' in error && /\bE404\b|404 Not Found/.test(String(error.stderr))) return undefined;
    throw error;
  }
}

/** Entries for every optional dependency the lockfile declares but does not hold. Mutates `lock`. */
export function completeLockfile(lock: Lockfile, lookUp: (spec: string) => Manifest | undefined = view): string[] {
  if (lock.lockfileVersion < 2) throw new Error(`package-lock.json: lockfileVersion ${lock.lockfileVersion} has no "packages" map; run npm install with npm 7 or later.`);
  const added: string[] = [];
  for (const [from, entry] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(entry.optionalDependencies ?? {})) {
      const found = resolveKey(lock.packages, from, name);
      // A range that resolves was npm's own choice; an exact pin must match (else npm nests the pinned one).
      if (found && (!exactVersion.test(spec) || lock.packages[found]?.version === spec)) continue;
      if (!exactVersion.test(spec)) {
        throw new Error(`${from || 'package.json'}: optional dependency ${name}@${spec} is missing from the lockfile and is not pinned to one version; run npm install where the registry has it.`);
      }
      const exact = lookUp(`${name}@${spec}`);
      const newest = exact ?? lookUp(name);
      if (!newest) throw new Error(`${name}: the registry has no version of this package; cannot tell which platform it is for.`);
      const record: LockEntry = { version: spec };
      if (exact?.dist?.integrity) record.integrity = exact.dist.integrity;
      if (newest.cpu) record.cpu = newest.cpu;
      if (entry.dev) record.dev = true;
      if (newest.libc) record.libc = newest.libc;
      if (newest.license) record.license = newest.license;
      record.optional = true;
      if (newest.os) record.os = newest.os;
      if (newest.engines) record.engines = newest.engines;
      if (!newest.os && !newest.cpu && !newest.libc) {
        throw new Error(`${name}@${spec}: not a platform-specific package (no os, cpu or libc); run npm install where the registry has it.`);
      }
      // Hoisted beside the dependent's own dependencies unless that name is taken there.
      const key = lock.packages[`node_modules/${name}`] ? `${from}/node_modules/${name}` : `node_modules/${name}`;
      lock.packages[key] = record;
      added.push(`${key}@${spec}${record.integrity ? '' : ' (no integrity: not on this registry)'}`);
    }
  }
  // npm writes the packages map in this order; keeping it makes the next `npm install` a no-op diff.
  lock.packages = Object.fromEntries(Object.entries(lock.packages).sort(([a], [b]) => a.localeCompare(b, 'en')));
  return added;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = path.resolve('package-lock.json');
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as Lockfile;
  const added = completeLockfile(lock);
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length === 0 ? 'package-lock.json: complete.' : `package-lock.json: added ${added.length} entries:\n  ${added.join('\n  ')}`);
}
