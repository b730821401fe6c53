import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentErrors } from '@/lib/errors';
import { tempFolder } from '@/lib/testing/temp-folder';
import { bodyStoreFolder, ManifestError, readManifest, writeManifest, type BuiltPage } from './manifest';
import { fillBodySlots, newBodySlots } from './body-slots';
import { readPages } from './pages';

/** Three pages as the content build makes them: two Markdown pages and an .mdx page. */
async function builtPages(): Promise<BuiltPage[]> {
  const { pages, errors } = await readPages(tempFolder('content', { 'a.md': '# A\n', 'b.md': '# B\n', 'c.mdx': '# C\n' }));
  if (errors.length > 0) throw new ContentErrors(errors);
  return pages.map((page): BuiltPage => {
    const fields = { codeBlocks: 1, internalLinks: [{ target: '/b/', fragment: undefined, line: 3 }], anchors: ['a'], summary: `<p>${page.title}</p>` };
    return { ...page, body: page.format === 'mdx' ? { format: 'mdx', code: 'return {default: () => null};', ...fields } : { format: 'html', html: `<p>${page.url} text</p>`, ...fields } };
  });
}

/** The manifest's files: the index and one file per body text. */
const manifestFiles = (folder: string) => ({ index: path.join(folder, 'pages.json'), bodies: path.join(folder, 'page-bodies') });

describe('the content manifest', () => {
  it('reads back every page as written, the body texts included', async () => {
    const { index } = manifestFiles(tempFolder('cache', {}));
    const pages = await builtPages();
    writeManifest({ fingerprint: 'f1', pages, render: ['/', '/a/'] }, index);
    const read = readManifest('f1', index);
    expect(read.render).toEqual(['/', '/a/']);
    // toEqual reads each body's text through its getter.
    expect(read.pages).toEqual(pages);
    expect(read.pages.map((page) => (page.body.format === 'html' ? page.body.html : page.body.code))).toEqual(['<p>/a/ text</p>', '<p>/b/ text</p>', 'return {default: () => null};']);
  });

  it('keeps the bodies apart from the index, and reads a body only when a renderer asks for it', async () => {
    const folder = tempFolder('cache', {});
    const { index, bodies } = manifestFiles(folder);
    writeManifest({ fingerprint: 'f1', pages: await builtPages(), render: ['/'] }, index);
    expect(fs.readFileSync(index, 'utf8')).not.toContain('/a/ text');
    expect(fs.readdirSync(bodies)).toHaveLength(3);
    // Without its body, a page still lists and links: only its own render needs the text, and says what is wrong.
    const [first] = readManifest('f1', index).pages;
    for (const name of fs.readdirSync(bodies)) fs.rmSync(path.join(bodies, name));
    expect(first?.body.summary).toBe('<p>A</p>');
    expect(() => (first?.body.format === 'html' ? first.body.html : '')).toThrow(ManifestError);
    expect(() => (first?.body.format === 'html' ? first.body.html : '')).toThrow(/body of .*a\.md is missing or damaged/);
  });

  it('with body slots, gives a Markdown body as its slot, without reading the store, and an MDX body as its code', async () => {
    const folder = tempFolder('cache', {});
    const { index, bodies } = manifestFiles(folder);
    const { nonce } = newBodySlots(bodyStoreFolder(index));
    writeManifest({ fingerprint: 'f1', pages: await builtPages(), render: ['/'], bodySlotNonce: nonce }, index);
    const read = readManifest('f1', index);
    expect(read.bodySlotNonce).toBe(nonce);
    const [a, b, c] = read.pages;
    // Each slot names the stored file of its body's text.
    const slots = [a, b].map((page) => (page?.body.format === 'html' ? page.body.html : ''));
    const key = (slot: string) => slot.match(/ ([0-9a-f]{64})-->$/)?.[1] ?? '';
    expect(slots.map((slot) => fillBodySlots(slot, 'out/a/index.html', nonce, (name) => JSON.parse(fs.readFileSync(path.join(bodies, `${name}.json`), 'utf8')) as string))).toEqual([
      '<p>/a/ text</p>',
      '<p>/b/ text</p>',
    ]);
    expect(c?.body.format === 'mdx' && c.body.code).toBe('return {default: () => null};');
    for (const slot of slots) fs.rmSync(path.join(bodies, `${key(slot)}.json`));
    expect(a?.body.format === 'html' && a.body.html).toBe(slots[0]);
  });

  it('writes only the bodies that changed, and drops those no page has', async () => {
    const { index, bodies } = manifestFiles(tempFolder('cache', {}));
    const pages = await builtPages();
    writeManifest({ fingerprint: 'f1', pages, render: ['/'] }, index);
    const written = new Map(fs.readdirSync(bodies).map((name) => [name, fs.statSync(path.join(bodies, name)).mtimeMs]));
    const [a, b] = pages;
    if (a?.body.format !== 'html' || !b) throw new Error('unexpected fixture');
    writeManifest({ fingerprint: 'f2', pages: [{ ...a, body: { ...a.body, html: '<p>edited</p>' } }, b], render: ['/'] }, index);
    const now = fs.readdirSync(bodies);
    expect(now).toHaveLength(2);
    // b's body is the same file, untouched; a's is new, and the .mdx page's is gone.
    expect(now.filter((name) => written.get(name) === fs.statSync(path.join(bodies, name)).mtimeMs)).toHaveLength(1);
    expect(readManifest('f2', index).pages.map((page) => page.body.format === 'html' && page.body.html)).toEqual(['<p>edited</p>', '<p>/b/ text</p>']);
  });

  it('refuses a manifest that is missing, damaged or for other content, saying how to build', async () => {
    const { index } = manifestFiles(tempFolder('cache', {}));
    expect(() => readManifest('f1', index)).toThrow(/There is no content manifest.*npm run build/);
    writeManifest({ fingerprint: 'f1', pages: await builtPages(), render: ['/'] }, index);
    expect(() => readManifest('f2', index)).toThrow(/for other content/);
    fs.writeFileSync(index, JSON.stringify({ fingerprint: 'f1', pages: [{ url: '/a/', body: { format: 'html', text: '../../etc/passwd' } }], render: [] }));
    expect(() => readManifest('f1', index)).toThrow(/is damaged/);
    fs.writeFileSync(index, '{"fingerprint": "f1", "pag');
    expect(() => readManifest('f1', index)).toThrow(/is not JSON/);
  });
});
