import zlib from 'node:zlib';
import type { Page } from '@playwright/test';
import { contrast, luminance } from './colors';
import { expect, test } from './fixtures';

// The serene fixture site (e2e/serene-site/), written for the serene theme as its USAGE.md says, imported with
// `npm run import:zola` and built by `npm run build:serene-fixture`, read as a visitor reads it. Served at the
// host's root (playwright.config.ts).
const serenePort = Number(process.env.E2E_SERENE_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 3);

function sereneUrl(sitePath: string): string {
  return `http://127.0.0.1:${serenePort}${sitePath}`;
}

/**
 * Most of these tests read what does not change with the window's width; the phone project runs only those about
 * layout (the home page's profile, the projects' grid), which keeps the suite's time in bounds.
 */
const layoutTests = new Set(["the home page is serene's: avatar, name and handle, bio, links as named icons, the text, the newest posts", "the projects page shows serene's collection: a card, a simple card, an entry, a box and two art items"]);
test.beforeEach(({ isMobile }, testInfo) => {
  test.skip(isMobile && !layoutTests.has(testInfo.title), 'the same at both widths: read on the desktop');
});

/** The fixture's posts, newest first, as serene's `%b %-d, %Y` writes their dates. */
const posts = [
  { title: 'Pratt parsing in forty lines', url: '/posts/pratt-parsing/', date: 'Sep 14, 2025', featured: true },
  { title: 'Why Greenland looks so big', url: '/posts/web-mercator/', date: 'Jun 3, 2025', featured: false },
  { title: 'Every shortcode on one page', url: '/posts/callouts/', date: 'Mar 1, 2025', featured: false },
  { title: 'Drawing contour lines with marching squares', url: '/posts/contour-lines/', date: 'Apr 18, 2024', featured: false },
  { title: 'The tools I used in 2022', url: '/posts/old-tools/', date: 'Nov 20, 2022', featured: false },
] as const;

/** A list's rows (components/dated-post-list.tsx): each a link to the post and its date. */
function postRows(page: Page, within = page.getByRole('main')) {
  return within.getByRole('listitem').filter({ has: page.getByRole('link') }).filter({ has: page.locator('time') });
}

async function expectRows(page: Page, rows: ReturnType<typeof postRows>, expected: readonly (typeof posts)[number][]) {
  await expect(rows).toHaveCount(expected.length);
  for (const [index, post] of expected.entries()) {
    const row = rows.nth(index);
    await expect(row.getByRole('link')).toHaveAttribute('href', post.url);
    await expect(row.getByRole('link')).toHaveAccessibleName(post.featured ? `Featured: ${post.title}` : post.title);
    await expect(row.locator('time')).toHaveText(post.date);
  }
}

test("the home page is serene's: avatar, name and handle, bio, links as named icons, the text, the newest posts", async ({ page, problems }) => {
  await page.goto(sereneUrl('/'));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Mira Okafor@mira');
  await expect(main).toContainText('compilers, maps and long walks');
  const avatar = main.locator('img').first();
  await expect(avatar).toHaveAttribute('src', '/img/avatar.svg');
  expect(await avatar.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);

  const elsewhere = main.getByRole('list', { name: 'Elsewhere' });
  await expect(elsewhere.getByRole('link')).toHaveCount(5);
  await expect(elsewhere.getByRole('link', { name: 'GitHub' })).toHaveAttribute('href', 'https://github.com/mira-okafor');
  await expect(elsewhere.getByRole('link', { name: 'Email' })).toHaveAttribute('href', 'mailto:mira@example.com');
  await expect(elsewhere.getByRole('link', { name: 'Mastodon' })).toHaveAttribute('rel', /\bme\b/);
  await expect(elsewhere.getByRole('link', { name: 'RSS' })).toHaveAttribute('href', '/posts/atom.xml');
  // The icons are drawn inline in the text's colour and are not read out: the link's name says where it goes.
  const icon = elsewhere.getByRole('link', { name: 'GitHub' }).locator('svg');
  await expect(icon).toHaveAttribute('aria-hidden', 'true');
  await expect(icon).toHaveAttribute('fill', 'currentColor');

  await expect(main).toContainText("Hi, I'm Mira. I write compilers for a living and draw maps for fun.");
  await expect(main.getByRole('link', { name: 'projects', exact: true })).toHaveAttribute('href', '/projects/');

  const recent = main.getByRole('region', { name: 'Recent posts' });
  await expectRows(page, postRows(page, recent), posts.slice(0, 3));
  await recent.getByRole('link', { name: 'more »' }).click();
  await expect(page).toHaveURL(sereneUrl('/posts/'));
  expect(problems).toEqual([]);
});

