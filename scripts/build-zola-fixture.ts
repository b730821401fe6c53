/**
 * `npm run build:zola-fixture` and `npm run build:serene-fixture`: imports a Zola fixture site (e2e/zola-site/,
 * or e2e/serene-site/ with the argument `serene`) into a project copy under .e2e/ the way a user runs
 * `npm run import:zola`, and builds it with this project's code at the host's root. The import must carry
 * everything over: a note in its report is a failure, printed, and nothing is built.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { sereneProjectFolder, sereneSourceFolder } from '../e2e/serene-site/serene-site';
import { zolaProjectFolder, zolaSourceFolder } from '../e2e/zola-site/zola-site';
import { reservedUrlSegments } from '@/lib/content/page-urls';
import { findShortcodeCalls, zolaShortcodes } from '@/lib/markdown/zola-shortcodes';
import { importReport, importZolaSite, ZolaImportError } from '@/lib/zola/import-site';
import { buildArguments, syncProjectCopy } from './project-copy';

const fixtures = {
  zola: { source: zolaSourceFolder, project: zolaProjectFolder, name: 'Zola fixture site', folder: 'e2e/zola-site/' },
  serene: { source: sereneSourceFolder, project: sereneProjectFolder, name: 'serene fixture site', folder: 'e2e/serene-site/' },
};
const chosen = process.argv[2] ?? 'zola';
if (chosen !== 'zola' && chosen !== 'serene') {
  console.error(`Unknown fixture site '${chosen}': zola or serene.`);
  process.exit(1);
}
const fixture = fixtures[chosen];
const projectFolder = fixture.project;

syncProjectCopy(projectFolder);
// The copy starts as a project without a site: no content, no config, and in public/ only the engine's own
// folders (public/enhance/, and katex/ and styles/ which the build writes), none of the repository's pages' files.
fs.rmSync(path.join(projectFolder, 'content'), { recursive: true, force: true });
fs.rmSync(path.join(projectFolder, 'site.config.ts'), { force: true });
const publicFolder = path.join(projectFolder, 'public');
for (const entry of fs.existsSync(publicFolder) ? fs.readdirSync(publicFolder) : []) {
  if (!reservedUrlSegments.has(entry)) fs.rmSync(path.join(publicFolder, entry), { recursive: true, force: true });
}

const shown = { from: path.relative(process.cwd(), fixture.source), into: path.relative(process.cwd(), projectFolder) };
let result: ReturnType<typeof importZolaSite>;
try {
  result = importZolaSite({ from: fixture.source, into: projectFolder, overwrite: true, shortcodes: { find: findShortcodeCalls, supported: zolaShortcodes } });
} catch (error) {
  console.error(error instanceof ZolaImportError ? error.message : error);
  process.exit(1);
}
process.stdout.write(importReport(result, shown));
if (result.notes.length > 0) {
  console.error(`The ${fixture.name} did not import cleanly (${result.notes.length} not carried over, listed above): fix ${fixture.folder} or the importer.`);
  process.exit(1);
}

console.log(`Building the ${fixture.name} in ${shown.into}/ (at the host's root)`);
const build = spawnSync(process.execPath, buildArguments, {
  cwd: projectFolder,
  env: { ...process.env, BASE_PATH: '' },
  stdio: 'inherit',
});
process.exit(build.status ?? 1);
