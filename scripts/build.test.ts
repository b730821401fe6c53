/**
 * `npm run build` end to end, in a throwaway copy of the project (scripts/project-copy.ts): what a
 * failing or stopped build prints, and that it leaves the previous out/ byte for byte as it was. These run
 * real Next.js builds (about a minute together on a quiet 2-core machine, several under load): `npm run test:build`.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildArguments, repository, syncProjectCopy } from './project-copy';

let project: string;
const out = () => path.join(project, 'out');

/** Every file and folder under a folder: path → sha256 of the bytes (files) or 'folder'. */
function snapshot(directory: string): Record<string, string> {
  const entries = fs.readdirSync(directory, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries
      .map((entry) => {
        const full = path.join(entry.parentPath, entry.name);
        const relative = path.relative(directory, full);
        return [relative, entry.isDirectory() ? 'folder' : createHash('sha256').update(fs.readFileSync(full)).digest('hex')] as const;
      })
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

/** Folders a build leaves beside out/ when it did not clean up after itself. */
const leftovers = () => fs.readdirSync(project).filter((name) => /^\.out-(staging|previous)/.test(name));

/** Processes still running in the project (a build's Next.js workers would be), from /proc (Linux). */
function processesInProject(): string[] {
  return fs.readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid)) return false;
    try {
      return fs.readlinkSync(`/proc/${pid}/cwd`) === project;
    } catch {
      return false; // ended meanwhile, or not ours to look at
    }
  });
}

const buildEnvironment: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production', DEBUG: '' };
const build = () => spawnSync(process.execPath, buildArguments, { cwd: project, encoding: 'utf8', env: buildEnvironment });

/** `npm run build` in a minimal copy (node_modules symlinked), for settings it refuses before Next.js starts. */
function buildWith(content: Record<string, string>, options: { env?: Record<string, string>; siteConfig?: (text: string) => string } = {}) {
  const copy = tempFolder('broken-site', Object.fromEntries(Object.entries(content).map(([name, text]) => [`content/${name}`, text])));
  for (const entry of ['lib', 'scripts', 'components', 'site.config.ts', 'package.json', 'tsconfig.json']) {
    fs.cpSync(path.join(process.cwd(), entry), path.join(copy, entry), { recursive: true });
  }
  if (options.siteConfig) {
    const config = path.join(copy, 'site.config.ts');
    fs.writeFileSync(config, options.siteConfig(fs.readFileSync(config, 'utf8')));
  }
  fs.symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(copy, 'node_modules'));
  return spawnSync(process.execPath, buildArguments, { cwd: copy, encoding: 'utf8', env: { ...process.env, DEBUG: '', ...options.env } });
}

/** The site as a previous build deployed it; what every failed build below must leave untouched. */
const previousSite: Record<string, string | Buffer> = {
  'index.html': '<!doctype html><title>Home</title><p>The site as it was deployed.</p>',
  'about/index.html': '<!doctype html><title>About</title><p>Last week’s about page.</p>',
  '_next/static/css/site.css': 'body{margin:0}',
  'katex/fonts/KaTeX_Main-Regular.woff2': Buffer.from([0x77, 0x4f, 0x46, 0x32, 0, 1, 0, 0, 0xff]),
};
let previous: Record<string, string>;

function setContent(files: Record<string, string>): void {
  fs.rmSync(path.join(project, 'content'), { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(project, 'content', name)), { recursive: true });
    fs.writeFileSync(path.join(project, 'content', name), text);
  }
}
/** A page of words gzip cannot shrink much, about 12 KB of it: over the 8 KB budget. */
const heavyPage = `# Heavy\n\n${Array.from({ length: 2400 }, (_, n) => ((n * 2654435761) % 4294967296).toString(36)).join(' ')}\n`;
let suggestedBudget = 0;

const aboutPages = {
  'about.md': '# About\n\nText.\n',
  'about-me.md': '# About me\n',
  'education.md': '# Education\n',
  'software-philosophy.md': '# Philosophy\n',
};

