/**
 * A synthetic content folder for benchmarks: N pages mixing headings, lists, code, inline and display
 * math, and every anchor mode. Deterministic (seeded), so runs compare like with like.
 */
import fs from 'node:fs';
import path from 'node:path';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const words = 'system data model latency queue cache shard replica index tensor gradient schema pipeline kernel packet stream batch vector graph cluster'.split(' ');
const anchorModes = ['none', 'left', 'right', 'heading'] as const;

function sentence(next: () => number, length = 8 + Math.floor(next() * 10)): string {
  const chosen = Array.from({ length }, () => words[Math.floor(next() * words.length)] ?? 'data');
  const text = chosen.join(' ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function paragraph(next: () => number): string {
  return Array.from({ length: 2 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
}

/** The notation a site's math pages share: formulas written the same way on many pages. */
const sharedFormulas = [
  'a^2 + b^2 = c^2',
  'e^{i\\pi} + 1 = 0',
  '\\mathbb{E}[X] = \\sum_x x\\,p(x)',
  '\\nabla \\cdot \\mathbf{E} = \\frac{\\rho}{\\varepsilon_0}',
  'f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}',
  '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  'O(n \\log n)',
  '\\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}',
  'P(A \\mid B) = \\frac{P(B \\mid A)\\,P(A)}{P(B)}',
  '\\hat{y} = \\operatorname{softmax}(W x + b)',
  '\\|x\\|_2 = \\sqrt{\\textstyle\\sum_i x_i^2}',
  '\\frac{\\partial L}{\\partial w} = \\frac{\\partial L}{\\partial y}\\,\\frac{\\partial y}{\\partial w}',
];

/** How many tags the sectioned corpus spreads over its pages (two a page). */
const tagCount = 50;

export function corpusPage(index: number, sectioned = false): string {
  const next = random(index + 1);
  const math = index % 3 === 0;
  const mode = anchorModes[index % anchorModes.length] ?? 'right';
  // A sectioned site's posts are dated (one a day back from 2024-12-31) and tagged, as a blog's are.
  const posted = new Date(Date.UTC(2024, 11, 31) - index * 86_400_000).toISOString().slice(0, 10);
  const lines = [
    '---',
    `title: "Bench page ${index}"`,
    `description: "${sentence(next, 10)}"`,
    `math: ${math}`,
    `insert_anchor_links: ${mode}`,
    ...(sectioned ? [`date: ${posted}`, 'taxonomies:', `  tags: ["tag ${index % tagCount}", "tag ${(index * 7 + 3) % tagCount}"]`] : []),
    '---',
    '',
    paragraph(next),
    '',
  ];
  for (let section = 1; section <= 3; section++) {
    lines.push(`## Section ${section}: ${sentence(next, 3).slice(0, -1)}`, '', paragraph(next), '');
    lines.push(...Array.from({ length: 3 }, () => `- ${sentence(next, 6)}`), '');
    if (section === 2) lines.push('```ts', `const value${index} = compute(${index}, ${section});`, 'console.log(value);', '```', '');
    if (math) {
      // Four formulas a section, twelve a page: three of a notation the whole site shares, one of this page's own.
      const shared = () => sharedFormulas[Math.floor(next() * sharedFormulas.length)] ?? 'x';
      lines.push(`Inline math $${shared()}$ in a sentence, and $${shared()}$ beside it.`, '');
      lines.push('$$', shared(), '$$', '');
      lines.push('$$', `\\sum_{i=1}^{${index + section}} \\frac{x_i}{\\sqrt{${section}}} = \\int_0^1 f(t)\\,dt`, '$$', '');
    }
    lines.push(`### Details ${section}`, '', paragraph(next), '');
  }
  return `${lines.join('\n')}\n`;
}

/** Where page `index` lives under the content folder: folders of 100 pages. */
export const corpusPath = (index: number) => path.join(`section-${Math.floor(index / 100)}`, `page-${index}.md`);

/** Pages a sectioned corpus's section lists on one page, and its tags too. */
const paginateBy = 20;

/**
 * Writes N pages into folders of 100 (content/section-0/page-0.md …). Sectioned, each folder is a Zola section
 * (`_index.md`: newest first, 20 a page) and content/_index.md the home section; the pages are dated and tagged.
 */
export function writeCorpus(contentDirectory: string, pages: number, sectioned = false): void {
  fs.rmSync(contentDirectory, { recursive: true, force: true });
  for (let index = 0; index < pages; index++) {
    const file = path.join(contentDirectory, corpusPath(index));
    const folder = path.dirname(file);
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(file, corpusPage(index, sectioned));
    if (sectioned && index % 100 === 0) {
      fs.writeFileSync(path.join(folder, '_index.md'), `+++\ntitle = "Section ${index / 100}"\nsort_by = "date"\npaginate_by = ${paginateBy}\n+++\n\nThe posts of section ${index / 100}.\n`);
    }
  }
  if (sectioned) fs.writeFileSync(path.join(contentDirectory, '_index.md'), '+++\ntitle = "Bench"\n+++\n\nA generated site of sections.\n');
}

/**
 * The site config of a generated corpus's project copy. Its budgets are raised where the corpus is heavier than a
 * site should be: the flat site's home page lists every page (about 21 bytes of gzip each), and a sectioned site's
 * lists show 20 pages with their descriptions, words at random that gzip cannot shrink.
 */
export function corpusSiteConfig(clientRuntime: boolean, sectioned = false, pages = 1000): string {
  return `import type { SiteConfig } from '@/lib/site-config-schema';
const site: SiteConfig = {
  name: 'Bench', description: 'A generated corpus.', author: 'Bench', baseUrl: 'https://example.com', lang: 'en',
  nav: [{ label: 'Home', href: '/' }],
  clientRuntime: ${clientRuntime},
  defaults: { math: false, insert_anchor_links: 'right', toc: false, copy: false, mermaid: false, comment: false, reaction: false, template: 'prose' },
  taxonomies: ${sectioned ? `[{ name: 'tags', paginate_by: ${paginateBy} }]` : '[]'},
  budgets: ${sectioned ? '{ page: 16 }' : `{ page: 8, pages: { '/': ${Math.ceil(8 + pages * 0.03)} } }`},
};
export default site;
`;
}

/** A camera photo's size in the photo bench: 12 megapixels, as a phone takes them. */
const benchPhotoSize = { width: 4000, height: 3000 } as const;

/**
 * Puts `count` different 12-megapixel camera JPEGs (with EXIF and GPS) at public/photos/photo-N.jpg and shows one
 * on each of the first `count` pages. Drawing a landscape of that size takes seconds, so one is drawn, and each photo
 * is that scene turned to another hue (other bytes, the same kind of picture); they are kept in `store` between runs.
 */
export async function writeCorpusPhotos(projectDirectory: string, count: number, store: string): Promise<void> {
  const { cameraPhoto } = await import('../lib/testing/camera-photos');
  const sharp = (await import('sharp')).default;
  fs.mkdirSync(store, { recursive: true });
  let scene: Buffer | undefined;
  const photos = path.join(projectDirectory, 'public', 'photos');
  fs.mkdirSync(photos, { recursive: true });
  for (let index = 0; index < count; index++) {
    const stored = path.join(store, `photo-${index}.jpg`);
    if (!fs.existsSync(stored)) {
      scene ??= await cameraPhoto(benchPhotoSize.width, benchPhotoSize.height, 7);
      const exif = (await sharp(scene).metadata()).exif;
      const photo = await sharp(scene).modulate({ hue: (index * 37) % 360 }).jpeg({ quality: 92 }).withMetadata().toBuffer();
      if (!exif) throw new Error('The bench photo lost its EXIF.');
      fs.writeFileSync(`${stored}.partial`, photo);
      fs.renameSync(`${stored}.partial`, stored);
    }
    fs.copyFileSync(stored, path.join(photos, `photo-${index}.jpg`));
    const page = path.join(projectDirectory, 'content', corpusPath(index));
    fs.appendFileSync(page, `\n![A generated landscape, number ${index}](/photos/photo-${index}.jpg)\n`);
  }
}
