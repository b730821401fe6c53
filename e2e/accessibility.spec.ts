import fs from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContextOptions, Page } from '@playwright/test';
import { themeStorageKey } from '../lib/theme/theme-script';
import { showsDarkTheme } from './colors';
import { fixtureOutFolder } from './fixture-site/fixture-site';
import { contentPages, expect, fixtureUrl, test } from './fixtures';

/** Every page of an exported site, found in its folder: each `index.html` is one, plus the 404 page. */
function exportedPages(outFolder: string): string[] {
  const found = fs
    .readdirSync(outFolder, { recursive: true, encoding: 'utf8' })
    .filter((file) => file === 'index.html' || file.endsWith(`${path.sep}index.html`))
    .filter((file) => !file.startsWith(`_next${path.sep}`) && !file.startsWith(`404${path.sep}`) && !file.startsWith(`_not-found${path.sep}`))
    .map((file) => `/${file.slice(0, -'index.html'.length).split(path.sep).join('/')}`);
  return [...found.sort(), '/no-such-page/'];
}

const shippedPages = ['/', ...contentPages.map((page) => page.url), '/no-such-page/'];
// Fixture pages (e2e/fixture-site/content/) exercise what the shipped pages do not: code, tables, quotations,
// another language, and whatever later features add. Every one of them is scanned too.
const fixturePages = exportedPages(fixtureOutFolder).map(fixtureUrl);
const pages = [...shippedPages, ...fixturePages];

test('the shipped site and the fixture site are both found', () => {
  expect(exportedPages(path.join(process.cwd(), 'out'))).toEqual(expect.arrayContaining(shippedPages));
  expect(fixturePages).toEqual(expect.arrayContaining([fixtureUrl('/'), fixtureUrl('/long-form/'), fixtureUrl('/auf-deutsch/')]));
});

/** Every way a visitor ends up in a theme: the system setting, or the toggle's stored choice against it. */
const themes = [
  { name: 'light (system)', dark: false, colorScheme: 'light', stored: undefined },
  { name: 'dark (system)', dark: true, colorScheme: 'dark', stored: undefined },
  { name: 'dark (chosen with the toggle)', dark: true, colorScheme: 'light', stored: 'dark' },
  { name: 'light (chosen with the toggle)', dark: false, colorScheme: 'dark', stored: 'light' },
] as const;

async function openIn(browser: Browser, options: BrowserContextOptions, stored?: string): Promise<Page> {
  const context = await browser.newContext(options);
  if (stored) await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, stored] as const);
  return context.newPage();
}

/** axe-core's full rule set (WCAG 2.0–2.2 A and AA, and its best practices); any violation fails, listed. */
async function expectNoViolations(page: Page, label: string): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(report, label).toEqual([]);
}

test.describe('axe-core finds nothing', () => {
  // Each test scans every page of both sites; axe takes a few seconds a page on a busy machine.
  test.describe.configure({ timeout: 240_000 });

  for (const theme of themes) {
    test(`on every page, ${theme.name}`, async ({ browser }, testInfo) => {
      const { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent } = testInfo.project.use;
      const page = await openIn(browser, { viewport, deviceScaleFactor, isMobile, hasTouch, userAgent, colorScheme: theme.colorScheme }, theme.stored);
      for (const url of pages) {
        await page.goto(url);
        expect(await showsDarkTheme(page.locator('body')), `${url} is in the ${theme.name} theme`).toBe(theme.dark);
        await expectNoViolations(page, `${url}, ${theme.name}`);
      }
      await page.context().close();
    });
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`on every page as it is without JavaScript, system ${colorScheme}`, async ({ browser }) => {
      // axe is itself a script and hangs in a context with JavaScript off. A policy of script-src 'none'
      // stops every script of the page instead, so it renders as it does without JavaScript, while
      // Playwright's own evaluation (which axe uses) is not subject to the page's policy.
      const page = await openIn(browser, { colorScheme });
      await page.route('**/*', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" } });
      });
      for (const url of pages) {
        await page.goto(url);
        await expect(page.locator('html'), 'the theme script did not run').not.toHaveAttribute('data-theme', /./);
        expect(await showsDarkTheme(page.locator('body'))).toBe(colorScheme === 'dark');
        await expectNoViolations(page, `${url} without JavaScript`);
      }
      await page.context().close();
    });
  }

  // One page of each kind the Zola site adds (e2e/zola-site/, `npm run build:zola-fixture`): a home section, a
  // list and its second page, a post with its terms and neighbours, a taxonomy's terms, a term's list.
  const zolaPort = Number(process.env.E2E_ZOLA_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 2);
  const zolaPages = ['/', '/posts/', '/posts/page/2/', '/posts/static-sites/', '/posts/trip/', '/tags/', '/tags/rust/page/2/', '/docs/getting-started/'];
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`on each kind of page of an imported Zola site, system ${colorScheme}`, async ({ browser }) => {
      const page = await openIn(browser, { colorScheme });
      for (const sitePath of zolaPages) {
        await page.goto(`http://127.0.0.1:${zolaPort}${sitePath}`);
        await expectNoViolations(page, `the Zola site's ${sitePath}, ${colorScheme}`);
      }
      await page.context().close();
    });
  }

  // One page of each kind a serene site adds (e2e/serene-site/, `npm run build:serene-fixture`): the home page's
  // profile, the blog by year, a post with every shortcode, the projects' collection, a category, the 404 page.
  const serenePort = Number(process.env.E2E_SERENE_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 3);
  const serenePages = ['/', '/posts/', '/posts/callouts/', '/posts/pratt-parsing/', '/projects/', '/categories/cartography/', '/no-such-page/'];
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`on each kind of page of an imported serene site, system ${colorScheme}`, async ({ browser, isMobile }) => {
      test.skip(isMobile, "the serene site's pages are read at the desktop's width; the zola site's at both");
      const page = await openIn(browser, { colorScheme });
      await page.route('https://i.ytimg.com/**', (route) => route.abort());
      for (const sitePath of serenePages) {
        await page.goto(`http://127.0.0.1:${serenePort}${sitePath}`);
        await expectNoViolations(page, `the serene site's ${sitePath}, ${colorScheme}`);
      }
      await page.context().close();
    });
  }

  test('on the focused states: skip link, permalinks and toggle shown by the keyboard', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto('/about/');
      await page.keyboard.press('Tab');
      await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
      await expectNoViolations(page, `skip link focused, ${colorScheme}`);
      await page.getByRole('link', { name: 'Link to section: How I work', exact: true }).focus();
      await expectNoViolations(page, `permalink focused, ${colorScheme}`);
      await page.getByRole('button', { name: 'Dark theme' }).focus();
      await expectNoViolations(page, `theme toggle focused, ${colorScheme}`);
    }
  });
});

