import { contentPages, expect, test } from './fixtures';

test('seed 002’s diffusion equation is KaTeX display math, rendered without an error', async ({ page, problems }) => {
  await page.goto('/about-me/');
  const display = page.locator('.katex-display');
  await expect(display).toHaveCount(1);
  await expect(display).toBeVisible();
  await expect(page.locator('.katex-error')).toHaveCount(0);
  // The TeX KaTeX saw: the Markdown escapes \( \) \[ \] were undone, as Zola did.
  await expect(display.locator('annotation')).toHaveText(
    '\\dfrac{\\partial\\phi(\\boldsymbol{r}, t)}{\\partial t} = \\nabla \\cdot [D(\\phi, \\boldsymbol{r})\\nabla\\phi(\\boldsymbol{r}, t) ]',
  );
  // KaTeX's own fonts, served by the site, are in use.
  await page.waitForLoadState('networkidle');
  const fontsLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((font) => font.family.startsWith('KaTeX') && font.status === 'loaded').length;
  });
  expect(fontsLoaded).toBeGreaterThan(0);
  expect(problems).toEqual([]);
});

test('KaTeX’s stylesheet is linked on math pages only, from the site itself, with no math script', async ({ page }) => {
  for (const { url, math } of contentPages) {
    await page.goto(url);
    const stylesheets = await page.locator('link[rel="stylesheet"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
    expect(stylesheets.some((href) => href.includes('katex')), url).toBe(math);
    for (const href of stylesheets) expect(href.startsWith('/'), href).toBe(true);
    const scripts = await page.locator('script[src]').evaluateAll((elements) => elements.map((element) => element.getAttribute('src') ?? ''));
    expect(scripts.filter((src) => /katex|mathjax/i.test(src)), url).toEqual([]);
  }
});
