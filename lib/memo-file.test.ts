import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { MemoFile } from './memo-file';

describe('MemoFile', () => {
  it('works a result out once, and a memo on the same file later reads it instead', () => {
    const file = path.join(tempFolder('memo', {}), 'cache', 'memo.json');
    let made = 0;
    const make = (value: string) => () => {
      made++;
      return { value };
    };
    const memo = new MemoFile<{ value: string }>(file);
    expect(memo.get(MemoFile.key(['a']), make('A'))).toEqual({ value: 'A' });
    expect(memo.get(MemoFile.key(['a']), make('not again'))).toEqual({ value: 'A' });
    memo.save();
    expect(made).toBe(1);

    const later = new MemoFile<{ value: string }>(file);
    expect(later.get(MemoFile.key(['a']), make('not again'))).toEqual({ value: 'A' });
    expect(later.get(MemoFile.key(['b']), make('B'))).toEqual({ value: 'B' });
    expect(made).toBe(2);
  });

  it('keeps only the entries used since the last save, and leaves an unchanged file alone', () => {
    const file = path.join(tempFolder('memo', {}), 'memo.json');
    const memo = new MemoFile<number>(file);
    memo.get(MemoFile.key(['a']), () => 1);
    memo.get(MemoFile.key(['b']), () => 2);
    memo.save();
    expect(Object.values(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, number>).sort()).toEqual([1, 2]);

    memo.get(MemoFile.key(['b']), () => 20);
    memo.save();
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toEqual({ [MemoFile.key(['b'])]: 2 });

    // Nothing new and nothing dropped: no write.
    fs.utimesSync(file, 1_600_000_000, 1_600_000_000);
    memo.get(MemoFile.key(['b']), () => 20);
    memo.save();
    expect(fs.statSync(file).mtimeMs).toBe(1_600_000_000_000);
  });

  it('starts empty from a file that is missing or does not parse, and in memory without a file', () => {
    const folder = tempFolder('memo', { 'broken.json': '{"half' });
    const broken = new MemoFile<number>(path.join(folder, 'broken.json'));
    expect(broken.get(MemoFile.key(['a']), () => 1)).toBe(1);
    broken.save();
    expect(new MemoFile<number>(path.join(folder, 'broken.json')).get(MemoFile.key(['a']), () => 2)).toBe(1);

    const inMemory = new MemoFile<number>(undefined);
    expect(inMemory.get(MemoFile.key(['a']), () => 3)).toBe(3);
    inMemory.save();
    expect(inMemory.get(MemoFile.key(['a']), () => 4)).toBe(3);
    expect(fs.readdirSync(folder)).toEqual(['broken.json']);
  });

  it('keys a file by its context and its bytes, and never mistakes where one ends for where the other starts', () => {
    const bytes = (text: string) => Buffer.from(text);
    expect(MemoFile.contentKey(['v1', '/a/'], bytes('<p>A</p>'))).toBe(MemoFile.contentKey(['v1', '/a/'], bytes('<p>A</p>')));
    expect(MemoFile.contentKey(['v1', '/a/'], bytes('<p>A</p>'))).not.toBe(MemoFile.contentKey(['v1', '/a/'], bytes('<p>B</p>')));
    expect(MemoFile.contentKey(['v1', '/a/'], bytes('<p>A</p>'))).not.toBe(MemoFile.contentKey(['v2', '/a/'], bytes('<p>A</p>')));
    // The separator cannot come from a context: JSON writes a NUL in a string as \u0000.
    expect(MemoFile.contentKey(['a'], bytes('\0b'))).not.toBe(MemoFile.contentKey(['a\0'], bytes('b')));
  });
});
