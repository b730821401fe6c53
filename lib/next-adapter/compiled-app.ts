/**
 * The app Next.js compiled, kept between builds. What Turbopack compiles (app/, components/, lib/, the site
 * config, the stylesheets) never includes content/: the renderers read the content manifest when they run. So a
 * build whose code, config and packages are those of the last full `next build` can skip the compile and have
 * Next only render the pages (`next build --experimental-build-mode generate`, checked on the version in
 * next-build.ts): 4.7 s → 2.2 s of `next build` for one edited page of the shipped site.
 *
 * A full build records the app's fingerprint (the caller's hash of everything the compile reads) beside the build
 * ID Next gave it. Rendering only is allowed when both still match: another `next build` in between (by hand, or
 * one stopped midway) changes or removes .next/BUILD_ID.
 */
import fs from 'node:fs';
import path from 'node:path';
// Relative: next.config.ts loads this module through next-build.ts, without the project's path aliases.
import { readJsonObject, writeJsonAtomically } from '../json-file';

/** Where Next keeps its build, which its generate mode reads back. */
const nextFolder = (projectDirectory: string) => path.join(projectDirectory, '.next');

/**
 * The suffixes of the files and folders Next's static generation writes beside the compiled routes under
 * .next/server/app (next/dist/lib/constants.js: RSC_SUFFIX, RSC_SEGMENTS_DIR_SUFFIX, NEXT_META_SUFFIX,
 * NEXT_BODY_SUFFIX, and the HTML itself). The compiled routes are `.js`, `.js.map` and `.json` files.
 */
const prerenderedSuffixes = ['.html', '.rsc', '.segments', '.meta', '.body'];

function buildId(projectDirectory: string): string | undefined {
  try {
    return fs.readFileSync(path.join(nextFolder(projectDirectory), 'BUILD_ID'), 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

export class CompiledApp {
  constructor(
    private readonly projectDirectory: string,
    /** The engine's record of the last full build's fingerprint, in its cache folder. */
    private readonly recordFile: string,
  ) {}

  /** Whether .next holds the app as a full build compiled it from exactly this fingerprint. */
  isCompiledFrom(fingerprint: string): boolean {
    const record = readJsonObject<string>(this.recordFile);
    const current = buildId(this.projectDirectory);
    return current !== undefined && record?.fingerprint === fingerprint && record.buildId === current;
  }

  /** Before a full build: until it succeeds, .next holds no app to reuse. */
  forget(): void {
    fs.rmSync(this.recordFile, { force: true });
  }

  /** After a full build succeeded from `fingerprint`. */
  remember(fingerprint: string): void {
    writeJsonAtomically(this.recordFile, { fingerprint, buildId: buildId(this.projectDirectory) });
  }

  /**
   * Deletes what the last build's render wrote, as a full build's first act (emptying .next but for its caches)
   * would. Generate mode keeps everything, and Next's export then copies pages from the last build:
   *  - the rendered pages under .next/server/app, which would bring back a page deleted from content/;
   *  - prerender-manifest.json, the list of rendered pages: Next's export loads it with `require` while
   *    rendering, and would list the last build's pages from that module cache when it copies them (export/index.js).
   */
  removeRenderedPages(): void {
    const next = nextFolder(this.projectDirectory);
    fs.rmSync(path.join(next, 'prerender-manifest.json'), { force: true });
    const visit = (folder: string) => {
      for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (prerenderedSuffixes.some((suffix) => entry.name.endsWith(suffix))) fs.rmSync(full, { recursive: true, force: true });
        else if (entry.isDirectory()) visit(full);
      }
    };
    const appFolder = path.join(next, 'server', 'app');
    if (fs.existsSync(appFolder)) visit(appFolder);
  }
}
