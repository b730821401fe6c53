import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { FileStore } from './file-store';

const key = (digit: string) => digit.repeat(64);

describe('FileStore', () => {
  it('keeps each entry in a file of its own, readable by another store on the same folder', () => {
    const folder = path.join(tempFolder('store', {}), 'entries');
    const store = new FileStore<{ text: string }>(folder);
    expect(store.get(key('a'))).toBeUndefined();
    expect(store.has(key('a'))).toBe(false);
    store.set(key('a'), { text: 'first' });
    store.set(key('b'), { text: 'second' });
    const again = new FileStore<{ text: string }>(folder);
    expect(again.get(key('a'))).toEqual({ text: 'first' });
    expect(again.has(key('b'))).toBe(true);
    expect(fs.readdirSync(folder).sort()).toEqual([`${key('a')}.json`, `${key('b')}.json`]);
  });

  it('keeps only the given entries, and deletes what a stopped write left behind', () => {
    const folder = path.join(tempFolder('store', {}), 'entries');
    const store = new FileStore<number>(folder);
    store.set(key('a'), 1);
    store.set(key('b'), 2);
    fs.writeFileSync(path.join(folder, `${key('c')}.json.123.tmp`), '{"half');
    store.keepOnly(new Set([key('b')]));
    expect(fs.readdirSync(folder)).toEqual([`${key('b')}.json`]);
    new FileStore<number>(path.join(folder, 'never-made')).keepOnly(new Set());
  });

  it('reads a damaged entry as none', () => {
    const folder = tempFolder('store', { [`${key('a')}.json`]: '{"half' });
    expect(new FileStore(folder).get(key('a'))).toBeUndefined();
  });

  it('refuses a key that is not a hex digest: no key names a file outside the folder', () => {
    const store = new FileStore<number>(tempFolder('store', {}));
    for (const bad of ['../../etc/passwd', 'ABC', '', `${key('a')}/x`, 'a'.repeat(8)]) {
      expect(() => store.set(bad, 1), bad).toThrow(/Not a store key/);
      expect(() => store.get(bad), bad).not.toThrow();
      expect(store.get(bad)).toBeUndefined();
    }
  });
});
