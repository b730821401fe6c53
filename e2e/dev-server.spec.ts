import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/**
 * The author's loop on `npm run dev`: an edit to a content file shows on the open page without a
 * navigation, a broken file shows its problem on the page, and the page comes back once it is fixed.
 * Runs once (desktop project); it edits content/about.md and always puts it back.
 */
const port = 3411;
const file = path.join(process.cwd(), 'content', 'about.md');
let server: ChildProcess | undefined;
let original = '';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  original = fs.readFileSync(file, 'utf8');
  server = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env: { ...process.env, PORT: String(port), LIVE_RELOAD_PORT: String(port + 1) },
    stdio: 'ignore',
    detached: true,
  });
  // The dev server compiles on first request; wait until it answers.
  for (let attempt = 0; attempt < 120; attempt++) {
    const ready = await fetch(`http://127.0.0.1:${port}/about/`).then((response) => response.ok, () => false);
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('npm run dev did not start within 60 s');
});

test.afterAll(() => {
  fs.writeFileSync(file, original);
  // The dev script and the Next.js server it started share a process group.
  if (server?.pid) process.kill(-server.pid, 'SIGTERM');
});

test('an edit appears on the open page without a navigation, and a broken file shows its problem until fixed', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${port}/about/`);
  await expect(page.getByRole('heading', { name: 'My current focus', exact: true })).toBeVisible();
  // Mark the document: a navigation or full reload would lose the mark.
  await page.evaluate(() => Object.assign(window, { notReloaded: true }));
  await page.evaluate(() => window.scrollTo(0, 600));

  fs.writeFileSync(file, original.replace('If that sounds like your team', 'If that sounds like your team (edited live)'));
  await expect(page.getByText('(edited live)')).toBeVisible({ timeout: 10_000 });
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);

  fs.writeFileSync(file, `---\ninsert_anchor_links: middle\n---\n${original}`);
  const problem = page.getByRole('alert', { name: /content/i });
  await expect(problem).toContainText('content/about.md:2', { timeout: 10_000 });
  await expect(problem).toContainText('`insert_anchor_links` must be one of "none", "left", "right", "heading", got "middle".');

  fs.writeFileSync(file, original);
  await expect(page.getByRole('heading', { name: 'My current focus', exact: true })).toBeVisible({ timeout: 10_000 });
  await expect(page.getByRole('alert', { name: /content/i })).toHaveCount(0);
  expect(await page.evaluate(() => 'notReloaded' in window)).toBe(true);
});
