import type { Locator, Page } from '@playwright/test';
import { expect, fixtureUrl, test } from './fixtures';

/** The name Chromium itself gives an element in its accessibility tree (what screen readers get). */
async function chromiumName(page: Page, locator: Locator): Promise<string> {
  await locator.evaluate((element) => element.setAttribute('data-ax-probe', ''));
  const session = await page.context().newCDPSession(page);
  const { root } = await session.send('DOM.getDocument', { depth: -1 });
  const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector: '[data-ax-probe]' });
  const { nodes } = await session.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
  await locator.evaluate((element) => element.removeAttribute('data-ax-probe'));
  await session.detach();
  return String(nodes[0]?.name?.value ?? '');
}

const afterContent = (link: Locator) => link.evaluate((element) => getComputedStyle(element, '::after').content);

test.describe('external links', () => {
  test('links to other sites get rel="external noopener noreferrer", in Markdown and in JSX', async ({ page, problems }) => {
    await page.goto(fixtureUrl('/external-links/'));
    const article = page.getByRole('article');
    for (const name of ['Rust book', 'MDN in a new tab', 'The W3C']) {
      await expect(article.getByRole('link', { name }), name).toHaveAttribute('rel', 'external noopener noreferrer');
    }
    await expect(article.getByRole('link', { name: 'MDN in a new tab' })).toHaveAttribute('target', '_blank');
    // This site (by path, fragment or full address), mail and phone are left as written.
    for (const name of ['about page', 'the list', 'write to me', 'this site by its full address', 'the office']) {
      await expect(article.getByRole('link', { name }), name).not.toHaveAttribute('rel');
    }
    expect(problems).toEqual([]);
  });

  test('are marked for the reader: an arrow to see, words for screen readers, the sentence unchanged', async ({ page }) => {
    await page.goto(fixtureUrl('/external-links/'));
    const article = page.getByRole('article');
    const rust = article.getByRole('link', { name: 'Rust book' });
    expect(await afterContent(rust)).toContain('↗');
    expect(await chromiumName(page, rust)).toBe('Rust book (external site)');
    expect(await chromiumName(page, article.getByRole('link', { name: 'MDN in a new tab' }))).toBe('MDN in a new tab (external site, opens in a new tab)');
    for (const name of ['about page', 'write to me', 'this site by its full address']) {
      const link = article.getByRole('link', { name });
      expect(await afterContent(link), name).toBe('none');
      expect(await chromiumName(page, link), name).toBe(name);
    }
    // The text a reader copies or a test reads is the author's.
    await expect(article.getByRole('paragraph').first()).toHaveText(
      'Read the Rust book or my about page, jump to the list, or write to me.',
    );
  });

  test('the cue shows in both themes and at phone width', async ({ page }) => {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto(fixtureUrl('/external-links/'));
      const rust = page.getByRole('article').getByRole('link', { name: 'Rust book' });
      const [linkColor, arrowColor] = await rust.evaluate((element) => [getComputedStyle(element).color, getComputedStyle(element, '::after').color]);
      // The arrow is the link's own colour, whatever the theme makes it.
      expect(arrowColor).toBe(linkColor);
    }
  });
});
