import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import { compileMarkdown, type CompileInput } from './index';

const options = { math: false, mermaid: false, toc: false, insert_anchor_links: 'none' as const };

/** A body compiled as the build compiles it; MDX rendered as the site renders it. */
async function render(format: 'md' | 'mdx', body: string, extra: Partial<CompileInput> = {}): Promise<string> {
  const compiled = await compileMarkdown(
    { file: `content/page.${format}`, format, frontMatterFormat: format === 'md' ? 'toml' : 'yaml', options, body, bodyStartLine: 5, ...extra },
    { siteUrl: 'https://example.com' },
  );
  return compiled.format === 'html' ? compiled.html : renderToStaticMarkup(await MdxContent({ code: compiled.code }));
}

/** Every problem of a body, as `file:line…: message`. */
async function problems(format: 'md' | 'mdx', body: string, extra: Partial<CompileInput> = {}): Promise<string[]> {
  try {
    await render(format, body, extra);
  } catch (error) {
    if (error instanceof ContentError) return [error.message];
    if (error instanceof ContentErrors) return error.errors.map((each) => each.message);
    throw error;
  }
  return [];
}

/** The HTML without the icon's drawing, which the callout tests do not need to repeat. */
const withoutIcons = (html: string) => html.replace(/<svg class="callout-icon"[^]*?<\/svg>/g, '<svg/>');

describe('callouts', () => {
  const note = '<div class="callout callout-note" role="note"><p class="callout-title"><svg/>Note</p><p>Read <em>this</em>.</p></div>';

  it('are the same element from a shortcode, a component and GitHub’s alert', async () => {
    expect(withoutIcons(await render('md', '{% note() %}\nRead *this*.\n{% end %}\n'))).toBe(note);
    expect(withoutIcons(await render('mdx', '<Note>\nRead *this*.\n</Note>\n'))).toBe(note);
    expect(withoutIcons(await render('md', '> [!NOTE]\n> Read *this*.\n'))).toBe(note);
    expect(withoutIcons(await render('mdx', '> [!note]\n> Read *this*.\n'))).toBe(note);
  });

  it('come in serene’s five kinds, each with its icon, drawn in the text’s colour and hidden from screen readers', async () => {
    for (const [name, title] of [['tip', 'Tip'], ['important', 'Important'], ['warning', 'Warning'], ['caution', 'Caution']] as const) {
      const html = await render('md', `{% ${name}() %}\nBody.\n{% end %}\n\n> [!${name.toUpperCase()}]\n> Body.\n`);
      expect(withoutIcons(html)).toBe(`<div class="callout callout-${name}" role="note"><p class="callout-title"><svg/>${title}</p><p>Body.</p></div>\n`.repeat(2).trimEnd());
    }
    expect(await render('md', '{% note() %}\nBody.\n{% end %}\n')).toMatch(
      /^<div class="callout callout-note" role="note"><p class="callout-title"><svg class="callout-icon" viewBox="0 0 16 16" width="16" height="16" fill="none" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="[^"]+"><\/path>/,
    );
  });

  it('take a title as text, never markup', async () => {
    const html = await render('md', '{% warning(title="Mind <script>alert(1)</script> the gap") %}\nBody.\n{% end %}\n');
    expect(withoutIcons(html)).toContain('<p class="callout-title"><svg/>Mind &#x3C;script>alert(1)&#x3C;/script> the gap</p>');
    const mdx = await render('mdx', '<Warning title="Mind <b>the</b> gap">\nBody.\n</Warning>\n');
    expect(withoutIcons(mdx)).toContain('<p class="callout-title"><svg/>Mind &lt;b&gt;the&lt;/b&gt; gap</p>');
  });

  it('leave a quote that is no alert a quote: another word, text after the marker, or the marker alone', async () => {
    expect(await render('md', '> [!TODO]\n> Body.\n')).toBe('<blockquote>\n<p>[!TODO]\nBody.</p>\n</blockquote>');
    expect(await render('md', '> [!NOTE] Body.\n')).toBe('<blockquote>\n<p>[!NOTE] Body.</p>\n</blockquote>');
    expect(await render('md', '> [!NOTE]\n')).toBe('<blockquote>\n<p>[!NOTE]</p>\n</blockquote>');
  });

  it('hold any Markdown, a list and code included, and keep lines after them right for errors', async () => {
    const html = await render('md', '{% tip(title="Try") %}\n- one\n- two\n\n```sh\nls\n```\n{% end %}\n');
    expect(withoutIcons(html)).toMatch(/^<div class="callout callout-tip" role="note"><p class="callout-title"><svg\/>Try<\/p><ul>\n<li>one<\/li>\n<li>two<\/li>\n<\/ul><pre tabindex="0"><code class="hljs language-sh">/);
    expect(await problems('md', '{% note() %}\nOne.\n\nTwo.\n{% end %}\n\n[x](javascript:alert(1))\n')).toEqual([expect.stringMatching(/^content\/page\.md:11:1: link to "javascript:alert\(1\)"/)]);
  });

  it('report a missing body, an unknown argument, a wrong type, and in MDX an unknown prop or an expression, each at its place', async () => {
    expect(await problems('md', 'Text.\n\n{{ note() }}\n{% tip(colour="red") %}\nx\n{% end %}\n{% caution(title=3) %}\nx\n{% end %}\n')).toEqual([
      expect.stringMatching(/^content\/page\.md:7:1: `note` needs a body\./),
      expect.stringMatching(/^content\/page\.md:8:8: `tip` has no argument `colour`\. Its arguments: title \(a string in quotes\)\.$/),
      expect.stringMatching(/^content\/page\.md:11:12: `caution`'s argument `title` is the number 3, not a string in quotes\./),
    ]);
    expect(await problems('mdx', '<Note colour="red">\nx\n</Note>\n\n<Tip title={process.exit(1)}>\nx\n</Tip>\n\n<Important />\n')).toEqual([
      expect.stringMatching(/^content\/page\.mdx:5:7: `<Note>` has no prop `colour`\. Its props: title \(a string in quotes\)\.$/),
      expect.stringMatching(/^content\/page\.mdx:9:6: `title=\{…\}` on `<Tip>` is a JavaScript expression; content may not run code\./),
      expect.stringMatching(/^content\/page\.mdx:13:1: `<Important>` needs content\./),
    ]);
  });

  it('report an unclosed `{% note() %}` at its line', async () => {
    expect(await problems('md', 'Intro.\n\n{% note() %}\nNever closed.\n')).toEqual([expect.stringMatching(/^content\/page\.md:7:1: `\{% note\(…\) %\}` is never closed\. End its body with `\{% end %\}`\./)]);
  });
});

