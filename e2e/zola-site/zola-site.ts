/**
 * The Zola fixture site: a small Zola site of our own (config.toml, content/, static/ in this folder), which
 * `npm run build:zola-fixture` imports with the Zola importer into a project copy and builds, so that the
 * end-to-end tests read what a Zola user gets after `npm run import:zola`. Its build and its server read these.
 */
import path from 'node:path';

/** The Zola site itself, as `zola build` would read it. */
export const zolaSourceFolder = import.meta.dirname;
/** The project copy the site is imported into and built in (git-ignored); its export is `out/` inside it. */
export const zolaProjectFolder = path.resolve(import.meta.dirname, '../../.e2e/zola');
export const zolaOutFolder = path.join(zolaProjectFolder, 'out');
