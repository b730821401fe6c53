import rehypeKatex from 'rehype-katex';
import rehypeStringify from 'rehype-stringify';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import rehypeSlug from 'rehype-slug';
import { katexCacheCounts, rehypeKatexCached, rehypeKatexPlaced } from './rehype-katex-cached';

/** Markdown to HTML through rehype-katex, or through the cached plugin and its placing, with a plugin between that reads formulas' text. */
const toHtml = async (markdown: string, cached: boolean) => {
  const processor = unified().use(remarkParse).use(remarkMath).use(remarkRehype);
  const file = await (cached ? processor.use(rehypeKatexCached).use(rehypeSlug).use(rehypeKatexPlaced) : processor.use(rehypeKatex).use(rehypeSlug)).use(rehypeStringify).process(markdown);
  return { html: String(file), messages: file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`) };
};

const page = (n: number) =>
  [
    `## The sum $\\sum_{i=1}^{${n}} i$`,
    '',
    `Inline $a^2 + b^2 = c^2$ and $x_${n}$ and again $a^2 + b^2 = c^2$.`,
    '',
    '$$\na^2 + b^2 = c^2\n$$',
    '',
    '```math\n\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}\n```',
    '',
    `$$\n\\int_0^${n} f(t)\\,dt\n$$`,
    '',
  ].join('\n');

describe('rehypeKatexCached', () => {
  it("writes exactly rehype-katex's markup, page after page, rendering each formula once (inline and display apart)", async () => {
    const before = katexCacheCounts();
    for (const n of [1, 2, 1]) {
      const cached = await toHtml(page(n), true);
      expect(cached).toEqual(await toHtml(page(n), false));
      expect(cached.html).toContain('class="katex-display"');
      // The heading's id is read from the formula's text, as it is without the placeholders.
      expect(cached.html).toMatch(/<h2 id="the-sum-[^"]+">The sum <span class="katex">/);
    }
    const after = katexCacheCounts();
    // Page 1: the heading's sum, a² + b² inline (once rendered, once reused), x₁, a² + b² display, the fenced sum,
    // ∫₀¹: 6 rendered. Page 2: its heading, x₂ and ∫₀² are new. Page 1 again: all from the cache.
    expect(after.misses - before.misses).toBe(9);
    expect(after.hits - before.hits).toBe(21 - 9);
  });

  it('gives each page its own nodes: a change to one page never shows on another', async () => {
    const changeFirstFormula = () => (tree: import('hast').Root) => {
      const first = tree.children.find((node) => node.type === 'element');
      if (first?.type === 'element') first.properties.dataChanged = 'yes';
    };
    const formula = '$$\ne = mc^2\n$$\n';
    await unified().use(remarkParse).use(remarkMath).use(remarkRehype).use(rehypeKatexCached).use(rehypeKatexPlaced).use(changeFirstFormula).use(rehypeStringify).process(formula);
    expect((await toHtml(formula, true)).html).not.toContain('data-changed');
  });

  it('reports a formula KaTeX cannot render on every page that writes it, at its own place, and never caches it', async () => {
    const bad = 'Text.\n\n$\\frac{1}{$ here.\n';
    for (let round = 0; round < 2; round++) {
      const cached = await toHtml(bad, true);
      expect(cached).toEqual(await toHtml(bad, false));
      expect(cached.messages).toEqual([expect.stringMatching(/^3:1 Could not render math with KaTeX/)]);
    }
  });
});