test("serene's sections are the menu, the GitHub one marked as another site; the footer has the config's text", async ({ page, problems }) => {
  await page.goto(sereneUrl('/about/'));
  const menu = page.getByRole('navigation', { name: 'Main' });
  await expect(menu.getByRole('link')).toHaveText(['posts', 'projects', 'about', 'github ↗']);
  await expect(menu.getByRole('link', { name: 'about' })).toHaveAttribute('aria-current', 'page');
  await expect(menu.getByRole('link', { name: 'github (another site)' })).toHaveAttribute('href', 'https://github.com/mira-okafor');
  const footer = page.getByRole('contentinfo');
  await expect(footer).toContainText('© 2025 Mira Okafor');
  await expect(footer.getByRole('link', { name: 'Next.js' })).toBeVisible();
  // The about page is serene's prose.html: its [extra] title is the heading, and its math is drawn at build time.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('About');
  await expect(page.locator('.katex').first()).toBeVisible();
  expect(problems).toEqual([]);
});

test('the blog lists the posts newest first by year, featured posts marked, with the title and subtitle of its [extra]', async ({ page, problems }) => {
  await page.goto(sereneUrl('/posts/'));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Posts');
  await expect(main).toContainText('Notes on compilers, maps and the tools between them.');
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(['2025', '2024', '2022']);
  await expectRows(page, postRows(page), posts);
  await expect(page.locator('link[rel="alternate"][type="application/atom+xml"][href="/posts/atom.xml"]')).toHaveCount(1);
  await expect(main.getByRole('link', { name: 'Atom feed' })).toHaveAttribute('href', '/posts/atom.xml');
  expect(problems).toEqual([]);
});

test('a post: back to the list, date and update, reading time, tags and category as links, contents, the outdate alert, back to top', async ({ page, problems }) => {
  await page.goto(sereneUrl('/posts/pratt-parsing/'));
  const main = page.getByRole('main');
  await expect(main.getByRole('link', { name: '← Back' })).toHaveAttribute('href', '/posts/');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Pratt parsing in forty lines');
  const meta = main.locator('.post-meta');
  await expect(meta).toContainText('Sep 14, 2025 · Updated Oct 2, 2025 · 1 min read');
  await expect(meta.getByRole('link', { name: '#parsing' })).toHaveAttribute('href', '/tags/parsing/');
  await expect(meta.getByRole('link', { name: '#rust' })).toHaveAttribute('href', '/tags/rust/');
  await expect(meta.getByRole('link', { name: 'Compilers' })).toHaveAttribute('href', '/categories/compilers/');
  await expect(main.getByRole('navigation', { name: /contents|on this page/i })).toContainText('Binding power');

  // Decided when the site was built: the post's last update is more than the section's 365 days old.
  const days = Math.floor((Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) - Date.parse('2025-10-02T00:00:00Z')) / 86_400_000);
  const alert = main.getByRole('note').filter({ hasText: 'This post was last updated' });
  await expect(alert).toContainText(new RegExp(`This post was last updated (${days}|${days - 1}) days ago and may be out of date\\. \\(Oct 2, 2025\\)`));

  await main.getByRole('link', { name: '↑ Back to top' }).click();
  await expect(page).toHaveURL(sereneUrl('/posts/pratt-parsing/#top'));
  await expect(main.getByRole('link', { name: 'Why Greenland looks so big' })).toHaveAttribute('href', '/posts/web-mercator/');
  expect(problems).toEqual([]);
});

