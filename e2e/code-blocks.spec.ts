import type { Page } from '@playwright/test';
import { fixtureBasePath } from './fixture-site/fixture-site';
import { expect, fixtureUrl, test } from './fixtures';

/** WCAG's contrast ratio of two `rgb(…)` colours as getComputedStyle writes them. */
function contrast(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((channel) => {
      const c = channel / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Every distinct token colour on the page, with the background of its block (or its own, for diff lines). */
function tokenColours(page: Page) {
  return page.evaluate(() => {
    const seen = new Map<string, { token: string; color: string; background: string }>();
    for (const span of document.querySelectorAll<HTMLElement>('pre code [class^="hljs-"]')) {
      const own = getComputedStyle(span).backgroundColor;
      const block = getComputedStyle(span.closest('pre') as HTMLElement).backgroundColor;
      const background = own === 'rgba(0, 0, 0, 0)' ? block : own;
      const color = getComputedStyle(span).color;
      seen.set(`${color} on ${background}`, { token: span.className, color, background });
    }
    return [...seen.values()];
  });
}

test.describe('code blocks', () => {
  for (const colorScheme of ['light', 'dark'] as const) {
    test(`tokens are highlighted at build time, every colour readable (AA) in the ${colorScheme} theme`, async ({ page, problems }) => {
      await page.emulateMedia({ colorScheme });
      const tokens: Awaited<ReturnType<typeof tokenColours>> = [];
      for (const url of ['/code-languages/', '/code-blocks/']) {
        await page.goto(fixtureUrl(url));
        // Leaving a page while it still fetches its icon would record an aborted request.
        await page.waitForLoadState('networkidle');
        tokens.push(...(await tokenColours(page)));
      }
      // Keywords, strings, numbers, comments, titles, built-ins, tags, diff lines: many colours, not one.
      expect(new Set(tokens.map((token) => token.color)).size).toBeGreaterThanOrEqual(7);
      for (const { token, color, background } of tokens) {
        expect(contrast(color, background), `${token}: ${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
      }
      const keyword = page.locator('pre code .hljs-keyword').first();
      await expect(keyword).toHaveCSS('color', colorScheme === 'light' ? 'rgb(207, 34, 46)' : 'rgb(255, 123, 114)');
      const block = page.locator('pre').first();
      await expect(block).toHaveCSS('background-color', colorScheme === 'light' ? 'rgb(246, 248, 250)' : 'rgb(21, 27, 35)');
      // Plain text, and code in a language the highlighter does not know, are shown as written.
      await expect(page.locator('pre code.language-text')).toHaveText('Plain text: no colours, as written.\n');
      await expect(page.locator('pre code.language-text [class^="hljs-"], pre code.language-brainfudge [class^="hljs-"]')).toHaveCount(0);
      await expect(page.locator('pre code.language-brainfudge')).toHaveText('++++[>++++<-]>.\n');
      expect(problems).toEqual([]);
    });
  }

  test('the highlighting is markup and classes: no highlighter script, no inline styles', async ({ page }) => {
    await page.goto(fixtureUrl('/code-without-copy/'));
    await expect(page.locator('pre code .hljs-keyword')).toHaveText('const');
    // Every page's one inline script is the theme's (lib/theme/theme-script.ts); nothing highlights in the browser.
    await expect(page.locator('script[src]')).toHaveCount(0);
    await page.goto(fixtureUrl('/code-blocks/'));
    await expect(page.locator('article [style]')).toHaveCount(0);
    // The one script file is the copy button's.
    expect(await page.locator('script[src]').evaluateAll((scripts) => scripts.map((script) => script.getAttribute('src')))).toEqual([
      `${fixtureBasePath}/enhance/copy-code.js`,
    ]);
  });

  test('the code stylesheet is loaded only by pages with code', async ({ page }) => {
    const stylesheets = () => page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => new URL((link as HTMLLinkElement).href).pathname));
    const codeStyles = `${fixtureBasePath}/styles/code-blocks.css`;
    await page.goto(fixtureUrl('/code-without-copy/'));
    expect(await stylesheets()).toContain(codeStyles);
    for (const url of ['/plain-page/', '/copy-without-code/', '/contents/']) {
      await page.goto(fixtureUrl(url));
      expect(await stylesheets(), url).not.toContain(codeStyles);
    }
  });

  test('a long line scrolls inside its block, not the page, on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(fixtureUrl('/code-blocks/'));
    const long = page.locator('pre').filter({ hasText: 'curl --silent' });
    const [scrollWidth, clientWidth] = await long.evaluate((pre) => [pre.scrollWidth, pre.clientWidth]);
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    expect(await long.evaluate((pre) => getComputedStyle(pre).overflowX)).toBe('auto');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

test.describe('copy buttons (the copy flag)', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  const firstBlock = '// Sum the numbers of a list.\nconst total = (values) => values.reduce((sum, value) => sum + value, 0);\nexport default total;';

  test('one per block, reached with the keyboard, copying exactly the code and announcing it', async ({ page, problems }) => {
    await page.goto(fixtureUrl('/code-blocks/'));
    const buttons = page.getByRole('button', { name: 'Copy code' });
    await expect(buttons).toHaveCount(await page.locator('article pre').count());
    // Tab from the top of the page to the first button (found by its block: its name changes when it copies).
    const first = page.locator('.code-block').first().getByRole('button');
    for (let presses = 0; presses < 20 && !(await first.evaluate((button) => button === document.activeElement)); presses++) await page.keyboard.press('Tab');
    await expect(first).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('status')).toHaveText('Copied to clipboard');
    await expect(first).toHaveText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(firstBlock);
    // The label comes back, and the next block copies with Space, with its indentation and lines.
    await expect(first).toHaveText('Copy code');
    const python = page.locator('.code-block').filter({ hasText: 'def area' }).getByRole('button', { name: 'Copy code' });
    await python.focus();
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(
      'def area(radius: float) -> float:\n    """The area of a circle."""\n    return 3.14159 * radius ** 2',
    );
    await expect(page.getByRole('status')).toHaveText('Copied to clipboard');
    expect(problems).toEqual([]);
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`the button is readable and visibly focused in the ${colorScheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme });
      await page.goto(fixtureUrl('/code-blocks/'));
      const button = page.getByRole('button', { name: 'Copy code' }).first();
      const [color, background] = await button.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element).backgroundColor]);
      expect(contrast(color, background)).toBeGreaterThanOrEqual(4.5);
      await button.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await expect(button).toBeFocused();
      await expect(button).toHaveCSS('outline-style', 'solid');
    });
  }

  test('a button never covers code, even on a phone; pages read without JavaScript keep the usual padding', async ({ browser }) => {
    const firstLineTops = async (javaScriptEnabled: boolean) => {
      const context = await browser.newContext({ javaScriptEnabled, viewport: { width: 390, height: 844 } });
      const page = await context.newPage();
      await page.goto(fixtureUrl('/code-blocks/'));
      const result = await page.locator('article pre').evaluateAll((blocks) =>
        blocks.map((pre) => {
          const line = (pre.querySelector('code')?.getClientRects()[0] ?? pre.getBoundingClientRect()).top - pre.getBoundingClientRect().top;
          const button = pre.parentElement?.querySelector('.copy-code')?.getBoundingClientRect();
          return { line, buttonBottom: button ? button.bottom - pre.getBoundingClientRect().top : undefined };
        }),
      );
      await context.close();
      return result;
    };
    const withJs = await firstLineTops(true);
    for (const { line, buttonBottom } of withJs) expect(buttonBottom).toBeLessThanOrEqual(line);
    const withoutJs = await firstLineTops(false);
    expect(withoutJs.every(({ line, buttonBottom }, index) => buttonBottom === undefined && line < (withJs[index]?.line ?? 0))).toBe(true);
  });

  test('a failed copy is announced, and the code is selected to copy by hand', async ({ page }) => {
    await page.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('Denied', 'NotAllowedError'));
    });
    await page.goto(fixtureUrl('/code-blocks/'));
    const button = page.locator('.code-block').first().getByRole('button');
    await button.click();
    await expect(page.getByRole('status')).toHaveText('Copy failed. The code is selected for you to copy.');
    await expect(button).toHaveText('Copy failed');
    expect(await page.evaluate(() => String(getSelection()))).toBe(firstBlock);
  });

  test('no button without JavaScript, and no script on pages without the flag or without code', async ({ browser, page }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const withoutJs = await context.newPage();
    await withoutJs.goto(fixtureUrl('/code-blocks/'));
    await expect(withoutJs.locator('pre')).not.toHaveCount(0);
    await expect(withoutJs.getByRole('button', { name: /copy/i })).toHaveCount(0);
    await context.close();
    for (const url of ['/code-without-copy/', '/code-languages/', '/copy-without-code/', '/plain-page/']) {
      await page.goto(fixtureUrl(url));
      await expect(page.locator('script[src]'), url).toHaveCount(0);
      await expect(page.getByRole('button', { name: /copy/i }), url).toHaveCount(0);
    }
  });
});
