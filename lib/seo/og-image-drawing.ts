import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { ReactElement } from 'react';
import satori, { type SatoriOptions } from 'satori';
import { loadResvg } from './load-resvg';
import { ogImageSize } from './og-image';
import { ogCardFontFamily, ogCardFrameElement, ogCardTitleBand, ogCardTitleElement, type OgCard } from './og-image-card';
import { encodePng } from './png-encoder';

/**
 * Drawing the preview cards: satori lays a card out as SVG (text as paths, with the fonts below), resvg
 * rasterises it, ./png-encoder.ts writes the PNG. What to draw and where it is cached: ./og-images.ts.
 */

const require = createRequire(import.meta.url);

/** Inter from @fontsource/inter, WOFF (satori reads TTF, OTF and WOFF, not WOFF2): Latin, Greek, Cyrillic, Vietnamese. */
const fontSubsets = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext', 'greek', 'greek-ext', 'vietnamese'] as const;
const fontWeights = [400, 700] as const;

let fontsMemo: SatoriOptions['fonts'] | undefined;
function fonts(): SatoriOptions['fonts'] {
  fontsMemo ??= fontSubsets.flatMap((subset) =>
    fontWeights.map((weight) => ({
      // One family name per subset: satori falls back from family to family for a missing glyph, but within a
      // family it picks one file by weight.
      name: subset === 'latin' ? ogCardFontFamily : `${ogCardFontFamily} ${subset}`,
      data: fs.readFileSync(require.resolve(`@fontsource/inter/files/inter-${subset}-${weight}-normal.woff`)),
      weight,
      style: 'normal' as const,
    })),
  );
  return fontsMemo;
}

const resvgOptions = { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } } as const;

/** An element drawn by satori and resvg into premultiplied RGBA pixels. */
export async function drawPixels(element: ReactElement, size: { width: number; height: number }): Promise<Uint8Array> {
  const svg = await satori(element, { ...size, fonts: fonts() });
  // resvg renders on libuv's thread pool, so satori can lay out the next card meanwhile.
  return (await loadResvg().renderAsync(svg, resvgOptions)).pixels;
}

/**
 * Each frame drawn so far, by site name and address (a build's cards all share one), with the pixels of its
 * last card: the frame's, with that card's band drawn over them. Each card overwrites the band and encodes at
 * once, without waiting between the two, so cards in flight together share the pixels: encodePng is done with
 * them when it returns.
 */
const frames = new Map<string, Promise<Uint8Array>>();

/**
 * One card as a 1200×630 PNG: its title band drawn alone, over the frame all the site's cards share
 * (og-image-card.tsx). The band is two thirds of the card, and its text is all satori lays out, for the same
 * pixels as drawing the card whole.
 */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const frameKey = JSON.stringify([card.siteName, card.address]);
  let frame = frames.get(frameKey);
  if (!frame) frames.set(frameKey, (frame = drawPixels(ogCardFrameElement(card), ogImageSize)));
  const band = await drawPixels(ogCardTitleElement(card), { width: ogImageSize.width, height: ogCardTitleBand.height });
  const pixels = await frame;
  pixels.set(band, ogCardTitleBand.top * ogImageSize.width * 4);
  // Not resvg's asPng(): that encodes on this thread, with more CPU time, into a file twice the size.
  return encodePng({ ...ogImageSize, rgba: pixels, premultiplied: true });
}

/** A card to draw and the file its PNG goes to. */
export interface OgImageDrawing {
  card: OgCard;
  file: string;
}

/** Draws every card into its file; a file appears whole or not at all. */
export async function drawOgImages(drawings: readonly OgImageDrawing[]): Promise<void> {
  let next = 0;
  // A few cards in flight: satori works on this thread while resvg and zlib work on earlier ones on the thread pool.
  const worker = async () => {
    while (next < drawings.length) {
      const drawing = drawings[next++];
      if (!drawing) break;
      const png = await renderOgImage(drawing.card);
      const temporary = `${drawing.file}.${process.pid}.tmp`;
      fs.writeFileSync(temporary, png);
      fs.renameSync(temporary, drawing.file);
    }
  };
  await Promise.all(Array.from({ length: Math.min(drawings.length, os.availableParallelism() + 1) }, worker));
}
