/**
 * The serene fixture site: a site of our own written for the serene theme as its USAGE.md says (home profile,
 * blog and post templates, every shortcode, a projects collection), which `npm run build:serene-fixture`
 * imports with the Zola importer into a project copy and builds, for e2e/serene-site.spec.ts.
 */
import path from 'node:path';

/** The Zola site itself, as `zola build` would read it. */
export const sereneSourceFolder = import.meta.dirname;
/** The project copy the site is imported into and built in (git-ignored); its export is `out/` inside it. */
export const sereneProjectFolder = path.resolve(import.meta.dirname, '../../.e2e/serene');
export const sereneOutFolder = path.join(sereneProjectFolder, 'out');
