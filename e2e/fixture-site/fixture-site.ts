/**
 * The fixture site: a second site, built from e2e/fixture-site/ by `npm run build:fixture`, whose pages
 * exercise what the shipped content (four authors' about pages) does not: code, diagrams, comments,
 * hostile input. Its build and its end-to-end server read these settings.
 */
import path from 'node:path';

/** The project copy the fixture site is built in (git-ignored); its export is `out/` inside it. */
export const fixtureProjectFolder = path.resolve(import.meta.dirname, '../../.e2e/fixture');
export const fixtureOutFolder = path.join(fixtureProjectFolder, 'out');
/** The fixture site's own content and config, copied into the project copy. */
export const fixtureSourceFolder = import.meta.dirname;
/**
 * The base path the fixture site is built for and served under ('' = the host's root). Not empty, so
 * that every fixture page is also a test of BASE_PATH: links, assets, fonts and the 404 page under it.
 */
export const fixtureBasePath = '/docs';

/**
 * The gallery's photos (content/gallery/), made by the fixture's build as a camera writes them
 * (lib/testing/camera-photos.ts): name, width, height, seed. One 2400 × 1600 and two 1000-pixel ones, as the
 * photo issue's targets name them.
 */
export const galleryPhotos: readonly (readonly [name: string, width: number, height: number, seed: number])[] = [
  ['valley.jpg', 2400, 1600, 1],
  ['ridge.jpg', 1000, 667, 2],
  ['lake.jpg', 1000, 750, 3],
];
