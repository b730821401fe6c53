import crypto from 'node:crypto';
import { ExportError } from '@/lib/errors';

/**
 * Body slots: how a Markdown page's body reaches a zero-JS export without passing through React.
 *
 * A Markdown body is finished HTML when the compiler is done with it. Rendered by React, Next writes it three
 * times over: into the page, into the page's inline payload (escaped as a string), and into the payload files
 * beside it; the finish step then deletes the payload and its files and parses what is left. In a 1000-page
 * build the payload was 62% of a page as Next wrote it, and parsing it a sixth of the finishing time. So when
 * the runtime is not kept, the renderers write a slot naming the body (an HTML comment, which React writes as
 * given), and the finish step puts the body in its place before it parses the page: the same page, as if Next
 * had written it, and every check of the finish step runs on it. With the runtime kept the payload is what the
 * runtime reads, so the body goes through React as before; the dev server has no finish step and does the same.
 *
 * A slot carries a nonce that is new with each build and known only to the build and its renderers: content
 * cannot write a slot (Markdown drops raw HTML, comments included; in MDX an HTML comment does not compile),
 * and a slot the build did not write could not name this build's nonce anyway.
 */
export interface BodySlots {
  /** Random, new with each build. */
  nonce: string;
  /** The folder of body texts the slots name: the content manifest's body store (lib/content/manifest.ts). */
  folder: string;
}

export function newBodySlots(folder: string): BodySlots {
  return { nonce: crypto.randomBytes(16).toString('hex'), folder };
}

/** The slot a renderer writes for the body stored under `key`. */
export function bodySlot(nonce: string, key: string): string {
  return `<!--body-slot ${nonce} ${key}-->`;
}

/**
 * `html` with each of this build's slots replaced by the body it names (`readBody` gives a body's text, or
 * undefined when the store has none). A slot whose body is missing throws ExportError naming the page: the
 * store is written before Next starts, so that is a damaged store, not a problem of the content.
 */
export function fillBodySlots(html: string, file: string, nonce: string, readBody: (key: string) => string | undefined): string {
  const slot = new RegExp(`<!--body-slot ${nonce} ([0-9a-f]{64})-->`, 'g');
  return html.replace(slot, (_, key: string) => {
    const body = readBody(key);
    if (body === undefined) {
      throw new ExportError(file, `the page's body (${key.slice(0, 12)}…) is missing from the content manifest's store; build again with \`npm run build\`.`);
    }
    return body;
  });
}
