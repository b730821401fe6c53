import { describe, expect, it } from 'vitest';
import { compilePage, renderPage } from '@/lib/testing/render-page';

const fence = (language: string, code: string) => `# T\n\n\`\`\`${language}\n${code}\n\`\`\`\n`;

/** The classes of the highlighted spans in some HTML. */
const tokenClasses = (html: string) => new Set([...html.matchAll(/<span class="(hljs-[^"]+)"/g)].map((match) => match[1]));

const samples: Record<string, string> = {
  js: 'const answer = 42; // why',
  javascript: 'function greet(name) { return `hi ${name}`; }',
  ts: 'interface User { id: number }\nconst user: User = { id: 1 };',
  tsx: 'export function App(): JSX.Element { return <div className="x">hi</div>; }',
  jsx: 'const el = <Button onClick={go}>Go</Button>;',
  json: '{ "name": "portfolio", "private": true, "version": 1 }',
  bash: 'for f in *.md; do echo "$f"; done',
  sh: 'if [ -n "$HOME" ]; then echo home; fi',
  shell: 'npm install && echo "done"',
  python: 'def area(r: float) -> float:\n    return 3.14 * r ** 2  # circle',
  rust: 'fn main() { let x: u32 = 5; println!("{}", x); }',
  go: 'package main\n\nfunc main() { fmt.Println("hi") }',
  css: '.prose pre { color: #333; margin: 0 auto; }',
  html: '<a href="/about/" class="link">About</a>',
  xml: '<?xml version="1.0"?>\n<note lang="en">Hi</note>',
  toml: '[extra]\ntitle = "About"\nmath = true',
  yaml: 'title: "About"\nmath: true\ncount: 3',
  diff: '- old line\n+ new line',
  sql: 'SELECT id, name FROM users WHERE id = 1;',
  markdown: '# Title\n\n**bold** and [a link](/x/)',
  dockerfile: 'FROM node:20\nRUN npm ci',
  console: '$ npm test\nok',
};

describe('code blocks', () => {
  for (const [language, code] of Object.entries(samples)) {
    it(`highlights ${language} at build time with classes`, async () => {
      const html = await renderPage('a.md', fence(language, code));
      expect(html).toContain(`<pre tabindex="0"><code class="hljs language-${language}">`);
      expect(tokenClasses(html).size, html).toBeGreaterThan(0);
    });
  }

  it('reads ```shell as a script, as GitHub does, not as a terminal session', async () => {
    const html = await renderPage('a.md', fence('shell', 'for f in *.md; do echo "$f"; done'));
    expect(tokenClasses(html)).toContain('hljs-keyword');
    expect(tokenClasses(html)).toContain('hljs-built_in');
  });

  it('writes no inline styles, only classes', async () => {
    const html = await renderPage('a.md', Object.entries(samples).map(([language, code]) => fence(language, code)).join('\n'));
    expect(html).not.toContain('style=');
  });

  it('keeps the code text exactly, escaped', async () => {
    const code = 'if (a < b && c > d) { s = "<script>alert(1)</script>"; }';
    const html = await renderPage('a.md', fence('js', code));
    expect(html).not.toContain('<script>');
    const text = html.replace(/<[^>]+>/g, '').replaceAll('&#x3C;', '<').replaceAll('&#x26;', '&').replaceAll('&gt;', '>');
    expect(text).toContain(code);
  });

  it('leaves plain text and fences without a language unhighlighted', async () => {
    for (const source of [fence('text', 'const x = 1;'), fence('', 'const x = 1;'), '# T\n\n    const x = 1;\n']) {
      const html = await renderPage('a.md', source);
      expect(html).not.toContain('hljs');
      expect(html).toContain('const x = 1;');
    }
  });

  it('shows a fence in an unknown language as plain code, without an error', async () => {
    const html = await renderPage('a.md', fence('brainfudge', '++>-<.'));
    expect(tokenClasses(html).size).toBe(0);
    expect(html).toContain('<code class="hljs language-brainfudge">++>-&#x3C;.');
  });

  it('leaves ```mermaid alone, for the diagram step (or as a plain block without it)', async () => {
    const html = await renderPage('a.md', fence('mermaid', 'graph TD\n  A-->B'));
    expect(html).toContain('<pre tabindex="0"><code class="language-mermaid">graph TD\n  A-->B\n</code></pre>');
  });

  it('lets the keyboard reach every block, to scroll a long line', async () => {
    for (const name of ['a.md', 'a.mdx']) expect(await renderPage(name, fence('js', 'let x = 1;'))).toContain('<pre tabindex="0">');
  });

  it('highlights in .mdx as in .md', async () => {
    const html = await renderPage('a.mdx', `---\ntitle: T\n---\n\n${fence('python', samples.python ?? '')}`);
    expect(html).toContain('<span class="hljs-keyword">def</span>');
    expect(html).toContain('<span class="hljs-comment"># circle</span>');
  });

  it('counts a page’s code blocks, for the copy script', async () => {
    expect((await compilePage('a.md', `${fence('js', 'a')}\n${fence('', 'b')}\n    indented\n\nText \`inline\`.\n`)).codeBlocks).toBe(3);
    expect((await compilePage('a.md', '# T\n\nText with `inline code` only.\n')).codeBlocks).toBe(0);
    expect((await compilePage('a.mdx', `---\ntitle: T\n---\n\n${fence('js', 'a')}`)).codeBlocks).toBe(1);
  });
});
