import { describe, expect, it } from 'vitest';
import { compileMarkdown } from '.';

const compile = (body: string, insert_anchor_links: 'right' | 'heading' = 'right') =>
  compileMarkdown(
    { file: 'content/post.md', format: 'md', frontMatterFormat: 'toml', options: { math: false, mermaid: false, toc: false, insert_anchor_links }, body, bodyStartLine: 4 },
    { siteUrl: 'https://example.com' },
  );

describe('the summary', () => {
  it('is the HTML before `<!-- more -->`, without ids or permalinks, and the page keeps all of its text', async () => {
    const body = await compile('## Start\n\nFirst *part*.\n\n<!-- more -->\n\nThe rest.\n');
    expect(body.summary).toBe('<h2>Start</h2>\n<p>First <em>part</em>.</p>');
    expect(body.format === 'html' && body.html).toContain('id="start"');
    expect(body.format === 'html' && body.html).toContain('The rest.');
    expect(body.format === 'html' && body.html).not.toContain('data-summary-end');
    expect((await compile('## Start\n\n<!--more-->\n', 'heading')).summary).toBe('<h2>Start</h2>');
  });

  it('holds no raw HTML: the markup before the marker is dropped as everywhere in .md', async () => {
    const body = await compile('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\nText.\n\n<!-- more -->\n');
    expect(body.summary).toBe('<p>Text.</p>');
  });

  it('is absent without the marker, and a marker inside a list or code is no marker', async () => {
    expect((await compile('Text.\n')).summary).toBeUndefined();
    expect((await compile('- a\n\n  <!-- more -->\n')).summary).toBeUndefined();
    expect((await compile('```\n<!-- more -->\n```\n')).summary).toBeUndefined();
  });
});
