import { expect, test } from './fixtures';

test.describe('heading anchors on a page with the site default (right)', () => {
  test('each heading keeps its own accessible name and has a named permalink', async ({ page }) => {
    await page.goto('/about/');
    await expect(page.getByRole('heading', { level: 2, name: 'My current focus', exact: true })).toHaveAttribute('id', 'my-current-focus');
    const permalink = page.getByRole('link', { name: 'Link to section: My current focus', exact: true });
    await expect(permalink).toHaveAttribute('href', '#my-current-focus');
  });

  test('a permalink is reached with the keyboard, shows on focus, and leads to its heading', async ({ page }) => {
    await page.goto('/about/');
    const permalink = page.getByRole('link', { name: 'Link to section: How I work', exact: true });
    // Hidden on screens that hover, faint on touch screens, until it has focus.
    const opacity = () => permalink.evaluate((element) => Number(getComputedStyle(element).opacity));
    expect(await opacity()).toBeLessThan(1);
    // Tab from the first permalink on the page until this one has focus, as a keyboard user would.
    await page.getByRole('link', { name: 'Link to section: About', exact: true }).focus();
    for (let presses = 0; presses < 20 && !(await permalink.evaluate((element) => element === document.activeElement)); presses++) {
      await page.keyboard.press('Tab');
    }
    await expect(permalink).toBeFocused();
    await expect(permalink).toHaveCSS('opacity', '1');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/#how-i-work$/);
    await expect(page.getByRole('heading', { name: 'How I work', exact: true })).toBeInViewport();
  });

  test('clicking a permalink moves to its heading', async ({ page }) => {
    await page.goto('/about/');
    const heading = page.getByRole('heading', { name: 'What I want next', exact: true });
    await heading.hover();
    await page.getByRole('link', { name: 'Link to section: What I want next', exact: true }).click();
    await expect(page).toHaveURL(/#what-i-want-next$/);
    await expect(heading).toBeInViewport();
  });
});

test('the Zola page sets insert_anchor_links = "none": no permalink elements at all', async ({ page }) => {
  await page.goto('/about-me/');
  await expect(page.locator('article a[href^="#"]')).toHaveCount(0);
  await expect(page.locator('.heading-anchor, .heading-link, .heading-group')).toHaveCount(0);
});
