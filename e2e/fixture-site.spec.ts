import { contentPages, expect, fixtureUrl, test } from './fixtures';

// The fixture site is a second, separately built site: it must not leak into the shipped one, nor the reverse.
test('the fixture site is built from its own content and config', async ({ page, problems }) => {
  await page.goto(fixtureUrl('/'));
  await expect(page.getByRole('link', { name: 'Fixture site' })).toBeVisible();
  await page.getByRole('link', { name: 'A plain page' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'A plain page' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'home page' })).toHaveAttribute('href', /\/$/);
  for (const shipped of contentPages) {
    const response = await page.request.get(fixtureUrl(shipped.url));
    expect(response.status(), shipped.url).toBe(404);
  }
  expect(problems).toEqual([]);
});
