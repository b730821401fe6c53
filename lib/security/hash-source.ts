import { createHash } from 'node:crypto';

/** The `'sha256-…'` source expression for inline code, hashed as the browser hashes it (UTF-8 of the text). */
export function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
