import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentErrors } from '@/lib/errors';
import { compileMarkdown } from '@/lib/markdown';
import { tempFolder } from '@/lib/testing/temp-folder';
import { readCollections, type CollectionPage } from './collections';
import { listCollectionSources } from './content-files';

/** A section page content/projects/_index.md calling `call`, beside `files`. */
function site(call: string, files: Record<string, string>, format: 'md' | 'mdx' = 'md') {
  const content = tempFolder('collections', { [`projects/_index.${format}`]: `+++\ntitle = "P"\n+++\n\n${call}\n`, ...Object.fromEntries(Object.entries(files).map(([name, text]) => [`projects/${name}`, text])) });
  const page: CollectionPage = { absolutePath: path.join(content, `projects/_index.${format}`), file: `content/projects/_index.${format}`, format, body: `\n${call}\n`, bodyStartLine: 4 };
  return { content, page };
}

/** Every problem as `file-name:line: message`, the temp folder left out. */
function problems(call: string, files: Record<string, string>, format: 'md' | 'mdx' = 'md'): string[] {
  const { content, page } = site(call, files, format);
  try {
    readCollections(page, content);
  } catch (error) {
    if (error instanceof ContentErrors) return error.errors.map((each) => each.message.replace(/^.*?([^/]+:\d+)/, '$1'));
    throw error;
  }
  return [];
}

const call = '{{ collection(file="projects.toml") }}';

describe('readCollections', () => {
  it('reads and checks serene’s example collection (e2e/serene-site), which compiles', async () => {
    const absolutePath = path.resolve('e2e/serene-site/content/projects/_index.md');
    const source = fs.readFileSync(absolutePath, 'utf8');
    const body = source.slice(source.indexOf('+++', 3) + 4);
    const page: CollectionPage = { absolutePath, file: 'e2e/serene-site/content/projects/_index.md', format: 'md', body, bodyStartLine: source.slice(0, source.indexOf('+++', 3) + 4).split('\n').length };
    const collections = readCollections(page, path.resolve('e2e/serene-site/content'));
    expect(collections['projects.toml']?.map((item) => item.type)).toEqual(['card', 'card_simple', 'entry', 'box', 'art', 'art_simple']);
    const compiled = await compileMarkdown(
      { ...page, frontMatterFormat: 'toml', options: { math: false, mermaid: false, toc: false, insert_anchor_links: 'none' }, collections },
      { siteUrl: 'https://example.com' },
    );
    expect(compiled.format === 'html' && compiled.html).toMatch(/^<section class="collection">(<article class="collection-item [^"]+">.*?<\/article>){6}<\/section>$/s);
    expect(compiled.shownFiles?.map((file) => file.src)).toEqual(['/img/avatar.svg', '/img/avatar.svg']);
  });

  it('takes a TOML date written bare as text, and an .mdx page’s <Collection>', () => {
    const { content, page } = site('<Collection file="projects.toml" />', { 'projects.toml': '[[collection]]\ntype = "card_simple"\ntitle = "A"\ndate = 2024-05-01\ncontent = "x"\n' }, 'mdx');
    expect(readCollections(page, content)).toEqual({ 'projects.toml': [{ type: 'card_simple', title: 'A', date: '2024-05-01', content: 'x' }] });
  });

  it('names every mistake of a file at its line, all at once, with the closest field or type', () => {
    const toml = [
      '[[collection]]', // 1
      'type = "card"',
      'title = "A"',
      'contnet = "typo"', // 4
      '',
      '[[collection]]', // 6
      'type = "cardd"', // 7
      '',
      '[[collection]]', // 9
      'type = "art"',
      'title = "B"', // art needs img
      '',
      '[[collection]]', // 13
      'type = "box"',
      'title = 3', // 15
      'img = "../../../etc/passwd"', // 16
      'link = "javascript:alert(1)"', // 17
    ].join('\n');
    expect(problems(call, { 'projects.toml': toml })).toEqual([
      'projects.toml:1: item 1: a card needs `content`. A card\'s fields: type, title (required), subtitle, date, link, icon, content (required), tags, featured.',
      'projects.toml:4: item 1: `contnet` is not a field of a card. Did you mean `content`?',
      'projects.toml:7: item 2: `type = "cardd"` is not a type of collection item. Did you mean "card"?',
      expect.stringMatching(/^projects\.toml:9: item 3: an art needs `img`\. An art's fields: type, title \(required\), subtitle, link, img \(required\), content, footer\.$/),
      expect.stringMatching(/^projects\.toml:15: item 4: `title` must be text in quotes, got 3\./),
      expect.stringMatching(/^projects\.toml:17: item 4: `link` "javascript:alert\(1\)": `javascript:` URLs run script/),
      expect.stringMatching(/^projects\.toml:16: item 4: `img` "\.\.\/\.\.\/\.\.\/etc\/passwd" climbs out of its folder/),
    ]);
    expect(problems(call, { 'projects.toml': '[[collection]]\ntype = "box"\ntitle = "B"\nicon = "x.png"\n' })).toEqual([
      expect.stringMatching(/^projects\.toml:4: item 1: `icon` is not a field of a box\. `icon` is a field of card, card_simple, entry\. A box's fields: /),
    ]);
  });

  it('reports TOML that does not parse at its line and column', () => {
    expect(problems(call, { 'projects.toml': '[[collection]]\ntype = "card"\ntitle = oops\n' })).toEqual([expect.stringMatching(/^projects\.toml:3:9: does not parse as TOML: invalid value\. Check the quoting/)]);
  });

  it('refuses a missing file, a path out of the folder, a link, a folder and a large file, at the call', () => {
    expect(problems(call, {})).toEqual([expect.stringMatching(/^_index\.md:5: the collection file .*projects\/projects\.toml does not exist\./)]);
    expect(problems('{{ collection(file="../../site.config.ts") }}', {})).toEqual([expect.stringMatching(/^_index\.md:5: the collection file "\.\.\/\.\.\/site\.config\.ts" is not a path inside the page's folder/)]);
    expect(problems('{{ collection(file="notes.md") }}', {})).toEqual([expect.stringMatching(/is not a \.toml file\./)]);
    expect(problems(call, { 'projects.toml/x': '' })).toEqual([expect.stringMatching(/is not a regular file\./)]);
    expect(problems(call, { 'projects.toml': `# ${'x'.repeat(1024 * 1024)}\n` })).toEqual([expect.stringMatching(/is 1\.0 MB; a collection file may be at most 1 MB\./)]);
    const { content, page } = site(call, { 'real.toml': '[[collection]]\ntype = "br"\n' });
    fs.symlinkSync(path.join(content, 'projects/real.toml'), path.join(content, 'projects/projects.toml'));
    expect(() => readCollections(page, content)).toThrow(/is a symbolic link, which the build does not follow\./);
  });

  it('lists the .toml files under content/ for the dev server’s fingerprint, without following links', () => {
    const content = tempFolder('collection-sources', { 'a/_index.md': '', 'a/projects.toml': '', 'b/c/x.TOML': '', 'b/notes.txt': '' });
    fs.symlinkSync(path.join(content, 'a'), path.join(content, 'linked'));
    expect(listCollectionSources(content).map((file) => path.relative(content, file)).sort()).toEqual(['a/projects.toml', 'b/c/x.TOML']);
  });
});
