import { describe, expect, it } from 'vitest';
import { ExportError } from '@/lib/errors';
import { bodySlot, fillBodySlots, newBodySlots } from './body-slots';

const key = 'a'.repeat(64);
const otherKey = 'b'.repeat(64);
const bodies: Record<string, string> = { [key]: '<p>The body, <em>as compiled</em>.</p>' };
const read = (name: string) => bodies[name];

describe('body slots', () => {
  it('puts each slot of this build’s nonce back as the body it names', () => {
    const { nonce } = newBodySlots('/store');
    const page = `<html><body><article class="prose"><h1>T</h1>${bodySlot(nonce, key)}</article></body></html>`;
    expect(fillBodySlots(page, 'out/a/index.html', nonce, read)).toBe('<html><body><article class="prose"><h1>T</h1><p>The body, <em>as compiled</em>.</p></article></body></html>');
  });

  it('leaves a slot of another nonce as it is: only the build and its renderers know this build’s', () => {
    const { nonce } = newBodySlots('/store');
    const { nonce: guessed } = newBodySlots('/store');
    expect(guessed).not.toBe(nonce);
    const page = `<p>${bodySlot(guessed, key)}</p>`;
    expect(fillBodySlots(page, 'out/a/index.html', nonce, read)).toBe(page);
  });

  it('fails naming the page when the store has no such body', () => {
    const { nonce } = newBodySlots('/store');
    const fill = () => fillBodySlots(`<p>${bodySlot(nonce, otherKey)}</p>`, 'out/b/index.html', nonce, read);
    expect(fill).toThrow(ExportError);
    expect(fill).toThrow(/^out\/b\/index\.html: the page's body \(bbbbbbbbbbbb…\) is missing from the content manifest's store; build again/);
  });

  it('takes `$` in a body literally', () => {
    const { nonce } = newBodySlots('/store');
    const dollarsKey = 'e'.repeat(64);
    expect(fillBodySlots(bodySlot(nonce, dollarsKey), 'out/c/index.html', nonce, () => "<p>$& and $' and $1</p>")).toBe("<p>$& and $' and $1</p>");
  });
});
