import fs from 'node:fs';
import { exportedPages } from './csp-helpers';
import { fixtureBasePath, fixtureOutFolder } from './fixture-site/fixture-site';
import { expect, fixtureUrl, test } from './fixtures';

// The fixture site is built with BASE_PATH=/docs and served under /docs/ (as GitHub Pages serves a
// project site), so every fixture page, whoever added it, is checked here under a base path.
const pages = fs.existsSync(fixtureOutFolder) ? exportedPages(fixtureOutFolder, fixtureBasePath).filter((url) => url !== `${fixtureBasePath}/404.html`) : [];
const origin = new URL(fixtureUrl('/')).origin;

test.describe(`the fixture site under ${fixtureBasePath}/`, () => {
  test('is built (npm run build:fixture) under a base path', () => {
    expect(fixtureBasePath, 'e2e/fixture-site/fixture-site.ts builds the fixture site under a base path').not.toBe('');
    expect(pages.length, 'run `npm run build:fixture` first').toBeGreaterThanOrEqual(2);
  });

  for (const url of pages) {
    test(`${url}: every link and asset resolves and stays under ${fixtureBasePath}/`, async ({ page, problems }) => {
      await page.goto(`${origin}${url}`);
      await page.waitForLoadState('networkidle');
      const references = await page.evaluate(() =>
        [
          ...[...document.querySelectorAll('a[href], link[href]')].map((element) => (element as HTMLAnchorElement | HTMLLinkElement).href),
          ...[...document.querySelectorAll('script[src], img[src], source[src], iframe[src]')].map((element) => (element as HTMLImageElement).src),
          ...[...document.querySelectorAll('img[srcset], source[srcset]')].flatMap((element) =>
            (element.getAttribute('srcset') ?? '').split(',').map((candidate) => new URL(candidate.trim().split(/\s+/)[0] ?? '', document.baseURI).href),
          ),
        ].filter((href) => href.startsWith(location.origin)),
      );
      expect(references.length).toBeGreaterThan(3);
      for (const reference of new Set(references)) {
        const { pathname } = new URL(reference);
        expect(pathname.startsWith(`${fixtureBasePath}/`), `${reference} leaves ${fixtureBasePath}/`).toBe(true);
        const response = await page.request.get(reference);
        expect(response.status(), reference).toBeLessThan(400);
      }
      // The stylesheet and favicon the page loaded came from under the base path, without errors.
      expect(problems).toEqual([]);
    });
  }

  test('KaTeX stylesheet and fonts load from under the base path', async ({ page, problems }) => {
    const fonts: string[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() === 'font') fonts.push(`${response.status()} ${new URL(response.url()).pathname}`);
    });
    await page.goto(fixtureUrl('/base-path-math/'));
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => document.fonts.ready);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(font).toMatch(new RegExp(`^200 ${fixtureBasePath}/katex/fonts/KaTeX_[\\w-]+\\.woff2$`));
    expect(await page.evaluate(() => document.fonts.check('16px KaTeX_Main'))).toBe(true);
    // A Markdown link in content got the base path too.
    await expect(page.getByRole('link', { name: 'a plain page' })).toHaveAttribute('href', `${fixtureBasePath}/plain-page/`);
    await expect(page.getByRole('link', { name: 'another site' })).toHaveAttribute('href', 'https://example.org/');
    expect(problems).toEqual([]);
  });

  for (const missing of ['/no-such-page/', '/no-such-folder/deeper/page/']) {
    test(`the 404 page renders styled at ${fixtureBasePath}${missing}`, async ({ page, problems }) => {
      const response = await page.goto(fixtureUrl(missing));
      expect(response?.status()).toBe(404);
      await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
      // The site's stylesheet applied: the main column is Tailwind's max-w-3xl (48rem), not the full width.
      expect(await page.locator('main').evaluate((main) => getComputedStyle(main).maxWidth)).toBe('768px');
      await page.getByRole('link', { name: 'Go to the home page' }).click();
      await expect(page).toHaveURL(fixtureUrl('/'));
      expect(problems).toEqual([]);
    });
  }
});
