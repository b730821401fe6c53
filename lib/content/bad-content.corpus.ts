/**
 * The bad-content corpus: malformed and unusual content files, each with the outcome an author should get:
 * a page rendered correctly, or a build error naming the file, the line and what to do. Built by
 * bad-content.test.ts through the real content build, each case in its own throwaway site, time-bound.
 */
import type { ExpectStatic } from 'vitest';
import type { CorpusCase, CorpusPage, CorpusResult } from '@/lib/testing/content-corpus';

const yaml = (front: string, body: string) => `---\n${front}\n---\n\n${body}`;

function onePage(result: CorpusResult, expect: ExpectStatic, url: string): CorpusPage {
  expect(result.errors).toEqual([]);
  const page = result.pages.find((candidate) => candidate.url === url);
  expect(page, `a page at ${url}; got ${result.pages.map((candidate) => candidate.url).join(', ')}`).toBeDefined();
  return page as CorpusPage;
}

/** Exactly these errors, in this order, each matched as a whole line. */
function errors(result: CorpusResult, expect: ExpectStatic, ...patterns: RegExp[]): void {
  expect(result.errors).toHaveLength(patterns.length);
  patterns.forEach((pattern, index) => expect(result.errors[index]).toMatch(pattern));
}

const paragraph = 'Lorem ipsum dolor sit amet, *consectetur* adipiscing elit, sed do [eiusmod](/x/) tempor incididunt ut labore. ';
const megabytePage = `# Big\n\n${Array.from({ length: 9000 }, (_, index) => `${index % 20 === 0 ? `## Section ${index}\n\n` : ''}${paragraph}\n`).join('\n')}`;
const nestedList = Array.from({ length: 200 }, (_, index) => `${'  '.repeat(index)}- level ${index + 1}`).join('\n');
const longHeading = `# ${'x'.repeat(10_000)}`;
const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('# Hello\n', 'utf16le')]);