test('a post with every shortcode: callouts and alerts, quote, details, figure, diagram, named code, video', async ({ page, problems }) => {
  // The video's thumbnail comes from YouTube's image host, which the test machine cannot reach: a stand-in answers.
  const onePixel = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=', 'base64');
  await page.route('https://i.ytimg.com/**', (route) => route.fulfill({ contentType: 'image/png', body: onePixel }));
  await page.goto(sereneUrl('/posts/callouts/'));
  const main = page.getByRole('main');

  const callouts = main.getByRole('note');
  // The outdate alert first (the post is older than the section's 365 days), then five callouts and five alerts.
  await expect(callouts).toHaveCount(11);
  const titles = ['Note', 'A tip with a title', 'Important', 'Warning', 'Careful', 'Note', 'Tip', 'Important', 'Warning', 'Caution'];
  for (const [index, title] of titles.entries()) await expect(callouts.nth(index + 1).locator('.callout-title')).toHaveText(title);
  await expect(callouts.nth(2)).toContainText('Write the body in Markdown, links included.');
  await expect(callouts.nth(2).getByRole('link', { name: 'links' })).toHaveAttribute('href', '/posts/pratt-parsing/');
  await expect(callouts.nth(6)).toContainText("GitHub's note alert.");
  await expect(callouts.nth(6)).not.toContainText('[!NOTE]');

  const quote = main.locator('figure.quote');
  await expect(quote.getByRole('blockquote')).toContainText('A map is not the territory it represents.');
  await expect(quote.locator('figcaption')).toHaveText('— Alfred Korzybski, Science and Sanity');

  const closed = main.locator('details').filter({ hasText: 'How the contour lines were drawn' });
  await expect(closed).not.toHaveAttribute('open');
  await expect(closed.getByText('With marching squares')).toBeHidden();
  await closed.getByText('How the contour lines were drawn').click();
  await expect(closed.getByText('With marching squares')).toBeVisible();
  await expect(main.locator('details').filter({ hasText: 'Open by default' })).toHaveAttribute('open');

  const figure = main.getByRole('figure').filter({ has: page.getByRole('img', { name: 'A shaded relief map of a small island' }) });
  const picture = figure.getByRole('img');
  await picture.scrollIntoViewIfNeeded();
  await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(480);
  await expect(picture).toHaveAttribute('height', '320');
  await expect(figure.locator('figcaption')).toContainText('The island, drawn from the elevation grid.');
  await expect(figure.getByRole('link', { name: 'via example.com' })).toHaveAttribute('href', 'https://example.com/elevation');

  await expect(main.locator('svg[id^="mermaid"], figure.diagram svg').first()).toBeVisible();
  await expect(main.locator('figure.code-figure figcaption')).toHaveText('projection.py');

  const video = main.getByRole('link', { name: 'Play the video on YouTube' });
  await expect(video).toHaveAttribute('href', 'https://www.youtube.com/watch?v=dQw4w9WgXcQ');
  await expect(main.locator('iframe')).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a named code block (Zola's fence annotation) shows its file name over the code", async ({ page, problems }) => {
  await page.goto(sereneUrl('/posts/pratt-parsing/'));
  await expect(page.getByRole('main').locator('figure.code-figure figcaption')).toHaveText('parser.rs');
  expect(problems).toEqual([]);
});

test("the projects page shows serene's collection: a card, a simple card, an entry, a box and two art items", async ({ page, problems }) => {
  await page.goto(sereneUrl('/projects/'));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1 })).toHaveText('Projects');
  const items = main.locator('section.collection').getByRole('article');
  await expect(items).toHaveCount(6);
  const card = items.filter({ has: page.getByRole('heading', { name: 'Featured: tidewater' }) });
  await expect(card.getByRole('link', { name: 'tidewater' })).toHaveAttribute('href', 'https://github.com/mira-okafor/tidewater');
  await expect(card).toContainText('2021 – now');
  await expect(card.locator('strong')).toHaveText('small');
  await expect(card.getByRole('list', { name: 'Tags' }).getByRole('listitem')).toHaveText(['rust', 'parsing']);
  await expect(main.getByRole('link', { name: 'Reading list' })).toHaveAttribute('href', 'https://example.com/reading');
  for (const name of ['Relief of Skerry', 'Harbour chart']) {
    const art = main.getByRole('img', { name });
    await art.scrollIntoViewIfNeeded();
    await expect.poll(() => art.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
  }
  // Boxes and art two to a row on a wide screen, one on a phone; the card takes the whole row.
  const box = items.filter({ hasText: 'Atlas of Small Islands' });
  const relief = items.filter({ hasText: 'Relief of Skerry' });
  const [boxBounds, reliefBounds, cardBounds] = await Promise.all([box.boundingBox(), relief.boundingBox(), card.boundingBox()]);
  const wide = (page.viewportSize()?.width ?? 0) >= 640;
  expect(Math.abs((boxBounds?.y ?? 0) - (reliefBounds?.y ?? 0)) < 1).toBe(wide);
  expect(cardBounds?.width ?? 0).toBeGreaterThan((boxBounds?.width ?? 0) * (wide ? 1.8 : 0.99));
  expect(problems).toEqual([]);
});

