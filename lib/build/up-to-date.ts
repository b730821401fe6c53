/**
 * Whether out/ already is what a build would write: nothing the build reads has changed since the last build
 * that published it, and nobody has changed out/ since. Then `npm run build` has nothing to do, as `make` has
 * nothing to do for a target newer than its sources.
 *
 * What a build reads: content/ (contentFingerprint: every file's path, size and modification time) and everything
 * else the pages are made from (templateFingerprint: app/, components/, lib/, scripts/, public/, the site config,
 * the config files, the lockfile, what npm installed and the .env files, read byte for byte; BASE_PATH, NODE_ENV and
 * NEXT_PUBLIC_ variables), plus vercel.json, which the build keeps in step with the pages, and the CI and VERCEL
 * variables, which change what it does with it. out/ is compared by each file's path, size and modification time,
 * as the build left it. A site whose pages change with the day (serene's outdate alert, lib/content/site-model.ts)
 * is up to date on the day of its build only.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentFingerprint } from '@/lib/content';
import { buildDay } from '@/lib/content/site-model';
import { listFiles } from '@/lib/export/list-files';
import { readJsonObject, writeJsonAtomically } from '@/lib/json-file';

/** Where the last published build is recorded. */
const recordFile = (projectDirectory: string) => path.join(projectDirectory, '.next', 'cache', 'portfolio-engine', 'last-build.json');

/** Everything a build reads but vercel.json, as one hash, from the project's templateFingerprint. */
export function buildInputs(template: string, environment: Readonly<Record<string, string | undefined>> = process.env): string {
  return crypto
    .createHash('sha256')
    .update(contentFingerprint())
    .update('\0')
    .update(template)
    .update('\0')
    .update(`CI=${environment.CI ?? ''}\0VERCEL=${environment.VERCEL ?? ''}`)
    .digest('hex');
}

/** vercel.json as it stands, hashed (the build may write it as it publishes, so it is recorded after that). */
function vercelConfigDigest(projectDirectory: string): string {
  const file = path.join(projectDirectory, 'vercel.json');
  return crypto.createHash('sha256').update(fs.existsSync(file) ? fs.readFileSync(file) : '').digest('hex');
}

/** out/ as it stands: every file's path, size and modification time, hashed; undefined when there is no out/. */
function outputListing(outFolder: string): string | undefined {
  if (!fs.statSync(outFolder, { throwIfNoEntry: false })?.isDirectory()) return undefined;
  const hash = crypto.createHash('sha256');
  for (const file of listFiles(outFolder).sort()) {
    const stat = fs.lstatSync(path.join(outFolder, file));
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** Whether the last build published out/ from these very inputs, and out/ and vercel.json are as it left them. */
export function isUpToDate(projectDirectory: string, outFolder: string, inputs: string, today: string = buildDay()): boolean {
  const record = readJsonObject<string>(recordFile(projectDirectory));
  return (
    record?.inputs === inputs &&
    (record.day === undefined || record.day === today) &&
    record.vercelJson === vercelConfigDigest(projectDirectory) &&
    record.output !== undefined &&
    record.output === outputListing(outFolder)
  );
}

/**
 * Records the build that just published out/ from `inputs` (read before it started, so a change during it counts),
 * with its day when its pages depend on it.
 */
export function recordBuild(projectDirectory: string, outFolder: string, inputs: string, options: { dependsOnDay: boolean; today?: string }): void {
  const day = options.dependsOnDay ? (options.today ?? buildDay()) : undefined;
  writeJsonAtomically(recordFile(projectDirectory), { inputs, vercelJson: vercelConfigDigest(projectDirectory), output: outputListing(outFolder), ...(day === undefined ? {} : { day }) });
}
