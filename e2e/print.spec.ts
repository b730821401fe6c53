import type { Page } from '@playwright/test';
import { themeStorageKey } from '../lib/theme/theme-script';
import { contrast, luminance } from './colors';
import { contentPages, expect, fixtureUrl, test } from './fixtures';
import { fixtureBasePath } from './fixture-site/fixture-site';

/** What CSS adds after a link in main (found by its address: in print the added text joins its name). */
const afterContent = (page: Page, href: string) =>
  page.locator(`main a[href="${href}"]`).first().evaluate((link) => getComputedStyle(link, '::after').content);

test.describe('printing', () => {
  for (const [label, colorScheme, stored] of [
    ['the light theme', 'light', undefined],
    ['the dark theme of the system', 'dark', undefined],
    ['the dark theme chosen with the toggle', 'light', 'dark'],
  ] as const) {
    test(`from ${label}: black text on white, none of the site's chrome`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      if (stored) await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, stored] as const);
      await page.goto('/about/');
      await page.emulateMedia({ media: 'print', colorScheme });
      expect(await luminance(page.locator('body'), 'backgroundColor')).toBeGreaterThan(0.99);
      await expect(page.locator('html')).toHaveCSS('color-scheme', 'light');
      for (const text of [page.getByRole('heading', { level: 1 }), page.getByRole('heading', { name: 'How I work' }), page.locator('main p').first()]) {
        expect(await luminance(text, 'color')).toBeLessThan(0.01);
      }
      await expect(page.getByRole('banner')).toBeHidden();
      await expect(page.getByRole('navigation')).toBeHidden();
      await expect(page.getByRole('button', { name: 'Dark theme' })).toBeHidden();
      await expect(page.getByRole('contentinfo')).toBeHidden();
      await expect(page.getByRole('link', { name: 'Skip to content' })).not.toBeInViewport();
      // Hidden in print, the permalinks lose their accessible names: find them by their fragment links.
      const permalinks = await page.locator('main a.heading-anchor[href^="#"]').all();
      expect(permalinks.length).toBeGreaterThan(3);
      for (const permalink of permalinks) await expect(permalink).toBeHidden();
      // Back on screen, everything returns.
      await page.emulateMedia({ media: 'screen', colorScheme });
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
    });
  }

  test('links to other sites print their address after the text; links within the site do not', async ({ page }) => {
    await page.goto('/about-me/');
    await page.emulateMedia({ media: 'print' });
    for (const href of ['https://www.getrealsecurity.com/', 'https://en.wikipedia.org/wiki/Diffusion_equation']) {
      expect(await afterContent(page, href)).toBe(`" (${href})"`);
    }
    await expect(page.getByRole('link', { name: 'GetReal Security (https://www.getrealsecurity.com/)' })).toBeVisible();
    // On screen the link keeps only its external-site arrow (app/globals.css), not its address.
    await page.emulateMedia({ media: 'screen' });
    expect(await afterContent(page, 'https://www.getrealsecurity.com/')).not.toContain('getrealsecurity');
    await page.goto('/');
    await page.emulateMedia({ media: 'print' });
    for (const { url } of contentPages) expect(await afterContent(page, url), url).toBe('none');
  });

  test('code, tables, quotations and math print readable and are not split across pages', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(fixtureUrl('/long-form/'));
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    const code = page.locator('main pre').first();
    // Printers leave backgrounds out: the code must read on white paper, and wrap rather than be cut off.
    expect(contrast(await luminance(code, 'color'), 1)).toBeGreaterThanOrEqual(7);
    await expect(code).toHaveCSS('white-space', 'pre-wrap');
    expect(await code.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
    for (const selector of ['main pre', 'main table', 'main blockquote', 'main .katex-display']) {
      await expect(page.locator(selector).first(), selector).toHaveCSS('break-inside', 'avoid');
    }
    expect(contrast(await luminance(page.locator('main blockquote').first(), 'color'), 1)).toBeGreaterThanOrEqual(7);
    expect(contrast(await luminance(page.locator('main td').first(), 'color'), 1)).toBeGreaterThanOrEqual(7);
    // Headings stay with what follows them.
    await expect(page.getByRole('heading', { name: 'A code block' })).toHaveCSS('break-after', 'avoid');
    // Only the link to another site prints an address; the site's own and the in-page link do not.
    expect(await afterContent(page, 'https://example.org/a/long/path/that/goes/on/and/on')).toContain('https://example.org/');
    expect(await afterContent(page, `${fixtureBasePath}/plain-page/`)).toBe('none');
    expect(await afterContent(page, '#a-table')).toBe('none');
  });

  test('display math prints whole, without a scroll box, and is kept on one page', async ({ page }) => {
    await page.goto('/about-me/');
    await page.emulateMedia({ media: 'print' });
    const display = page.locator('.katex-display');
    await expect(display).toHaveCSS('overflow-x', 'visible');
    await expect(display).toHaveCSS('break-inside', 'avoid');
    expect(await luminance(display.locator('.katex-html'), 'color')).toBeLessThan(0.01);
  });

  test('a page prints to a PDF of sensible length, in the print layout', async ({ page }) => {
    await page.goto('/software-philosophy/');
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    const pageCount = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
    expect(pageCount).toBeGreaterThanOrEqual(1);
    expect(pageCount).toBeLessThanOrEqual(6);
  });
});
