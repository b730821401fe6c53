import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { devVariantFile } from './dev-photos';

describe('devVariantFile', () => {
  const key = 'ab12cd34ef56ab78'.padEnd(64, '0');
  const cache = tempFolder('dev-photos', { [`${key}/640.avif`]: 'avif', [`${key}/preview.jpg`]: 'jpeg', [`${key}/original.jpg`]: 'the whole photo' });

  it('finds a variant and a preview in the image cache by the key and file its site path names', () => {
    expect(devVariantFile('/_img/ab12cd34ef56ab78/trip-photo-640.avif', cache)).toBe(path.join(cache, key, '640.avif'));
    expect(devVariantFile('/_img/ab12cd34ef56ab78/trip-preview.jpg', cache)).toBe(path.join(cache, key, 'preview.jpg'));
  });

  it('answers nothing else: other files of the folder, other keys, paths that climb, a missing cache', () => {
    expect(devVariantFile('/_img/ab12cd34ef56ab78/trip-original.jpg', cache)).toBeUndefined();
    expect(devVariantFile('/_img/ab12cd34ef56ab78/trip-960.avif', cache)).toBeUndefined();
    expect(devVariantFile('/_img/0000000000000000/trip-640.avif', cache)).toBeUndefined();
    expect(devVariantFile('/_img/ab12cd34ef56ab78/../../../etc/passwd-640.avif', cache)).toBeUndefined();
    expect(devVariantFile('/_img/ab12cd34ef56ab78/a/../640.avif', cache)).toBeUndefined();
    expect(devVariantFile('/_img/ab12cd34ef56ab78/trip-640.avif', path.join(cache, 'none'))).toBeUndefined();
  });
});
