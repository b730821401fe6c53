import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import satori, { type SatoriOptions } from 'satori';
import { loadResvg } from './load-resvg';
import { ogImageSize } from './og-image';
import { ogCardElement, ogCardFontFamily, type OgCard } from './og-image-card';
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

/** One card as a 1200×630 PNG. */
export async function renderOgImage(card: OgCard): Promise<Buffer> {
  const svg = await satori(ogCardElement(card), { ...ogImageSize, fonts: fonts() });
  // resvg renders on libuv's thread pool, so satori can lay out the next card meanwhile.
  const image = await loadResvg().renderAsync(svg, { fitTo: { mode: 'original' }, font: { loadSystemFonts: false } });
  // Not image.asPng(): that encodes on this thread, with more CPU time, into a file twice the size.
  return encodePng({ width: image.width, height: image.height, rgba: image.pixels, premultiplied: true });
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
