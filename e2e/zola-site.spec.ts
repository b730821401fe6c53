import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { childElements, childText, parseXml } from './xml';

// The Zola fixture site (e2e/zola-site/), imported with `npm run import:zola` and built by
// `npm run build:zola-fixture`, read as a visitor reads it. Served at the host's root (playwright.config.ts).
const zolaPort = Number(process.env.E2E_ZOLA_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 2);

function zolaUrl(sitePath: string): string {
  return `http://127.0.0.1:${zolaPort}${sitePath}`;
}

/**
 * The 25 posts of e2e/zola-site/content/posts/, newest first: dates from file names, from `date` (a day or a
 * time of day) and from a bundle's folder name; one `slug` (macros), one bundle (trip). `tags` as written.
 */
const posts = [
  { title: 'Error handling in Rust', url: '/posts/rust-error-handling/', date: 'Sep 12, 2024', tags: ['rust'] },
  { title: 'Zola shortcodes', url: '/posts/zola-shortcodes/', date: 'Aug 30, 2024', tags: ['zola', 'web'] },
  { title: 'Async Rust without tears', url: '/posts/async-rust/', date: 'Aug 2, 2024', tags: ['rust'] },
  { title: 'Why static sites', url: '/posts/static-sites/', date: 'Jul 15, 2024', tags: ['web', 'zola', 'Static Sites'] },
  { title: 'Lifetimes, slowly', url: '/posts/lifetimes/', date: 'Jun 20, 2024', tags: ['rust'] },
  { title: 'A trip to the coast', url: '/posts/trip/', date: 'Jun 1, 2024', tags: ['travel'] },
  { title: 'Cargo workspaces', url: '/posts/cargo-workspaces/', date: 'May 11, 2024', tags: ['rust'] },
  { title: 'Atom feeds by hand', url: '/posts/atom-feeds/', date: 'Apr 22, 2024', tags: ['web'] },
  { title: 'Traits as contracts', url: '/posts/traits/', date: 'Apr 3, 2024', tags: ['rust'] },
  { title: 'Taxonomies in Zola', url: '/posts/taxonomies/', date: 'Mar 7, 2024', tags: ['zola'] },
  { title: 'Declarative macros', url: '/posts/macros/', date: 'Feb 14, 2024', tags: ['rust'] },
  { title: 'Testing in Rust', url: '/posts/testing-in-rust/', date: 'Jan 28, 2024', tags: ['rust'] },
  { title: 'Plans for the new year', url: '/posts/new-year/', date: 'Jan 5, 2024', tags: [] },
  { title: 'Mountains in December', url: '/posts/mountains/', date: 'Dec 10, 2023', tags: ['travel'] },
  { title: 'Iterators all the way down', url: '/posts/iterators/', date: 'Nov 18, 2023', tags: ['rust'] },
  { title: 'Sections and pages', url: '/posts/sections/', date: 'Oct 29, 2023', tags: ['zola'] },
  { title: 'Ownership explained', url: '/posts/ownership/', date: 'Oct 1, 2023', tags: ['rust'] },
  { title: 'Markdown habits', url: '/posts/markdown/', date: 'Sep 9, 2023', tags: ['web', 'Static Sites'] },
  { title: 'Pattern matching', url: '/posts/pattern-matching/', date: 'Aug 19, 2023', tags: ['rust'] },
  { title: 'Down the river', url: '/posts/river/', date: 'Jul 4, 2023', tags: ['travel'] },
  { title: 'Deploying a Zola site', url: '/posts/deploying-zola/', date: 'Jun 12, 2023', tags: ['zola'] },
  { title: 'Meeting the borrow checker', url: '/posts/borrow-checker/', date: 'May 1, 2023', tags: ['rust'] },
  { title: 'Hello, Zola', url: '/posts/hello-zola/', date: 'Mar 20, 2023', tags: ['zola'] },
  { title: 'Cargo basics', url: '/posts/cargo/', date: 'Feb 11, 2023', tags: ['rust'] },
  { title: 'First post', url: '/posts/first-post/', date: 'Jan 2, 2023', tags: ['zola', 'web'] },
] as const;

const titles = (list: readonly { title: string }[]) => list.map((post) => post.title);
const rustPosts = posts.filter((post) => (post.tags as readonly string[]).includes('rust'));