function expectPreviousSiteKept(): void {
  expect(snapshot(out())).toEqual(previous);
  expect(leftovers()).toEqual([]);
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-build-'));
  syncProjectCopy(project);
  fs.copyFileSync(path.join(repository, 'site.config.ts'), path.join(project, 'site.config.ts'));
  for (const [name, content] of Object.entries(previousSite)) {
    fs.mkdirSync(path.dirname(path.join(out(), name)), { recursive: true });
    fs.writeFileSync(path.join(out(), name), content);
  }
  fs.mkdirSync(path.join(out(), 'empty-folder'));
  previous = snapshot(out());
}, 120_000);

afterAll(() => {
  if (project) fs.rmSync(project, { recursive: true, force: true });
});

describe('npm run build on broken content', () => {
  it('exits 1 and names every broken file and line, without a stack trace; out/ is untouched', () => {
    setContent({
      ...aboutPages,
      'about.md': '---\ntitle: About\ninsert_anchor_link: left\n---\n\nText.\n',
      'math.md': '---\ntitle: Math\nmath: true\n---\n\nBroken $\\frac{1}{$ math.\n',
    });
    const result = build();
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Content has 2 problems:');
    expect(result.stderr).toContain('content/about.md:3: unknown front-matter key `insert_anchor_link`. Did you mean `insert_anchor_links`?');
    expect(result.stderr).toMatch(/content\/math\.md:6:\d+: KaTeX cannot render this math: KaTeX parse error: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('Next.js');
    expectPreviousSiteKept();
  }, 60_000);
});

describe('npm run build under a base path', () => {
  it("refuses BASE_PATH with Next's runtime kept, before building anything", () => {
    const result = buildWith(
      { 'about.md': '# About\n' },
      { env: { BASE_PATH: '/docs' }, siteConfig: (text) => text.replace('clientRuntime: false', 'clientRuntime: true') },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BASE_PATH=/docs does not work with clientRuntime: true in site.config.ts yet');
    expect(result.stdout).not.toContain('Content:');
  }, 60_000);
});

describe('a build that is stopped or fails late leaves the previous out/ exactly as it was', () => {
  it('Ctrl-C while Next is writing the export: exit 130, out/ untouched, its partial export deleted, no process left', async () => {
    setContent(aboutPages);
    // Its own process group, signalled as a whole: what a terminal does on Ctrl-C.
    const child = spawn(process.execPath, buildArguments, { cwd: project, env: buildEnvironment, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The moment Next creates the staging folder, i.e. mid-build, with the export partly written.
    let staging: string | undefined;
    while (child.exitCode === null && !staging) {
      staging = leftovers().find((name) => name === '.out-staging');
      if (!staging) await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(staging, output).toBeDefined();
    expect(child.exitCode, output).toBeNull();
    process.kill(-(child.pid ?? 0), 'SIGINT');
    expect(await exited, output).toBe(130);
    expect(output).toContain('Build stopped (SIGINT); out/ is unchanged.');
    expect(output).not.toContain('Built out/');
    expectPreviousSiteKept();
    // Next's workers were stopped with it, so none can write into the project afterwards.
    for (let attempt = 0; attempt < 20 && processesInProject().length > 0; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(processesInProject()).toEqual([]);
  });

  it('a page whose export refers to a missing file: next build succeeds, the finishing step fails, out/ untouched', () => {
    // A link, not a picture: the content step names a missing picture at its line, before `next build`.
    setContent({ ...aboutPages, 'diagram.md': '# Diagram\n\n[The queue, drawn](/images/queue.png)\n' });
    const result = build();
    expect(result.stderr).toContain('The export refers to files it does not contain:\n  out/diagram/index.html: /images/queue.png');
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stdout).toContain('Zero-JS export: Next.js runtime removed');
    expectPreviousSiteKept();
  });

  it('a page over its budget: the build names it at its file with how far to raise the budget, exits 1, out/ untouched', () => {
    setContent({ ...aboutPages, 'heavy.md': heavyPage });
    const result = build();
    expect(result.status, result.stdout + result.stderr).toBe(1);
    const [header, line, ...rest] = result.stderr.trimEnd().split('\n');
    expect(header).toBe('Content has 1 problem:');
    expect(rest).toEqual([]);
    expect(line).toMatch(/^ {2}content\/heavy\.md: the page \/heavy\/ transfers \d+\.\d KB on a first visit \(HTML \d+\.\d KB, CSS \d\.\d KB, JavaScript 0\.0 KB, gzip\), \d+\.\d KB over its budget of 8\.0 KB \(8\.0 KB of its own\)\. Make it lighter .+, or raise its budget in site\.config\.ts: budgets: \{ pages: \{ '\/heavy\/': \d+ \} \}\.$/);
    expect(result.stdout).toMatch(/^\/heavy\/ .* OVER 8\.0 KB/m);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expectPreviousSiteKept();
    suggestedBudget = Number(/'\/heavy\/': (\d+)/.exec(line ?? '')?.[1]);
  });

  it('the next good build replaces out/ and clears what killed builds left (with the budget raised as the failed build said)', () => {
    setContent({ ...aboutPages, 'heavy.md': heavyPage });
    const config = path.join(project, 'site.config.ts');
    const shipped = fs.readFileSync(config, 'utf8');
    expect(shipped).toContain('budgets: { page: 8, pages: {} },');
    fs.writeFileSync(config, shipped.replace('budgets: { page: 8, pages: {} },', `budgets: { page: 8, pages: { '/heavy/': ${suggestedBudget} } },`));
    onTestFinished(() => fs.writeFileSync(config, shipped));
    // A build killed outright (SIGKILL) mid-export, and one killed after its swap, long ago.
    fs.mkdirSync(path.join(project, '.out-staging', 'about'), { recursive: true });
    fs.writeFileSync(path.join(project, '.out-staging.lock'), '99999999');
    fs.mkdirSync(path.join(project, '.out-previous-99999998'));
    const result = build();
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toContain('Deleted .out-staging, left by a build that was killed.');
    expect(leftovers()).toEqual([]);
    const files = Object.keys(snapshot(out()));
    expect(files).toContain('about-me/index.html');
    expect(files).not.toContain('empty-folder');
    expect(fs.readFileSync(path.join(out(), 'about/index.html'), 'utf8')).not.toContain('Last week');
  });
});

/** Every file under a folder with its modification time: what a build that did nothing leaves as it was. */
const modificationTimes = (directory: string) =>
  Object.fromEntries(
    fs
      .readdirSync(directory, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [path.relative(directory, path.join(entry.parentPath, entry.name)), fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs]),
  );

describe('a build with nothing to do (lib/build/up-to-date.ts)', () => {
  it('says out/ is up to date and leaves it alone; a file of out/ deleted by hand, or a content edit, builds again', () => {
    setContent(aboutPages);
    const first = build();
    expect(first.status, first.stdout + first.stderr).toBe(0);
    const built = modificationTimes(out());

    const again = build();
    expect(again.status, again.stdout + again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^out\/ is up to date: nothing it is built from .* changed since the build that wrote it/m);
    expect(again.stdout).not.toContain('next build');
    expect(modificationTimes(out())).toEqual(built);
    expect(leftovers()).toEqual([]);

    fs.rmSync(path.join(out(), 'about', 'index.html'));
    const repaired = build();
    expect(repaired.status, repaired.stdout + repaired.stderr).toBe(0);
    expect(repaired.stdout).toContain('Built out/ in');
    expect(fs.readFileSync(path.join(out(), 'about', 'index.html'), 'utf8')).toContain('Text.');

    fs.appendFileSync(path.join(project, 'content', 'about.md'), '\nOne more sentence.\n');
    const edited = build();
    expect(edited.status, edited.stdout + edited.stderr).toBe(0);
    expect(edited.stdout).toContain('Render cache: 3 pages finished from earlier builds, 2 to render.');
    expect(fs.readFileSync(path.join(out(), 'about', 'index.html'), 'utf8')).toContain('One more sentence.');
  }, 300_000);
});

describe('the render cache (lib/export/render-cache.ts)', () => {
  it('a build after an edit renders only the edited page, and writes the very site a build without the cache writes', () => {
    setContent(aboutPages);
    const first = build();
    expect(first.status, first.stdout + first.stderr).toBe(0);
    setContent({ ...aboutPages, 'education.md': '# Education\n\nA sentence added since.\n' });
    const warm = build();
    expect(warm.status, warm.stdout + warm.stderr).toBe(0);
    // The edited page, and the home page, which lists the pages and is always rendered.
    expect(warm.stdout).toContain('Render cache: 3 pages finished from earlier builds, 2 to render.');
    expect(fs.readFileSync(path.join(out(), 'education/index.html'), 'utf8')).toContain('A sentence added since.');
    const warmSite = snapshot(out());

    // Without the render cache, and without the record of the last build, which would find out/ up to date.
    for (const file of ['finished-pages', 'last-build.json']) fs.rmSync(path.join(project, '.next', 'cache', 'portfolio-engine', file), { recursive: true });
    const cold = build();
    expect(cold.status, cold.stdout + cold.stderr).toBe(0);
    expect(cold.stdout).toContain('Render cache: 0 pages finished from earlier builds, 5 to render.');
    expect(snapshot(out())).toEqual(warmSite);
  }, 300_000);
});

describe('the app compiled by an earlier build (lib/next-adapter/compiled-app.ts)', () => {
  const renderedOnly = 'next build: rendered with the app compiled by an earlier build';
  const siteConfig = () => path.join(project, 'site.config.ts');

  it('a content change renders with it: edited, new and deleted pages come out as a full build makes them; a site config change compiles again', () => {
    setContent({ ...aboutPages, 'to-delete.md': '# To delete\n\nA page that goes.\n' });
    const first = build();
    expect(first.status, first.stdout + first.stderr).toBe(0);
    expect(fs.existsSync(path.join(out(), 'to-delete', 'index.html'))).toBe(true);

    setContent({ ...aboutPages, 'education.md': '# Education\n\nEdited since.\n', 'added.md': '# Added\n\nA new page.\n' });
    const contentOnly = build();
    expect(contentOnly.status, contentOnly.stdout + contentOnly.stderr).toBe(0);
    expect(contentOnly.stdout).toContain(renderedOnly);
    expect(fs.readFileSync(path.join(out(), 'education', 'index.html'), 'utf8')).toContain('Edited since.');
    expect(fs.readFileSync(path.join(out(), 'added', 'index.html'), 'utf8')).toContain('A new page.');
    expect(fs.existsSync(path.join(out(), 'to-delete'))).toBe(false);
    const renderedSite = snapshot(out());

    // Nothing kept: Next compiles, and every cache starts empty.
    fs.rmSync(path.join(project, '.next'), { recursive: true });
    const full = build();
    expect(full.status, full.stdout + full.stderr).toBe(0);
    expect(full.stdout).not.toContain(renderedOnly);
    expect(snapshot(out())).toEqual(renderedSite);

    // The site config is compiled into the app (the author's name is in every page's footer).
    const config = fs.readFileSync(siteConfig(), 'utf8');
    onTestFinished(() => fs.writeFileSync(siteConfig(), config));
    fs.writeFileSync(siteConfig(), config.replace("author: 'The portfolio authors'", "author: 'A renamed author'"));
    const configChanged = build();
    expect(configChanged.status, configChanged.stdout + configChanged.stderr).toBe(0);
    expect(configChanged.stdout).not.toContain(renderedOnly);
    expect(fs.readFileSync(path.join(out(), 'added', 'index.html'), 'utf8')).toContain('A renamed author');
  }, 300_000);
});
