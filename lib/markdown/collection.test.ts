import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import type { CollectionItem } from './collection-items';
import { compileMarkdown, type CompiledBody } from './index';

const options = { math: false, mermaid: false, toc: false, insert_anchor_links: 'none' as const };

async function compile(format: 'md' | 'mdx', body: string, collections: Record<string, CollectionItem[]>): Promise<CompiledBody & { rendered: string }> {
  const compiled = await compileMarkdown(
    { file: `content/projects/_index.${format}`, format, frontMatterFormat: 'toml', options, body, bodyStartLine: 5, collections },
    { siteUrl: 'https://example.com' },
  );
  return { ...compiled, rendered: compiled.format === 'html' ? compiled.html : renderToStaticMarkup(await MdxContent({ code: compiled.code })) };
}

async function problems(format: 'md' | 'mdx', body: string, collections: Record<string, CollectionItem[]> = {}): Promise<string[]> {
  try {
    await compile(format, body, collections);
  } catch (error) {
    if (error instanceof ContentError) return [error.message];
    if (error instanceof ContentErrors) return error.errors.map((each) => each.message);
    throw error;
  }
  return [];
}

const card: CollectionItem = {
  type: 'card',
  title: 'tidewater',
  subtitle: 'A parser generator for **small** languages',
  date: '2021 – now',
  link: 'https://github.com/mira/tidewater',
  icon: '/img/icon.png',
  content: 'Generates Pratt parsers.\n\nUsed in two compilers.',
  tags: ['rust', 'parsing'],
  featured: true,
};

