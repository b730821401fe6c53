import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageNameProblem, reservedUrlSegments, urlSegment } from './page-urls';

describe('urlSegment: a file or folder name as a URL segment', () => {
  it.each([
    ['about', 'about'],
    ['My Notes', 'my-notes'],
    ['CV\u00a02024', 'cv-2024'],
    ['U\u0308ber Mich', '\u00fcber-mich'],
    ['日本語 ページ', '日本語-ページ'],
    ['C++ & Rust', 'c-rust'],
    ['v1.2', 'v1.2'],
    ['snake_case', 'snake_case'],
    ['  --Spaced--  ', 'spaced'],
    ['zero\u200bwidth', 'zerowidth'],
    ['!!', ''],
  ])('%j → %j', (name, segment) => {
    expect(urlSegment(name)).toBe(segment);
  });
});

/** The problem and hint as one line, as the build prints them. */
const problemOf = (relativePath: string) => {
  const found = pageNameProblem(relativePath);
  return found && `${found.problem} ${found.hint}`;
};

describe('pageNameProblem: names that may not make a URL', () => {
  it.each(['about.md', 'notes/x.mdx', 'index.md', 'notes/index.md', 'My Notes.md', 'U\u0308ber Mich.md', 'v1.2.md', 'notes/404.md', 'notes/og/x.md', 'og-images.md', 'notes/index/x.md'])(
    '%j is fine',
    (relativePath) => expect(pageNameProblem(relativePath)).toBeUndefined(),
  );

  it.each([
    [' _headers.md', /^the file name " _headers\.md" starts with a space, which its URL \(\/_headers\/\) does not show\. Rename it to "_headers\.md" if it is not meant to be a page \(names starting with `_` or `\.` are not pages\), or give it a name that starts with a letter or digit\.$/],
    [' .well-known.md', /^the file name " \.well-known\.md" starts with a space, which its URL \(\/\.well-known\/\) does not show\. Rename it to "\.well-known\.md" if/],
    ['\u00a0_next.mdx', /^the file name "\u00a0_next\.mdx" starts with a space, .* Rename it to "_next\.mdx" if/],
    ['\u3000_x.md', /starts with a space/],
    ['about.md ', /^the file name "about\.md " ends with a space, which its URL \(\/about\/\) does not show\. Rename it to "about\.md"\.$/],
    ['about .md', /^the file name "about \.md" has a space before its extension, .* Rename it to "about\.md"\.$/],
    [' drafts/x.md', /^the folder name " drafts" starts with a space, which its URL \(\/drafts\/x\/\) does not show\. Rename it to "drafts"\.$/],
    ['notes /x.md', /^the folder name "notes " ends with a space/],
    [' U\u0308ber.md', /Rename it to "\u00dcber\.md"\./],
  ])('%j: a space at either end of a name', (relativePath, pattern) => {
    expect(problemOf(relativePath)).toMatch(pattern);
  });

  it.each([
    ['og.md', /^makes the URL \/og\/, but \/og\/ is reserved: it holds the preview images\. Rename "og\.md"\.$/],
    ['OG/index.md', /^makes the URL \/og\/, but \/og\/ is reserved/],
    ['404.md', /\/404\/ is reserved: it holds Next\.js's copy of the 404 page/],
    ['(_next).md', /^makes the URL \/_next\/, but \/_next\/ is reserved: it holds Next\.js's stylesheets and fonts\./],
    ['-_headers.md', /\/_headers\/ is reserved/],
    ['\\_redirects.md', /\/_redirects\/ is reserved/],
    ['\u200b.well-known/security.txt.md', /^makes the URL \/\.well-known\/security\.txt\/, but \/\.well-known\/ is reserved/],
    ['Enhance/copy-code.js.md', /\/enhance\/ is reserved/],
    ['katex/x.md', /\/katex\/ is reserved/],
    ['Atom.xml.md', /\/atom\.xml\/ is reserved/],
    ['index/index.md', /^makes the URL \/index\/, but \/index\/ is reserved: it holds the home page/],
    ['cdn-cgi/trace.md', /\/cdn-cgi\/ is reserved/],
  ])('%j: a URL the engine or the host keeps', (relativePath, pattern) => {
    expect(problemOf(relativePath)).toMatch(pattern);
  });

  it.each([
    ['-_partial.md', '/_partial/', '_'],
    ['\u200b.secret.md', '/.secret/', '.'],
    ['notes/(_x).md', '/notes/_x/', '_'],
    ['(.notes)/x.md', '/.notes/x/', '.'],
  ])('%j: a segment starting with `_` or `.` that the name did not start with', (relativePath, url, character) => {
    expect(problemOf(relativePath)).toBe(
      `makes the URL ${url}, whose segment \`${url.split('/').find((segment) => segment.startsWith(character))}\` starts with \`${character}\`: such paths are not pages (they are the author's own files, or the host's). Rename it so that each name starts with a letter or digit.`,
    );
  });

  it('a name without a letter or digit makes no URL', () => {
    expect(problemOf('!!.md')).toMatch(/^has a file or folder name without a letter or digit, so it makes no URL \("!!\.md"\)\./);
  });

  it('reserves what the export writes at the top: every route folder of app/, and the engine’s own files', () => {
    const routeFolders = fs
      .readdirSync(path.join(process.cwd(), 'app'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('['))
      .map((entry) => entry.name);
    expect(routeFolders).toContain('atom.xml');
    for (const name of [...routeFolders, 'sitemap.xml', 'robots.txt', 'icon.svg', '404.html', '_next', '_headers', '_redirects', '.well-known', 'og', 'enhance']) {
      expect(reservedUrlSegments.has(name), name).toBe(true);
    }
  });
});
