import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

/**
 * The authors' originals (copies of shared/seeds/) against the pages the site shows. The engine may add
 * markup only: every line of prose must be on its page word for word, typos included.
 */
const seeds = [
  { file: '000_8f44cf3c673bbae7.txt', url: '/about/' },
  { file: '001_7bc479c42b691eeb.txt', url: '/software-philosophy/' },
  { file: '002_2b819c3d27215ef8.txt', url: '/about-me/' },
  { file: '003_a47e1d90d97306da.txt', url: '/education/' },
];

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The seed's lines as a reader sees them: Markdown markup removed, front matter, comments and math left out. */
function readableLines(seed: string): string[] {
  const withoutFrontMatter = seed.replace(/^\+\+\+\n[\s\S]*?\n\+\+\+\n/, '');
  return withoutFrontMatter
    .replace(/<!--[\s\S]*?-->/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('$$'))
    .map((line) =>
      normalise(
        line
          .replace(/^#{1,6}\s+/, '')
          .replace(/^(?:[-*+]|\d+\.)\s+/, '')
          .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
          .replace(/\*\*(.+?)\*\*/g, '$1')
          .replace(/\*(.+?)\*/g, '$1'),
      ),
    );
}

for (const { file, url } of seeds) {
  test(`${url} shows every line of ${file} as its author wrote it`, async ({ page }) => {
    const seed = fs.readFileSync(path.join(import.meta.dirname, 'seeds', file), 'utf8');
    await page.goto(url);
    const shown = normalise(await page.getByRole('main').innerText());
    const lines = readableLines(seed);
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(shown, `missing from ${url}`).toContain(line);
  });
}

test('seed 000 keeps its HTML comment in the file and off the page', async ({ page }) => {
  const source = fs.readFileSync(path.join(process.cwd(), 'content', 'about.md'), 'utf8');
  expect(source.startsWith('<!-- content/about.md -->')).toBe(true);
  await page.goto('/about/');
  expect(await page.content()).not.toContain('content/about.md');
});

test('seed 003’s lines are each a paragraph or heading of their own', async ({ page }) => {
  const seed = fs.readFileSync(path.join(import.meta.dirname, 'seeds', '003_a47e1d90d97306da.txt'), 'utf8');
  await page.goto('/education/');
  const blocks = await page.locator('article').locator('h1, h2, h3, p').allInnerTexts();
  expect(blocks.map(normalise)).toEqual(readableLines(seed));
});

test('seed 002 is shipped verbatim, TOML front matter and all', async () => {
  const seed = fs.readFileSync(path.join(import.meta.dirname, 'seeds', '002_2b819c3d27215ef8.txt'), 'utf8');
  expect(fs.readFileSync(path.join(process.cwd(), 'content', 'about-me.md'), 'utf8')).toBe(seed);
});