test("tags and categories list their posts as the blog does, with the blog's date format", async ({ page, problems }) => {
  await page.goto(sereneUrl('/tags/maps/'));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tags: maps');
  await expectRows(page, postRows(page), [posts[1], posts[3]]);
  await page.goto(sereneUrl('/categories/'));
  await expect(page.getByRole('main').getByRole('link', { name: /Cartography/ })).toHaveAttribute('href', '/categories/cartography/');
  expect(problems).toEqual([]);
});

test("the 404 page says what serene's config says", async ({ page }) => {
  const response = await page.goto(sereneUrl('/no-such-page/'));
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('404 Not Found');
  await page.getByRole('link', { name: '« back to home »' }).click();
  await expect(page).toHaveURL(sereneUrl('/'));
});

/** What a first visit to a page transfers, gzip-compressed as the server sends it: its HTML, stylesheets and scripts. */
async function firstVisitBytes(page: Page, sitePath: string): Promise<number> {
  const html = await (await page.request.get(sereneUrl(sitePath))).text();
  const gzipped = (text: string) => zlib.gzipSync(text, { level: 9 }).length;
  let total = gzipped(html);
  for (const [, stylesheet, script] of html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"|<script[^>]+src="([^"]+)"/g)) {
    total += gzipped(await (await page.request.get(sereneUrl(stylesheet ?? script ?? ''))).text());
  }
  return total;
}

test('the blog list, the projects page and a tag weigh at most 10 KB on a first visit, with no script file', async ({ page }) => {
  for (const sitePath of ['/posts/', '/projects/', '/tags/maps/']) {
    expect(await firstVisitBytes(page, sitePath), sitePath).toBeLessThanOrEqual(10 * 1024);
    expect(await (await page.request.get(sereneUrl(sitePath))).text(), sitePath).not.toMatch(/<script[^>]+src=/);
  }
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`callout titles, list dates and a post's facts read at 4.5:1 or more, system ${colorScheme}`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const checks: [string, string, (page: Page) => ReturnType<Page['locator']>][] = [
      ['/posts/callouts/', 'note title', (page) => page.locator('.callout-note .callout-title').first()],
      ['/posts/callouts/', 'tip title', (page) => page.locator('.callout-tip .callout-title').first()],
      ['/posts/callouts/', 'important title', (page) => page.locator('.callout-important .callout-title').first()],
      ['/posts/callouts/', 'warning title', (page) => page.locator('.callout-warning .callout-title').first()],
      ['/posts/callouts/', 'caution title', (page) => page.locator('.callout-caution .callout-title').first()],
      ['/posts/callouts/', 'quote source', (page) => page.locator('figure.quote figcaption')],
      ['/posts/callouts/', "post's date", (page) => page.locator('.post-meta p').first()],
      ['/posts/callouts/', 'tag', (page) => page.locator('.post-meta a').first()],
      ['/posts/', 'list date', (page) => page.locator('.post-list time').first()],
      ['/posts/', 'list title', (page) => page.locator('.post-list a').first()],
      ['/', 'bio', (page) => page.getByText('compilers, maps and long walks')],
      ['/', 'link icon', (page) => page.getByRole('link', { name: 'GitHub', exact: true })],
    ];
    for (const [sitePath, name, locate] of checks) {
      if (page.url() !== sereneUrl(sitePath)) await page.goto(sereneUrl(sitePath));
      const background = await luminance(page.locator('body'), 'backgroundColor');
      const ratio = contrast(await luminance(locate(page), 'color'), background);
      expect(ratio, `${name} on ${sitePath}, ${colorScheme}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(4.5);
    }
  });
}
