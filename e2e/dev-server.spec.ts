import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The author's loop on `npm run dev`: an edit to a content file shows on the open page without a
 * navigation, a broken file shows its problem on the page, and the page comes back once it is fixed.
 * Runs once (desktop project), on pages of its own, so the tests reading content/ beside it are not disturbed.
 */
const port = 3411;
const file = path.join(process.cwd(), 'content', 'live-edit-test.md');
const original = '---\ntitle: "Live edit test"\n---\n\n## First section\n\nBefore the edit.\n';
const newFile = path.join(process.cwd(), 'content', 'live-test-page.md');
const renamedFile = path.join(process.cwd(), 'content', 'live-test-renamed.md');
const configFile = path.join(process.cwd(), 'site.config.ts');
const bundleFolder = path.join(process.cwd(), 'content', 'live-test-bundle');
const mdxBundleFolder = path.join(process.cwd(), 'content', 'live-test-mdx-bundle');
/** A 2×1 PNG, red and blue. */
const tinyPng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAYAAAD0In+KAAAAEUlEQVR4AWP4z8Dwn4Hh/38AD/kD/dtv74kAAAAASUVORK5CYII=', 'base64');
/**
 * Saves as most editors do, by renaming a finished file over the old one. Next compiles site.config.ts itself, and a
 * config caught half-written (an in-place write under load) is a compile error, from which Next recovers by
 * reloading the page: its behaviour, not the live reload's, which this file tests.
 */
