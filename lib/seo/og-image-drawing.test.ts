import { describe, expect, it } from 'vitest';
import { decodePng } from '@/lib/testing/decode-png';
import { ogImageSize } from './og-image';
import { ogCardElement, ogCardTitleBand, type OgCard } from './og-image-card';
import { drawPixels, renderOgImage } from './og-image-drawing';

const site = { siteName: 'Jane Doe', address: 'jane.example/docs' };

describe('renderOgImage', () => {
  const cards: OgCard[] = [
    { ...site, title: 'Notes' },
    { ...site, title: 'Queues, backpressure and the things a load test does not tell you' },
    // Clamped to four lines, with descenders on the last one.
    { ...site, title: `${'Typography, quirky glyphs, and jumping foxes: '.repeat(6)}the end` },
    { ...site, title: site.siteName, subtitle: 'Essays on distributed systems, and a few on gardening, written over twenty years.' },
    // Stacked accents (Vietnamese) and other scripts, which satori takes from the other subsets' fonts, at the largest size.
    { ...site, title: 'Ẫ Ỗ Ữ Ặ Ệ — Ωμέγα Жизнь' },
    // Another site's frame.
    { siteName: 'Ωμέγα Press', address: 'omega.example', title: 'Ἀρχή' },
    // Nothing to draw in the band: spaces and zero-width characters (a stranger's page may be titled anything).
    { ...site, title: ' \u200b\u200d ' },
    // Characters none of the fonts has.
    { ...site, title: '漢字 🙂 notes' },
    // A name and an address too long for their line.
    { siteName: 'The Collected Notebooks of a Very Long-Winded Author, Volume Two', address: `${'very-long-subdomain.'.repeat(5)}example/and/a/deep/path`, title: 'Notes' },
  ];

  for (const card of cards) {
    it(`draws "${card.title.slice(0, 40)}" over the shared frame with the pixels of the whole card drawn at once`, async () => {
      const [png, whole] = await Promise.all([renderOgImage(card), drawPixels(ogCardElement(card), ogImageSize)]);
      const decoded = await decodePng(png);
      expect(decoded).toMatchObject({ ...ogImageSize, colourType: 3 });
      // Every pixel is opaque, so resvg's premultiplied bytes are the straight ones the PNG holds.
      expect(decoded.rgba.equals(Buffer.from(whole))).toBe(true);
    }, 30_000);
  }

  it('leaves none of a long title in the next card, whose title is shorter', async () => {
    const long = { ...site, title: `${'A title that wraps onto every line it may use, '.repeat(4)}and more` };
    const short = { ...site, title: 'Notes' };
    const [, png] = await Promise.all([renderOgImage(long), renderOgImage(short)]);
    const whole = await drawPixels(ogCardElement(short), ogImageSize);
    expect((await decodePng(png)).rgba.equals(Buffer.from(whole))).toBe(true);
  }, 30_000);

  it('puts the title inside the band and nothing of it outside', async () => {
    const titled = await decodePng(await renderOgImage({ ...site, title: 'Notes' }));
    const untitled = await decodePng(await renderOgImage({ ...site, title: '' }));
    const row = (image: Buffer, y: number) => image.subarray(y * ogImageSize.width * 4, (y + 1) * ogImageSize.width * 4);
    const changedRows = Array.from({ length: ogImageSize.height }, (_, y) => y).filter((y) => !row(titled.rgba, y).equals(row(untitled.rgba, y)));
    expect(changedRows.length).toBeGreaterThan(40);
    expect(Math.min(...changedRows)).toBeGreaterThanOrEqual(ogCardTitleBand.top);
    expect(Math.max(...changedRows)).toBeLessThan(ogCardTitleBand.top + ogCardTitleBand.height);
  }, 30_000);
});
