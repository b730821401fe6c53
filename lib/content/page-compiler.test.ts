import { afterAll, describe, expect, it } from 'vitest';
import type { DiagramResult } from '@/lib/diagrams/mermaid-renderer';
import { compileMarkdown, type CompileInput, type DrawDiagrams } from '@/lib/markdown';
import { site } from '@/lib/site';
import { ContentError, ContentErrors } from '@/lib/errors';
import { compileOutcome, PageCompiler } from './page-compiler';
import { readOpenings, type OpeningQuery } from './page-opening';

const page = (file: string, body: string, options: Partial<CompileInput['options']> = {}): CompileInput => ({
  file,
  format: file.endsWith('.mdx') ? 'mdx' : 'md',
  frontMatterFormat: 'yaml',
  options: { ...site.defaults, ...options },
  body,
  bodyStartLine: 4,
});

/** What the worker asks this thread to draw; each test says how. */
let drawDiagrams: DrawDiagrams = () => Promise.reject(new Error('no diagrams expected'));
const compiler = new PageCompiler((sources) => drawDiagrams(sources));
afterAll(() => compiler.close());

const messagesOf = (error: unknown) => (error instanceof ContentErrors ? error.errors : [error]).map((each) => (each instanceof Error ? each.message : String(each)));

// Each test may start a worker (a second or two, more on a loaded machine).
describe('PageCompiler', { timeout: 60_000 }, () => {
  it('compiles in its worker exactly what compileMarkdown compiles in this thread, problems included', async () => {
    const pages = [
      page('content/a.md', '# A\n\nSome *text*, [a link](https://example.org/) and `code`.\n\n## Part\n\n```js\nlet x = 1;\n```\n\n$x^2$\n', { math: true, toc: true }),
      page('content/b.mdx', '# B\n\n<details><summary>More</summary>\n\nHidden **text**.\n\n</details>\n'),
      page('content/c.md', 'Bad $\\frac{1}{$ math and [a](javascript:alert(1)).\n', { math: true }),
    ];
    for (const each of pages) {
      const here = await compileMarkdown(each, { siteUrl: site.baseUrl }).catch((error: unknown) => messagesOf(error));
      const there = await compiler.compile(each, 10_000).catch((error: unknown) => messagesOf(error));
      expect(there).toEqual(here);
    }
  });

  it('reads openings in its worker exactly as readOpenings reads them in this thread, in order, between compiles', async () => {
    const queries: OpeningQuery[] = [
      { body: '# Title\n\nThe first *paragraph*, with [a link](https://example.org/).\n', format: 'md', math: false, wants: { heading: true, paragraph: true } },
      { body: '{/* A comment */}\n\n# From MDX\n\n<Aside>not words</Aside>\n\nWords at last.\n', format: 'mdx', math: false, wants: { heading: true, paragraph: true } },
      { body: '$$\nx^2\n$$\n\nAfter the equation.\n', format: 'md', math: true, wants: { heading: false, paragraph: true } },
      { body: '<div>\n\n# Not closed', format: 'mdx', math: false, wants: { heading: true, paragraph: false } },
      { body: 'Nothing asked.\n', format: 'md', math: false, wants: { heading: false, paragraph: false } },
    ];
    const compiled = compiler.compile(page('content/a.md', '# A\n'), 10_000);
    const there = await compiler.readOpenings(queries);
    expect(there).toEqual(await readOpenings(queries));
    expect(there[0]).toEqual({ heading: 'Title', paragraph: 'The first paragraph, with a link.' });
    expect(await compiled).toEqual(await compileMarkdown(page('content/a.md', '# A\n'), { siteUrl: site.baseUrl }));
  });

  it('stops a page that overruns its time limit, names it with what to do, and compiles the next page in a new worker', async () => {
    // Quadratic in micromark: about 14 s on an idle machine.
    const slow = page('content/slow.md', `\n# Slow\n\n${'[a]('.repeat(40_000)}\n`);
    const started = performance.now();
    const error = await compiler.compile(slow, 1000).catch((caught: unknown) => caught);
    expect(performance.now() - started).toBeLessThan(8000);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(
      /^content\/slow\.md:5: compiling this page took longer than 1 s, so the build stopped it\. .*raise pageCompileTimeLimitSeconds in site\.config\.ts\.$/,
    );
    expect(await compiler.compile(page('content/next.md', '# Next\n'), 10_000)).toMatchObject({ format: 'html', html: expect.stringContaining('Next') });
  });

  it('does not count the time a page waits for its diagrams, which this thread draws', async () => {
    const asked: string[][] = [];
    drawDiagrams = async (sources) => {
      asked.push([...sources]);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      return sources.map((): DiagramResult => ({ ok: false, error: { message: 'No diagram type detected', line: 1 } }));
    };
    const error = await compiler.compile(page('content/d.md', '# D\n\n```mermaid\nnot a diagram\n```\n', { mermaid: true }), 1000).catch((caught: unknown) => caught);
    expect(asked).toEqual([['not a diagram']]);
    expect(messagesOf(error)).toEqual([expect.stringMatching(/^content\/d\.md:7: Mermaid cannot draw this diagram: No diagram type detected\./)]);
  });

  it('fails a page with what drawing its diagrams threw here, as it is', async () => {
    const noBrowser = new Error('no browser here');
    drawDiagrams = () => Promise.reject(noBrowser);
    const error = await compiler.compile(page('content/e.md', '```mermaid\nflowchart LR\n  a --> b\n```\n', { mermaid: true }), 10_000).catch((caught: unknown) => caught);
    expect(error).toBe(noBrowser);
  });
});

describe('compileOutcome', () => {
  const input = page('content/f.md', '# F\n');
  it('turns a RangeError escaping the compile (a stack overflow) into a content error naming the page, with what to do', async () => {
    const outcome = await compileOutcome(input, () => Promise.reject(new RangeError('Maximum call stack size exceeded')));
    expect(outcome).toEqual({
      kind: 'content-errors',
      errors: [{ location: { file: 'content/f.md', line: 4 }, problem: expect.stringMatching(/ran out of stack on this page: something in it is nested too deep/), hint: expect.stringMatching(/^Flatten/) }],
    });
  });

  it('passes any other error on as an engine error', async () => {
    const outcome = await compileOutcome(input, () => Promise.reject(new TypeError('a bug')));
    expect(outcome).toMatchObject({ kind: 'failed', error: { name: 'TypeError', message: 'a bug' } });
  });
});
