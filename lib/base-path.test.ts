import { describe, expect, it } from 'vitest';
import { parseBasePath } from './base-path';

describe('parseBasePath', () => {
  it('normalises a trailing slash away and refuses what is not a plain path', () => {
    expect(parseBasePath(undefined)).toBe('');
    expect(parseBasePath(' ')).toBe('');
    expect(parseBasePath('/docs/')).toBe('/docs');
    expect(parseBasePath('/a/b')).toBe('/a/b');
    for (const bad of ['docs', '/a//b', '/../x', '/a b', 'https://x.org/docs']) expect(() => parseBasePath(bad), bad).toThrow(/BASE_PATH must be a path/);
  });
});
