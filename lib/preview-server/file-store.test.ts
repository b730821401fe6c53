import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { FileStore, type StaticFile } from './file-store';

async function fileAt(store: FileStore, name: string): Promise<StaticFile> {
  const file = await store.file([name]);
  if (typeof file !== 'object') throw new Error(`${name}: expected a file, got ${file}`);
  return file;
}

describe('FileStore', () => {
  it('looks files up as a static host does', async () => {
    const root = tempFolder('file-store', { 'index.html': 'home', 'about/index.html': 'about', 'notes.html': 'notes', 'empty/x.txt': 'x' });
    const store = new FileStore(root);
    expect(await store.lookup([], true)).toMatchObject({ kind: 'file', file: { size: 4 } });
    expect(await store.lookup(['about'], true)).toMatchObject({ kind: 'file' });
    expect(await store.lookup(['about'], false)).toEqual({ kind: 'folder-without-slash' });
    expect(await store.lookup(['notes'], false)).toMatchObject({ kind: 'file', file: { contentType: 'text/html; charset=utf-8' } });
    expect(await store.lookup(['empty'], false)).toEqual({ kind: 'missing' });
    expect(await store.lookup(['notes.html', 'x'], false)).toEqual({ kind: 'missing' });
    expect(await store.lookup(['nothing'], true)).toEqual({ kind: 'missing' });
  });

  it('notices a file rewritten with the same size', async () => {
    const root = tempFolder('file-store', { 'a.txt': 'first' });
    const store = new FileStore(root);
    const first = await fileAt(store, 'a.txt');
    fs.writeFileSync(path.join(root, 'a.txt'), 'other');
    // Make sure the mtime differs even on a file system with coarse timestamps.
    fs.utimesSync(path.join(root, 'a.txt'), new Date(), new Date(Date.now() + 5000));
    const second = await fileAt(store, 'a.txt');
    expect([first.body?.toString(), second.body?.toString()]).toEqual(['first', 'other']);
    expect(second.etag).not.toBe(first.etag);
  });

  it('reuses a file while it is unchanged, and stays within its memory bound', async () => {
    const files = Object.fromEntries(Array.from({ length: 20 }, (_, index) => [`page-${index}.html`, `<p>${'text '.repeat(200)}${index}</p>`]));
    const root = tempFolder('file-store', files);
    const store = new FileStore(root, { maxCacheBytes: 5000 });
    const first = await store.file(['page-0.html']);
    expect(await store.file(['page-0.html'])).toBe(first);
    for (const name of Object.keys(files)) {
      await (await fileAt(store, name)).gzip();
      expect(store.memoryBytes).toBeLessThanOrEqual(5000);
    }
    expect(store.memoryBytes).toBeGreaterThan(0);
  });

  it('holds nothing with the cache off', async () => {
    const root = tempFolder('file-store', { 'a.html': '<p>a</p>' });
    const store = new FileStore(root, { cache: false });
    const first = await store.file(['a.html']);
    expect(await store.file(['a.html'])).not.toBe(first);
    expect(store.memoryBytes).toBe(0);
  });
});
