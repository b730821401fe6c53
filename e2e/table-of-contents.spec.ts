import { expect, fixtureUrl, test } from './fixtures';

test.describe('table of contents (the toc flag)', () => {
  test('lists the h2 and h3 headings before the text, h3 under their h2, without permalink marks', async ({ page, problems }) => {
    await page.goto(fixtureUrl('/contents/'));
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc).toBeVisible();
    await expect(toc.getByRole('link')).toHaveText(['Getting started', 'Installing', 'Configuring', 'Writing pages', 'Front matter', 'Publishing']);
    // The h3 entries are a list inside their h2's entry.
    const gettingStarted = toc.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Getting started', exact: true }) });
    await expect(gettingStarted.getByRole('list').getByRole('link')).toHaveText(['Installing', 'Configuring']);
    await expect(toc).not.toContainText('too deep');
    await expect(toc).not.toContainText('#');
    // After the page's title, before its first paragraph.
    const order = await page.evaluate(() => {
      const [title, nav, intro] = [document.querySelector('h1'), document.querySelector('nav.toc'), document.querySelector('article p:not(.toc-title)')];
      const follows = (a: Node | null, b: Node | null) => Boolean(a && b && a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING);
      return { afterTitle: follows(title, nav), beforeText: follows(nav, intro) };
    });
    expect(order).toEqual({ afterTitle: true, beforeText: true });
    expect(problems).toEqual([]);
  });

  test('its links lead to their headings, by mouse and by keyboard, also without JavaScript', async ({ browser }) => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      await page.goto(fixtureUrl('/contents/'));
      const toc = page.getByRole('navigation', { name: 'On this page' });
      await toc.getByRole('link', { name: 'Publishing', exact: true }).click();
      await expect(page).toHaveURL(/#publishing$/);
      await expect(page.getByRole('heading', { level: 2, name: 'Publishing', exact: true })).toBeInViewport();
      await page.goto(fixtureUrl('/contents/'));
      // Tab from the top of the page into the list, as a keyboard user would.
      const configuring = toc.getByRole('link', { name: 'Configuring', exact: true });
      for (let presses = 0; presses < 15 && !(await configuring.evaluate((link) => link === document.activeElement)); presses++) await page.keyboard.press('Tab');
      await expect(configuring).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(page).toHaveURL(/#configuring$/);
      await expect(page.getByRole('heading', { level: 3, name: 'Configuring', exact: true })).toBeInViewport();
      await context.close();
    }
  });

  test('an .mdx page gets its contents from the same compile', async ({ page, problems }) => {
    await page.goto(fixtureUrl('/contents-mdx/'));
    const toc = page.getByRole('navigation', { name: 'On this page' });
    await expect(toc.getByRole('link')).toHaveText(['First section', 'Inside the first', 'Second section']);
    await toc.getByRole('link', { name: 'Second section' }).click();
    await expect(page).toHaveURL(/#second-section$/);
    expect(problems).toEqual([]);
  });

  test('no contents nav with fewer than two headings, nor without the flag', async ({ page }) => {
    for (const url of ['/contents-one-heading/', '/plain-page/', '/code-blocks/']) {
      await page.goto(fixtureUrl(url));
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('navigation', { name: 'On this page' }), url).toHaveCount(0);
      await expect(page.locator('nav.toc'), url).toHaveCount(0);
    }
  });
});