describe('the collection shortcode', () => {
  it('makes a card an article with its title as a linked heading, the featured mark heard, subtitle and content as Markdown, tags as a list', async () => {
    const { rendered, shownFiles } = await compile('md', '{{ collection(file="projects.toml") }}\n', { 'projects.toml': [card] });
    expect(rendered).toBe(
      '<section class="collection"><article class="collection-item collection-card collection-item-featured">' +
        '<div class="collection-meta"><img src="/img/icon.png" alt="" class="collection-icon" width="16" height="16" loading="lazy" decoding="async">' +
        '<h2 class="collection-title" id="featured-tidewater"><span class="collection-featured" aria-hidden="true">*</span><span class="sr-only">Featured: </span>' +
        '<a href="https://github.com/mira/tidewater" rel="external noopener noreferrer">tidewater</a></h2><p class="collection-date">2021 – now</p></div>' +
        '<p class="collection-subtitle">A parser generator for <strong>small</strong> languages</p>' +
        '<div class="collection-content"><p>Generates Pratt parsers.</p><p>Used in two compilers.</p></div>' +
        '<ul class="collection-tags" aria-label="Tags"><li>rust</li><li>parsing</li></ul></article></section>',
    );
    // The icon is a picture of the site, checked once the bundles are known, at the call's line.
    expect(shownFiles).toEqual([{ src: '/img/icon.png', line: 5 }]);
  });

  it('makes every other type, and gives art its title as alt text while icons and boxes’ pictures stay decorative', async () => {
    const items: CollectionItem[] = [
      { type: 'card_simple', title: 'contours', date: '2024', content: 'Contour lines.' },
      { type: 'entry', title: 'Reading list', subtitle: 'Books', link: 'https://example.com/reading' },
      { type: 'entry', link: 'https://www.example.org/x' },
      { type: 'br' },
      { type: 'box', title: 'Atlas', subtitle: '2023 *as is*', img: 'atlas.png', rotate: true },
      { type: 'art', title: 'Relief', subtitle: 'Shaded, *ink*', img: 'https://cdn.example.com/relief.jpg', content: 'Drawn.', footer: 'Shown 2024' },
      { type: 'art_simple', title: 'Harbour', img: '/img/harbour.jpg' },
    ];
    const { rendered, shownFiles } = await compile('md', 'Intro.\n\n{{ collection(file="projects.toml") }}\n', { 'projects.toml': items });
    expect(rendered).toContain('<article class="collection-item collection-card-simple"><div class="collection-meta"><h2 class="collection-title" id="contours">contours</h2><p class="collection-date">2024</p></div><div class="collection-content"><p>Contour lines.</p></div></article>');
    expect(rendered).toContain('<article class="collection-item collection-entry"><h2 class="collection-title" id="reading-list"><a href="https://example.com/reading">Reading list</a></h2><p class="collection-subtitle">Books</p></article>');
    expect(rendered).toContain('<h2 class="collection-title" id="exampleorg"><a href="https://www.example.org/x" rel="external noopener noreferrer">example.org</a></h2>');
    expect(rendered).toContain('<div class="collection-break" role="presentation"></div>');
    expect(rendered).toContain('<article class="collection-item collection-box"><div class="collection-text"><h2 class="collection-title" id="atlas">Atlas</h2><p class="collection-subtitle">2023 *as is*</p></div><img src="atlas.png" alt="" class="collection-box-img collection-rotate" width="48" height="48" loading="lazy" decoding="async"></article>');
    expect(rendered).toContain('<article class="collection-item collection-art"><img src="https://cdn.example.com/relief.jpg" alt="Relief" class="collection-art-img" height="175" loading="lazy" decoding="async"><h2 class="collection-title" id="relief">Relief</h2><p class="collection-subtitle">Shaded, <em>ink</em></p><div class="collection-content"><p>Drawn.</p></div><p class="collection-footer">Shown 2024</p></article>');
    expect(rendered).toContain('<article class="collection-item collection-art-simple"><img src="/img/harbour.jpg" alt="Harbour" class="collection-art-img" height="175" loading="lazy" decoding="async"><h2 class="collection-title" id="harbour">Harbour</h2></article>');
    // Pictures of other sites are the page's policy's to allow; the site's own are checked.
    expect(shownFiles).toEqual([
      { src: 'atlas.png', line: 7 },
      { src: '/img/harbour.jpg', line: 7 },
    ]);
  });

  it('puts the titles a level below the heading before the collection', async () => {
    const { rendered } = await compile('md', '## Tools\n\n{{ collection(file="a.toml") }}\n\n### Deeper\n\n{{ collection(file="a.toml") }}\n', { 'a.toml': [{ type: 'entry', title: 'A' }] });
    expect(rendered.match(/<h\d class="collection-title"/g)).toEqual(['<h3 class="collection-title"', '<h4 class="collection-title"']);
  });

  it('is the same markup as <Collection> in .mdx', async () => {
    const md = await compile('md', '{{ collection(file="projects.toml") }}\n', { 'projects.toml': [card] });
    const mdx = await compile('mdx', '<Collection file="projects.toml" />\n', { 'projects.toml': [card] });
    // React closes void elements with `/>`.
    expect(mdx.rendered.replaceAll('/>', '>')).toBe(md.rendered);
  });

  it('writes titles, dates and tags as text, and drops raw HTML from Markdown fields', async () => {
    const { rendered } = await compile('md', '{{ collection(file="x.toml") }}\n', {
      'x.toml': [{ type: 'card', title: '<script>alert(1)</script>', date: '<b>now</b>', content: 'A <img src=x onerror=alert(1)> b', tags: ['<i>t</i>'] }],
    });
    expect(rendered).toContain('&#x3C;script>alert(1)&#x3C;/script></h2>');
    expect(rendered).toContain('<p class="collection-date">&#x3C;b>now&#x3C;/b></p>');
    expect(rendered).toContain('<div class="collection-content"><p>A  b</p></div>');
    expect(rendered).toContain('<li>&#x3C;i>t&#x3C;/i></li>');
    expect(rendered).not.toMatch(/<script|<img src="x"/);
  });

  it('refuses a file that climbs out, and a link the content policy refuses, at the call’s line', async () => {
    expect(await problems('md', 'x\n\n{{ collection(file="../../site.config.ts") }}\n')).toEqual([
      expect.stringMatching(/^content\/projects\/_index\.md:7:\d+: `collection`'s `file`: "\.\.\/\.\.\/site\.config\.ts" is not a path inside the page's folder/),
    ]);
    expect(await problems('mdx', '<Collection file="/etc/passwd.toml" />\n')).toEqual([expect.stringMatching(/^content\/projects\/_index\.mdx:5:\d+: `<Collection>`'s `file`: "\/etc\/passwd\.toml" is not a path inside/)]);
    expect(await problems('md', '{{ collection(file="x.toml") }}\n', { 'x.toml': [{ type: 'entry', title: 'X', link: 'javascript:alert(1)' }] })).toEqual([
      expect.stringMatching(/^content\/projects\/_index\.md:5:\d+: link to "javascript:alert\(1\)": `javascript:` URLs run script/),
    ]);
  });

  it('says so when the page was compiled without the file’s items', async () => {
    expect(await problems('md', '{{ collection(file="x.toml") }}\n')).toEqual([expect.stringMatching(/^content\/projects\/_index\.md:5:\d+: `collection`: the collection file "x\.toml" was not read with the page\./)]);
  });
});

describe('collection titles among the headings', () => {
  it('are headings, but get no permalink and no place in the table of contents', async () => {
    const compiled = await compileMarkdown(
      {
        file: 'content/projects/_index.md',
        format: 'md',
        frontMatterFormat: 'toml',
        options: { ...options, toc: true, insert_anchor_links: 'right' },
        body: '## Tools\n\n{{ collection(file="projects.toml") }}\n\n## More\n\nText.\n',
        bodyStartLine: 5,
        collections: { 'projects.toml': [card] },
      },
      { siteUrl: 'https://example.com' },
    );
    const html = compiled.format === 'html' ? compiled.html : '';
    expect(html).toMatch(/<h3 class="collection-title"[^>]*>/);
    expect(html.match(/class="heading-anchor"/g)).toHaveLength(2);
    expect(html).toMatch(/<nav[^>]*>[\s\S]*Tools[\s\S]*More[\s\S]*<\/nav>/);
    expect(/<nav[^>]*>[\s\S]*tidewater[\s\S]*<\/nav>/.test(html)).toBe(false);
  });
});
