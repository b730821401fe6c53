/**
 * The bench corpus as an Astro 5 site, the static generator the bench compares with: the same generated pages
 * (scripts/bench-corpus.ts) as Markdown pages under src/pages, rendered through the same Markdown plugins as ours
 * (GFM, remark-math, rehype-katex, rehype-highlight, rehype-slug, rehype-autolink-headings; Astro's own Shiki off),
 * in a layout with the page's title, description and KaTeX's stylesheet on math pages, and a home page that lists
 * every page, as the engine's flat site does. Astro and the plugins are pinned and installed once, from the npm
 * registry, into a folder under the system's temp folder; nothing of this project depends on them.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusPage, corpusPath } from './bench-corpus';

/** Astro 5 is the last major version that runs on Node 20.3; the plugins are the versions this project uses. */
export const astroDependencies = {
  astro: '5.18.2',
  'rehype-autolink-headings': '7.1.0',
  'rehype-highlight': '7.0.2',
  'rehype-katex': '7.0.1',
  'rehype-slug': '6.0.0',
  'remark-math': '6.0.0',
} as const;

export const astroName = `Astro ${astroDependencies.astro}`;

const dependencyFolder = path.join(os.tmpdir(), 'engine-bench-astro-deps');

/** Installs the pinned packages once (about a minute); later calls find them in place. */
function installAstro(): string {
  const manifest = JSON.stringify({ name: 'engine-bench-astro-deps', private: true, type: 'module', dependencies: astroDependencies }, null, 2);
  const stamp = path.join(dependencyFolder, 'installed.json');
  if (fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === manifest) return dependencyFolder;
  fs.rmSync(dependencyFolder, { recursive: true, force: true });
  fs.mkdirSync(dependencyFolder, { recursive: true });
  fs.writeFileSync(path.join(dependencyFolder, 'package.json'), manifest);
  console.error(`  installing ${astroName} and the Markdown plugins into ${dependencyFolder}…`);
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dependencyFolder, stdio: ['ignore', 'ignore', 'inherit'] });
  fs.writeFileSync(stamp, manifest);
  return dependencyFolder;
}

const astroConfig = `import { defineConfig } from 'astro/config';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import rehypeHighlight from 'rehype-highlight';
import rehypeSlug from 'rehype-slug';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';

export default defineConfig({
  site: 'https://example.com',
  outDir: './out',
  trailingSlash: 'always',
  build: { format: 'directory' },
  markdown: {
    syntaxHighlight: false,
    remarkPlugins: [remarkMath],
    rehypePlugins: [rehypeKatex, rehypeHighlight, rehypeSlug, [rehypeAutolinkHeadings, { behavior: 'append' }]],
  },
});
`;

const pageLayout = `---
const { frontmatter } = Astro.props;
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>{frontmatter.title} · Bench</title>
    <meta name="description" content={frontmatter.description} />
    {frontmatter.math && <link rel="stylesheet" href="/katex/katex.min.css" />}
  </head>
  <body>
    <header><nav><a href="/">Home</a></nav></header>
    <main><article><h1>{frontmatter.title}</h1><slot /></article></main>
  </body>
</html>
<style is:global>
  body { max-width: 46rem; margin: 0 auto; padding: 1rem; font: 1.0625rem/1.6 system-ui, sans-serif; }
  pre { overflow-x: auto; }
</style>
`;

const homePage = `---
const pages = Object.values(import.meta.glob('./section-*/*.md', { eager: true }));
pages.sort((a, b) => a.frontmatter.title.localeCompare(b.frontmatter.title, 'en', { numeric: true }));
---
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Bench</title>
    <meta name="description" content="A generated corpus." />
  </head>
  <body>
    <main>
      <h1>Bench</h1>
      <ul>{pages.map((page) => <li><a href={page.url}>{page.frontmatter.title}</a></li>)}</ul>
    </main>
  </body>
</html>
`;

/** Where the corpus's page `index` is edited in the bench's one-edit build. */
export const astroPagePath = (directory: string, index: number) => path.join(directory, 'src', 'pages', corpusPath(index));

/** Makes a fresh Astro project of `pages` corpus pages in `directory` (the packages hard-linked from the install). */
export function makeAstroProject(directory: string, pages: number): void {
  const installed = installAstro();
  fs.mkdirSync(path.join(directory, 'src', 'layouts'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'package.json'), JSON.stringify({ name: 'bench-astro', private: true, type: 'module' }));
  fs.writeFileSync(path.join(directory, 'astro.config.mjs'), astroConfig);
  fs.writeFileSync(path.join(directory, 'src', 'layouts', 'Page.astro'), pageLayout);
  fs.mkdirSync(path.join(directory, 'src', 'pages'), { recursive: true });
  fs.writeFileSync(path.join(directory, 'src', 'pages', 'index.astro'), homePage);
  for (let index = 0; index < pages; index++) {
    const file = astroPagePath(directory, index);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Astro's Markdown pages name their layout in the front matter, relative to the page.
    fs.writeFileSync(file, corpusPage(index).replace(/^---\n/, '---\nlayout: ../../layouts/Page.astro\n'));
  }
  // KaTeX's stylesheet and fonts, served as the engine serves them.
  const katex = path.join(installed, 'node_modules', 'katex', 'dist');
  fs.mkdirSync(path.join(directory, 'public', 'katex'), { recursive: true });
  fs.copyFileSync(path.join(katex, 'katex.min.css'), path.join(directory, 'public', 'katex', 'katex.min.css'));
  fs.cpSync(path.join(katex, 'fonts'), path.join(directory, 'public', 'katex', 'fonts'), { recursive: true });
  execFileSync('cp', ['-al', path.join(installed, 'node_modules'), path.join(directory, 'node_modules')]);
}

/** What builds the Astro project, as Node's arguments; spawn with process.execPath and the project as cwd. */
export const astroBuildArguments = ['node_modules/astro/astro.js', 'build'];

/** Astro's phases, from the lines it prints: a phase starts where its line first appears (before them: 'start'). */
export function astroPhase(line: string): string | undefined {
  if (line.includes('Building static entrypoints')) return 'bundle (Markdown compiled here)';
  if (line.includes('generating static routes')) return 'render';
  return undefined;
}

/** What Astro keeps between builds, removed before a cold one. */
export const astroCaches = ['out', '.astro', 'node_modules/.astro', 'node_modules/.vite'];
