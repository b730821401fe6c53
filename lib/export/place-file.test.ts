import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { placeFile } from './place-file';

const inode = (file: string) => fs.statSync(file).ino;

describe('placeFile', () => {
  it('links the cached file into place, and leaves a target that already is that file alone', () => {
    const folder = tempFolder('place', { 'cache/card.png': 'png', 'out/old.png': 'old' });
    const target = path.join(folder, 'out', 'og', 'card.png');
    placeFile(path.join(folder, 'cache/card.png'), target);
    expect(inode(target)).toBe(inode(path.join(folder, 'cache/card.png')));
    placeFile(path.join(folder, 'cache/card.png'), target);
    expect(fs.readFileSync(target, 'utf8')).toBe('png');
  });
});
