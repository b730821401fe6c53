/**
 * `npm run build:zola-fixture`: imports the Zola fixture site (e2e/zola-site/) into a project copy under
 * .e2e/zola/ the way a user runs `npm run import:zola`, and builds it with this project's code at the host's
 * root. The import must carry everything over: a note in its report is a failure, printed, and nothing is built.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zolaProjectFolder, zolaSourceFolder } from '../e2e/zola-site/zola-site';
import { reservedUrlSegments } from '@/lib/content/page-urls';
import { findShortcodeCalls, zolaShortcodes } from '@/lib/markdown/zola-shortcodes';
import { importReport, importZolaSite, ZolaImportError } from '@/lib/zola/import-site';
import { buildArguments, syncProjectCopy } from './project-copy';

syncProjectCopy(zolaProjectFolder);
// The copy starts as a project without a site: no content, no config, and in public/ only the engine's own
// folders (public/enhance/, and katex/ and styles/ which the build writes), none of the repository's pages' files.
fs.rmSync(path.join(zolaProjectFolder, 'content'), { recursive: true, force: true });
fs.rmSync(path.join(zolaProjectFolder, 'site.config.ts'), { force: true });
const publicFolder = path.join(zolaProjectFolder, 'public');
for (const entry of fs.existsSync(publicFolder) ? fs.readdirSync(publicFolder) : []) {
  if (!reservedUrlSegments.has(entry)) fs.rmSync(path.join(publicFolder, entry), { recursive: true, force: true });
}

const shown = { from: path.relative(process.cwd(), zolaSourceFolder), into: path.relative(process.cwd(), zolaProjectFolder) };
let result: ReturnType<typeof importZolaSite>;
try {
  result = importZolaSite({ from: zolaSourceFolder, into: zolaProjectFolder, overwrite: true, shortcodes: { find: findShortcodeCalls, supported: zolaShortcodes } });
} catch (error) {
  console.error(error instanceof ZolaImportError ? error.message : error);
  process.exit(1);
}
process.stdout.write(importReport(result, shown));
if (result.notes.length > 0) {
  console.error(`The Zola fixture site did not import cleanly (${result.notes.length} not carried over, listed above): fix e2e/zola-site/ or the importer.`);
  process.exit(1);
}

console.log(`Building the Zola fixture site in ${shown.into}/ (at the host's root)`);
const build = spawnSync(process.execPath, buildArguments, {
  cwd: zolaProjectFolder,
  env: { ...process.env, BASE_PATH: '' },
  stdio: 'inherit',
});
process.exit(build.status ?? 1);
