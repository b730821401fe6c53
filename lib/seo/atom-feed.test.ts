import { DOMParser, type Element } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { atomFeed } from './atom-feed';
import { seoPageFor, type SeoPage } from './seo-page';
import { testSite, underDocs } from './test-site';

const site = testSite();
const atom = 'http://www.w3.org/2005/Atom';
const page = (url: string, overrides: Partial<SeoPage>): SeoPage => ({ ...seoPageFor(undefined, site), url, slug: url.split('/').filter(Boolean), title: url, ...overrides });

/** Parses the feed as XML, failing on any well-formedness error, and reads it back. */
function parse(xml: string) {
  const errors: string[] = [];
  const document = new DOMParser({ onError: (level, message) => void errors.push(`${level}: ${message}`) }).parseFromString(xml, 'text/xml');
  expect(errors).toEqual([]);
  const feed = document.documentElement;
  if (!feed) throw new Error('no root element');
  const children = (element: Element, name: string) => [...element.childNodes].filter((node): node is Element => node.nodeType === 1 && (node as Element).localName === name);
  const text = (element: Element, name: string) => children(element, name)[0]?.textContent ?? undefined;
  return { feed, children, text };
}

describe('atomFeed', () => {
  it('is a valid Atom 1.0 feed of the dated pages, newest first, with absolute URLs under the base path', () => {
    const xml = atomFeed(
      [
        page('/about/', {}),
        page('/old/', { title: 'Old & <first>', date: '2023-01-02', description: 'The "first" post.' }),
        page('/new/', { title: 'New', date: '2024-05-01', updated: '2024-06-01', lang: 'de' }),
        page('/edited/', { title: 'Only updated', updated: '2023-06-01' }),
      ],
      site,
      underDocs,
    );
    const { feed, children, text } = parse(xml);
    expect(feed.localName).toBe('feed');
    expect(feed.namespaceURI).toBe(atom);
    expect(text(feed, 'id')).toBe('https://jane.example/docs/');
    expect(text(feed, 'title')).toBe('Jane’s <Site>');
    expect(text(feed, 'updated')).toBe('2024-06-01T00:00:00Z');
    expect(children(children(feed, 'author')[0]!, 'name')[0]?.textContent).toBe('Jane Doe');
    const links = children(feed, 'link').map((link) => [link.getAttribute('rel'), link.getAttribute('type'), link.getAttribute('href')]);
    expect(links).toEqual([
      ['self', 'application/atom+xml', 'https://jane.example/docs/atom.xml'],
      ['alternate', 'text/html', 'https://jane.example/docs/'],
    ]);

    const entries = children(feed, 'entry');
    expect(entries.map((entry) => text(entry, 'id'))).toEqual([
      'https://jane.example/docs/new/',
      'https://jane.example/docs/edited/',
      'https://jane.example/docs/old/',
    ]);
    const [newest, edited, oldest] = entries as [Element, Element, Element];
    expect(newest.getAttribute('xml:lang')).toBe('de');
    expect(text(newest, 'published')).toBe('2024-05-01T00:00:00Z');
    expect(text(newest, 'updated')).toBe('2024-06-01T00:00:00Z');
    expect(children(newest, 'link')[0]?.getAttribute('href')).toBe('https://jane.example/docs/new/');
    expect(text(edited, 'published')).toBeUndefined();
    expect(text(edited, 'updated')).toBe('2023-06-01T00:00:00Z');
    expect(text(oldest, 'title')).toBe('Old & <first>');
    expect(text(oldest, 'summary')).toBe('The "first" post.');
    expect(text(oldest, 'updated')).toBe('2023-01-02T00:00:00Z');
    // RFC 4287: every entry has id, title, updated and (without content) a link and summary.
    for (const entry of entries) for (const name of ['id', 'title', 'updated', 'summary']) expect(children(entry, name)).toHaveLength(1);
  });

  it('is still a valid feed, with every required element, when no page is dated', () => {
    const { feed, children, text } = parse(atomFeed([page('/about/', {})], site, underDocs));
    expect(children(feed, 'entry')).toEqual([]);
    for (const name of ['id', 'title', 'updated', 'author']) expect(children(feed, name)).toHaveLength(1);
    expect(text(feed, 'updated')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
  });

  it('drops characters XML cannot carry', () => {
    const xml = atomFeed([page('/a/', { title: 'Bell\u0007 here', date: '2024-01-01' })], site, underDocs);
    const { feed, children, text } = parse(xml);
    expect(text(children(feed, 'entry')[0]!, 'title')).toBe('Bell here');
  });
});
