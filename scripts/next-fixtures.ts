/**
 * `npm run fixtures:next`: the Next.js output the export's tests take as input, made anew by a real
 * `next build` of the installed Next.js (the step of docs/upgrading-next.md that shows what a new version
 * changed). In a throwaway project copy with a small generated site, it compiles the content, writes the
 * manifest and runs `next build`, exactly the build's own steps, then copies two pages of the raw export into
 * lib/export/fixtures/: a page with code blocks (`page.next.html`) and the 404 page (`not-found.next.html`).
 * `kitchen-sink.next.html` is written by hand, to hold markup no generated site has.
 *
 * `-- --finished` then also rewrites the expected results (`*.finished.html`, `*.needs.json`, at the root and
 * under /docs) from today's finishing step: run it only after reviewing that the finishing step still
 * understands the new output (lib/export/finish-page.test.ts fails on any difference until then).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corpusSiteConfig, writeCorpus } from './bench-corpus';
import { repository, syncProjectCopy } from './project-copy';

const fixtures = path.join(repository, 'lib', 'export', 'fixtures');
const exportFolder = '.fixture-export';

if (process.argv.includes('--in-copy')) await exportInThisCopy();
else await makeFixtures();

async function makeFixtures(): Promise<void> {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-next-fixtures-'));
  try {
    syncProjectCopy(copy);
    fs.writeFileSync(path.join(copy, 'site.config.ts'), corpusSiteConfig(false));
    writeCorpus(path.join(copy, 'content'), 12);
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/next-fixtures.ts', '--in-copy'], {
      cwd: copy,
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
    });
    if (result.status !== 0) throw new Error('the fixture build failed (see above)');
    const exported = path.join(copy, exportFolder);
    const withCode = fs
      .readdirSync(exported, { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('/index.html'))
      .map((name) => path.join(exported, name))
      .sort()
      .find((file) => fs.readFileSync(file, 'utf8').includes('/styles/code-blocks.css'));
    if (!withCode) throw new Error('no generated page has code blocks');
    fs.copyFileSync(withCode, path.join(fixtures, 'page.next.html'));
    fs.copyFileSync(path.join(exported, '404.html'), path.join(fixtures, 'not-found.next.html'));
    console.log(`Wrote lib/export/fixtures/page.next.html (${path.relative(exported, withCode)}) and not-found.next.html.`);
    if (process.argv.includes('--finished')) await writeFinishedFixtures();
    else console.log('Now run `npx vitest run lib/export/finish-page.test.ts`; once its differences are understood, `npm run fixtures:next -- --finished`.');
  } finally {
    fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The build's steps up to and including `next build`, in the project copy this process runs in. */
async function exportInThisCopy(): Promise<void> {
  const { contentFingerprint, writeManifest } = await import('@/lib/content');
  const { compileSiteContent } = await import('@/lib/content/site-build');
  const { runNextBuild } = await import('@/lib/next-adapter/next-build');
  const fingerprint = contentFingerprint();
  const { pages } = await compileSiteContent();
  writeManifest({ fingerprint, pages, render: ['/', ...pages.map((page) => page.url)] });
  await runNextBuild({ projectDirectory: process.cwd(), exportFolder, env: {}, signal: new AbortController().signal });
}

/** The finishing step's results for every fixture, at the root and under /docs, as the tests expect them. */
async function writeFinishedFixtures(): Promise<void> {
  const { finishPage } = await import('@/lib/export/finish-page');
  const { fixtureScripts } = await import('@/lib/export/fixtures/fixture-scripts');
  for (const name of fs.readdirSync(fixtures).filter((file) => file.endsWith('.next.html'))) {
    const page = name.replace('.next.html', '');
    for (const [basePath, suffix] of [['', ''], ['/docs', '.docs']] as const) {
      const finished = finishPage(fs.readFileSync(path.join(fixtures, name), 'utf8'), 'out/a/index.html', { basePath, clientRuntime: false, scripts: fixtureScripts });
      fs.writeFileSync(path.join(fixtures, `${page}${suffix}.finished.html`), finished.html);
      fs.writeFileSync(path.join(fixtures, `${page}${suffix}.needs.json`), `${JSON.stringify(finished.needs, null, 2)}\n`);
    }
  }
  console.log('Rewrote the finished fixtures; review `git diff lib/export/fixtures` before committing.');
}
