import fs from 'node:fs';
import path from 'node:path';
import { compile } from '@mdx-js/mdx';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import { loadPages } from '@/lib/content/pages';
import { compileMarkdown } from './index';
import { site } from '@/lib/site';

// The real compiler, watched: an MDX error must carry its place from the one compile the page gets.
vi.mock('@mdx-js/mdx', async (importOriginal) => {
  const mdx = await importOriginal<typeof import('@mdx-js/mdx')>();
  return { ...mdx, compile: vi.fn(mdx.compile) };
});

async function render(fileName: string, source: string): Promise<string> {
  const [page] = await loadPages(tempFolder('markdown', { [fileName]: source }));
  if (!page) throw new Error('no page');
  const body = await compileMarkdown(page, { siteUrl: site.baseUrl });
  return body.format === 'html' ? body.html : renderToStaticMarkup(await MdxContent({ code: body.code }));
}

async function renderError(fileName: string, source: string): Promise<ContentError> {
  try {
    await render(fileName, source);
  } catch (error) {
    if (error instanceof ContentError) return error;
    if (error instanceof ContentErrors && error.errors[0]) return error.errors[0];
    throw error;
  }
  throw new Error('expected a ContentError');
}

const mathOn = '---\ntitle: T\nmath: true\n---\n';
const mathOff = '---\ntitle: T\nmath: false\n---\n';

describe('math', () => {
  it('renders $…$ and $$…$$ with KaTeX at build time when math is on', async () => {
    const html = await render('a.md', `${mathOn}\nInline $a^2$ here.\n\n$$\nb^2\n$$\n`);
    expect(html).toContain('class="katex"');
    expect(html).toContain('class="katex-display"');
    expect(html).toContain('<math'); // MathML for screen readers
    expect(html).not.toContain('katex-error');
  });

  it('makes a one-line $$…$$ paragraph display math', async () => {
    const html = await render('a.md', `${mathOn}\nText.\n\n$$x = y$$\n`);
    expect(html).toContain('class="katex-display"');
  });

  it('keeps $$…$$ inside a sentence inline', async () => {
    const html = await render('a.md', `${mathOn}\nSo $$x$$ is inline.\n`);
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-display');
  });

  it('leaves dollar signs as text when math is off', async () => {
    const html = await render('a.md', `${mathOff}\nIt costs $5 and $10.\n\n$$x$$\n`);
    expect(html).toContain('<p>It costs $5 and $10.</p>');
    expect(html).toContain('<p>$$x$$</p>');
    expect(html).not.toContain('katex');
  });

  it('reads \\( \\) \\[ \\] in math as Markdown escapes on TOML (Zola) pages', async () => {
    const source = '+++\ntitle = "Z"\nmath = true\n+++\n\n$$\\dfrac{\\partial\\phi\\(r\\)}{\\partial t} = \\[D\\] \\\\ x$$\n';
    const html = await render('a.md', source);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
    expect(html).toContain('<annotation encoding="application/x-tex">\\dfrac{\\partial\\phi(r)}{\\partial t} = [D] \\\\ x</annotation>');
  });

  it('renders the equation of seed 002 without a KaTeX error', async () => {
    const seed = fs.readFileSync(path.join(process.cwd(), 'content', 'about-me.md'), 'utf8');
    const html = await render('about-me.md', seed);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('katex-error');
  });

  it('fails on invalid TeX with the file line and KaTeX’s message', async () => {
    const error = await renderError('bad.md', `${mathOn}\nFine.\n\n$\\frac{1}{$ and more.\n`);
    expect(error.location.line).toBe(8);
    expect(error.message).toMatch(/bad\.md:8:\d+: KaTeX cannot render this math: KaTeX parse error: /);
  });

  it('keeps \\[ literal on YAML pages, where KaTeX rejects it', async () => {
    const error = await renderError('bad.md', `${mathOn}\n$$\\[x\\]$$\n`);
    expect(error.location.line).toBe(6);
  });
});

describe('heading ids and anchors', () => {
  const headings = (mode: string) => `---\ntitle: T\ninsert_anchor_links: ${mode}\n---\n\n## Intro\n\nText\n\n## Intro\n\n### Über uns\n`;

  it('gives every heading a unique, stable id, keeping non-ASCII letters', async () => {
    const html = await render('a.md', headings('none'));
    expect(html).toContain('<h2 id="intro">Intro</h2>');
    expect(html).toContain('<h2 id="intro-1">Intro</h2>');
    expect(html).toContain('<h3 id="über-uns">Über uns</h3>');
  });

  it('none: no anchor links at all', async () => {
    const html = await render('a.md', headings('none'));
    expect(html).not.toContain('<a');
  });

  it('left and right: a link beside the heading, outside it, named for screen readers', async () => {
    const right = await render('a.md', headings('right'));
    expect(right).toContain(
      '<div class="heading-group heading-group-right"><h2 id="intro">Intro</h2><a class="heading-anchor" href="#intro"><span aria-hidden="true">#</span><span class="sr-only">Link to section: Intro</span></a></div>',
    );
    const left = await render('a.md', headings('left'));
    expect(left).toContain('<div class="heading-group heading-group-left"><a class="heading-anchor" href="#intro-1">');
  });

  it('heading: the heading text itself is the link', async () => {
    const html = await render('a.md', headings('heading'));
    expect(html).toContain('<h2 id="intro"><a class="heading-link" href="#intro">Intro</a></h2>');
  });
});

