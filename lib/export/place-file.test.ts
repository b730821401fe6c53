import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { placeFile, placeText } from './place-file';

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

describe('placeText', () => {
  it('links the last build’s file when it holds exactly the text, and writes the text otherwise', () => {
    const folder = tempFolder('place', { 'out/same/index.html': '<p>same</p>', 'out/changed/index.html': '<p>before</p>' });
    const staged = (page: string) => path.join(folder, 'staged', page, 'index.html');
    const published = (page: string) => path.join(folder, 'out', page, 'index.html');

    placeText('<p>same</p>', staged('same'), published('same'));
    expect(inode(staged('same'))).toBe(inode(published('same')));

    placeText('<p>after</p>', staged('changed'), published('changed'));
    expect(fs.readFileSync(staged('changed'), 'utf8')).toBe('<p>after</p>');
    expect(inode(staged('changed'))).not.toBe(inode(published('changed')));
    expect(fs.readFileSync(published('changed'), 'utf8')).toBe('<p>before</p>');

    placeText('<p>new</p>', staged('new'), published('new'));
    expect(fs.readFileSync(staged('new'), 'utf8')).toBe('<p>new</p>');
  });

  it('replaces a file already at the target, and never writes through it into the last build’s', () => {
    const folder = tempFolder('place', { 'out/index.html': '<p>same</p>', 'staged/index.html': 'Next wrote this' });
    const target = path.join(folder, 'staged/index.html');
    const published = path.join(folder, 'out/index.html');
    placeText('<p>same</p>', target, published);
    expect(inode(target)).toBe(inode(published));
    placeText('<p>other</p>', target, published);
    expect(fs.readFileSync(target, 'utf8')).toBe('<p>other</p>');
    expect(fs.readFileSync(published, 'utf8')).toBe('<p>same</p>');
  });

  it('reads nothing through a symbolic link in the last build’s folder, and writes the text', () => {
    const folder = tempFolder('place', { 'outside.html': '<p>same</p>' });
    fs.mkdirSync(path.join(folder, 'out'));
    fs.symlinkSync(path.join(folder, 'outside.html'), path.join(folder, 'out', 'index.html'));
    const target = path.join(folder, 'staged', 'index.html');
    placeText('<p>same</p>', target, path.join(folder, 'out', 'index.html'));
    expect(fs.lstatSync(target).isSymbolicLink()).toBe(false);
    expect(inode(target)).not.toBe(inode(path.join(folder, 'outside.html')));
    expect(fs.readFileSync(target, 'utf8')).toBe('<p>same</p>');
  });
});
