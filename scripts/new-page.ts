/**
 * `npm run new -- "Page title"`: creates content/page-title.md with front matter showing every field and its
 * default, refuses to overwrite a file, and prints the URL the page will have.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileSlugForTitle, newPageSource } from '@/lib/content/new-page';
import { pageNameProblem, slugForFile, urlForSlug } from '@/lib/content/page-urls';
import { site } from '@/lib/site';

const title = process.argv.slice(2).join(' ').trim();
if (!title) {
  console.error('Give the page a title: npm run new -- "Page title"');
  process.exit(1);
}
const slug = fileSlugForTitle(title);
if (!slug) {
  console.error(`"${title}" has no letters or digits to name a file after; choose another title.`);
  process.exit(1);
}
const relative = `${slug}.md`;
const nameProblem = pageNameProblem(relative);
if (nameProblem) {
  console.error(`content/${relative} ${nameProblem.problem} Choose another title; nothing was written.`);
  process.exit(1);
}
const file = path.join(process.cwd(), 'content', relative);
const taken = [file, file.replace(/\.md$/, '.mdx'), path.join(path.dirname(file), slug, 'index.md'), path.join(path.dirname(file), slug, 'index.mdx')].find(
  (candidate) => fs.existsSync(candidate),
);
if (taken) {
  console.error(`${path.relative(process.cwd(), taken)} already makes the page ${urlForSlug(slugForFile(relative))}; nothing was written. Choose another title or edit that file.`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, newPageSource(title, site), { flag: 'wx' });
console.log(`Created content/${relative}; it will be at ${urlForSlug(slugForFile(relative))}`);