export const cases: CorpusCase[] = [
  {
    name: 'malformed YAML',
    input: 'YAML front matter with an unclosed quote',
    outcome: 'error at line 2, where the quote opens',
    files: { 'content/bad-yaml.md': '---\ntitle: "Unclosed\ndate: 2024-01-01\n---\n\n# Page\n' },
    check: (result, expect) =>
      errors(result, expect, /^content\/bad-yaml\.md:2: YAML front matter does not parse: a double-quoted value opened on this line is never closed\. End it with " on the same line\./),
  },
  {
    name: 'malformed YAML indentation',
    input: 'a key indented under a plain value',
    outcome: 'error at the line and column YAML names',
    files: { 'content/bad-indent.md': '---\ntitle: Fine\n  lang: en\n---\n\n# Page\n' },
    check: (result, expect) => errors(result, expect, /^content\/bad-indent\.md:3:\d+: YAML front matter does not parse: bad indentation of a mapping entry\. Check the quoting/),
  },
  {
    name: 'malformed TOML',
    input: 'TOML front matter with a bare word as value',
    outcome: 'error at line and column of the value',
    files: { 'content/bad-toml.md': '+++\ntitle = "A"\nmath = yes\n+++\n\nText.\n' },
    check: (result, expect) => errors(result, expect, /^content\/bad-toml\.md:3:8: TOML front matter does not parse: Invalid TOML document: invalid value\. /),
  },
  {
    name: 'front matter never closed',
    input: '`---` on line 1 and no closing `---`',
    outcome: 'error at line 1: never closed',
    files: { 'content/unclosed.md': '---\ntitle: Open\n\nThe text starts here.\n' },
    check: (result, expect) => errors(result, expect, /^content\/unclosed\.md:1: front matter opened with --- on line 1 is never closed\. End it with a --- line/),
  },
  {
    name: 'TOML front matter never closed',
    input: '`+++` on line 1 and no closing `+++`',
    outcome: 'error at line 1: never closed',
    files: { 'content/unclosed-toml.md': '+++\ntitle = "Open"\n\nText.\n' },
    check: (result, expect) => errors(result, expect, /^content\/unclosed-toml\.md:1: front matter opened with \+\+\+ on line 1 is never closed\./),
  },
  {
    name: 'UTF-8 byte-order mark',
    input: 'a BOM before the front matter (Windows Notepad)',
    outcome: 'page; front matter read, BOM not shown',
    files: { 'content/bom.md': `\uFEFF${yaml('title: With BOM', 'Text.\n')}` },
    check: (result, expect) => {
      const page = onePage(result, expect, '/bom/');
      expect(page.title).toBe('With BOM');
      expect(page.html).toBe('<p>Text.</p>');
    },
  },
  {
    name: 'CRLF line endings',
    input: 'every line ends in CRLF; invalid TeX on line 7',
    outcome: 'error at line 7 (lines counted as the editor does)',
    files: { 'content/crlf.md': '---\r\ntitle: Windows\r\nmath: true\r\n---\r\n\r\nFine.\r\nBad $\\frac{1}{$ here.\r\n' },
    check: (result, expect) => errors(result, expect, /^content\/crlf\.md:7:\d+: KaTeX cannot render this math: /),
  },
  {
    name: 'CRLF page',
    input: 'CRLF front matter, list and code block',
    outcome: 'page; no stray carriage returns',
    files: { 'content/crlf-page.md': '---\r\ntitle: Windows\r\n---\r\n\r\n- one\r\n- two\r\n\r\n```\r\ncode\r\n```\r\n' },
    check: (result, expect) => {
      const page = onePage(result, expect, '/crlf-page/');
      expect(page.html).toBe('<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<pre tabindex="0"><code>code\n</code></pre>');
    },
  },
  {
    name: 'lone CR line endings',
    input: 'classic Mac line endings (CR only)',
    outcome: 'page; front matter and paragraphs read',
    files: { 'content/cr.md': '---\rtitle: Classic Mac\r---\r\rFirst.\r\rSecond.\r' },
    check: (result, expect) => {
      const page = onePage(result, expect, '/cr/');
      expect(page.title).toBe('Classic Mac');
      expect(page.html).toBe('<p>First.</p>\n<p>Second.</p>');
    },
  },
  {
    name: 'mixed line endings',
    input: 'LF, CRLF and CR in one file; unknown key on line 3',
    outcome: 'error at line 3',
    files: { 'content/mixed.md': '---\ntitle: Mixed\r\nmaht: true\r---\n\nText.\n' },
    check: (result, expect) => errors(result, expect, /^content\/mixed\.md:3: unknown front-matter key `maht`\. Did you mean `math`\?/),
  },
  {
    name: 'invalid UTF-8',
    input: 'bytes 0xFF 0xFE on line 4 (Latin-1 paste)',
    outcome: 'error at line 4, column 4: not valid UTF-8',
    files: { 'content/latin1.md': Buffer.concat([Buffer.from('# Title\n\nFine.\nCaf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]) },
    check: (result, expect) => errors(result, expect, /^content\/latin1\.md:4:4: is not valid UTF-8: .* Save the file as UTF-8/),
  },
  {
    name: 'UTF-16 file',
    input: 'saved as UTF-16 with its BOM',
    outcome: 'error: saved as UTF-16, save as UTF-8',
    files: { 'content/utf16.md': utf16 },
    check: (result, expect) => errors(result, expect, /^content\/utf16\.md:1:1: is saved as UTF-16, not UTF-8\. Save it as UTF-8/),
  },
  {
    name: 'empty file',
    input: 'zero bytes',
    outcome: 'error at line 1: is empty',
    files: { 'content/empty.md': '' },
    check: (result, expect) => errors(result, expect, /^content\/empty\.md:1: is empty\. Write the page/),
  },
  {
    name: 'blank file',
    input: 'only blank lines and spaces',
    outcome: 'error at line 1: is empty',
    files: { 'content/blank.mdx': '\n  \n\t\n' },
    check: (result, expect) => errors(result, expect, /^content\/blank\.mdx:1: is empty\./),
  },
  {
    name: 'only front matter',
    input: 'front matter with a title, no body',
    outcome: 'page with its <h1> and an empty body',
    files: { 'content/only-front-matter.md': '---\ntitle: Just a title\n---\n' },
    check: (result, expect) => {
      const page = onePage(result, expect, '/only-front-matter/');
      expect([page.title, page.heading, page.html]).toEqual(['Just a title', 'Just a title', '']);
    },
  },
  {
    name: 'empty front matter',
    input: '`---` and `---` with nothing between',
    outcome: 'page titled by its heading',
    files: { 'content/empty-front-matter.md': '---\n---\n# Heading title\n' },
    check: (result, expect) => expect(onePage(result, expect, '/empty-front-matter/').title).toBe('Heading title'),
  },
  {
    name: 'no title',
    input: 'a paragraph, no title anywhere',
    outcome: 'error at line 1: page has no title',
    files: { 'content/untitled.md': 'Just some words.\n' },
    check: (result, expect) => errors(result, expect, /^content\/untitled\.md:1: page has no title\. Add `title: "…"`/),
  },
  {
    name: 'heading only',
    input: 'one `# heading` line',
    outcome: 'page; the heading is its title and h1',
    files: { 'content/heading-only.md': '# Only a heading\n' },
    check: (result, expect) => {
      const page = onePage(result, expect, '/heading-only/');
      expect(page.title).toBe('Only a heading');
      expect(page.heading).toBeNull();
      expect(page.html).toContain('<h1 id="only-a-heading">Only a heading</h1>');
    },
  },
  {
    name: '1 MB page',
    input: '1 MB of paragraphs, links and 450 headings',
    outcome: 'page, complete to its last section',
    files: { 'content/big.md': megabytePage },
    // About 6 s of compile on an idle machine, 15-30 s on a loaded one: past the default limit of 10 s there.
    siteConfig: { pageCompileTimeLimitSeconds: 80 },
    timeLimitMs: 90_000,
    check: (result, expect) => {
      expect(megabytePage.length).toBeGreaterThan(1_000_000);
      const page = onePage(result, expect, '/big/');
      expect(page.html.match(/<h2 /g)).toHaveLength(450);
      expect(page.html).toContain('<h2 id="section-8980">Section 8980</h2>');
      expect(page.html.match(/<a href="\/x\/">eiusmod<\/a>/g)).toHaveLength(9000);
    },
  },
  {
    name: 'page over the size limit',
    input: '2.5 MB (a pasted binary blob)',
    outcome: 'error at line 1: too large, split it',
    files: { 'content/huge.md': `# Huge\n\n${'A'.repeat(2.5 * 1024 * 1024)}\n` },
    check: (result, expect) => errors(result, expect, /^content\/huge\.md:1: is 2\.5 MB; pages may be at most 2 MB .* Split it into several pages/),
  },
  {
    name: '200-level nested list',
    input: 'a list nested 200 levels deep',
    outcome: 'page with 200 nested lists',
    files: { 'content/nested-list.md': `# Lists\n\n${nestedList}\n` },
    timeLimitMs: 30_000,
    check: (result, expect) => {
      const page = onePage(result, expect, '/nested-list/');
      expect(page.html.match(/<ul>/g)).toHaveLength(200);
      expect(page.html).toContain('<li>level 200</li>');
    },
  },
  {
    name: '200-level nested list in MDX',
    input: 'the same list in an .mdx page',
    outcome: 'error at level 60: React loses content that deep; use .md',
    files: { 'content/nested-list.mdx': yaml('title: Lists', `${nestedList}\n`) },
    timeLimitMs: 30_000,
    check: (result, expect) =>
      errors(result, expect, /^content\/nested-list\.mdx:64:\d+: the page nests lists, quotes or elements more than 120 levels deep here; .* rename the page to \.md/),
  },
  {
    name: '50-level nested list in MDX',
    input: 'a list nested 50 levels deep in .mdx, rendered by React',
    outcome: 'page with 50 nested lists',
    files: { 'content/nested-50.mdx': yaml('title: Lists', `${nestedList.split('\n').slice(0, 50).join('\n')}\n`) },
    check: (result, expect) => {
      const page = onePage(result, expect, '/nested-50/');
      expect(page.html.match(/<ul>/g)).toHaveLength(50);
      expect(page.html).toContain('<li>level 50</li>');
    },
  },
  {
    name: '200-level nested blockquote',
    input: '`>` 200 times',
    outcome: 'page with 200 nested blockquotes',
    files: { 'content/nested-quote.md': `# Quotes\n\n${'>'.repeat(200)} deep\n` },
    check: (result, expect) => {
      const page = onePage(result, expect, '/nested-quote/');
      expect(page.html.match(/<blockquote>/g)).toHaveLength(200);
      expect(page.html).toContain('<p>deep</p>');
    },
  },
  {
    name: '2,000-level nested blockquote',
    input: '`>` 2,000 times',
    outcome: 'error at the quote past level 500: flatten it (was a bare stack overflow)',
    files: { 'content/deep-quote.md': `# Quotes\n\n${'>'.repeat(2000)} deep\n` },
    check: (result, expect) =>
      errors(result, expect, /^content\/deep-quote\.md:3:501: the page nests lists, quotes or elements more than 500 levels deep here; the compiler would run out of stack that deep\. Flatten the nesting\.$/),
  },
  {
    name: '10,000-level nested blockquote',
    input: '`>` 10,000 times',
    outcome: 'error at the quote past level 500 (was a stack overflow while parsing)',
    files: { 'content/deeper-quote.md': `# Quotes\n\n${'>'.repeat(10_000)} deep\n` },
    check: (result, expect) => errors(result, expect, /^content\/deeper-quote\.md:3:501: the page nests lists, quotes or elements more than 500 levels deep here; /),
  },
  {
    name: '10,000-level nested blockquote in MDX',
    input: '`>` 10,000 times in an .mdx page',
    outcome: 'error at the quote past level 120 (was a stack overflow without a line)',
    files: { 'content/deep-quote.mdx': yaml('title: Quotes', `${'>'.repeat(10_000)} deep\n`) },
    check: (result, expect) => errors(result, expect, /^content\/deep-quote\.mdx:5:121: the page nests lists, quotes or elements more than 120 levels deep here; /),
  },
  {
    name: 'page over the compile time limit',
    input: '160 KB of `[a](` (quadratic in the parser) under a 1 s limit, beside a good page and a broken one',
    outcome: 'error naming the page and the setting; the other pages built or reported in the same build',
    files: {
      // Title and description given: reading them from the text is slow on this page too, before any compile.
      'content/a-slow.md': yaml('title: Slow\ndescription: A page the parser is slow on.', `${'[a]('.repeat(40_000)}\n`),
      'content/b-fine.md': '# Fine\n\nText.\n',
      'content/c-broken.md': yaml('title: Broken\nmath: true', 'Bad $\\frac{1}{$ math.\n'),
    },
    siteConfig: { pageCompileTimeLimitSeconds: 1 },
    // The slow page's second, and starting the compile worker twice (the second after the slow page is stopped).
    timeLimitMs: 15_000,
    check: (result, expect) => {
      errors(
        result,
        expect,
        /^content\/a-slow\.md:6: compiling this page took longer than 1 s, so the build stopped it\. .* raise pageCompileTimeLimitSeconds in site\.config\.ts\.$/,
        /^content\/c-broken\.md:6:\d+: KaTeX cannot render this math: /,
      );
      expect(result.pages.map((page) => [page.url, page.html])).toEqual([['/b-fine/', expect.stringContaining('<p>Text.</p>')]]);
    },
  },
  {
    name: 'slow opening read by the compile workers',
    input: 'a heading, then 160 KB of `[a](`, no front matter: its opening is read for the title and description, under a 1 s limit',
    outcome: 'error naming the page and the setting; its opening is read no further than 16 KB, so the worker that reads it does not stall',
    files: {
      'content/a-slow.md': `# Slow\n\n${'[a]('.repeat(40_000)}\n`,
      'content/b-fine.md': '# Fine\n\nText.\n',
    },
    siteConfig: { pageCompileTimeLimitSeconds: 1 },
    timeLimitMs: 15_000,
    check: (result, expect) => {
      errors(result, expect, /^content\/a-slow\.md:1: compiling this page took longer than 1 s, so the build stopped it\. /);
      expect(result.pages.map((page) => [page.url, page.title])).toEqual([['/b-fine/', 'Fine']]);
    },
  },
  {
    name: '10,000-character heading',
    input: 'a `# heading` of 10,000 letters',
    outcome: 'page; whole heading as title, h1 and id',
    files: { 'content/long-heading.md': `${longHeading}\n\nText.\n` },
    check: (result, expect) => {
      const page = onePage(result, expect, '/long-heading/');
      expect(page.title).toHaveLength(10_000);
      expect(page.html).toContain(`<h1 id="${'x'.repeat(10_000)}">${'x'.repeat(10_000)}</h1>`);
    },
  },
  {
    name: 'pathological emphasis',
    input: '5,000 unclosed `*`, `[` and `_` runs',
    outcome: 'page, in bounded time',
    files: { 'content/stars.md': `# Stars\n\n${'*a '.repeat(5000)}\n\n${'['.repeat(5000)}\n\n${'_'.repeat(10_000)}\n` },
    timeLimitMs: 30_000,
    check: (result, expect) => {
      const page = onePage(result, expect, '/stars/');
      expect(page.html).toContain(`<p>${'[' .repeat(5000)}</p>`);
    },
  },
  {
    name: 'duplicate URL',
    input: '`about.md` and `about/index.md`',
    outcome: 'error at line 1 naming both files',
    files: { 'content/about.md': '# About\n', 'content/about/index.md': '# About too\n' },
    check: (result, expect) => errors(result, expect, /^content\/about\/index\.md:1: content\/about\.md and content\/about\/index\.md both make the page \/about\/\. Rename or remove one/),
  },
  {
    name: 'duplicate URL by case',
    input: '`Notes.md` and `notes.md`',
    outcome: 'error: both make /notes/',
    files: { 'content/Notes.md': '# Notes\n', 'content/notes.md': '# notes\n' },
    check: (result, expect) => errors(result, expect, /^content\/notes\.md:1: content\/Notes\.md and content\/notes\.md both make the page \/notes\/\./),
  },
  {
    name: 'folder named like a page',
    input: '`projects.md` beside `projects/alpha.md`',
    outcome: 'two pages: /projects/ and /projects/alpha/',
    files: { 'content/projects.md': '# Projects\n', 'content/projects/alpha.md': '# Alpha\n' },
    check: (result, expect) => {
      expect(result.errors).toEqual([]);
      expect(result.pages.map((page) => page.url)).toEqual(['/projects/', '/projects/alpha/']);
    },
  },
  {
    name: 'symlink out of content/',
    input: '`content/leak.md` → a file outside content/',
    outcome: 'error at line 1; the outside file is not published',
    files: { 'secret.md': '# Secret\n\nPRIVATE KEY\n', 'content/ok.md': '# OK\n' },
    symlinks: { 'content/leak.md': '../secret.md' },
    check: (result, expect) => {
      errors(result, expect, /^content\/leak\.md:1: is a symbolic link to \.\.\/secret\.md, outside the content folder; .* Copy the page into content\//);
      expect(result.pages.map((page) => page.url)).toEqual(['/ok/']);
      expect(JSON.stringify(result.pages)).not.toContain('PRIVATE KEY');
    },
  },
  {
    name: 'symlinked folder out of content/',
    input: '`content/docs` → a folder outside',
    outcome: 'error at line 1; nothing from it published',
    files: { 'elsewhere/page.md': '# Elsewhere\n', 'content/ok.md': '# OK\n' },
    symlinks: { 'content/docs': '../elsewhere' },
    check: (result, expect) => {
      errors(result, expect, /^content\/docs:1: is a symbolic link to \.\.\/elsewhere, outside the content folder/);
      expect(result.pages.map((page) => page.url)).toEqual(['/ok/']);
    },
  },
  {
    name: 'broken symlink',
    input: '`content/gone.md` → a file that does not exist',
    outcome: 'error at line 1: link to nothing',
    files: { 'content/ok.md': '# OK\n' },
    symlinks: { 'content/gone.md': 'nowhere.md' },
    check: (result, expect) => errors(result, expect, /^content\/gone\.md:1: is a symbolic link to nowhere\.md, which does not exist\./),
  },
  {
    name: 'symlink inside content/',
    input: '`content/alias.md` → `content/real.md`',
    outcome: 'two pages with the same text',
    files: { 'content/real.md': '# Real\n' },
    symlinks: { 'content/alias.md': 'real.md' },
    check: (result, expect) => {
      expect(result.errors).toEqual([]);
      expect(result.pages.map((page) => [page.url, page.title])).toEqual([
        ['/alias/', 'Real'],
        ['/real/', 'Real'],
      ]);
    },
  },
  {
    name: 'file names: spaces, capitals, non-ASCII',
    input: '`My Notes.md`, `CV 2024.md`, `Über Mich.md`, `日本語 ページ.md`, `Talks/Deep  Dive.mdx`, `C++ & Rust.md`, `v1.2.md`',
    outcome: 'pages at /my-notes/, /cv-2024/, /über-mich/, /日本語-ページ/, /talks/deep-dive/, /c-rust/, /v1.2/',
    files: {
      'content/My Notes.md': '# My notes\n',
      'content/CV 2024.md': '# CV\n',
      // Written decomposed (as macOS file systems store it): the URL uses the composed ü all the same.
      ['content/U\u0308ber Mich.md']: '# Über mich\n',
      'content/日本語 ページ.md': '# 日本語\n',
      'content/Talks/Deep  Dive.mdx': yaml('title: Deep dive', 'Text.\n'),
      'content/C++ & Rust.md': '# C++ and Rust\n',
      'content/v1.2.md': '# Version 1.2\n',
    },
    check: (result, expect) => {
      expect(result.errors).toEqual([]);
      expect(result.pages.map((page) => page.url).sort()).toEqual(
        ['/my-notes/', '/cv-2024/', '/\u00fcber-mich/', '/日本語-ページ/', '/talks/deep-dive/', '/c-rust/', '/v1.2/'].sort(),
      );
    },
  },
  {
    name: 'file name without letters',
    input: '`!!.md`',
    outcome: 'error at line 1: name makes no URL',
    files: { 'content/!!.md': '# Bang\n' },
    check: (result, expect) => errors(result, expect, /^content\/!!\.md:1: has a file or folder name without a letter or digit, so it makes no URL/),
  },
  {
    name: 'unknown template',
    input: '`template: fancy`',
    outcome: 'error at the template line, listing the templates',
    files: { 'content/template.md': yaml('title: T\ntemplate: fancy', 'Text.\n') },
    check: (result, expect) => errors(result, expect, /^content\/template\.md:3: `template` must be "prose" or a template file name such as "page\.html", got "fancy"\./),
  },
  {
    name: 'invalid TeX',
    input: '`$\\frac{1}{$` on a math page',
    outcome: 'error at line and column, KaTeX’s message',
    files: { 'content/tex.md': yaml('title: T\nmath: true', 'Fine.\n\nBroken $\\frac{1}{$ math.\n') },
    check: (result, expect) => errors(result, expect, /^content\/tex\.md:8:\d+: KaTeX cannot render this math: KaTeX parse error: .* Fix the TeX/),
  },
  {
    name: 'MDX that does not compile',
    input: 'an unclosed `<div>` in .mdx',
    outcome: 'error at the line, MDX’s reason, what to do',
    files: { 'content/broken.mdx': yaml('title: M', 'Text.\n\n<div>\n\nNever closed.\n') },
    check: (result, expect) => errors(result, expect, /^content\/broken\.mdx:7:1: MDX does not compile: Expected a closing tag for `<div>`.* rename the file to \.md\./),
  },
  {
    name: 'HTML comment in MDX',
    input: '`<!-- … -->` in .mdx (valid in .md)',
    outcome: 'error at line 7 suggesting {/* … */}',
    files: { 'content/comment.mdx': yaml('title: M', 'Text.\n\n<!-- a note -->\n') },
    check: (result, expect) => errors(result, expect, /^content\/comment\.mdx:7:\d+: MDX does not compile: .* write HTML comments as \{\/\* … \*\/\}/),
  },
  {
    name: 'unclosed HTML comment',
    input: '`<!--` with no `-->` in .md',
    outcome: 'error at its line (else the rest of the page vanishes)',
    files: { 'content/open-comment.md': '# Page\n\nBefore.\n\n<!-- draft note\n\nAfter.\n' },
    check: (result, expect) => errors(result, expect, /^content\/open-comment\.md:5:1: this HTML comment is never closed, so everything after it would be hidden\. End the comment with -->\./),
  },
  {
    name: 'Word paste',
    input: 'smart quotes, non-breaking and zero-width spaces, dashes, ellipsis, soft hyphen',
    outcome: 'page; every character kept as typed',
    files: { 'content/word.md': '# “Quoted” heading\n\nIt\u2019s\u00a0a \u201cpaste\u201d \u2014 from Word\u2026 with zero\u200bwidth and soft\u00adhyphen.\n' },
    check: (result, expect) => {
      const page = onePage(result, expect, '/word/');
      expect(page.title).toBe('“Quoted” heading');
      expect(page.html).toContain('<p>It\u2019s\u00a0a \u201cpaste\u201d \u2014 from Word\u2026 with zero\u200bwidth and soft\u00adhyphen.</p>');
      expect(page.html).toContain('id="quoted-heading"');
    },
  },
  {
    name: 'tabs',
    input: 'tab-indented code block and tab-separated list markers',
    outcome: 'page; code block and list',
    files: { 'content/tabs.md': '# Tabs\n\n\tconst x = 1;\n\n-\tone\n-\ttwo\n' },
    check: (result, expect) =>
      expect(onePage(result, expect, '/tabs/').html).toContain('<pre tabindex="0"><code>const x = 1;\n</code></pre>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>'),
  },
  {
    name: 'NUL bytes',
    input: 'a NUL character inside a paragraph',
    outcome: 'page; NUL shown as U+FFFD (CommonMark)',
    files: { 'content/nul.md': '# Nul\n\na\u0000b\n' },
    check: (result, expect) => expect(onePage(result, expect, '/nul/').html).toContain('<p>a\ufffdb</p>'),
  },
  {
    name: 'YAML with a JavaScript tag',
    input: '`title: !!js/function …`',
    outcome: 'error: unknown tag (YAML is read safely)',
    files: { 'content/js-tag.md': '---\ntitle: !!js/function "function () { return 1 }"\n---\n' },
    check: (result, expect) => errors(result, expect, /^content\/js-tag\.md:2:\d+: YAML front matter does not parse: unknown tag !<tag:yaml\.org,2002:js\/function>\./),
  },
  {
    name: 'several broken files',
    input: 'three broken files and a good one',
    outcome: 'every error listed in one build, the good page built',
    files: {
      'content/good.md': '# Good\n',
      'content/a.md': '',
      'content/b.md': '---\ntitle: B\n',
      'content/c.mdx': yaml('title: C', '{1 + 1}\n'),
    },
    check: (result, expect) => {
      expect(result.pages.map((page) => page.url)).toEqual(['/good/']);
      errors(result, expect, /^content\/a\.md:1: is empty\./, /^content\/b\.md:1: front matter opened/, /^content\/c\.mdx:5:1: `\{1 \+ 1\}` is a JavaScript expression/);
    },
  },
  // ——— Zola sites: sections, page fields, internal links ———
  {
    name: 'two pages, one URL through path and slug',
    input: '`path = "notes/b"` on one page, `slug = "b"` on another, and notes/b.md',
    outcome: 'one error for each page that claims a URL already taken',
    files: {
      'content/notes/b.md': '+++\ntitle = "B"\n+++\nB.\n',
      'content/notes/c.md': '+++\ntitle = "C"\nslug = "b"\n+++\nC.\n',
      'content/elsewhere.md': '+++\ntitle = "E"\npath = "notes/b"\n+++\nE.\n',
    },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/notes\/b\.md:1: content\/elsewhere\.md and content\/notes\/b\.md both make the page \/notes\/b\/\. Rename/,
        /^content\/notes\/c\.md:1: content\/elsewhere\.md and content\/notes\/c\.md both make the page \/notes\/b\/\. Rename/,
      ),
  },
  {
    name: 'alias over a real page',
    input: '`aliases = ["/about/"]` while content/about.md exists',
    outcome: 'error at the aliases line naming the page it would replace',
    files: { 'content/about.md': '# About\n', 'content/new.md': '+++\ntitle = "New"\naliases = ["/about/"]\n+++\nNew.\n' },
    check: (result, expect) => errors(result, expect, /^content\/new\.md:3: the alias "\/about\/" is \/about\/, which content\/about\.md already is\. Remove the alias/),
  },
  {
    name: 'section settings out of range',
    input: '`paginate_by = 0` and `sort_by = "colour"` in an _index.md',
    outcome: 'both errors at their lines, the allowed sort orders listed',
    files: { 'content/posts/_index.md': '+++\ntitle = "Posts"\npaginate_by = 0\nsort_by = "colour"\n+++\n' },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/posts\/_index\.md:3: `paginate_by`: at least 1 \(leave it out for no pagination\), got 0\.$/,
        /^content\/posts\/_index\.md:4: `sort_by` must be one of "date", "update_date", "title", "title_bytes", "weight", "slug", "none", got "colour"\./,
      ),
  },
  {
    name: 'internal link into a draft, to a missing page and heading',
    input: '`@/posts/draft.md`, `@/posts/gone.md` and `@/about.md#nowhere`',
    outcome: 'one error each at the link’s line',
    files: {
      'content/about.md': '# About\n\n## Work\n',
      'content/posts/draft.md': '+++\ntitle = "D"\ndraft = true\n+++\n',
      'content/links.md': '# Links\n\n[d](@/posts/draft.md)\n\n[g](@/posts/gone.md)\n\n[h](@/about.md#nowhere) and [w](@/about.md#work)\n',
    },
    check: (result, expect) => {
      errors(
        result,
        expect,
        /^content\/links\.md:3: the link @\/posts\/draft\.md leads to a draft, which the site does not publish\. Publish/,
        /^content\/links\.md:5: the link @\/posts\/gone\.md names content\/posts\/gone\.md, which is not a page\. Write/,
        /^content\/links\.md:7: the link @\/about\.md#nowhere names the heading #nowhere, which content\/about\.md does not have\. Its ids: about, work\.$/,
      );
    },
  },
  {
    name: 'a date in the file name that is not a date',
    input: '`2024-02-30-leap.md`',
    outcome: 'error at line 1: not a date, with the form to use',
    files: { 'content/posts/2024-02-30-leap.md': '+++\ntitle = "Leap"\n+++\n' },
    check: (result, expect) => errors(result, expect, /^content\/posts\/2024-02-30-leap\.md:1: the name "2024-02-30-leap" starts with 2024-02-30, which is not a date\. Write the date as YYYY-MM-DD/),
  },
  {
    name: 'a term of a taxonomy the site does not declare',
    input: '`[taxonomies] tags = ["rust"]` with no taxonomies in site.config.ts',
    outcome: 'error at the taxonomy’s line, saying what to add',
    files: { 'content/post.md': '+++\ntitle = "P"\n\n[taxonomies]\ntags = ["rust"]\n+++\n' },
    check: (result, expect) => errors(result, expect, /^content\/post\.md:5: the taxonomy `tags` is not declared in site\.config\.ts\. Add `taxonomies: \[\{ name: 'tags' \}\]` to site\.config\.ts\./),
  },
  {
    name: 'a Zola site’s own shortcode',
    input: '`{{ gallery(dir="x") }}` in a .md page',
    outcome: 'error at the call’s line, naming the shortcodes the engine has',
    files: { 'content/photos.md': '+++\ntitle = "Photos"\n+++\n\nSee:\n\n{{ gallery(dir="x") }}\n' },
    check: (result, expect) => errors(result, expect, /^content\/photos\.md:7:\d+: .*gallery.*mermaid/),
  },
  {
    name: 'a callout never closed',
    input: '`{% note() %}` with no `{% end %}`',
    outcome: 'error at the call’s line, saying how to end it',
    files: { 'content/unclosed-note.md': '+++\ntitle = "Note"\n+++\n\nIntro.\n\n{% note() %}\nNever closed.\n' },
    check: (result, expect) => errors(result, expect, /^content\/unclosed-note\.md:7:1: `\{% note\(…\) %\}` is never closed\. End its body with `\{% end %\}`\./),
  },
  {
    name: 'a figure whose picture does not exist',
    input: '`{{ figure(src="photo.jpg") }}` in a bundle without photo.jpg, and `src="/images/gone.png"` with no such file in public/',
    outcome: 'an error at each call’s line, saying where to put the picture',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n{{ figure(src="photo.jpg") }}\n\n{{ figure(src="/images/gone.png") }}\n' },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/trip\/index\.md:5: the picture photo\.jpg does not exist beside the page \(as \/trip\/photo\.jpg\)\. Put it at content\/trip\/photo\.jpg/,
        /^content\/trip\/index\.md:7: the picture \/images\/gone\.png does not exist in public\/ \(as public\/images\/gone\.png\)\./,
      ),
  },
  {
    name: 'a section that redirects nowhere',
    input: '`redirect_to = "docs/missing/"`',
    outcome: 'error at the redirect_to line',
    files: { 'content/docs/_index.md': '+++\ntitle = "Docs"\nredirect_to = "docs/missing/"\n+++\n' },
    check: (result, expect) => errors(result, expect, /^content\/docs\/_index\.md:3: `redirect_to` points to \/docs\/missing\/, which is not a page of this site\./),
  },
  {
    name: 'a serene home page with three mistakes',
    input: '`avatar = "notes.txt"`, `date_format = "%b %Q"` and a link with `icon = "githubb"` on a home.html page',
    outcome: 'one error per mistake, each at its line, all at once',
    files: {
      'content/_index.md': [
        '+++',
        'template = "home.html"',
        '[extra]',
        'name = "Jane"',
        'avatar = "notes.txt"',
        'date_format = "%b %Q"',
        'links = [',
        '  { name = "GitHub", icon = "githubb", url = "https://github.com/jane" },',
        ']',
        '+++',
        'Hi.',
      ].join('\n'),
    },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/_index\.md:6: `extra\.date_format`: `%Q` is not a date directive this engine writes .* Write a pattern such as "%b %-d, %Y"/,
        /^content\/_index\.md:5: the avatar `notes\.txt` is not a picture\. Use a \.webp, \.avif, \.jpg, \.png, \.gif or \.svg file\./,
        /^content\/_index\.md:8: the link "GitHub" names the icon `githubb`, which the engine does not draw\. Icons: .*github.*/,
      ),
  },
  {
    name: 'a collection file that does not exist',
    input: '`{{ collection(file="projects.toml") }}` in content/projects/_index.md with no projects.toml beside it',
    outcome: 'error at the call’s line, naming the file it looked for',
    files: { 'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="projects.toml") }}\n' },
    check: (result, expect) =>
      errors(result, expect, /^content\/projects\/_index\.md:5: the collection file content\/projects\/projects\.toml does not exist\. Create it beside the page/),
  },
  {
    name: 'a collection file that is not TOML',
    input: 'projects.toml with `title = oops` (a bare word) on line 3',
    outcome: 'error at line 3 of the TOML file, where the value is',
    files: {
      'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="projects.toml") }}\n',
      'content/projects/projects.toml': '[[collection]]\ntype = "card"\ntitle = oops\ncontent = "x"\n',
    },
    check: (result, expect) => errors(result, expect, /^content\/projects\/projects\.toml:3:9: does not parse as TOML: invalid value\. Check the quoting/),
  },
  {
    name: 'collection items of an unknown type and without a required field',
    input: 'an item `type = "cardd"`, and an `art` without `img`, in projects.toml',
    outcome: 'an error at each item’s line of the TOML file, the type’s closest name and the fields suggested, all at once',
    files: {
      'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="projects.toml") }}\n',
      'content/projects/projects.toml': '[[collection]]\ntype = "cardd"\ntitle = "A"\n\n[[collection]]\ntype = "art"\ntitle = "B"\n',
    },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/projects\/projects\.toml:2: item 1: `type = "cardd"` is not a type of collection item\. Did you mean "card"\?$/,
        /^content\/projects\/projects\.toml:5: item 2: an art needs `img`\. An art's fields: type, title \(required\), subtitle, link, img \(required\), content, footer\.$/,
      ),
  },
  {
    name: 'Markdown pictures that are not there',
    input: '`![A photo](photo.jpg)` with no photo.jpg beside the bundle page, and `![x](../../../etc/passwd.png)` climbing out',
    outcome: 'an error at each line: the build publishes only pictures it has',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![A photo](photo.jpg)\n\n![x](../../../etc/passwd.png)\n' },
    check: (result, expect) =>
      errors(
        result,
        expect,
        /^content\/trip\/index\.md:5: the picture photo\.jpg does not exist beside the page \(as \/trip\/photo\.jpg\)\./,
        /^content\/trip\/index\.md:7: the picture \.\.\/\.\.\/\.\.\/etc\/passwd\.png does not exist beside the page \(as \/etc\/passwd\.png\)\./,
      ),
  },
];
