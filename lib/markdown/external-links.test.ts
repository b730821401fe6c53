import { describe, expect, it } from 'vitest';
import { renderPage } from '@/lib/testing/render-page';
import { site } from '@/lib/site';
import { isExternalHref, linkRel } from './external-links';

const siteUrl = 'https://example.com';

describe('isExternalHref', () => {
  it.each([
    ['https://other.org/page', true],
    ['http://other.org', true],
    ['//cdn.other.org/x.js', true],
    ['HTTPS://OTHER.ORG', true],
    ['https://www.example.com/', true],
    ['https://example.com:8443/', true],
    ['https://example.com/about/', false],
    ['http://example.com/about/', false],
    ['https://EXAMPLE.com/', false],
    ['/about/', false],
    ['about/', false],
    ['#section', false],
    ['?q=1', false],
    ['mailto:me@other.org', false],
    ['tel:+15555550100', false],
    ['https://', false],
  ])('%s → %s', (href, external) => {
    expect(isExternalHref(href, siteUrl)).toBe(external);
  });

  // Browsers read `\` as `/` in http(s) URLs and drop tabs, newlines and the spaces around a URL
  // (https://url.spec.whatwg.org/#relative-slash-state), so every one of these goes to another host.
  it.each([
    ['\\\\other.org/x', true],
    ['/\\other.org', true],
    ['\\/other.org', true],
    ['/\t/other.org', true],
    ['/\n\\other.org', true],
    [' //other.org', true],
    ['\u0000//other.org', true],
    ['http:other.org', true],
    ['https:\\\\other.org', true],
    ['\\\\example.com/about/', false],
    ['\\about', false],
    ['%5C%5Cother.org', false],
    ['https:other.org', false],
    ['\u00a0//other.org', false],
  ])('%j, read as a browser reads it → %s', (href, external) => {
    expect(isExternalHref(href, siteUrl)).toBe(external);
    expect(new URL(href, siteUrl).host !== 'example.com').toBe(external);
  });
});

describe('linkRel', () => {
  it('marks other sites external, without an opener or a referrer', () => {
    expect(linkRel('https://other.org', undefined, undefined, siteUrl)).toBe('external noopener noreferrer');
  });

  it('keeps the author’s own tokens and adds none twice', () => {
    expect(linkRel('https://social.example/@me', 'me nofollow', undefined, siteUrl)).toBe('me nofollow external noopener noreferrer');
    expect(linkRel('https://other.org', 'NoOpener', undefined, siteUrl)).toBe('NoOpener external noreferrer');
  });

  it('gives a new-tab link on this site noopener only', () => {
    expect(linkRel('/about/', undefined, '_blank', siteUrl)).toBe('noopener');
    expect(linkRel('/about/', undefined, 'preview', siteUrl)).toBe('noopener');
  });

  it('leaves links within the page’s own tab alone', () => {
    for (const target of [undefined, '_self', '_top', '_parent']) expect(linkRel('/about/', undefined, target, siteUrl)).toBeUndefined();
    expect(linkRel('mailto:me@other.org', undefined, undefined, siteUrl)).toBeUndefined();
  });
});

describe('external links in pages', () => {
  const other = 'https://other.org/x';
  const links = `[out](${other}) [about](/about/) [part](#t) [mail](mailto:a@b.org) [call](tel:+15555550100) [home](${site.baseUrl}/about/)`;
  // <…> autolinks are Markdown only: MDX reads them as JSX.
  const markdown = `# T\n\n${links} <https://auto.example>\n`;

  it('in .md: other sites get rel; site paths, fragments, mailto, tel and the site’s own URL do not', async () => {
    const html = await renderPage('a.md', markdown);
    expect(html).toContain(`<a href="${other}" rel="external noopener noreferrer">out</a>`);
    expect(html).toContain('<a href="https://auto.example" rel="external noopener noreferrer">https://auto.example</a>');
    expect(html).toContain('<a href="/about/">about</a>');
    expect(html).toContain('<a href="#t">part</a>');
    expect(html).toContain('<a href="mailto:a@b.org">mail</a>');
    expect(html).toContain('<a href="tel:+15555550100">call</a>');
    expect(html).toContain(`<a href="${site.baseUrl}/about/">home</a>`);
  });

  it('in .mdx: Markdown links and JSX links with literal attributes, target="_blank" included', async () => {
    const source = `---\ntitle: T\n---\n\n${links}\n\n<a href="${other}" target="_blank">jsx</a> <a href="/in/" target="_blank">tab</a> <a href="https://mastodon.example/@me" rel="me">me</a>\n`;
    const html = await renderPage('a.mdx', source);
    expect(html).toContain(`<a href="${other}" rel="external noopener noreferrer">out</a>`);
    expect(html).toContain('<a href="/about/">about</a>');
    expect(html).toContain(`<a href="${other}" target="_blank" rel="external noopener noreferrer">jsx</a>`);
    expect(html).toContain('<a href="/in/" target="_blank" rel="noopener">tab</a>');
    expect(html).toContain('<a href="https://mastodon.example/@me" rel="me external noopener noreferrer">me</a>');
  });

  it('in .mdx: links to another host written with backslashes or a tab are external too', async () => {
    const source = `---\ntitle: T\n---\n\n<a href="\\\\other.org/x">a</a> <a href="/\\other.org">b</a> <a href="\\/other.org">c</a> <a href="/&#x09;/other.org">d</a> <a href={"\\\\\\\\other.org"}>e</a>\n`;
    const html = await renderPage('a.mdx', source);
    expect(html).toContain('<a href="\\\\other.org/x" rel="external noopener noreferrer">a</a>');
    expect(html).toContain('<a href="/\\other.org" rel="external noopener noreferrer">b</a>');
    expect(html).toContain('<a href="\\/other.org" rel="external noopener noreferrer">c</a>');
    expect(html).toContain('<a href="/\t/other.org" rel="external noopener noreferrer">d</a>');
    expect(html).toContain('<a href="\\\\other.org" rel="external noopener noreferrer">e</a>');
  });

  it('in .md: backslashes in a link are percent-encoded, so the link stays on the site', async () => {
    const html = await renderPage('a.md', '# T\n\n[a](\\\\\\\\other.org/x) [b](/\\\\other.org)\n');
    expect(html).toContain('<a href="%5C%5Cother.org/x">a</a> <a href="/%5Cother.org">b</a>');
  });

  it('in .mdx: a JSX link whose href is an {expression} is settled when the page renders', async () => {
    // The content policy allows only literal expressions (lib/markdown/content-policy.ts); they reach
    // components/content-link.tsx, which applies the same rule as the compile-time plugin.
    const source = `---\ntitle: T\n---\n\n<a href={"https://other.org"} target="_blank">computed</a> <a href={"/in/"}>inside</a>\n`;
    const html = await renderPage('a.mdx', source);
    expect(html).toContain('<a href="https://other.org" target="_blank" rel="external noopener noreferrer">computed</a>');
    expect(html).toContain('<a href="/in/">inside</a>');
  });
});
