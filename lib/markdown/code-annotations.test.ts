import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/errors';
import { compileMarkdown } from './index';

const page = {
  file: 'content/post.md',
  format: 'md' as const,
  frontMatterFormat: 'toml' as const,
  options: { math: false, mermaid: false, toc: false, insert_anchor_links: 'none' as const },
  bodyStartLine: 5,
};

async function html(body: string): Promise<string> {
  const compiled = await compileMarkdown({ ...page, body }, { siteUrl: 'https://example.com' });
  return compiled.format === 'html' ? compiled.html : '';
}

async function problems(body: string): Promise<string[]> {
  try {
    await html(body);
  } catch (error) {
    if (error instanceof ContentError) return [error.message];
    if (error instanceof ContentErrors) return error.errors.map((each) => each.message);
    throw error;
  }
  return [];
}

describe('Zola’s fence annotations', () => {
  it('name the block over it, and leave the language to the highlighter', async () => {
    expect(await html('```rust,name=main.rs\nfn main() {}\n```\n')).toBe(
      '<figure class="code-figure"><figcaption class="code-name">main.rs</figcaption><pre tabindex="0"><code class="hljs language-rust"><span class="hljs-keyword">fn</span> <span class="hljs-title function_">main</span>() {}\n</code></pre></figure>',
    );
  });

  it('number the lines from linenostart and mark hl_lines, counted from the block’s first line, in the copy’s text unchanged', async () => {
    const result = await html('```text,linenos,linenostart=10,hl_lines=1 3-4\na\nb\nc\nd\ne\n```\n');
    expect(result).toBe(
      '<pre tabindex="0"><code class="language-text linenos">' +
        '<span class="line hl" data-line="10">a</span>\n<span class="line" data-line="11">b</span>\n<span class="line hl" data-line="12">c</span>\n' +
        '<span class="line hl" data-line="13">d</span>\n<span class="line" data-line="14">e</span>\n</code></pre>',
    );
    expect(result.replace(/<[^>]+>/g, '')).toBe('a\nb\nc\nd\ne\n');
  });

  it('cut highlighted spans that run over lines into one copy per line', async () => {
    expect(await html('```js,hl_lines=2\nconst a = `x\ny`;\n```\n')).toContain('<span class="line hl"><span class="hljs-string">y`</span>;</span>');
  });

  it('report an annotation the engine does not read at the fence’s line', async () => {
    expect(await problems('Text.\n\n```rust,hide_lines=1,colour=red\nx\n```\n')).toEqual([
      expect.stringMatching(/^content\/post\.md:7:1: `hide_lines=1`: hiding lines is not supported/),
      expect.stringMatching(/^content\/post\.md:7:1: `colour=red` is not a code block annotation the engine reads\./),
    ]);
  });

  it('codeblock: a file name over the code blocks of its body, as in .mdx', async () => {
    expect(await html('{% codeblock(name="main.rs") %}\n```rust\nfn main() {}\n```\n{% end %}\n')).toMatch(/^<figure class="code-figure"><figcaption class="code-name">main\.rs<\/figcaption><pre tabindex="0"><code class="hljs language-rust">/);
  });
});
