import { describe, expect, it } from 'vitest';
import { seoPageFor, type SeoPage } from './seo-page';
import { sitemapEntries } from './sitemap';
import { testSite, underDocs } from './test-site';

const site = testSite();
const page = (url: string, overrides: Partial<SeoPage> = {}): SeoPage => ({ ...seoPageFor(undefined, site), url, title: url, ...overrides });

describe('sitemapEntries', () => {
  it('lists the home page first and every page once, absolute, with the last change from updated, else date', () => {
    expect(sitemapEntries([page('/b/', { date: '2024-01-01', updated: '2024-02-01' }), page('/a/', { date: '2023-05-06' }), page('/c/')], underDocs)).toEqual([
      { url: 'https://jane.example/docs/' },
      { url: 'https://jane.example/docs/a/', lastModified: '2023-05-06T00:00:00Z' },
      { url: 'https://jane.example/docs/b/', lastModified: '2024-02-01T00:00:00Z' },
      { url: 'https://jane.example/docs/c/' },
    ]);
  });

  it('takes the home page’s date from content/index.md when there is one', () => {
    expect(sitemapEntries([page('/', { updated: '2024-03-03' })], underDocs)).toEqual([{ url: 'https://jane.example/docs/', lastModified: '2024-03-03T00:00:00Z' }]);
  });
});
