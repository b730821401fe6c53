import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { NextConfig } from 'next';
import { PHASE_PRODUCTION_BUILD } from 'next/constants';
import { exportFolderVariable, renderProcessesVariable } from './next-build';

const readPackage = (file: string) =>
  JSON.parse(fs.readFileSync(file, 'utf8')) as { dependencies?: Record<string, string>; peerDependencies?: Record<string, string> };

/**
 * The project's dependencies that page renderers load with Node's require at run time instead of through
 * Turbopack: the content pipeline (unified, KaTeX, highlight.js…), the preview images, the config schema.
 * The renderers only read compiled pages, so bundling all that bought nothing and cost 15 s of every cold
 * build (2 MB of server chunks; 1000 pages: compile 22 s → 8 s). React, and every package that renders with
 * it (a react peer dependency), stays bundled: Next gives the app its own React, and there must be only one.
 */
function runtimeRequiredPackages(projectDirectory: string): string[] {
  const project = readPackage(path.join(projectDirectory, 'package.json'));
  return Object.keys(project.dependencies ?? {}).filter((name) => {
    if (name === 'next' || name === 'react' || name === 'react-dom') return false;
    const manifest = readPackage(path.join(projectDirectory, 'node_modules', name, 'package.json'));
    return !manifest.peerDependencies?.react;
  });
}

/**
 * The engine's Next.js configuration in Next's `phase` (next/constants; next.config.ts is only its entry point).
 * Every flag below is an assumption about Next's behaviour, checked on the version in next-build.ts.
 */
export function engineNextConfig(projectDirectory: string, phase: string): NextConfig {
  // `npm run build` exports into a staging folder and swaps it in as out/ only when every step succeeded
  // (lib/build/output-folder.ts). Unset, as in `next dev` (which would put its files under a distDir), Next
  // keeps .next and exports to out/.
  const exportFolder = process.env[exportFolderVariable];
  return {
    // The engine's product is a folder of static files (out/) that any static host serves.
    output: 'export',
    ...(exportFolder ? { distDir: exportFolder } : {}),
    // Every URL is a folder with an index.html, so /about/ works on hosts that do not rewrite URLs.
    trailingSlash: true,
    // next/image's optimizer needs a server; in an export its URLs would 404.
    images: { unoptimized: true },
    // The root layout lives under app/[[...slug]]/ so that each page can set <html lang>;
    // with no app/layout.tsx, the site-wide 404 needs its own document.
    experimental: {
      globalNotFound: true,
      // Next renders each page's prefetch segments a second time and gzips each, to measure which ones its
      // client router should fetch together: 10% of the CPU of generating a page. The zero-JS export has no
      // client router, and with clientRuntime kept the router fetches those segments one by one instead.
      prefetchInlining: false,
      // Next renders pages in cores − 1 processes (one on a 2-core machine), leaving a core to a main process
      // that only waits: with every core, 1000 pages render in 13 s instead of 17 s. A build that renders a few
      // pages asks for one: each process loads the app and checks every route before it renders.
      cpus: Number(process.env[renderProcessesVariable]) || Math.max(1, os.availableParallelism()),
      // Turbopack's cache of the compile in .next/cache: writing it cost 1.5–2 s of a cold build of the shipped
      // site, and a build that changes only content no longer compiles (compiled-app.ts). A change to the code
      // or the site config compiles from scratch.
      turbopackFileSystemCacheForBuild: false,
      // A build's server code runs only on the build machine, to render the pages once: minifying it and mapping
      // its sources cost 0.6 s of CPU of every compile (shipped site, cold: 11.6 s → 11.0 s), for an export that
      // came out the same to the byte. The dev server keeps Next's defaults: its source maps serve the engine's own
      // stack traces, and nothing it shows is rendered once and thrown away.
      ...(phase === PHASE_PRODUCTION_BUILD && { turbopackMinify: { server: false, client: true }, turbopackSourceMaps: false }),
    },
    // `npm test` type-checks the whole project (tsc --noEmit) and the site config is validated by its schema
    // at build time, so Next's second type check would only add a second or two to every build.
    typescript: { ignoreBuildErrors: true },
    serverExternalPackages: runtimeRequiredPackages(projectDirectory),
    // Source maps for errors thrown while pages prerender: each of Next's workers spent 0.7 s reading them
    // at start. Content errors are the build's own (file:line), caught before Next renders anything.
    enablePrerenderSourceMaps: false,
    poweredByHeader: false,
    reactStrictMode: true,
  };
}
