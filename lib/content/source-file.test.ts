import { describe, expect, it } from 'vitest';
import { ContentError } from '@/lib/errors';
import { decodeContent } from './source-file';

function decodeError(bytes: Buffer): string {
  try {
    decodeContent(bytes, 'content/x.md');
  } catch (error) {
    if (error instanceof ContentError) return error.message;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('decodeContent', () => {
  it('drops a byte-order mark and makes CRLF and lone CR line endings \\n', () => {
    expect(decodeContent(Buffer.from('\uFEFFa\r\nb\rc\n\rd'), 'x')).toBe('a\nb\nc\n\nd');
  });

  it.each([
    ['a lone continuation byte', [0x41, 0x80], '1:2'],
    ['an overlong encoding of /', [0x0a, 0x0a, 0x41, 0xc0, 0xaf], '3:2'],
    ['a UTF-16 surrogate', [0x41, 0x0d, 0x0a, 0x42, 0xed, 0xa0, 0x80], '2:2'],
    ['a sequence cut short at the end', [0xc3, 0xa9, 0x0d, 0xe2, 0x82], '2:1'],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], '1:1'],
  ])('places %s at its line and column', (_name, bytes, place) => {
    expect(decodeError(Buffer.from(bytes))).toMatch(new RegExp(`^content/x\\.md:${place}: is not valid UTF-8`));
  });

  it('accepts every valid sequence length', () => {
    expect(decodeContent(Buffer.from('a é € 𝄞'), 'x')).toBe('a é € 𝄞');
  });
});
