import type { Page, Route } from '@playwright/test';
import { expect, fixtureUrl, test } from './fixtures';
import { fixtureBasePath } from './fixture-site/fixture-site';
import { childElements, childText, parseXml, pngSize } from './xml';

// The fixture site (e2e/fixture-site/site.config.ts) names giscus and a reactions endpoint. Nothing may leave the
// machine: these stand-ins answer for giscus.app and the endpoint, and every test checks where requests went.
const endpoint = 'https://reactions.fixture.example/api/reactions';
// The fixture site is built under its base path, which every absolute URL carries.
const site = `https://fixture.example${fixtureBasePath}`;

/** Stands in for giscus.app: a client.js that makes the iframe from its script's data-* (as giscus's does), and a widget that shows its theme. */
async function fakeGiscus(page: Page): Promise<string[]> {
  const requested: string[] = [];
  await page.route('https://giscus.app/**', async (route) => {
    const url = new URL(route.request().url());
    requested.push(url.pathname);
    if (url.pathname === '/client.js') {
      await route.fulfill({
        contentType: 'text/javascript',
        body: `const s = document.currentScript;
          const f = document.createElement('iframe');
          f.className = 'giscus-frame';
          f.title = 'Comments';
          f.src = 'https://giscus.app/widget?' + new URLSearchParams({ theme: s.dataset.theme, repo: s.dataset.repo, term: location.pathname });
          document.querySelector('.giscus').append(f);`,
      });
    } else {
      await route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>giscus</title><p id="theme"></p><script>
          const shown = document.getElementById('theme');
          shown.textContent = new URLSearchParams(location.search).get('theme');
          addEventListener('message', (event) => { const theme = event.data?.giscus?.setConfig?.theme; if (theme) shown.textContent = theme; });
        </script>`,
      });
    }
  });
  return requested;
}

const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type', 'Access-Control-Allow-Methods': 'GET, POST' };

/** Stands in for the reactions endpoint: keeps counts per page and records what it was sent. */
async function fakeReactions(page: Page, counts: Record<string, number>): Promise<{ method: string; url: string; body: unknown }[]> {
  const received: { method: string; url: string; body: unknown }[] = [];
  await page.route(`${endpoint}**`, async (route: Route) => {
    const request = route.request();
    if (request.method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
    const body = request.postDataJSON() as { reaction?: string } | null;
    received.push({ method: request.method(), url: request.url(), body });
    if (request.method() === 'POST' && body?.reaction) counts[body.reaction] = (counts[body.reaction] ?? 0) + 1;
    return route.fulfill({ headers: cors, contentType: 'application/json', body: JSON.stringify({ counts }) });
  });
  return received;
}

/** Every request's origin, other than the fixture site's own. */
function offSiteRequests(page: Page): string[] {
  const origins: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.hostname !== '127.0.0.1') origins.push(url.origin);
  });
  return origins;
}

test.describe('comments (giscus)', () => {
  test('a page with comment: true embeds giscus, in the site’s theme, following switches', async ({ page, problems }) => {
    const requested = await fakeGiscus(page);
    await fakeReactions(page, {});
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(fixtureUrl('/comments/'));
    const comments = page.getByRole('region', { name: 'Comments' });
    await expect(comments.getByRole('heading', { level: 2, name: 'Comments' })).toBeVisible();

    const loader = page.locator('script[src="https://giscus.app/client.js"]');
    await expect(loader).toHaveAttribute('data-enhancement', /.*/);
    // What giscus may open and link is granted by the engine (lib/security/engine-scripts.ts), not declared on the page.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain('frame-src https://giscus.app');
    expect(policy).toMatch(/style-src 'self' https:\/\/giscus\.app/);
    await expect(page.locator('[data-csp-frame], [data-csp-style], [data-csp-connect], [data-csp-img]')).toHaveCount(0);
    await expect(loader).toHaveAttribute('crossorigin', 'anonymous');
    await expect(loader).toHaveAttribute('data-repo', 'fixture-owner/fixture-site');
    await expect(loader).toHaveAttribute('data-repo-id', 'R_fixture');
    await expect(loader).toHaveAttribute('data-category-id', 'DIC_fixture');
    await expect(loader).toHaveAttribute('data-mapping', 'pathname');
    await expect(loader).toHaveAttribute('data-strict', '1');
    await expect(loader).toHaveAttribute('data-loading', 'lazy');
    await expect(loader).toHaveAttribute('data-lang', 'en');

    // The site's light theme reached giscus before its script ran.
    const widget = page.frameLocator('iframe.giscus-frame');
    await expect(widget.locator('#theme')).toHaveText('light_high_contrast');
    // A theme switch on the page (html data-theme) and a change of the system's preference both reach the widget.
    await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
    await expect(widget.locator('#theme')).toHaveText('dark_dimmed');
    await page.evaluate(() => document.documentElement.removeAttribute('data-theme'));
    await expect(widget.locator('#theme')).toHaveText('light_high_contrast');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(widget.locator('#theme')).toHaveText('dark_dimmed');
    expect(requested).toEqual(['/client.js', '/widget']);
    expect(problems).toEqual([]);
  });

  test('starts in the dark theme on a dark system', async ({ page }) => {
    await fakeGiscus(page);
    await fakeReactions(page, {});
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(fixtureUrl('/comments/'));
    await expect(page.frameLocator('iframe.giscus-frame').locator('#theme')).toHaveText('dark_dimmed');
  });

  test('without JavaScript, the page links the discussion on GitHub instead', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const offSite = offSiteRequests(page);
    await page.goto(fixtureUrl('/comments/'));
    await expect(page.getByRole('link', { name: 'Read and join them on GitHub' })).toHaveAttribute('href', 'https://github.com/fixture-owner/fixture-site/discussions');
    // No reactions without the endpoint's counts.
    await expect(page.getByRole('button', { name: /Like/ })).toBeHidden();
    expect(offSite).toEqual([]);
    await context.close();
  });
});

test.describe('reactions', () => {
  test('a page with reaction: true shows the counts and counts a reaction once per visitor', async ({ page, problems }) => {
    await fakeGiscus(page);
    const counts = { like: 2, love: 0 };
    const received = await fakeReactions(page, counts);
    await page.goto(fixtureUrl('/comments/'));
    const reactions = page.getByRole('region', { name: 'Reactions' });
    const like = reactions.getByRole('button', { name: 'Like: 2' });
    await expect(like).toBeVisible();
    await expect(like).toHaveAttribute('aria-pressed', 'false');
    await expect(reactions.getByRole('button', { name: 'Love: 0' })).toBeVisible();
    await expect(reactions.getByRole('button', { name: 'Insightful: 0' })).toBeVisible();
    expect(received).toEqual([{ method: 'GET', url: `${endpoint}?page=%2Fcomments%2F`, body: null }]);

    await like.click();
    await expect(reactions.getByRole('button', { name: 'Like: 3' })).toHaveAttribute('aria-pressed', 'true');
    await expect(reactions.getByRole('status')).toHaveText('Thank you: your Like is counted.');
    expect(received[1]).toEqual({ method: 'POST', url: endpoint, body: { page: '/comments/', reaction: 'like' } });

    // Remembered across visits: a second press sends nothing.
    await page.reload();
    const pressed = reactions.getByRole('button', { name: 'Like: 3' });
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    await pressed.click();
    await expect(pressed).toHaveAttribute('aria-pressed', 'true');
    expect(received.filter((request) => request.method === 'POST')).toHaveLength(1);
    expect(problems).toEqual([]);
  });

  test('when the endpoint does not answer, the page shows no reactions', async ({ page }) => {
    await fakeGiscus(page);
    await page.route(`${endpoint}**`, (route) => route.fulfill({ status: 503, headers: cors, body: 'down' }));
    await page.goto(fixtureUrl('/comments/'));
    await page.waitForLoadState('networkidle');
    await expect(page.getByRole('button', { name: /Like/ })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Reactions' })).toBeHidden();
  });

  test('a failed reaction says so and can be tried again', async ({ page }) => {
    await fakeGiscus(page);
    let failing = true;
    await page.route(`${endpoint}**`, (route) => {
      if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
      if (route.request().method() === 'POST' && failing) return route.fulfill({ status: 500, headers: cors, body: 'oops' });
      return route.fulfill({ headers: cors, contentType: 'application/json', body: JSON.stringify({ counts: { celebrate: route.request().method() === 'POST' ? 1 : 0 } }) });
    });
    await page.goto(fixtureUrl('/comments/'));
    const celebrate = page.getByRole('button', { name: 'Celebrate: 0' });
    await celebrate.click();
    await expect(page.getByRole('status')).toHaveText('Your reaction could not be saved. Please try again later.');
    await expect(celebrate).toHaveAttribute('aria-pressed', 'false');
    failing = false;
    await celebrate.click();
    await expect(page.getByRole('button', { name: 'Celebrate: 1' })).toHaveAttribute('aria-pressed', 'true');
  });
});

test('pages without the flags request nothing from any other site', async ({ page, problems }) => {
  const offSite = offSiteRequests(page);
  for (const path of ['/', '/plain-page/', '/dated-note/', '/about-the-author/']) {
    await page.goto(fixtureUrl(path));
    await page.waitForLoadState('networkidle');
    expect(await page.locator('script[src]').count(), path).toBe(0);
    await expect(page.getByRole('region', { name: 'Comments' })).toHaveCount(0);
  }
  expect(offSite).toEqual([]);
  expect(problems).toEqual([]);
});

test.describe('feeds and structured data on the fixture site', () => {
  test('the Atom feed lists the dated pages newest first, drafts left out, text escaped', async ({ request }) => {
    const feed = parseXml(await (await request.get(fixtureUrl('/atom.xml'))).text());
    const entries = childElements(feed, 'entry');
    expect(entries.map((entry) => childText(entry, 'id'))).toEqual([`${site}/comments/`, `${site}/dated-note/`]);
    const [comments, note] = entries as [(typeof entries)[number], (typeof entries)[number]];
    expect(childText(comments, 'title')).toBe('Comments & reactions');
    expect(childText(comments, 'published')).toBe('2024-05-01T00:00:00Z');
    expect(childText(comments, 'updated')).toBe('2024-06-15T00:00:00Z');
    expect(childText(comments, 'summary')).toBe('A dated page with comments and reactions switched on.');
    expect(childElements(comments, 'link')[0]?.getAttribute('href')).toBe(`${site}/comments/`);
    expect(childText(note, 'title')).toBe('An older note <with> markup & ampersands');
    expect(childText(feed, 'updated')).toBe('2024-06-15T00:00:00Z');
  });

  test('the sitemap lists every published page with its last change, and no draft', async ({ request }) => {
    const urlset = parseXml(await (await request.get(fixtureUrl('/sitemap.xml'))).text());
    const entries = Object.fromEntries(childElements(urlset, 'url').map((entry) => [childText(entry, 'loc'), childText(entry, 'lastmod') ?? null]));
    expect(entries).toMatchObject({
      [`${site}/`]: null,
      [`${site}/about-the-author/`]: null,
      [`${site}/comments/`]: '2024-06-15T00:00:00Z',
      [`${site}/dated-note/`]: '2023-11-02T00:00:00Z',
      [`${site}/plain-page/`]: null,
    });
    // Every page the home page lists is in it, and nothing else but the home page.
    const home = await request.get(fixtureUrl('/'));
    const listed = [...(await home.text()).matchAll(/<h2[^>]*><a href="([^"]+)"/g)].map((match) => `https://fixture.example${match[1]}`);
    expect(Object.keys(entries).sort()).toEqual([`${site}/`, ...listed].sort());
    expect(Object.keys(entries).some((url) => url.includes('draft'))).toBe(false);
    expect((await request.get(fixtureUrl('/draft-note/'))).status()).toBe(404);
  });

  test('a dated page is an OpenGraph article, credited to the site’s X handle, with its preview image', async ({ page }) => {
    await fakeGiscus(page);
    await fakeReactions(page, {});
    await page.goto(fixtureUrl('/comments/'));
    const meta = (key: string) => page.locator(`head meta[property="${key}"], head meta[name="${key}"]`);
    await expect(meta('og:type')).toHaveAttribute('content', 'article');
    await expect(meta('article:published_time')).toHaveAttribute('content', '2024-05-01T00:00:00Z');
    await expect(meta('article:modified_time')).toHaveAttribute('content', '2024-06-15T00:00:00Z');
    await expect(meta('twitter:site')).toHaveAttribute('content', '@fixture_site');
    await expect(meta('og:image')).toHaveAttribute('content', `${site}/og/comments.png`);
    const image = await page.request.get(fixtureUrl('/og/comments.png'));
    expect(pngSize(await image.body())).toEqual({ width: 1200, height: 630 });
  });

  test('the about page’s JSON-LD names the author and their profiles', async ({ page }) => {
    await page.goto(fixtureUrl('/about-the-author/'));
    const data = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '');
    expect(data).toMatchObject({
      '@type': 'ProfilePage',
      url: `${site}/about-the-author/`,
      mainEntity: { '@type': 'Person', name: 'The engine’s tests', sameAs: ['https://github.com/fixture-author'] },
    });
  });
});
