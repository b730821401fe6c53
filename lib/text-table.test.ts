import { describe, expect, it } from 'vitest';
import { formatTable } from './text-table';

describe('formatTable', () => {
  it('aligns the first column left, the rest right, and prints one-cell rows as notes', () => {
    expect(formatTable(['page', 'kb'], [['/', '5.2'], ['/about/', '10.1'], ['  ↳ a note that is longer than the table']])).toBe(
      ['page       kb', '/         5.2', '/about/  10.1', '  ↳ a note that is longer than the table'].join('\n'),
    );
  });
});
