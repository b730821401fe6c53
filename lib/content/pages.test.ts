import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { site } from '@/lib/site';
import { ContentErrors } from '@/lib/errors';
import { slugForFile, urlForSlug } from './page-urls';
import { listContentFiles, loadPages, readPages } from './pages';

const contentFolder = (files: Record<string, string>) => tempFolder('content', files);

async function problemsIn(directory: string): Promise<string[]> {
  try {
    await loadPages(directory);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((each) => each.problem);
    throw error;
  }
  return [];
}

describe('URLs', () => {
  it.each([
    ['about.md', ['about'], '/about/'],
    ['notes/x.md', ['notes', 'x'], '/notes/x/'],
    ['notes/index.mdx', ['notes'], '/notes/'],
    ['index.md', [], '/'],
  ])('%s → %s', (file, slug, url) => {
    expect(slugForFile(file)).toEqual(slug);
    expect(urlForSlug(slugForFile(file))).toBe(url);
  });
});

describe('loadPages', () => {
  it('makes a page of every .md and .mdx file, sorted by URL, and skips other files', async () => {
    const directory = contentFolder({
      'about.md': '# About\n',
      'notes/x.mdx': '---\ntitle: X\n---\n',
      'notes/index.md': '---\ntitle: Notes\n---\n',
      'image.png': '',
      '_partial.md': '# Not a page\n',
    });
    const pages = await loadPages(directory);
    expect(pages.map((page) => [page.url, page.format])).toEqual([
      ['/about/', 'md'],
      ['/notes/', 'md'],
      ['/notes/x/', 'mdx'],
    ]);
  });

  it('does not publish drafts', async () => {
    const directory = contentFolder({ 'a.md': '---\ntitle: A\n---\n', 'b.md': '---\ntitle: B\ndraft: true\n---\n' });
    expect((await loadPages(directory)).map((page) => page.url)).toEqual(['/a/']);
  });

  it('rejects two files that claim one URL, drafts included', async () => {
    const directory = contentFolder({
      'about.md': '# A\n',
      'about.mdx': '# B\n',
      'notes.md': '# C\n',
      'notes/index.md': '---\ntitle: D\ndraft: true\n---\n',
    });
    expect(await problemsIn(directory)).toEqual([
      expect.stringMatching(/about\.md and .*about\.mdx both make the page \/about\//),
      expect.stringMatching(/notes\.md and .*notes\/index\.md both make the page \/notes\//),
    ]);
  });

  it('reports every broken file in one go', async () => {
    const directory = contentFolder({
      'a.md': '---\nmaht: true\n---\n# A\n',
      'b.md': '---\ninsert_anchor_links: middle\n---\n# B\n',
      'c.md': 'No title here.\n',
      'd.md': '# Fine\n',
    });
    expect(await problemsIn(directory)).toHaveLength(3);
  });

  it('takes the title from the first # heading and lets the body render it', async () => {
    const directory = contentFolder({ 'a.md': '<!-- note -->\n\n# About *me*\n\nText.\n' });
    const [page] = await loadPages(directory);
    expect(page).toMatchObject({ title: 'About me', heading: null, description: 'Text.' });
  });

  it.each([
    ['a setext heading', 'About me\n========\n\nText.\n', 'About me'],
    ['inline markup, code, links and images', '# The `run()` call, **bold** _and_ [linked](/x/) ![pictured](/a.png)\n', 'The run() call, bold and linked pictured'],
    ['escapes and entities', '# 1\\. Cats \\*and\\* dogs &amp; more &copy;\n', '1. Cats *and* dogs & more ©'],
    ['inline HTML, which the page drops', '# Press <kbd>Ctrl</kbd>+C\n', 'Press Ctrl+C'],
    ['a closing sequence', '# About ##\n', 'About'],
    ['a heading after an HTML comment, raw HTML and a link definition', '<!--\nnotes\n\nmore notes\n-->\n\n<div>dropped</div>\n\n[home]: /\n\n# About\n', 'About'],
    ['a reference whose definition ends the page', `# About [me][me]\n\n${'Words. '.repeat(400)}\n\n[me]: /about/\n`, 'About me'],
  ])('reads the title as the page shows it: %s', async (_, source, title) => {
    const [page] = await loadPages(contentFolder({ 'a.md': source }));
    expect(page).toMatchObject({ title, heading: null });
  });

  it('does not take a heading that does not open the page, nor a lower level one', async () => {
    const { errors } = await readPages(contentFolder({ 'a.md': 'Intro.\n\n# Later\n', 'b.md': 'About\n-----\n', 'c.md': '    # indented code\n' }));
    expect(errors.map((error) => error.problem)).toEqual(['page has no title.', 'page has no title.', 'page has no title.']);
  });

  it('reads .mdx as MDX: comments first, literals shown; a page MDX cannot read still has its title for the compile to report on', async () => {
    const [page] = await loadPages(contentFolder({ 'a.mdx': '{/* draft */}\n\n# About {"us"}\n\nWe are{" "}<abbr title="two">2</abbr>.\n' }));
    expect(page).toMatchObject({ title: 'About us', heading: null, description: 'We are 2.' });
    const [broken] = await loadPages(contentFolder({ 'a.mdx': '# About\n\nText.\n\n<div>\n\nnever closed\n' }));
    expect(broken).toMatchObject({ title: 'About', description: 'Text.' });
  });

  it('reads on past a page whose opening the parser cannot read', async () => {
    // A JSX element in a reference's label trips an assertion in mdast-util-from-markdown (found by the property test).
    const { pages, errors } = await readPages(contentFolder({ 'a.mdx': '---\ntitle: A\n---\n\n[<meta name="a">][r]\n\n[r]: /x\n', 'b.md': '# B\n' }));
    expect(errors).toEqual([]);
    expect(pages.map((page) => [page.title, page.description])).toEqual([
      ['A', site.description],
      ['B', site.description],
    ]);
  });

  it('describes a page by its whole first paragraph, past lists, quotes, tables, code, rules and equations', async () => {
    const before = '# T\n\n- a list\n\n> a quote\n\n| a |\n| - |\n| 1 |\n\n```\ncode\n```\n\n    indented code\n\n***\n\n$$x^2$$\n\n';
    const source = `---\nmath: true\n---\n${before}The *first* paragraph,\nover two lines  \nwith a [link][l] and a note[^1].\n\n[l]: https://example.com/\n[^1]: A note.\n`;
    const [page] = await loadPages(contentFolder({ 'a.md': source }));
    expect(page?.description).toBe('The first paragraph, over two lines with a link and a note.');
  });

  it('reads a page no further than its opening: a paragraph of 200 KB is described by its first words', async () => {
    const [page] = await loadPages(contentFolder({ 'a.md': `# T\n\n${'word '.repeat(40_000)}\n` }));
    expect(page?.description).toBe(`${'word '.repeat(31)}word…`);
  });

  it('shows extra.title as the h1 and keeps title for <title>, as Zola’s serene theme does', async () => {
    const directory = contentFolder({ 'a.md': '+++\ntitle = "About me"\n[extra]\ntitle = "About"\nlang = "de"\n+++\nText\n' });
    const [page] = await loadPages(directory);
    expect(page).toMatchObject({ title: 'About me', heading: 'About', lang: 'de', frontMatterFormat: 'toml' });
  });

  it('reads the preview picture from `image` or serene’s extra.og_image, with its line, and refuses one that is neither a site picture nor https', async () => {
    const directory = contentFolder({
      'a.md': '---\ntitle: A\nimage: trip.jpg\n---\nText\n',
      'b.md': '+++\ntitle = "B"\n[extra]\nog_image = "/img/b.png"\n+++\nText\n',
      'c.md': '# C\n',
    });
    expect((await loadPages(directory)).map((page) => page.previewImage)).toEqual([{ src: 'trip.jpg', line: 3 }, { src: '/img/b.png', line: 4 }, undefined]);
    expect(await problemsIn(contentFolder({ 'x.md': '---\ntitle: X\nimage: "javascript:alert(1)"\n---\n' }))).toEqual([expect.stringMatching(/^the preview picture "javascript:alert\(1\)" is neither/)]);
  });

  it('resolves every flag from front matter, then [extra], then the site defaults', async () => {
    const directory = contentFolder({
      'plain.md': '# Plain\n',
      'zola.md': '+++\ntitle = "Z"\ninsert_anchor_links = "left"\n[extra]\nmath = true\ntoc = true\n+++\n',
    });
    const [plain, zola] = await loadPages(directory);
    expect(plain?.options).toEqual({ ...site.defaults, template: 'prose' });
    expect(plain?.lang).toBe(site.lang);
    expect(zola?.options).toMatchObject({ math: true, toc: true, insert_anchor_links: 'left' });
  });

  it('refuses a flag set twice with different values', async () => {
    const directory = contentFolder({ 'a.md': '+++\ntitle = "A"\nmath = false\n[extra]\nmath = true\n+++\n' });
    expect(await problemsIn(directory)).toEqual([expect.stringContaining('`math` is set twice')]);
  });

  it('reads a name as its URL shows it: spaces at the ends, reserved URLs and hidden segments are errors', async () => {
    const directory = contentFolder({
      ' _headers.md': '# Headers\n',
      ' .well-known.md': '# Well known\n',
      'about.md ': '# About\n',
      'og.md': '# OG\n',
      '(_next).md': '# Next\n',
      ' drafts/x.md': '# X\n',
      '_partial.md': '# Not a page\n',
      'fine.md': '# Fine\n',
    });
    const { pages, errors } = await readPages(directory);
    expect(pages.map((page) => page.url)).toEqual(['/fine/']);
    expect(errors.map((error) => `${path.basename(error.location.file)}:${error.location.line}: ${error.problem}`).sort()).toEqual([
      ' .well-known.md:1: the file name " .well-known.md" starts with a space, which its URL (/.well-known/) does not show.',
      ' _headers.md:1: the file name " _headers.md" starts with a space, which its URL (/_headers/) does not show.',
      '(_next).md:1: makes the URL /_next/, but /_next/ is reserved: it holds Next.js\'s stylesheets and fonts.',
      'about.md :1: the file name "about.md " ends with a space, which its URL (/about/) does not show.',
      'og.md:1: makes the URL /og/, but /og/ is reserved: it holds the preview images.',
      'x.md:1: the folder name " drafts" starts with a space, which its URL (/drafts/x/) does not show.',
    ]);
  });

  it('refuses a content folder that is a symbolic link, and lists nothing through it', async () => {
    const elsewhere = contentFolder({ 'a.md': '# A\n' });
    const directory = path.join(tempFolder('project', {}), 'content');
    fs.symlinkSync(elsewhere, directory);
    const { pages, errors } = await readPages(directory);
    expect(pages).toEqual([]);
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/^[^:]*content\/: is a symbolic link to .*; the build reads content\/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine\. Replace the link with the folder itself/),
    ]);
    expect(listContentFiles(directory)).toEqual([]);
  });

  it('loads the shipped content: the four seed pages', async () => {
    const pages = await loadPages();
    expect(pages.map((page) => page.url)).toEqual(['/about-me/', '/about/', '/education/', '/software-philosophy/']);
    const zola = pages.find((page) => page.url === '/about-me/');
    expect(zola).toMatchObject({ title: 'About me', heading: 'About', lang: 'en', frontMatterFormat: 'toml' });
    expect(zola?.options).toMatchObject({ math: true, insert_anchor_links: 'none', template: 'prose', mermaid: false });
  });
});
