import { contentPages, expect, test } from './fixtures';

test.describe('every page', () => {
  for (const { url, title, heading } of [{ url: '/', title: 'Portfolio', heading: 'Portfolio' }, ...contentPages]) {
    test(`${url} loads cleanly with its title, description, language and one h1`, async ({ page, problems }) => {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      await expect(page).toHaveTitle(url === '/' ? title : `${title} · Portfolio`);
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
      await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /\S{3,}/);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
      await expect(page.getByRole('banner').getByRole('link', { name: 'Portfolio' })).toBeVisible();
      await expect(page.getByRole('contentinfo')).toBeVisible();
      await page.waitForLoadState('networkidle');
      expect(problems).toEqual([]);
    });
  }

  test('an unknown address gets the styled 404 page with status 404', async ({ page, problems }) => {
    const response = await page.goto('/no-such-page/');
    expect(response?.status()).toBe(404);
    await expect(page).toHaveTitle('Page not found · Portfolio');
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await page.getByRole('link', { name: 'Go to the home page' }).click();
    await expect(page).toHaveURL('/');
    expect(problems).toEqual([]);
  });

  test('the page is no wider than a phone screen', async ({ page }) => {
    for (const { url } of contentPages) {
      await page.goto(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });
});

test.describe('navigation', () => {
  test('the home page links every page with its title and description', async ({ page }) => {
    await page.goto('/');
    const main = page.getByRole('main');
    for (const { url, title } of contentPages) {
      await expect(main.getByRole('link', { name: title, exact: true })).toHaveAttribute('href', url);
    }
    await main.getByRole('link', { name: 'Education & Origins' }).click();
    await expect(page).toHaveURL('/education/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Education & Origins');
  });

  test('the header navigation reaches every page and marks the current one', async ({ page, problems }) => {
    await page.goto('/');
    const nav = page.getByRole('navigation', { name: 'Main' });
    for (const { url } of contentPages) {
      await nav.locator(`a[href="${url}"]`).click();
      await expect(page).toHaveURL(url);
      await expect(nav.locator(`a[href="${url}"]`)).toHaveAttribute('aria-current', 'page');
    }
    await nav.getByRole('link', { name: 'Home' }).click();
    await expect(page).toHaveURL('/');
    expect(problems).toEqual([]);
  });
});