describe('quote, detail, figure and youtube', () => {
  it('quote: the body quoted, the cite (Markdown) under it, the same from a shortcode and a component', async () => {
    const html = '<figure class="quote"><blockquote><p>Be <em>kind</em>.</p></blockquote><figcaption>— <a href="/a/">Ann</a></figcaption></figure>';
    expect(await render('md', '{% quote(cite="[Ann](/a/)") %}\nBe *kind*.\n{% end %}\n')).toBe(html);
    expect(await render('mdx', '<Quote cite="[Ann](/a/)">\nBe *kind*.\n</Quote>\n')).toBe(html);
    expect(await render('md', '{% quote() %}\nBe.\n{% end %}\n')).toBe('<figure class="quote"><blockquote><p>Be.</p></blockquote></figure>');
  });

  it('detail: a disclosure with its title, open when asked', async () => {
    expect(await render('md', '{% detail(title="More", default_open=true) %}\nHidden *text*.\n{% end %}\n')).toBe(
      '<details class="detail" open><summary>More</summary><p>Hidden <em>text</em>.</p></details>',
    );
    expect(await render('mdx', '<Detail title="More" defaultOpen>\nHidden *text*.\n</Detail>\n')).toBe(
      '<details class="detail" open=""><summary>More</summary><p>Hidden <em>text</em>.</p></details>',
    );
    expect(await render('md', '{% detail() %}\nx\n{% end %}\n')).toBe('<details class="detail"><p>x</p></details>');
  });

  it('figure: the picture with its size, the caption (Markdown) and its source as a link, and the picture reported for the build to find', async () => {
    const compiled = await compileMarkdown(
      { file: 'content/trip/index.md', format: 'md', frontMatterFormat: 'toml', options, bodyStartLine: 5, body: 'Intro.\n\n{{ figure(src="photo.jpg", alt="A hill", caption="The *hill*", via="https://www.example.com/x", width=600, height="400") }}\n' },
      { siteUrl: 'https://example.com' },
    );
    expect(compiled.format === 'html' && compiled.html).toBe(
      '<p>Intro.</p>\n<figure class="figure"><img src="photo.jpg" alt="A hill" width="600" height="400" loading="lazy" decoding="async"><figcaption>The <em>hill</em> <a href="https://www.example.com/x" rel="external noopener noreferrer">via example.com</a></figcaption></figure>',
    );
    expect(compiled.shownFiles).toEqual([{ src: 'photo.jpg', line: 7 }]);
    expect(await render('mdx', '<Figure src="/a.png" alt="A" />\n')).toMatch(/^<figure class="figure"><img src="\/a\.png" alt="A"[^>]*\/><\/figure>$/);
  });

  it('figure: refuses a src or via that runs script, a data: picture and a src that climbs, at the argument', async () => {
    expect(await problems('md', '{{ figure(src="javascript:alert(1)") }}\n{{ figure(src="data:image/png;base64,AA") }}\n{{ figure(src="../../etc/passwd") }}\n{{ figure(src="/a.png", via="javascript:alert(1)") }}\n')).toEqual([
      expect.stringMatching(/^content\/page\.md:5:11: `figure`'s `src`: "javascript:alert\(1\)": `javascript:` URLs run script/),
      expect.stringMatching(/^content\/page\.md:6:11: `figure`'s `src`: "data:image\/png;base64,AA": `data:` URLs are not allowed/),
      expect.stringMatching(/^content\/page\.md:7:11: `figure`'s `src`: "\.\.\/\.\.\/etc\/passwd" climbs out of its folder/),
      expect.stringMatching(/^content\/page\.md:8:25: `figure`'s `via`: "javascript:alert\(1\)": `javascript:` URLs run script/),
    ]);
    expect(await problems('mdx', '<Figure src="/a.png" via="javascript:alert(1)" />\n')).toEqual([expect.stringMatching(/^content\/page\.mdx:5:22: `<Figure>`'s `via`: "javascript:alert\(1\)"/)]);
  });

  it('youtube: a link to the video showing its thumbnail, no frame; an id that is no id is refused', async () => {
    const html = '<figure class="youtube"><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" rel="external noopener noreferrer"><img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="Play the video on YouTube" width="480" height="360" loading="lazy" decoding="async"></a></figure>';
    expect(await render('md', '{{ youtube(id="dQw4w9WgXcQ", autoplay=true) }}\n')).toBe(html);
    expect(await render('mdx', '<YouTube id="dQw4w9WgXcQ" />\n')).toBe(html.replace('decoding="async">', 'decoding="async"/>'));
    expect(await problems('md', `{{ youtube(id='x" onerror="alert(1)') }}\n`)).toEqual([expect.stringMatching(/^content\/page\.md:5:12: `youtube`'s `id`: "x\\" onerror=\\"alert\(1\)" is not a YouTube video id\./)]);
  });
});