describe('formats', () => {
  it('compiles .md as Markdown: HTML comments are allowed and not shown', async () => {
    const html = await render('a.md', '<!-- content/about.md -->\n\n# About\n\nText {not an expression}.\n');
    expect(html).not.toContain('content/about.md');
    expect(html).toContain('Text {not an expression}.');
  });

  it('understands GitHub Markdown: tables, strikethrough, autolinks', async () => {
    const html = await render('a.md', '# T\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ https://example.org\n');
    expect(html).toContain('<div class="table-scroll" tabindex="0" role="group" aria-label="Table"><table>');
    expect(html).toContain('<del>old</del>');
    expect(html).toContain('<a href="https://example.org" rel="external noopener noreferrer">https://example.org</a>');
  });

  it('drops raw HTML from Markdown instead of passing it through', async () => {
    const html = await render('a.md', '# T\n\n<b onclick="x()">bold</b> text\n\n<script>alert(1)</script>\n');
    expect(html).not.toMatch(/<b|<script|onclick/);
    expect(html).toContain('bold text');
  });

  it('loads images lazily in .md and .mdx alike', async () => {
    for (const name of ['a.md', 'a.mdx']) {
      expect(await render(name, '# T\n\n![A cat](/cat.png)\n')).toMatch(/<img src="\/cat\.png" alt="A cat" loading="lazy" decoding="async"\/?>/);
    }
  });

  it('compiles .mdx as MDX: JSX, literals and comments work, code is a build error', async () => {
    const html = await render('a.mdx', '---\ntitle: T\n---\n\nTwo is <abbr title="two">2</abbr>{" "}{/* note */}{"!"}\n');
    expect(html).toContain('<p>Two is <abbr title="two">2</abbr> !</p>');
    const error = await renderError('a.mdx', '---\ntitle: T\n---\n\nTwo is {1 + 1}.\n');
    expect(error.message).toContain('a.mdx:5:8: `{1 + 1}` is a JavaScript expression; content may not run code');
  });

  it('refuses an empty element with content in MDX, which React would refuse to render without a line', async () => {
    const error = await renderError('a.mdx', '---\ntitle: T\n---\n\nA picture: <img src="/a.png" alt="">caption</img>\n');
    expect(error.message).toContain('a.mdx:5:12: `<img>` cannot have content: it is an empty element. Write it as <img … /> and put the text outside it.');
  });

  it('reports MDX that does not compile with the line in the content file', async () => {
    const error = await renderError('a.mdx', '---\ntitle: T\n---\n\nFine.\n\n<!-- a comment -->\n');
    expect(error.location.line).toBe(7);
    expect(error.message).toContain('MDX does not compile');
  });

  it.each([
    ['a character MDX cannot read', 'Fine.\n\nSee <!-- a comment -->\n', 7, 6, 'MDX does not compile: Unexpected character `!` (U+0021) before name'],
    // This message names its place only in its text.
    ['an element never closed', 'Fine.\n\n<div>\n\nOpen.\n', 7, 1, 'MDX does not compile: Expected a closing tag for `<div>`'],
  ])('places %s at its line and column in the content file from one compile', async (_, body, line, column, message) => {
    vi.mocked(compile).mockClear();
    const error = await renderError('a.mdx', `---\ntitle: T\n---\n\n${body}`);
    expect(error.location).toEqual({ file: expect.stringMatching(/a\.mdx$/), line, column });
    expect(error.problem).toContain(message);
    expect(error.hint).toBe('In MDX, write HTML comments as {/* … */} and escape a literal < or { with a backslash, or rename the file to .md.');
    expect(compile).toHaveBeenCalledTimes(1);
  });
});

describe('the MDX component vocabulary', () => {
  it('is what components/mdx-components.tsx implements: every name the content policy allows, and no other', async () => {
    const { mdxComponents } = await import('@/components/mdx-components');
    const { mdxComponentNames } = await import('./content-policy');
    expect(Object.keys(mdxComponents).filter((name) => /^[A-Z]/.test(name)).sort()).toEqual([...mdxComponentNames].sort());
  });
});
