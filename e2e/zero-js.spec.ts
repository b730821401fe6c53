import path from 'node:path';
import { weighPages } from '../lib/export/page-weight';
import { contentPages, expect, test } from './fixtures';

const outDirectory = path.join(process.cwd(), 'out');
const allPages = ['/', ...contentPages.map((page) => page.url)];

test.describe('pages weigh what their content weighs', () => {
  test('every exported page fits its first-visit budget (HTML + CSS + JS, gzip)', () => {
    const weights = weighPages(outDirectory);
    expect(weights.length).toBeGreaterThanOrEqual(allPages.length + 1);
    for (const weight of weights) {
      expect(weight.total, `${weight.url} transfers ${weight.total} bytes, its budget is ${weight.budget}`).toBeLessThanOrEqual(weight.budget);
    }
  });

  for (const url of [...allPages, '/no-such-page/']) {
    test(`${url}: a first visit in Chromium loads no JavaScript and stays within budget`, async ({ browser }) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      const transfers: { type: string; url: string; bytes: number }[] = [];
      page.on('requestfinished', async (request) => {
        const sizes = await request.sizes();
        transfers.push({ type: request.resourceType(), url: new URL(request.url()).pathname, bytes: sizes.responseBodySize });
      });
      await page.goto(url);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);

      // The only scripts: the site's own inline theme script (lib/theme/theme-script.ts), nothing to fetch,
      // and JSON-LD on about pages, data for search engines that the browser does not run.
      expect(await page.locator('script:not([data-enhancement]):not([type="application/ld+json"])').count()).toBe(0);
      expect(transfers.filter((transfer) => transfer.type === 'script')).toEqual([]);

      const weight = weighPages(outDirectory).find((each) => each.url === (url.startsWith('/no-such') ? '/404.html' : url));
      if (!weight) throw new Error(`no weight for ${url}`);
      const measured = transfers
        .filter((transfer) => ['document', 'stylesheet', 'script'].includes(transfer.type))
        .reduce((sum, transfer) => sum + transfer.bytes, 0);
      // What the browser received (gzip from the preview server) is what the build's table predicted.
      expect(measured).toBeLessThanOrEqual(weight.budget);
      expect(Math.abs(measured - weight.total)).toBeLessThan(256);
      // Fonts: only KaTeX's, only on math pages, and never one the table did not list.
      const fonts = transfers.filter((transfer) => transfer.type === 'font').map((transfer) => transfer.url.replace(/^\//, ''));
      expect(fonts.every((font) => weight.fonts.some((listed) => listed.file === font)), fonts.join(', ')).toBe(true);
      if (!weight.hasMath) expect(fonts).toEqual([]);
      await context.close();
    });
  }
});

test.describe('without JavaScript', () => {
  test('every page looks exactly the same with JavaScript disabled', async ({ browser }, testInfo) => {
    // Every page loaded twice, each waited on until the network is idle, with full-page screenshots: up to
    // 6 s a page on a busy machine, past the 30 s a test gets by default (CI hit it with 5 pages).
    testInfo.setTimeout(allPages.length * 30_000);
    // Two contexts alike in everything (the project's device) but JavaScript.
    const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent } = testInfo.project.use;
    const device = { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent };
    const withJs = await (await browser.newContext(device)).newPage();
    const withoutJs = await (await browser.newContext({ ...device, javaScriptEnabled: false })).newPage();
    for (const url of allPages) {
      for (const page of [withJs, withoutJs]) {
        await page.goto(url);
        await page.waitForLoadState('networkidle');
      }
      // The theme toggle is the one thing JavaScript adds; without it the toggle keeps its place unseen.
      await withJs.locator('.theme-toggle').evaluate((toggle: HTMLElement) => (toggle.style.visibility = 'hidden'));
      // What assistive technology gets, and how tall the page lays out, must match everywhere.
      expect(await withoutJs.locator('body').ariaSnapshot(), url).toBe(await withJs.locator('body').ariaSnapshot());
      const height = (page: typeof withJs) => page.evaluate(() => document.documentElement.scrollHeight);
      expect(await height(withoutJs), url).toBe(await height(withJs));
      // Pixels too, on the desktop: phone emulation's text autosizing varies between two loads of one page.
      if (!isMobile) {
        // Buffer.equals, not toEqual: a mismatch must fail fast, not diff two large PNGs byte by byte.
        const [without, withScript] = [await withoutJs.screenshot({ fullPage: true }), await withJs.screenshot({ fullPage: true })];
        expect(without.equals(withScript), `${url} renders differently without JavaScript`).toBe(true);
      }
    }
    await withJs.context().close();
    await withoutJs.context().close();
  });

  test('navigation, permalinks and the 404 page work with JavaScript disabled', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About', exact: true }).click();
    await expect(page).toHaveURL('/about/');
    await page.getByRole('link', { name: 'Link to section: How I work', exact: true }).focus();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#how-i-work$/);
    await expect(page.getByRole('heading', { name: 'How I work', exact: true })).toBeInViewport();
    await page.getByRole('link', { name: 'Skip to content' }).focus();
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeVisible();
    const missing = await page.goto('/no-such-page/');
    expect(missing?.status()).toBe(404);
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
    await context.close();
  });
});
