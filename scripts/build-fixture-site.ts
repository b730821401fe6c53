/**
 * `npm run build:fixture`: builds the end-to-end fixture site (e2e/fixture-site/: its own site.config.ts
 * and content/) with this project's code, in a project copy under .e2e/fixture/, so that the repository's
 * own out/ is untouched. The copy keeps its .next caches between runs, so a rebuild is a warm build.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fixtureBasePath, fixtureProjectFolder, fixtureSourceFolder, galleryPhotos } from '../e2e/fixture-site/fixture-site';
import { cameraPhoto } from '@/lib/testing/camera-photos';
import { buildArguments, syncProjectCopy } from './project-copy';

syncProjectCopy(fixtureProjectFolder);
fs.cpSync(path.join(fixtureSourceFolder, 'content'), path.join(fixtureProjectFolder, 'content'), { recursive: true });
fs.copyFileSync(path.join(fixtureSourceFolder, 'site.config.ts'), path.join(fixtureProjectFolder, 'site.config.ts'));
// The gallery's photos are made here, as a camera writes them, rather than committed (megabytes in every clone).
for (const [name, width, height, seed] of galleryPhotos) {
  fs.writeFileSync(path.join(fixtureProjectFolder, 'content', 'gallery', name), await cameraPhoto(width, height, seed));
}

console.log(`Building the fixture site in ${path.relative(process.cwd(), fixtureProjectFolder)}/ (base path "${fixtureBasePath || '/'}")`);
const build = spawnSync(process.execPath, buildArguments, {
  cwd: fixtureProjectFolder,
  env: { ...process.env, BASE_PATH: fixtureBasePath },
  stdio: 'inherit',
});
process.exit(build.status ?? 1);
