import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '@/lib/errors';

/**
 * Reads a content file as the text its author sees: checked to be UTF-8, without a byte-order mark, with
 * every line ending (CRLF from Windows, a lone CR from classic Mac editors) made `\n`, so that front matter,
 * Markdown and every line number the engine reports agree with the author's editor.
 *
 * Files reached through a symbolic link are read only when the link points to a file inside the content
 * folder: a link to anything outside it would publish whatever it points to (a pull request adding
 * `content/keys.md -> ~/.ssh/id_ed25519` must not put a key on the site).
 */
export function readContentSource(absolutePath: string, contentRoot: string, file: string): string {
  const atTop = { file, line: 1 };
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(absolutePath);
    if (stat.isSymbolicLink()) {
      const target = resolveLink(absolutePath, contentRoot, file);
      stat = fs.statSync(target);
    }
  } catch (error) {
    if (error instanceof ContentError) throw error;
    throw unreadable(file, error);
  }
  if (!stat.isFile()) {
    throw new ContentError(atTop, 'is not a regular file.', 'Content pages are plain .md or .mdx files; move or rename this one.');
  }
  if (stat.size > maxPageBytes) {
    throw new ContentError(
      atTop,
      `is ${(stat.size / 1024 / 1024).toFixed(1)} MB; pages may be at most ${maxPageBytes / 1024 / 1024} MB (a 1 MB page takes about 15 s to compile, so this one would hold up every build).`,
      'Split it into several pages, and move embedded data (pasted images, base64) into files under public/.',
    );
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(absolutePath);
  } catch (error) {
    throw unreadable(file, error);
  }
  return decodeContent(bytes, file);
}

/** Far above any real page (the longest of the shipped pages is 9 KB); what an accidental paste of binary data reaches. */
export const maxPageBytes = 2 * 1024 * 1024;

/** The real path a symbolic link leads to, if it stays inside the content folder and leads somewhere. */
function resolveLink(absolutePath: string, contentRoot: string, file: string): string {
  const shown = fs.readlinkSync(absolutePath);
  let target: string;
  try {
    target = fs.realpathSync(absolutePath);
  } catch {
    throw new ContentError(
      { file, line: 1 },
      `is a symbolic link to ${shown}, which does not exist.`,
      'Remove the link, or point it at a page inside content/.',
    );
  }
  const root = fs.realpathSync(contentRoot);
  const inside = path.relative(root, target);
  if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
    throw new ContentError(
      { file, line: 1 },
      `is a symbolic link to ${shown}, outside the content folder; the build does not follow it, so that no file from elsewhere on the machine is published.`,
      'Copy the page into content/ instead of linking to it.',
    );
  }
  if (fs.statSync(target).isDirectory()) {
    throw new ContentError(
      { file, line: 1 },
      `is a symbolic link to a folder (${shown}); folders are not followed through links.`,
      'Move the folder into content/, or link its pages one by one.',
    );
  }
  return target;
}

function unreadable(file: string, error: unknown): ContentError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'it disappeared while the build read it' : String(code ?? error);
  return new ContentError({ file, line: 1 }, `cannot be read (${why}).`, 'Check that the file exists and that its permissions let you read it.');
}

/** The decoding half of readContentSource, for bytes that came from somewhere else (tests, the dev server). */
export function decodeContent(bytes: Buffer, file: string): string {
  if (!isUtf8(bytes)) {
    const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
    const { line, column } = firstInvalidUtf8(bytes);
    throw new ContentError(
      { file, line, column },
      utf16 ? 'is saved as UTF-16, not UTF-8.' : 'is not valid UTF-8: the bytes here do not form a character.',
      utf16
        ? 'Save it as UTF-8 (in most editors: File → Save with Encoding → UTF-8).'
        : 'Save the file as UTF-8 (text pasted from an old Windows or Latin-1 file often carries such bytes), or retype the character.',
    );
  }
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n');
}

/**
 * Where the first byte that is not part of a valid UTF-8 sequence sits, as a line (counting LF, CRLF and a lone
 * CR, like decodeContent) and a column in characters. Only called on files isUtf8 rejected, so speed does not matter.
 */
function firstInvalidUtf8(bytes: Buffer): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let index = 0;
  while (index < bytes.length) {
    const length = validSequenceLength(bytes, index);
    if (length === 0) return { line, column };
    const byte = bytes[index];
    if (byte === 0x0a || (byte === 0x0d && bytes[index + 1] !== 0x0a)) {
      line++;
      column = 1;
    } else if (byte !== 0x0d) {
      column++;
    }
    index += length;
  }
  return { line, column };
}

/** The length of the valid UTF-8 sequence at index (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or 0. */
function validSequenceLength(bytes: Buffer, index: number): number {
  const first = bytes[index] ?? 0;
  if (first < 0x80) return 1;
  const continuation = (offset: number, low = 0x80, high = 0xbf) => {
    const byte = bytes[index + offset];
    return byte !== undefined && byte >= low && byte <= high;
  };
  if (first >= 0xc2 && first <= 0xdf) return continuation(1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const [low, high] = first === 0xe0 ? [0xa0, 0xbf] : first === 0xed ? [0x80, 0x9f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const [low, high] = first === 0xf0 ? [0x90, 0xbf] : first === 0xf4 ? [0x80, 0x8f] : [0x80, 0xbf];
    return continuation(1, low, high) && continuation(2) && continuation(3) ? 4 : 0;
  }
  return 0;
}
