import type { Page } from '@playwright/test';
import { weighPages } from '../lib/export/page-weight';
import { fixtureOutFolder } from './fixture-site/fixture-site';
import { expect, fixtureUrl, test } from './fixtures';

/** Every URL the page requested besides the page itself, so a test can show that nothing Mermaid-related was fetched. */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (!request.isNavigationRequest()) urls.push(request.url());
  });
  return urls;
}

const diagrams = [
  { name: 'How a page is published', description: 'A page is written, checked, and either shipped or sent back for another edit.' },
  { name: 'Sequence diagram' },
  // No accTitle: the kind of diagram and its visible title.
  { name: 'Pie chart: Where a page’s bytes go'.replace('’', "'") },
  { name: 'User journey diagram: Publishing a page' },
];

test.describe('diagrams (mermaid: true)', () => {
  test('each ```mermaid fence is an SVG image named for screen readers, drawn at build time with no script', async ({ page, problems }) => {
    const requests = recordRequests(page);
    await page.goto(fixtureUrl('/diagrams/'));
    for (const { name, description } of diagrams) {
      const image = page.getByRole('img', { name, exact: true });
      await expect(image).toBeVisible();
      await expect(image).toHaveAttribute('id', /^mermaidDiagram\d-light$/);
      if (description) await expect(image).toHaveAccessibleDescription(description);
      // Drawn, not a placeholder: shapes with size.
      const box = await image.boundingBox();
      expect(box?.width).toBeGreaterThan(200);
      expect(box?.height).toBeGreaterThan(50);
    }
    // The flowchart's labels are real text in the SVG; the journey's are HTML in <foreignObject>, shown without Mermaid's script.
    await expect(page.getByRole('img', { name: 'How a page is published' }).locator('text', { hasText: 'Write a page' })).toBeVisible();
    const journeyTask = page.getByRole('img', { name: 'User journey diagram: Publishing a page' }).locator('foreignObject', { hasText: 'Draft the text' });
    await expect(journeyTask).toBeVisible();
    expect((await journeyTask.boundingBox())?.width).toBeGreaterThan(50);
    // The page's one script is the inline theme script (lib/theme/theme-script.ts): no file, nothing of Mermaid's.
    await expect(page.locator('script[src]')).toHaveCount(0);
    await page.waitForLoadState('networkidle');
    expect(requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
    // A fence in another language on the same page is still code.
    await expect(page.locator('pre code.language-js')).toHaveText("console.log('not a diagram');");
    expect(problems).toEqual([]);
  });

  test('the drawings are weighed apart and the rest of the page keeps its budget', () => {
    const weight = weighPages(fixtureOutFolder).find((each) => each.url === '/diagrams/');
    expect(weight?.drawings).toBeGreaterThan(1024);
    expect(weight?.total).toBeLessThanOrEqual(weight?.budget ?? 0);
    expect((weight?.total ?? 0) - (weight?.drawings ?? 0)).toBeLessThanOrEqual(8 * 1024);
  });

  test('ids stay unique with several diagrams on a page', async ({ page }) => {
    await page.goto(fixtureUrl('/diagrams/'));
    const ids = await page.locator('[id]').evaluateAll((elements) => elements.map((element) => element.id));
    expect(ids.filter((id) => id.startsWith('mermaidDiagram')).length).toBeGreaterThan(20);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  test('the diagram’s source is one click away', async ({ page }) => {
    await page.goto(fixtureUrl('/diagrams/'));
    const source = page.getByRole('group').filter({ hasText: 'Diagram source' }).first();
    await expect(source.locator('code')).toBeHidden();
    await source.getByText('Diagram source').click();
    await expect(source.locator('code')).toContainText('write[Write a page] --> check{Valid?}');
  });

  test('the dark theme shows the dark drawing, with light text on the dark page', async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(fixtureUrl('/diagrams/'));
    const image = page.getByRole('img', { name: 'How a page is published' });
    await expect(image).toBeVisible();
    await expect(image).toHaveAttribute('id', 'mermaidDiagram1-dark');
    await expect(page.locator('#mermaidDiagram1-light')).toBeHidden();
    const label = image.locator('text', { hasText: 'Write a page' });
    const luminance = await label.evaluate((element) => {
      const [r = 0, g = 0, b = 0] = (getComputedStyle(element).fill.match(/\d+/g) ?? []).map(Number);
      return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
    });
    expect(luminance).toBeGreaterThan(0.6);
    await context.close();
  });

  test('with JavaScript off the diagrams are the same', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(fixtureUrl('/diagrams/'));
    for (const { name } of diagrams) await expect(page.getByRole('img', { name, exact: true })).toBeVisible();
    await context.close();
  });

  test('a wide diagram scrolls inside its figure on a phone instead of widening the page', async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(fixtureUrl('/diagrams/'));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const region = page.getByRole('group', { name: 'Diagram' }).first();
    const { scrollWidth, clientWidth } = await region.evaluate((element) => ({ scrollWidth: element.scrollWidth, clientWidth: element.clientWidth }));
    expect(scrollWidth).toBeGreaterThan(clientWidth);
    // Scrollable by keyboard too. On a loaded machine Chromium can drop a key pressed in the moment the
    // focus lands (a CI run saw it once), so the test presses again as a reader would; it still fails if the
    // figure never scrolls.
    await region.focus();
    await expect(region).toBeFocused();
    await expect(async () => {
      await page.keyboard.press('ArrowRight');
      expect(await region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    }).toPass({ intervals: [250, 500, 1000], timeout: 10_000 });
    await context.close();
  });
});

test('without the mermaid flag a mermaid fence stays a code block and nothing Mermaid-related loads', async ({ page, problems }) => {
  const requests = recordRequests(page);
  await page.goto(fixtureUrl('/mermaid-off/'));
  await expect(page.locator('pre code.language-mermaid')).toHaveText('flowchart LR\n  a --> b');
  const main = page.getByRole('main');
  await expect(main.getByRole('img')).toHaveCount(0);
  await expect(main.locator('svg')).toHaveCount(0);
  await page.waitForLoadState('networkidle');
  expect(requests.filter((url) => /mermaid/i.test(url))).toEqual([]);
  expect(problems).toEqual([]);
});
