import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildContent, compileWorkerCount } from './site-build';

// The first compile of a test file starts the compile worker: a second or two, several on a loaded machine.
describe('buildContent', { timeout: 30_000 }, () => {
  it('reports every problem of every file in one build, each with its line, and builds the rest', async () => {
    const root = tempFolder('site', {
      'content/good.md': '# Good\n\nFine.\n',
      'content/tex.md': '---\ntitle: T\nmath: true\n---\n\nBad $\\frac{1}{$ here.\n',
      'content/broken.mdx': '---\ntitle: M\n---\n\nText\n\n<!-- not in MDX -->\n',
      'content/keys.md': '---\nmaht: true\n---\n# K\n',
    });
    const build = await buildContent(path.join(root, 'content'), path.join(root, 'compiled-pages'));
    expect(build.pages.map((page) => page.url)).toEqual(['/good/']);
    expect(build.errors.map((error) => [path.basename(error.location.file), error.location.line])).toEqual([
      ['broken.mdx', 7],
      ['keys.md', 2],
      ['tex.md', 6],
    ]);
  });

  it('resolves Zola `@/` links to page URLs and fragments, and names each one that leads nowhere with its line', async () => {
    const root = tempFolder('site', {
      'content/posts/_index.md': '+++\ntitle = "Posts"\n+++\n',
      'content/posts/first.md': '+++\ntitle = "First"\n+++\n\n## Installing it\n',
      'content/posts/draft.md': '+++\ntitle = "Draft"\ndraft = true\n+++\n',
      'content/links.md': [
        '+++', 'title = "Links"', '+++', '',
        'See [first](@/posts/first.md#installing-it), [the list](@/posts/_index.md) and',
        '[gone](@/posts/gone.md), [draft](@/posts/draft.md), [no heading](@/posts/first.md#nowhere).', '',
      ].join('\n'),
    });
    const build = await buildContent(path.join(root, 'content'), path.join(root, 'compiled-pages'));
    const links = build.pages.find((page) => page.url === '/links/');
    expect(links?.body.format === 'html' && links.body.html).toContain('<a href="/posts/first/#installing-it">first</a>, <a href="/posts/">the list</a>');
    expect(build.errors.map((error) => `${path.basename(error.location.file)}:${error.location.line}: ${error.problem}`)).toEqual([
      'links.md:6: the link @/posts/gone.md names content/posts/gone.md, which is not a page.',
      'links.md:6: the link @/posts/draft.md leads to a draft, which the site does not publish.',
      `links.md:6: the link @/posts/first.md#nowhere names the heading #nowhere, which ${path.relative(process.cwd(), path.join(root, 'content/posts/first.md'))} does not have.`,
    ]);
  });

  it('compiles a page once: an unchanged page comes from the cache, a changed one is compiled again', async () => {
    const root = tempFolder('site', { 'content/a.md': '# A\n\nOne.\n\n```js\nlet one = 1;\n```\n', 'content/b.md': '# B\n\nTwo.\n' });
    const cacheFolder = path.join(root, 'compiled-pages');
    const first = await buildContent(path.join(root, 'content'), cacheFolder);
    expect([first.compiled, first.cached]).toEqual([2, 0]);
    fs.writeFileSync(path.join(root, 'content/b.md'), '# B\n\nTwo, edited.\n');
    const second = await buildContent(path.join(root, 'content'), cacheFolder);
    expect([second.compiled, second.cached]).toEqual([1, 1]);
    expect(second.pages.find((page) => page.url === '/b/')?.body).toEqual({ format: 'html', html: expect.stringContaining('Two, edited.'), codeBlocks: 0, internalLinks: [], anchors: ['b'] });
    // What the compile learned about the page comes back from the cache with its HTML.
    expect(second.pages.find((page) => page.url === '/a/')?.body).toEqual({ format: 'html', html: expect.stringContaining('hljs-keyword'), codeBlocks: 1, internalLinks: [], anchors: ['a'] });
    // One file per compiled body; b's first version is gone.
    expect(fs.readdirSync(cacheFolder)).toHaveLength(2);
  });

  it('keeps each body’s opening beside the compile cache, and reads a changed opening again', async () => {
    const root = tempFolder('site', { 'content/a.md': '# Alpha\n\nThe first words.\n', 'content/b.md': '---\ntitle: Given\ndescription: Given too.\n---\n\nText.\n' });
    const cacheFolder = path.join(root, 'cache', 'compiled-pages');
    const memoFile = path.join(root, 'cache', 'page-openings.json');
    const first = await buildContent(path.join(root, 'content'), cacheFolder);
    expect(first.pages.map((page) => [page.title, page.description])).toEqual([
      ['Alpha', 'The first words.'],
      ['Given', 'Given too.'],
    ]);
    // b's front matter gives its description, and its body opens with no heading.
    const stored = () => Object.values(JSON.parse(fs.readFileSync(memoFile, 'utf8')) as Record<string, unknown>);
    expect(stored()).toEqual([{ heading: 'Alpha', paragraph: 'The first words.' }, {}]);

    fs.writeFileSync(path.join(root, 'content/a.md'), '# Alpha, renamed\n\nOther words.\n');
    const second = await buildContent(path.join(root, 'content'), cacheFolder);
    expect(second.pages.find((page) => page.url === '/a/')).toMatchObject({ title: 'Alpha, renamed', description: 'Other words.' });
    expect(stored()).toEqual([{ heading: 'Alpha, renamed', paragraph: 'Other words.' }, {}]);
  });

  it('without a browser, names each page whose diagrams need one, says what to do, and builds the rest', { timeout: 60_000 }, async () => {
    const root = tempFolder('site', {
      'content/plain.md': '# Plain\n\n```mermaid\nflowchart LR\n  a --> b\n```\n',
      'content/drawn.md': '---\nmermaid: true\n---\n# Drawn\n\n```mermaid\nflowchart LR\n  never --> cached\n```\n',
    });
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/bin/false';
    try {
      const build = await buildContent(path.join(root, 'content'), path.join(root, 'compiled-pages'));
      expect(build.pages.map((page) => page.url)).toEqual(['/plain/']);
      expect(build.errors.map((error) => error.message)).toEqual([expect.stringMatching(/drawn\.md: Diagrams are drawn at build time .*CHROMIUM_PATH/)]);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('compiles on several workers with the very result of one: pages, bodies and problems, in the same order', { timeout: 120_000 }, async () => {
    const files: Record<string, string> = {};
    for (let index = 0; index < 24; index++) {
      const name = `page-${String(index).padStart(2, '0')}`;
      files[`content/${name}.md`] = `---\ntitle: Page ${index}\nmath: true\n---\n\n## Part ${index}\n\n$x^${index}$ and\n\n\`\`\`js\nlet n = ${index};\n\`\`\`\n`;
      files[`content/${name}-mdx.mdx`] = `---\ntitle: MDX ${index}\n---\n\nSome <abbr title="text">TXT</abbr> ${index}.\n`;
    }
    files['content/broken-math.md'] = '---\ntitle: T\nmath: true\n---\n\nBad $\\frac{1}{$ here.\n';
    files['content/broken.mdx'] = '---\ntitle: M\n---\n\n{1 + 1}\n';
    files['content/diagram.md'] = '---\ntitle: D\nmermaid: true\n---\n\n```mermaid\nflowchart LR\n  a --> b\n```\n';
    const root = tempFolder('site', files);
    const settings = { pageCompileTimeLimitSeconds: 60 };
    const one = await buildContent(path.join(root, 'content'), path.join(root, 'one'), { ...settings, compileWorkers: 1 });
    const two = await buildContent(path.join(root, 'content'), path.join(root, 'two'), { ...settings, compileWorkers: 2 });
    expect(one.pages).toHaveLength(49);
    expect(two.pages).toEqual(one.pages);
    expect(two.errors.map((error) => error.message)).toEqual(one.errors.map((error) => error.message));
    expect(one.errors).toHaveLength(2);
    // The same cache entries, file by file.
    const entries = (folder: string) => fs.readdirSync(path.join(root, folder)).sort().map((name) => [name, fs.readFileSync(path.join(root, folder, name), 'utf8')]);
    expect(entries('two')).toEqual(entries('one'));
    expect(entries('one')).toHaveLength(49);
  });
});

describe('compileWorkerCount', () => {
  it('starts one worker for a few pages, one per core for many', () => {
    expect(compileWorkerCount(0, 2)).toBe(1);
    expect(compileWorkerCount(4, 2)).toBe(1);
    expect(compileWorkerCount(99, 2)).toBe(1);
    expect(compileWorkerCount(100, 2)).toBe(2);
    expect(compileWorkerCount(5000, 2)).toBe(2);
    expect(compileWorkerCount(5000, 8)).toBe(8);
  });
});
