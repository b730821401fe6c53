import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import type { ReactElement } from 'react';
import satori, { type SatoriOptions } from 'satori';
import { loadResvg } from './load-resvg';
import { ogImageSize } from './og-image';
import { ogCardFontFamily, ogCardFrameElement, ogCardPageColour, ogCardTitleBand, ogCardTitleElement, type OgCard } from './og-image-card';
import { encodePng, indexImage, type IndexedImage, type PixelBox } from './png-encoder';

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
  return (await loadResvg().renderAsync(svg, resvgOptions)).pixels;
}

/** Copies `box` of one RGBA image into another, at `to` (x, y) in the second. */
function copyBox(from: Uint8Array, fromWidth: number, box: PixelBox, into: Uint8Array, intoWidth: number, to: { x: number; y: number }): void {
  for (let row = 0; row < box.height; row++) {
    const start = ((box.y + row) * fromWidth + box.x) * 4;
    into.set(from.subarray(start, start + box.width * 4), ((to.y + row) * intoWidth + to.x) * 4);
  }
}

/**
 * A card's title band drawn as the box around its ink, the only part of the band that is not blank page. resvg's
 * time goes with its pixmap's size (it fills the pixmap, draws into it and copies it out), and a line of title is
 * a quarter of the band's height: a one-line card took 0.5 ms of resvg's time instead of 1.8. The box is whole
 * pixels around what resvg says the ink covers, one more on each side, so that cropping moves the drawing by whole
 * pixels and changes none of them. In the band's coordinates; none for a band with nothing to draw (an empty title).
 */
function drawTitleBand(svg: string): { pixels: Uint8Array; box: PixelBox } | undefined {
  const renderer = new (loadResvg().Resvg)(svg, { ...resvgOptions, background: ogCardPageColour });
  const bounds = renderer.getBBox();
  if (!bounds) return undefined;
  const left = Math.max(0, Math.floor(bounds.x) - 1);
  const top = Math.max(0, Math.floor(bounds.y) - 1);
  const right = Math.min(ogImageSize.width, Math.ceil(bounds.x + bounds.width) + 1);
  const bottom = Math.min(ogCardTitleBand.height, Math.ceil(bounds.y + bounds.height) + 1);
  if (right <= left || bottom <= top) return undefined;
  const box = { x: left, y: top, width: right - left, height: bottom - top };
  renderer.cropByBBox(Object.assign(bounds, box));
  return { pixels: renderer.render().pixels, box };
}

/**
 * A site's frame (its cards all share one): the pixels as drawn, with their palette indices for the encoder, and a
 * copy that holds the frame with the last card's title in it, in the box `titled` (the card's coordinates), to be
 * made blank again before the next title.
 */
interface Frame {
  blank: Uint8Array;
  indexed: IndexedImage | undefined;
  pixels: Uint8Array;
  titled?: PixelBox;
}

/** Each frame drawn so far, by site name and address. */
const frames = new Map<string, Promise<Frame>>();

async function drawFrame(card: Pick<OgCard, 'siteName' | 'address'>): Promise<Frame> {
  const blank = await drawPixels(ogCardFrameElement(card), ogImageSize);
  return { blank, indexed: indexImage({ ...ogImageSize, rgba: blank, premultiplied: true }), pixels: Uint8Array.from(blank) };
}

/**
 * One card as a 1200×630 PNG: its title drawn alone, over the frame all the site's cards share
 * (og-image-card.tsx), for the same pixels as drawing the card whole. From the title's ink going in to the
 * encoder's pass over the pixels nothing waits, so cards in flight together share the frame's pixels:
 * encodePng is done with them when it returns.
 */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const frameKey = JSON.stringify([card.siteName, card.address]);
  let framePromise = frames.get(frameKey);
  if (!framePromise) frames.set(frameKey, (framePromise = drawFrame(card)));
  const svg = await satori(ogCardTitleElement(card), { width: ogImageSize.width, height: ogCardTitleBand.height, fonts: fonts() });
  const frame = await framePromise;
  const title = drawTitleBand(svg);
  const { width } = ogImageSize;
  // The last card's title made blank again, this one's put in, at the band's place on the card.
  if (frame.titled) copyBox(frame.blank, width, frame.titled, frame.pixels, width, frame.titled);
  frame.titled = title && { ...title.box, y: title.box.y + ogCardTitleBand.top };
  if (title) copyBox(title.pixels, title.box.width, { ...title.box, x: 0, y: 0 }, frame.pixels, width, { x: title.box.x, y: title.box.y + ogCardTitleBand.top });
  // Not resvg's asPng(): that encodes on this thread, with more CPU time, into a file twice the size. Given the
  // frame's indices, the encoder looks only at the title's box (1.0 ms of a card's CPU time went to a pass over
  // every pixel).
  const image = { ...ogImageSize, rgba: frame.pixels, premultiplied: true };
  return encodePng(image, frame.indexed && { base: frame.indexed, changed: frame.titled ?? { x: 0, y: 0, width: 0, height: 0 } });
}

/** A card to draw and the file its PNG goes to. */
export interface OgImageDrawing {
  card: OgCard;
  file: string;
}

/** Draws every card into its file; a file appears whole or not at all. */
export async function drawOgImages(drawings: readonly OgImageDrawing[]): Promise<void> {
  let next = 0;
  // A few cards in flight: zlib deflates earlier ones on the thread pool while this thread lays out and draws the next.
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
