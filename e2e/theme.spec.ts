import type { Page } from '@playwright/test';
import { themeStorageKey } from '../lib/theme/theme-script';
import { contrast, luminance, showsDarkTheme } from './colors';
import { expect, test } from './fixtures';

const toggle = (page: Page) => page.getByRole('banner').getByRole('button', { name: 'Dark theme', exact: true });
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), themeStorageKey);

/**
 * Records, the moment <body> is created, which theme <html> already says: the theme is decided before any
 * of the page could paint. Runs before the page's own scripts.
 */
async function recordThemeAtBodyStart(page: Page): Promise<void> {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.body) return;
      document.documentElement.setAttribute('data-theme-at-body-start', document.documentElement.dataset.theme ?? 'none');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  });
}

test.describe('the theme follows the system setting until the visitor chooses', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`system ${colorScheme}: the page is ${colorScheme}, the toggle says so, form controls match`, async ({ page, problems }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto('/about/');
      await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
      expect(await showsDarkTheme(page.locator('body'))).toBe(colorScheme === 'dark');
      await expect(toggle(page)).toHaveAttribute('aria-pressed', String(colorScheme === 'dark'));
      await expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme);
      expect(await stored(page)).toBeNull();
      expect(problems).toEqual([]);
    });
  }

  test('a change of the system setting while reading switches the page and the toggle’s state', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    expect(await showsDarkTheme(page.locator('body'))).toBe(true);
  });
});

test.describe('the toggle', () => {
  test('is a named two-state button in the header that switches, remembers, and returns to the system', async ({ page, problems }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/education/');
    const button = toggle(page);
    await expect(button).toBeVisible();
    await expect(button).toHaveAttribute('aria-pressed', 'false');

    await button.click();
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    expect(await showsDarkTheme(page.locator('body'))).toBe(true);
    await expect(page.locator('html')).toHaveCSS('color-scheme', 'dark');
    expect(await stored(page)).toBe('dark');

    // Remembered on the next page, from its first paint.
    await recordThemeAtBodyStart(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About', exact: true }).click();
    await expect(page).toHaveURL('/about/');
    await expect(page.locator('html')).toHaveAttribute('data-theme-at-body-start', 'dark');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');

    // Light again is the system's own theme: the choice is forgotten and the system rules again.
    await toggle(page).click();
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'system');
    expect(await stored(page)).toBeNull();
    expect(await showsDarkTheme(page.locator('body'))).toBe(false);
    expect(problems).toEqual([]);
  });

  test('a stored choice wins over the system setting before first paint, both ways', async ({ page }) => {
    await recordThemeAtBodyStart(page);
    for (const [system, choice] of [['light', 'dark'], ['dark', 'light']] as const) {
      await page.emulateMedia({ colorScheme: system });
      await page.goto('/');
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, choice] as const);
      await page.reload();
      await expect(page.locator('html')).toHaveAttribute('data-theme-at-body-start', choice);
      expect(await showsDarkTheme(page.locator('body'))).toBe(choice === 'dark');
      await expect(toggle(page)).toHaveAttribute('aria-pressed', String(choice === 'dark'));
      await page.evaluate((key) => localStorage.removeItem(key), themeStorageKey);
    }
  });

  test('works from the keyboard with a visible focus ring', async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto('/about/');
    // The toggle comes after the navigation: Tab until it has focus, as a keyboard user would.
    for (let presses = 0; presses < 12 && !(await toggle(page).evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(toggle(page)).toBeFocused();
    await expect(toggle(page)).toHaveCSS('outline-style', 'solid');
    await expect(toggle(page)).toHaveCSS('outline-width', '2px');
    await page.keyboard.press('Enter');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('Space');
    await expect(toggle(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(toggle(page)).toBeFocused();
  });

  test('moves nothing: the header lays out the same with and without JavaScript, and before and after a switch', async ({ browser }) => {
    const boxes = async (page: Page) =>
      page.evaluate(() =>
        [...document.querySelectorAll('header a, header button, main h1')].map((element) => {
          const box = element.getBoundingClientRect();
          return [element.textContent, box.x, box.y, box.width, box.height];
        }),
      );
    const withJs = await browser.newPage({ colorScheme: 'light' });
    const withoutJs = await browser.newPage({ colorScheme: 'light', javaScriptEnabled: false });
    await withJs.goto('/about/');
    await withoutJs.goto('/about/');
    const before = await boxes(withJs);
    expect(await boxes(withoutJs)).toEqual(before);
    await toggle(withJs).click();
    expect(await boxes(withJs)).toEqual(before);
    await withJs.close();
    await withoutJs.close();
  });

  test('updates every open tab of the site', async ({ context }) => {
    const first = await context.newPage();
    const second = await context.newPage();
    await first.emulateMedia({ colorScheme: 'light' });
    await second.emulateMedia({ colorScheme: 'light' });
    await first.goto('/about/');
    await second.goto('/education/');
    await toggle(first).click();
    await expect(second.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(second)).toHaveAttribute('aria-pressed', 'true');
    await toggle(second).click();
    await expect(first.locator('html')).toHaveAttribute('data-theme', 'system');
    await expect(toggle(first)).toHaveAttribute('aria-pressed', 'false');
  });
});

test.describe('without JavaScript', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`system ${colorScheme} rules and no dead toggle is shown or reachable`, async ({ browser }) => {
      const context = await browser.newContext({ javaScriptEnabled: false, colorScheme });
      const page = await context.newPage();
      await page.goto('/about/');
      await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
      expect(await showsDarkTheme(page.locator('body'))).toBe(colorScheme === 'dark');
      await expect(page.getByRole('button')).toHaveCount(0);
      await expect(page.locator('.theme-toggle')).toBeHidden();
      await context.close();
    });
  }
});

test.describe('every part of the page follows the theme', () => {
  for (const theme of ['light', 'dark'] as const) {
    test(`${theme}: prose, headings, links, KaTeX, navigation and footer read at 4.5:1 or more`, async ({ page }) => {
      // Chosen with the toggle against the system, so the stored choice is what is tested.
      await page.emulateMedia({ colorScheme: theme === 'dark' ? 'light' : 'dark' });
      await page.goto('/about-me/');
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, theme] as const);
      await page.reload();
      const background = await luminance(page.locator('body'), 'backgroundColor');
      expect(background < 0.05).toBe(theme === 'dark');
      const parts = {
        heading: page.getByRole('heading', { level: 1 }),
        paragraph: page.locator('main p').first(),
        link: page.getByRole('link', { name: 'GetReal Security' }),
        math: page.locator('.katex-display .katex-html').first(),
        navigation: page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }),
        'current page': page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'About me' }),
        'site name': page.getByRole('banner').getByRole('link', { name: 'Portfolio' }),
        footer: page.getByRole('contentinfo').locator('p'),
        toggle: toggle(page),
      };
      for (const [name, locator] of Object.entries(parts)) {
        const ratio = contrast(await luminance(locator, 'color'), background);
        expect(ratio, `${name} in the ${theme} theme: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
      }
    });
  }
});
