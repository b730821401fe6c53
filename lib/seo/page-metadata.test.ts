import { describe, expect, it } from 'vitest';
import { pageMetadata } from './page-metadata';
import { documentTitle, openGraphLocale, seoPageFor, type SeoPage } from './seo-page';
import { testSite, underDocs } from './test-site';

const site = testSite();
const page = (overrides: Partial<SeoPage> = {}): SeoPage => ({
  ...seoPageFor(undefined, site),
  url: '/notes/queues/',
  slug: ['notes', 'queues'],
  title: 'Notes on queues',
  description: 'What I learned.',
  ...overrides,
});

describe('pageMetadata', () => {
  it('shows the photo the build cropped for the page, under the base path, or another site’s picture as it is', () => {
    const photo = pageMetadata(page({ preview: { url: '/_img/0123456789abcdef/trip-preview.jpg', width: 1200, height: 630 } }), { site, absoluteUrl: underDocs });
    const image = { url: 'https://jane.example/docs/_img/0123456789abcdef/trip-preview.jpg', width: 1200, height: 630, alt: 'Notes on queues · Jane’s <Site>', type: 'image/jpeg' };
    expect(photo.openGraph?.images).toEqual([image]);
    expect(photo.twitter?.images).toEqual([{ url: image.url, alt: image.alt }]);
    const remote = pageMetadata(page({ preview: { url: 'https://cdn.example/p.webp' } }), { site, absoluteUrl: underDocs });
    expect(remote.openGraph?.images).toEqual([{ url: 'https://cdn.example/p.webp', alt: 'Notes on queues · Jane’s <Site>' }]);
  });

  it('gives an undated page a canonical URL, feed link, OpenGraph website and a large X card, all absolute under the base path', () => {
    const metadata = pageMetadata(page(), { site, absoluteUrl: underDocs });
    expect(metadata.title).toBe('Notes on queues · Jane’s <Site>');
    expect(metadata.description).toBe('What I learned.');
    expect(metadata.alternates).toEqual({
      canonical: 'https://jane.example/docs/notes/queues/',
      types: { 'application/atom+xml': [{ url: 'https://jane.example/docs/atom.xml', title: 'Jane’s <Site>' }] },
    });
    expect(metadata.openGraph).toEqual({
      type: 'website',
      title: 'Notes on queues',
      description: 'What I learned.',
      url: 'https://jane.example/docs/notes/queues/',
      siteName: 'Jane’s <Site>',
      locale: 'en_US',
      images: [{ url: 'https://jane.example/docs/og/notes/queues.png', width: 1200, height: 630, alt: 'Notes on queues · Jane’s <Site>', type: 'image/png' }],
    });
    expect(metadata.twitter).toEqual({
      card: 'summary_large_image',
      title: 'Notes on queues',
      description: 'What I learned.',
      images: [{ url: 'https://jane.example/docs/og/notes/queues.png', alt: 'Notes on queues · Jane’s <Site>' }],
    });
  });

  it('makes a dated page an article with its published and modified times and credits the X handle', () => {
    const metadata = pageMetadata(page({ date: '2024-05-01', updated: '2024-06-02T10:00:00+02:00', lang: 'pt-BR' }), {
      site: testSite({ twitter: '@jane' }),
      absoluteUrl: underDocs,
    });
    expect(metadata.openGraph).toMatchObject({
      type: 'article',
      publishedTime: '2024-05-01T00:00:00Z',
      modifiedTime: '2024-06-02T08:00:00.000Z',
      authors: ['Jane Doe'],
      locale: 'pt_BR',
    });
    expect(metadata.twitter).toMatchObject({ site: '@jane', creator: '@jane' });
  });

  it('describes the home page of a site without content/index.md from the site config', () => {
    const home = seoPageFor(undefined, site);
    const metadata = pageMetadata(home, { site, absoluteUrl: underDocs });
    expect(metadata.title).toBe('Jane’s <Site>');
    expect(metadata.alternates?.canonical).toBe('https://jane.example/docs/');
    expect(metadata.openGraph).toMatchObject({ images: [{ url: 'https://jane.example/docs/og/index.png', alt: 'Jane’s <Site>' }] });
    expect(documentTitle(page(), site)).toBe('Notes on queues · Jane’s <Site>');
  });
});

describe('openGraphLocale', () => {
  it('turns language tags into language_TERRITORY with the likeliest territory', () => {
    expect(openGraphLocale('en')).toBe('en_US');
    expect(openGraphLocale('de')).toBe('de_DE');
    expect(openGraphLocale('en-GB')).toBe('en_GB');
    expect(openGraphLocale('zh-Hant')).toBe('zh_TW');
  });
});

describe('site config', () => {
  it('accepts an X handle and author profiles, and rejects malformed ones', () => {
    expect(testSite({ twitter: '@jane_doe', authorProfiles: ['https://github.com/jane'] }).twitter).toBe('@jane_doe');
    expect(() => testSite({ twitter: 'jane' })).toThrow(/X \(Twitter\) handle/);
    expect(() => testSite({ authorProfiles: ['javascript:alert(1)'] })).toThrow();
    expect(() => testSite({ twiter: '@jane' })).toThrow(/twiter/);
  });
});
