import { describe, expect, it } from 'vitest';
import { renderPage } from '@/lib/testing/render-page';

const page = (frontMatter: string, body: string) => `---\ntitle: T\n${frontMatter}---\n\n${body}`;
const sections = '# Title\n\nIntro.\n\n## First part\n\n### A detail\n\n### Another detail\n\n## Second `part`\n\n#### Too deep\n\nText.\n';

/** The contents nav of a rendered page, or undefined. */
const navOf = (html: string) => html.match(/<nav class="toc"[\s\S]*?<\/nav>/)?.[0];

describe('table of contents', () => {
  it('lists h2 and h3, each h3 under its h2, linking to the heading ids, in a named nav', async () => {
    const html = await renderPage('a.md', page('toc: true\ninsert_anchor_links: none\n', sections));
    expect(navOf(html)).toBe(
      '<nav class="toc" aria-label="On this page"><p class="toc-title" aria-hidden="true">On this page</p><ul>' +
        '<li><a href="#first-part">First part</a><ul><li><a href="#a-detail">A detail</a></li><li><a href="#another-detail">Another detail</a></li></ul></li>' +
        '<li><a href="#second-part">Second part</a></li></ul></nav>',
    );
    expect(html).toContain('<h2 id="first-part">First part</h2>');
  });

  it('sits after a leading # title and before the text', async () => {
    const html = await renderPage('a.md', page('toc: true\n', sections));
    expect(html.indexOf('<nav')).toBeGreaterThan(html.indexOf('<h1'));
    expect(html.indexOf('<nav')).toBeLessThan(html.indexOf('<p>Intro.</p>'));
  });

  it('opens the body when the page has no # title', async () => {
    const html = await renderPage('a.md', page('toc: true\n', 'Intro.\n\n## One\n\n## Two\n'));
    expect(html.startsWith('<nav class="toc"')).toBe(true);
  });

  it('carries the heading text without the permalink, in every anchor mode', async () => {
    for (const mode of ['left', 'right', 'heading']) {
      const nav = navOf(await renderPage('a.md', page(`toc: true\ninsert_anchor_links: ${mode}\n`, sections)));
      expect(nav, mode).toContain('<a href="#first-part">First part</a>');
      expect(nav, mode).not.toContain('#</');
      expect(nav, mode).not.toContain('Link to section');
    }
  });

  it('works the same in .mdx, and leaves {expressions} out of the entries', async () => {
    const source = page('toc: true\ninsert_anchor_links: none\n', '# Title\n\n## Since {2024}\n\n## Later\n');
    const html = await renderPage('a.mdx', source);
    expect(html).toMatch(/^<h1 id="title">Title<\/h1>\n?<nav class="toc" aria-label="On this page">/);
    expect(navOf(html)).toContain('<a href="#later">Later</a>');
    expect(html).toContain('>Since 2024</h2>');
    // The expression's source is code, not text a reader sees.
    expect(navOf(html)).not.toContain('{');
  });

  it('gives repeated headings their own entries and ids', async () => {
    const nav = navOf(await renderPage('a.md', page('toc: true\n', '## Notes\n\n## Notes\n')));
    expect(nav).toContain('<a href="#notes">Notes</a></li><li><a href="#notes-1">Notes</a>');
  });

  it('lists an h3 that comes before any h2 on its own level', async () => {
    const nav = navOf(await renderPage('a.md', page('toc: true\n', '### Early\n\n## Main\n\n### Under main\n')));
    expect(nav).toContain('<ul><li><a href="#early">Early</a></li><li><a href="#main">Main</a><ul><li><a href="#under-main">Under main</a>');
  });

  it('leaves out the hidden Footnotes heading of GitHub footnotes', async () => {
    const nav = navOf(await renderPage('a.md', page('toc: true\n', '## One\n\nA note[^1].\n\n## Two\n\n[^1]: The note.\n')));
    expect(nav).not.toContain('Footnotes');
  });

  it('makes no nav for a page with fewer than two headings, nor without the flag', async () => {
    expect(navOf(await renderPage('a.md', page('toc: true\n', '# Title\n\n## Only one\n\nText.\n')))).toBeUndefined();
    expect(navOf(await renderPage('a.md', page('toc: true\n', 'No headings.\n')))).toBeUndefined();
    expect(navOf(await renderPage('a.md', page('toc: false\n', sections)))).toBeUndefined();
    expect(navOf(await renderPage('a.md', page('', sections)))).toBeUndefined();
  });

  it('accepts the flag in Zola’s [extra] table', async () => {
    const html = await renderPage('a.md', `+++\ntitle = "Z"\n[extra]\ntoc = true\n+++\n\n## One\n\n## Two\n`);
    expect(navOf(html)).toContain('<a href="#two">Two</a>');
  });
});