function saveAtomically(file: string, text: string): void {
  fs.writeFileSync(`${file}.saving`, text);
  fs.renameSync(`${file}.saving`, file);
}
let server: ChildProcess | undefined;
let originalConfig = '';
const serverLog: string[] = [];

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  // A fresh clone's first dev compile is cold, and other tests share the two cores meanwhile.
  test.setTimeout(180_000);
  fs.writeFileSync(file, original);
  originalConfig = fs.readFileSync(configFile, 'utf8');
  server = spawn('npm', ['run', 'dev'], {
    env: { ...process.env, PORT: String(port), LIVE_RELOAD_PORT: String(port + 1) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  // What the dev server and Next printed, shown when a test fails: CI keeps no other trace of the server's side.
  server.stdout?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => serverLog.push(chunk.toString()));
  // The dev server compiles on first request; wait until it answers.
  for (let attempt = 0; attempt < 300; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/live-edit-test/`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('npm run dev did not answer within 150 s');
});

const pageLog: string[] = [];
test.beforeEach(({ page }) => {
  pageLog.length = 0;
  page.on('console', (message) => pageLog.push(`${message.type()}: ${message.text()}`));
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) pageLog.push(`navigated to ${frame.url()}`);
  });
});

test.afterEach(({}, testInfo) => {
  if (testInfo.status === testInfo.expectedStatus) return;
  console.log(`npm run dev printed:\n${serverLog.join('').split('\n').slice(-80).join('\n')}`);
  console.log(`The page's console and navigations:\n${pageLog.join('\n')}`);
});

test.afterAll(() => {
  fs.rmSync(file, { force: true });
  fs.writeFileSync(configFile, originalConfig);
  fs.rmSync(newFile, { force: true });
  fs.rmSync(renamedFile, { force: true });
  fs.rmSync(bundleFolder, { recursive: true, force: true });
  fs.rmSync(mdxBundleFolder, { recursive: true, force: true });
  // The dev script and the Next.js server it started share a process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('an edit appears on the open page without a navigation, and a broken file shows its problem until fixed', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/live-edit-test/`);
  await expect(page.getByRole('heading', { name: 'First section', exact: true })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('data-live-reload', 'connected', { timeout: 20_000 });
  // React hydrated the page as the server rendered it (the theme script's data-theme included), without a complaint.
  expect(pageLog.filter((line) => line.startsWith('error:'))).toEqual([]);
  // Mark the document: a navigation or full reload would lose the mark.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  // A long page, scrolled down: the edit must not move the reader.
  fs.writeFileSync(file, `${original}\n${'A paragraph to scroll past.\n\n'.repeat(60)}`);
  await expect(page.getByText('A paragraph to scroll past.').nth(59)).toBeVisible({ timeout: 30_000 });
  await page.evaluate(() => window.scrollTo(0, 600));

  const saved = Date.now();
  fs.writeFileSync(file, `${original.replace('Before the edit.', 'After the edit.')}\n${'A paragraph to scroll past.\n\n'.repeat(60)}`);
  await expect(page.getByText('After the edit.')).toBeAttached({ timeout: 30_000 });
  // Reported, not asserted: timing goals belong in measurements, not in pass/fail tests.
  console.log(`live reload: the edit was on the page ${Date.now() - saved} ms after the save`);
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBe(600);

  fs.writeFileSync(file, original.replace('---\n', '---\ninsert_anchor_links: middle\n'));
  const problem = page.getByRole('alert', { name: /content/i });
  await expect(problem).toContainText('content/live-edit-test.md:2', { timeout: 30_000 });
  // The message as the build prints it, with the key set as code.
  await expect(problem).toContainText('insert_anchor_links must be one of "none", "left", "right", "heading", got "middle".');
  await expect(problem.locator('code', { hasText: 'insert_anchor_links' })).toBeVisible();

  fs.writeFileSync(file, original);
  await expect(page.getByRole('heading', { name: 'First section', exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('alert', { name: /content/i })).toHaveCount(0);
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
});

test('adding, renaming and deleting a page, and editing the site config, update the open home page', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/`);
  await expect(page.locator('html')).toHaveAttribute('data-live-reload', 'connected', { timeout: 20_000 });
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  const main = page.getByRole('main');

  fs.writeFileSync(newFile, '---\ntitle: "Live test page"\ndescription: "Added while the server runs."\n---\n\nHello.\n');
  await expect(main.getByRole('link', { name: 'Live test page' })).toHaveAttribute('href', '/live-test-page/', { timeout: 30_000 });

  fs.renameSync(newFile, renamedFile);
  await expect(main.getByRole('link', { name: 'Live test page' })).toHaveAttribute('href', '/live-test-renamed/', { timeout: 30_000 });

  fs.rmSync(renamedFile);
  await expect(main.getByRole('link', { name: 'Live test page' })).toHaveCount(0, { timeout: 30_000 });

  saveAtomically(configFile, originalConfig.replace("name: 'Portfolio'", "name: 'Portfolio (live)'"));
  await expect(page.getByRole('banner').getByRole('link', { name: 'Portfolio (live)' })).toBeVisible({ timeout: 30_000 });
  saveAtomically(configFile, originalConfig);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Portfolio', exact: true })).toBeVisible({ timeout: 30_000 });
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
});

test('a page bundle’s picture shows on the dev server as it will on the site, as a <picture> in .md and .mdx', async ({ page }) => {
  fs.mkdirSync(bundleFolder, { recursive: true });
  fs.writeFileSync(path.join(bundleFolder, 'dot.png'), tinyPng);
  fs.writeFileSync(path.join(bundleFolder, 'index.md'), '+++\ntitle = "Live test bundle"\n+++\n\n![Two dots](dot.png)\n');
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/live-test-bundle/`)).status, { timeout: 30_000 }).toBe(200);
  await page.goto(`http://127.0.0.1:${port}/live-test-bundle/`);
  const picture = page.getByRole('img', { name: 'Two dots' });
  await expect(picture).toBeVisible();
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
  // As the build ships it (lib/images/dev-photos.ts): a <picture> whose AVIF the browser takes, sized by its attributes.
  await expect(picture).toHaveAttribute('width', '2');
  await expect(picture).toHaveAttribute('height', '1');
  expect(await picture.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\/_img\/[0-9a-f]{16}\/dot-2\.avif$/);

  // The same in an MDX page, whose <img> is a component.
  fs.mkdirSync(mdxBundleFolder, { recursive: true });
  fs.writeFileSync(path.join(mdxBundleFolder, 'dot.png'), tinyPng);
  fs.writeFileSync(path.join(mdxBundleFolder, 'index.mdx'), '---\ntitle: Live test MDX bundle\n---\n\n<img src="dot.png" alt="Two dots in MDX" />\n');
  await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/live-test-mdx-bundle/`)).status, { timeout: 30_000 }).toBe(200);
  await page.goto(`http://127.0.0.1:${port}/live-test-mdx-bundle/`);
  const mdxPicture = page.getByRole('img', { name: 'Two dots in MDX' });
  await expect.poll(() => mdxPicture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBe(2);
  expect(await mdxPicture.evaluate((image: HTMLImageElement) => image.currentSrc)).toMatch(/\/_img\/[0-9a-f]{16}\/dot-2\.avif$/);
  await expect(mdxPicture).toHaveAttribute('fetchpriority', 'high');
});