test.describe('structure', () => {
  for (const url of pages) {
    test(`${url}: landmarks, one h1, a language`, async ({ page }) => {
      await page.goto(url);
      await expect(page.getByRole('banner')).toHaveCount(1);
      await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(1);
      // A page with the `toc` flag has a second navigation, its contents: every one needs a name of its own.
      const navigationNames = await page.getByRole('navigation').evaluateAll((navs) => navs.map((nav) => nav.getAttribute('aria-label') ?? ''));
      expect(navigationNames.every((name) => name !== '')).toBe(true);
      expect(new Set(navigationNames).size).toBe(navigationNames.length);
      await expect(page.getByRole('main')).toHaveCount(1);
      await expect(page.getByRole('contentinfo')).toHaveCount(1);
      await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
      await expect(page.locator('h1')).toHaveCount(1);
      await expect(page.locator('html')).toHaveAttribute('lang', /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/);
    });
  }

  test('a page in another language says so, and the rest keep the site’s language', async ({ page }) => {
    await page.goto(fixtureUrl('/auf-deutsch/'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await page.goto(fixtureUrl('/plain-page/'));
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});

test.describe('keyboard', () => {
  test('the skip link comes first, shows when focused, and moves past the header', async ({ page }) => {
    await page.goto('/education/');
    const skip = page.getByRole('link', { name: 'Skip to content' });
    await expect(skip).not.toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    const box = await skip.boundingBox();
    expect(box?.width).toBeGreaterThan(40);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#content$/);
    // The next Tab lands inside the main content, not on the header's links.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`every interactive element shows a focus ring when tabbed to (${colorScheme})`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      for (const url of ['/', '/about/', '/about-me/', fixtureUrl('/long-form/')]) {
        await page.goto(url);
        const seen = new Set<string>();
        for (let presses = 0; presses < 80; presses++) {
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => {
            const element = document.activeElement;
            if (!element || element === document.body) return undefined;
            // Permalinks fade in: judge them as they end up, not mid-transition.
            for (const animation of element.getAnimations()) animation.finish();
            const style = getComputedStyle(element);
            return {
              key: `${element.tagName} ${element.getAttribute('href') ?? element.id} ${element.textContent?.trim().slice(0, 30)}`,
              outline: `${style.outlineStyle} ${style.outlineWidth}`,
              visible: style.visibility !== 'hidden' && Number(style.opacity) > 0.5,
            };
          });
          if (!focused || seen.has(focused.key)) break;
          seen.add(focused.key);
          expect(focused.outline, `${url}: ${focused.key}`).toBe('solid 2px');
          expect(focused.visible, `${url}: ${focused.key}`).toBe(true);
        }
        expect(seen.size, url).toBeGreaterThan(5);
      }
    });
  }
});