/** The titles a list page shows, in order (each listed page is a level-2 heading linking to it). */
function listedTitles(page: Page) {
  return page.getByRole('main').getByRole('heading', { level: 2 });
}

/** Checks that an Atom feed parses, names itself, and lists `expected` in order; returns its root. */
async function expectFeed(page: Page, feedPath: string, expected: readonly string[]) {
  const response = await page.request.get(zolaUrl(feedPath));
  expect(response.status(), feedPath).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const feed = parseXml(await response.text());
  expect(feed.localName).toBe('feed');
  expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
  const links = childElements(feed, 'link').map((link) => `${link.getAttribute('rel')} ${link.getAttribute('href')}`);
  expect(links).toContain(`self https://zola.example.com${feedPath}`);
  const entries = childElements(feed, 'entry');
  expect(entries.map((entry) => childText(entry, 'title'))).toEqual(expected);
  for (const entry of entries) {
    expect(childText(entry, 'id')).toMatch(/^https:\/\/zola\.example\.com\/posts\/[a-z-]+\/$/);
    expect(childText(entry, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  }
  return feed;
}

test("the home page is content/_index.md: the site's name, its text, serene's sections as the menu", async ({ page, problems }) => {
  await page.goto(zolaUrl('/'));
  const main = page.getByRole('main');
  await expect(main.getByRole('heading', { level: 1, name: "Ada's notes" })).toBeVisible();
  await expect(main).toContainText("Welcome to Ada's notes: posts about Rust and static sites");
  await expect(main.getByRole('link', { name: 'the docs' })).toHaveAttribute('href', '/docs/getting-started/');
  const menu = page.getByRole('navigation', { name: 'Main' });
  await expect(menu.getByRole('link')).toHaveText(['posts', 'docs']);
  await menu.getByRole('link', { name: 'posts' }).click();
  await expect(page).toHaveURL(zolaUrl('/posts/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Posts' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('the posts section lists ten posts a page, newest first, with their dates', async ({ page, problems }) => {
  await page.goto(zolaUrl('/posts/'));
  const main = page.getByRole('main');
  await expect(main).toContainText('Everything written here, newest first.');
  await expect(listedTitles(page)).toHaveText(titles(posts.slice(0, 10)));
  for (const post of posts.slice(0, 10)) {
    const item = main.getByRole('listitem').filter({ has: page.getByRole('heading', { name: post.title, exact: true }) });
    await expect(item).toContainText(post.date);
    await expect(item.getByRole('link', { name: post.title, exact: true })).toHaveAttribute('href', post.url);
  }
  const pages = page.getByRole('navigation', { name: 'Pages of this list' });
  await expect(pages).toContainText('Page 1 of 3');
  await expect(pages.getByRole('link', { name: '← Newer' })).toHaveCount(0);

  await pages.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(zolaUrl('/posts/page/2/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Posts, page 2' })).toBeVisible();
  await expect(listedTitles(page)).toHaveText(titles(posts.slice(10, 20)));
  await expect(pages).toContainText('Page 2 of 3');

  await pages.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(zolaUrl('/posts/page/3/'));
  await expect(listedTitles(page)).toHaveText(titles(posts.slice(20)));
  await expect(pages).toContainText('Page 3 of 3');
  await expect(pages.getByRole('link', { name: 'Older →' })).toHaveCount(0);

  await pages.getByRole('link', { name: '← Newer' }).click();
  await expect(page).toHaveURL(zolaUrl('/posts/page/2/'));
  expect(problems).toEqual([]);
});

test("/posts/page/1/ is the first page's other address: it sends the reader to /posts/", async ({ page, problems }) => {
  // Served as a file (static hosts that ignore _redirects do the same): a page whose meta refresh moves on.
  const response = await page.request.get(zolaUrl('/posts/page/1/'), { maxRedirects: 0 });
  expect(response.status()).toBe(200);
  expect(await response.text()).toContain('<meta http-equiv="refresh" content="0; url=/posts/">');
  await page.goto(zolaUrl('/posts/page/1/'));
  await expect(page).toHaveURL(zolaUrl('/posts/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Posts' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('a post shows its tags and category, each linking to its term page', async ({ page, problems }) => {
  await page.goto(zolaUrl('/posts/static-sites/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Why static sites' })).toBeVisible();
  const main = page.getByRole('main');
  // The whole post, past its `<!-- more -->` marker.
  await expect(main).toContainText('The rest of this post is only on its own page');
  for (const [name, href] of [
    ['web', '/tags/web/'],
    ['zola', '/tags/zola/'],
    ['Static Sites', '/tags/static-sites/'],
    ['notes', '/categories/notes/'],
  ] as const) {
    await expect(main.getByRole('link', { name, exact: true })).toHaveAttribute('href', href);
  }
  await main.getByRole('link', { name: 'Static Sites', exact: true }).click();
  await expect(page).toHaveURL(zolaUrl('/tags/static-sites/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Tags: Static Sites' })).toBeVisible();
  await expect(listedTitles(page)).toHaveText(['Why static sites', 'Markdown habits']);
  expect(problems).toEqual([]);
});

test('Earlier and Later walk the posts in date order, and "All of Posts" leads back to the list', async ({ page, problems }) => {
  // 26 pages one after the other: up to 1.5 s each beside another end-to-end run on two cores.
  test.setTimeout(90_000);
  const neighbour = (label: 'Earlier' | 'Later') =>
    page.getByRole('navigation', { name: 'More pages' }).getByRole('listitem').filter({ hasText: label }).getByRole('link');
  await page.goto(zolaUrl(posts[0].url));
  await expect(neighbour('Later')).toHaveCount(0);
  for (const post of posts.slice(1)) {
    await expect(neighbour('Earlier')).toHaveText(post.title);
    await neighbour('Earlier').click();
    await expect(page).toHaveURL(zolaUrl(post.url));
    await expect(page.getByRole('heading', { level: 1, name: post.title, exact: true })).toBeVisible();
  }
  await expect(neighbour('Earlier')).toHaveCount(0);
  await expect(neighbour('Later')).toHaveText(posts[23].title);
  await neighbour('Later').click();
  await expect(page).toHaveURL(zolaUrl(posts[23].url));
  await page.getByRole('navigation', { name: 'More pages' }).getByRole('link', { name: 'All of Posts' }).click();
  await expect(page).toHaveURL(zolaUrl('/posts/'));
  expect(problems).toEqual([]);
});

test('the tags page lists every tag with how many posts it has', async ({ page, problems }) => {
  await page.goto(zolaUrl('/tags/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Tags' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('listitem')).toHaveText(['rust (12)', 'Static Sites (2)', 'travel (3)', 'web (5)', 'zola (7)']);
  await page.getByRole('main').getByRole('link', { name: 'travel' }).click();
  await expect(page).toHaveURL(zolaUrl('/tags/travel/'));
  await expect(listedTitles(page)).toHaveText(['A trip to the coast', 'Mountains in December', 'Down the river']);
  await page.goto(zolaUrl('/categories/'));
  await expect(page.getByRole('main').getByRole('listitem')).toHaveText(['notes (10)', 'travel (3)', 'tutorials (12)']);
  expect(problems).toEqual([]);
});

test('a tag lists its posts five a page and has its own Atom feed', async ({ page, problems }) => {
  await page.goto(zolaUrl('/tags/rust/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Tags: rust' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('12 pages.');
  await expect(listedTitles(page)).toHaveText(titles(rustPosts.slice(0, 5)));
  // Feed readers find the term's feed from its page.
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/tags/rust/atom.xml"]')).toHaveCount(1);
  const pages = page.getByRole('navigation', { name: 'Pages of this list' });
  await pages.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(zolaUrl('/tags/rust/page/2/'));
  await expect(listedTitles(page)).toHaveText(titles(rustPosts.slice(5, 10)));
  await pages.getByRole('link', { name: 'Older →' }).click();
  await expect(page).toHaveURL(zolaUrl('/tags/rust/page/3/'));
  await expect(listedTitles(page)).toHaveText(titles(rustPosts.slice(10)));
  await expect(pages.getByRole('link', { name: 'Older →' })).toHaveCount(0);

  const feed = await expectFeed(page, '/tags/rust/atom.xml', titles(rustPosts));
  expect(childText(feed, 'title')).toBe("rust · Ada's notes");
  // Categories have no `feed = true`: no feed.
  expect((await page.request.get(zolaUrl('/categories/notes/atom.xml'))).status()).toBe(404);
  expect(problems).toEqual([]);
});

test("the posts section's Atom feed lists every post, newest first", async ({ page, problems }) => {
  await page.goto(zolaUrl('/posts/'));
  await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"][href="/posts/atom.xml"]')).toHaveCount(1);
  const feed = await expectFeed(page, '/posts/atom.xml', titles(posts));
  const links = childElements(feed, 'link').map((link) => `${link.getAttribute('rel')} ${link.getAttribute('href')}`);
  expect(links).toContain('alternate https://zola.example.com/posts/');
  expect(problems).toEqual([]);
});

test("an alias (the post's old address) lands on the post", async ({ page, problems }) => {
  await page.goto(zolaUrl('/old/first-post/'));
  await expect(page).toHaveURL(zolaUrl('/posts/first-post/'));
  await expect(page.getByRole('heading', { level: 1, name: 'First post' })).toBeVisible();
  expect(problems).toEqual([]);
});

test("/docs/ sends the reader to its first page (the section's redirect_to), and docs are in weight order", async ({ page, problems }) => {
  await page.goto(zolaUrl('/docs/'));
  await expect(page).toHaveURL(zolaUrl('/docs/getting-started/'));
  await expect(page.getByRole('heading', { level: 1, name: 'Getting started' })).toBeVisible();
  await page.goto(zolaUrl('/'));
  await expect(page.getByRole('main').getByRole('link', { name: 'Docs', exact: true })).toHaveAttribute('href', '/docs/');
  expect(problems).toEqual([]);
});

test("a page bundle's photo shows and its PDF is served beside the page", async ({ page, problems }) => {
  await page.goto(zolaUrl('/posts/trip/'));
  const photo = page.getByRole('img', { name: 'A photo' });
  await photo.scrollIntoViewIfNeeded();
  await expect.poll(() => photo.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(160);
  const notes = page.getByRole('link', { name: 'the notes' });
  const href = await notes.getAttribute('href');
  const pdfUrl = new URL(href ?? '', page.url()).href;
  expect(pdfUrl).toBe(zolaUrl('/posts/trip/notes.pdf'));
  const pdf = await page.request.get(pdfUrl);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(problems).toEqual([]);
});

// `[text](@/docs/getting-started.md#installing)`: Zola's links to a content file, resolved at build time.
for (const link of [
  { from: '/posts/sections/', name: 'installing Zola', to: '/docs/getting-started/#installing', heading: 'Installing' },
  { from: '/posts/taxonomies/', name: 'options page', to: '/docs/configuration/#options', heading: 'Options' },
  { from: '/posts/deploying-zola/', name: 'a section on Netlify', to: '/docs/deploying/#netlify', heading: 'Netlify' },
  { from: '/docs/getting-started/', name: 'deploy the site', to: '/docs/deploying/#netlify', heading: 'Netlify' },
  { from: '/posts/hello-zola/', name: 'first post', to: '/posts/first-post/', heading: 'First post' },
  { from: '/posts/mountains/', name: 'coast in summer', to: '/posts/trip/', heading: 'A trip to the coast' },
]) {
  test(`an @/ link on ${link.from} ("${link.name}") lands on ${link.to}`, async ({ page, problems }) => {
    await page.goto(zolaUrl(link.from));
    await page.getByRole('main').getByRole('link', { name: link.name, exact: true }).click();
    await expect(page).toHaveURL(zolaUrl(link.to));
    const fragment = new URL(link.to, 'http://x').hash.slice(1);
    const heading = page.getByRole('heading', { level: fragment === '' ? 1 : 2, name: link.heading, exact: true });
    await expect(heading).toBeVisible();
    if (fragment !== '') {
      await expect(heading).toHaveAttribute('id', fragment);
      await expect(heading).toBeInViewport();
    }
    expect(problems).toEqual([]);
  });
}

test("static/ files are served from the site's root, and a plain page links to them", async ({ page, problems }) => {
  await page.goto(zolaUrl('/'));
  await page.getByRole('main').getByRole('link', { name: 'About', exact: true }).click();
  await expect(page).toHaveURL(zolaUrl('/about/'));
  await expect(page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();
  const href = await page.getByRole('link', { name: 'reading list' }).getAttribute('href');
  const file = await page.request.get(new URL(href ?? '', page.url()).href);
  expect(file.status()).toBe(200);
  expect(await file.text()).toContain('Rust for Rustaceans');
  expect(problems).toEqual([]);
});
