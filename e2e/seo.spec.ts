import { contentPages, expect, test } from './fixtures';
import { childElements, childText, parseXml, pngSize } from './xml';

const site = 'https://example.com';
const allPages = [{ url: '/', title: 'Portfolio' }, ...contentPages];
/** The local address of an absolute URL into the shipped site. */
const local = (absolute: string) => {
  expect(absolute.startsWith(`${site}/`), absolute).toBe(true);
  return absolute.slice(site.length);
};

test.describe('search engines and link previews', () => {
  for (const { url, title } of allPages) {
    test(`${url} has its canonical URL, OpenGraph and X card tags, and a 1200×630 preview image`, async ({ page, problems }) => {
      await page.goto(url);
      const head = page.locator('head');
      const meta = (key: string) => head.locator(`meta[property="${key}"], meta[name="${key}"]`);
      const description = await meta('description').getAttribute('content');
      expect(description).toMatch(/\S{3,}/);
      await expect(head.locator('link[rel="canonical"]')).toHaveAttribute('href', `${site}${url}`);
      await expect(head.locator('link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${site}/atom.xml`);
      await expect(meta('og:title')).toHaveAttribute('content', title);
      await expect(meta('og:description')).toHaveAttribute('content', description ?? '');
      await expect(meta('og:url')).toHaveAttribute('content', `${site}${url}`);
      // No shipped page has a date, so none is an article.
      await expect(meta('og:type')).toHaveAttribute('content', 'website');
      await expect(meta('og:site_name')).toHaveAttribute('content', 'Portfolio');
      await expect(meta('og:locale')).toHaveAttribute('content', 'en_US');
      await expect(meta('og:image:width')).toHaveAttribute('content', '1200');
      await expect(meta('og:image:height')).toHaveAttribute('content', '630');
      await expect(meta('og:image:alt')).toHaveAttribute('content', url === '/' ? 'Portfolio' : `${title} · Portfolio`);
      await expect(meta('twitter:card')).toHaveAttribute('content', 'summary_large_image');
      await expect(meta('twitter:title')).toHaveAttribute('content', title);

      const image = await meta('og:image').getAttribute('content');
      expect(await meta('twitter:image').getAttribute('content')).toBe(image);
      const response = await page.request.get(local(image ?? ''));
      expect(response.status()).toBe(200);
      expect(response.headers()['content-type']).toMatch(/^image\/png/);
      expect(pngSize(await response.body())).toEqual({ width: 1200, height: 630 });
      expect(problems).toEqual([]);
    });
  }

  test('each page has its own preview image', async ({ request }) => {
    const images = await Promise.all(allPages.map(async ({ url }) => (await request.get(`/og/${url === '/' ? 'index' : url.slice(1, -1)}.png`)).body()));
    expect(new Set(images.map((image) => image.toString('base64'))).size).toBe(allPages.length);
  });

  test('sitemap.xml lists every page once, with absolute URLs', async ({ request }) => {
    const response = await request.get('/sitemap.xml');
    expect(response.status()).toBe(200);
    const urlset = parseXml(await response.text());
    expect(urlset.localName).toBe('urlset');
    expect(urlset.namespaceURI).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locations = childElements(urlset, 'url').map((entry) => childText(entry, 'loc'));
    expect(locations.sort()).toEqual(allPages.map(({ url }) => `${site}${url}`).sort());
  });

  test('robots.txt allows everything and names the sitemap', async ({ request }) => {
    const text = await (await request.get('/robots.txt')).text();
    expect(text).toMatch(/^User-Agent: \*$/m);
    expect(text).toMatch(/^Allow: \/$/m);
    expect(text).not.toMatch(/^Disallow:/m);
    expect(text).toMatch(new RegExp(`^Sitemap: ${site}/sitemap.xml$`, 'm'));
  });

  test('atom.xml is a valid Atom feed, empty while no page is dated', async ({ request }) => {
    const feed = parseXml(await (await request.get('/atom.xml')).text());
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe('http://www.w3.org/2005/Atom');
    expect(childText(feed, 'id')).toBe(`${site}/`);
    expect(childText(feed, 'title')).toBe('Portfolio');
    expect(childText(feed, 'updated')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(childText(childElements(feed, 'author')[0]!, 'name')).toBe('The portfolio authors');
    expect(childElements(feed, 'link').map((link) => `${link.getAttribute('rel')} ${link.getAttribute('href')}`)).toEqual([`self ${site}/atom.xml`, `alternate ${site}/`]);
    expect(childElements(feed, 'entry')).toEqual([]);
  });

  test('about pages describe the site’s author as JSON-LD; other pages carry none', async ({ page }) => {
    for (const { url, title } of allPages) {
      await page.goto(url);
      const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
      if (!/^\/about/.test(url)) {
        expect(blocks, url).toEqual([]);
        continue;
      }
      expect(blocks, url).toHaveLength(1);
      expect(JSON.parse(blocks[0] ?? '')).toEqual({
        '@context': 'https://schema.org',
        '@type': 'ProfilePage',
        url: `${site}${url}`,
        name: title,
        description: await page.locator('meta[name="description"]').getAttribute('content'),
        inLanguage: 'en',
        mainEntity: { '@type': 'Person', name: 'The portfolio authors', url: `${site}/` },
      });
    }
  });

  test('the 404 page links the feed too', async ({ page }) => {
    await page.goto('/no-such-page/');
    await expect(page.locator('head link[rel="alternate"][type="application/atom+xml"]')).toHaveAttribute('href', `${site}/atom.xml`);
  });
});
