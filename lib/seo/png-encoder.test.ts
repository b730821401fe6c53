import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { decodePng } from '@/lib/testing/decode-png';
import { encodePng, indexImage } from './png-encoder';

/** Straight RGBA from a function of the pixel's position. */
function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number, number]): Uint8Array {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(colour(x, y), (y * width + x) * 4);
  return rgba;
}

/** Text-like: a few ink colours at a few coverage levels on white, as resvg draws anti-aliased glyphs. */
const card = (x: number, y: number): [number, number, number, number] => {
  const ink = [[17, 24, 39], [75, 85, 99], [229, 231, 235]][(x + y) % 3]!;
  const coverage = ((x * 7 + y * 3) % 17) / 16;
  const [red, green, blue] = ink.map((value) => Math.round(255 + (value - 255) * coverage));
  return [red!, green!, blue!, 255];
};

describe('encodePng', () => {
  it('writes an image of few colours as an indexed PNG that decodes to the same pixels', async () => {
    const rgba = image(37, 11, card);
    const png = await encodePng({ width: 37, height: 11, rgba, premultiplied: false });
    const decoded = await decodePng(png);
    expect(decoded.chunkTypes).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect(decoded).toMatchObject({ width: 37, height: 11, bitDepth: 8, colourType: 3, interlaced: false });
    expect(decoded.rgba).toEqual(Buffer.from(rgba));
  });

  it('repeats a row like the one above, which it copies rather than looks up', async () => {
    // Rows 0–3 the same, 4 new, 5–6 the same again: the copy must start at the right row and keep the last colour.
    const rgba = image(9, 7, (x, y) => card(x, y < 4 ? 0 : y < 5 ? 4 : 5));
    expect((await decodePng(await encodePng({ width: 9, height: 7, rgba, premultiplied: false }))).rgba).toEqual(Buffer.from(rgba));
  });

  it('falls back to RGB past 256 colours, and to RGBA where a pixel is not opaque', async () => {
    const opaque = image(40, 30, (x, y) => [x * 6, y * 8, (x * y) % 256, 255]);
    const rgb = await decodePng(await encodePng({ width: 40, height: 30, rgba: opaque, premultiplied: false }));
    expect(rgb.colourType).toBe(2);
    expect(rgb.chunkTypes).toEqual(['IHDR', 'IDAT', 'IEND']);
    expect(rgb.rgba).toEqual(Buffer.from(opaque));

    const translucent = image(40, 30, (x, y) => [x * 6, y * 8, (x * y) % 256, x === 3 ? 128 : 255]);
    const withAlpha = await decodePng(await encodePng({ width: 40, height: 30, rgba: translucent, premultiplied: false }));
    expect(withAlpha.colourType).toBe(6);
    expect(withAlpha.rgba).toEqual(Buffer.from(translucent));
  });

  it('divides premultiplied colour by alpha, in the palette and in RGBA', async () => {
    // (200, 100, 50) at half, quarter and no opacity, premultiplied as tiny-skia stores it.
    const premultiplied = [
      [100, 50, 25, 128],
      [50, 25, 13, 64],
      [0, 0, 0, 0],
      [200, 100, 50, 255],
    ] as const;
    const straight = [
      [199, 100, 50, 128],
      [199, 100, 52, 64],
      [0, 0, 0, 0],
      [200, 100, 50, 255],
    ] as const;
    const few = image(4, 2, (x) => [...premultiplied[x]!]);
    const indexed = await decodePng(await encodePng({ width: 4, height: 2, rgba: few, premultiplied: true }));
    expect(indexed.chunkTypes).toEqual(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
    expect([...indexed.rgba]).toEqual([...straight.flat(), ...straight.flat()]);

    // Past 256 colours: the fourth column is the translucent one, the rest a gradient.
    const many = image(300, 2, (x) => (x < 4 ? [...premultiplied[x]!] : [x % 256, x >> 8, 7, 255]));
    const truecolour = await decodePng(await encodePng({ width: 300, height: 2, rgba: many, premultiplied: true }));
    expect(truecolour.colourType).toBe(6);
    expect(truecolour.rgba).toEqual(Buffer.from(image(300, 2, (x) => (x < 4 ? [...straight[x]!] : [x % 256, x >> 8, 7, 255]))));
  });

  it('gives the pixels resvg’s own PNG has, translucent ones included', async () => {
    // Anti-aliased edges over an opaque page, and a translucent shape over nothing (premultiplied in resvg).
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="90" height="40">
      <rect width="60" height="40" fill="#fff"/><circle cx="30" cy="20" r="13.3" fill="#111827"/>
      <path d="M55 5 L88 20 L55 35 Z" fill="#4b5563" fill-opacity="0.6"/></svg>`;
    const rendered = new Resvg(svg).render();
    const ours = await decodePng(await encodePng({ width: rendered.width, height: rendered.height, rgba: rendered.pixels, premultiplied: true }));
    expect(ours.colourType).toBe(3);
    expect(ours.chunkTypes).toContain('tRNS');
    expect(ours.rgba).toEqual((await decodePng(rendered.asPng())).rgba);
  });

  it('is read back by a decoder that checks every CRC', async () => {
    const png = await encodePng({ width: 5, height: 3, rgba: image(5, 3, card), premultiplied: false });
    const idat = png.indexOf('IDAT', 0, 'latin1');
    png[idat + 6] = png[idat + 6]! ^ 1;
    await expect(decodePng(png)).rejects.toThrow(/^Crc error/);
  });

  it('reads pixels from a buffer at any offset', async () => {
    const rgba = image(5, 3, card);
    const shifted = new Uint8Array(rgba.length + 1);
    shifted.set(rgba, 1);
    const png = await encodePng({ width: 5, height: 3, rgba: shifted.subarray(1), premultiplied: false });
    expect((await decodePng(png)).rgba).toEqual(Buffer.from(rgba));
  });

  it('is done with the pixels when it returns its promise', async () => {
    const rgba = image(37, 11, card);
    const original = Buffer.from(rgba);
    const png = encodePng({ width: 37, height: 11, rgba, premultiplied: false });
    rgba.fill(0);
    expect((await decodePng(await png)).rgba).toEqual(original);
  });

  describe('over a base image', () => {
    // A frame of text-like pixels and the same frame with a box of new colours drawn in.
    const width = 30;
    const height = 12;
    const changed = { x: 7, y: 3, width: 11, height: 5 };
    const inBox = (x: number, y: number) => x >= changed.x && x < changed.x + changed.width && y >= changed.y && y < changed.y + changed.height;
    const frame = image(width, height, card);
    const base = indexImage({ width, height, rgba: frame, premultiplied: false })!;

    it('looks only inside the changed box, and decodes to the whole new image', async () => {
      const drawn = image(width, height, (x, y) => (inBox(x, y) ? [x * 9, y * 20, 200, 255] : card(x, y)));
      const png = await encodePng({ width, height, rgba: drawn, premultiplied: false }, { base, changed });
      expect((await decodePng(png)).rgba).toEqual(Buffer.from(drawn));
      // A pixel outside the box that differs from the base is not looked at: the caller vouches for those.
      const lied = Uint8Array.from(drawn);
      lied.set([1, 2, 3, 255], 0);
      const unseen = await encodePng({ width, height, rgba: lied, premultiplied: false }, { base, changed });
      expect((await decodePng(unseen)).rgba).toEqual(Buffer.from(drawn));
    });

    it('leaves the base as it was, for the next image over it', async () => {
      const colours = base.colours.length;
      await encodePng({ width, height, rgba: image(width, height, (x, y) => (inBox(x, y) ? [x, y, 9, 255] : card(x, y))), premultiplied: false }, { base, changed });
      expect(base.colours).toHaveLength(colours);
      const again = await encodePng({ width, height, rgba: frame, premultiplied: false }, { base, changed: { x: 0, y: 0, width: 0, height: 0 } });
      expect((await decodePng(again)).rgba).toEqual(Buffer.from(frame));
    });

    it('falls back to RGB when the box brings the colours past 256', async () => {
      const wide = { x: 0, y: 0, width, height };
      const many = image(width, height, (x, y) => [x * 8, y * 20, (x * y) % 256, 255]);
      const decoded = await decodePng(await encodePng({ width, height, rgba: many, premultiplied: false }, { base, changed: wide }));
      expect(decoded.colourType).toBe(2);
      expect(decoded.rgba).toEqual(Buffer.from(many));
    });

    it('refuses a box outside the image, or a base of another size', async () => {
      const rgba = image(width, height, card);
      await expect(encodePng({ width, height, rgba, premultiplied: false }, { base, changed: { ...changed, x: 25 } })).rejects.toThrow('not inside the image');
      const small = indexImage({ width: 5, height: 3, rgba: image(5, 3, card), premultiplied: false })!;
      await expect(encodePng({ width, height, rgba, premultiplied: false }, { base: small, changed })).rejects.toThrow('over a 5×3 base');
    });
  });

  it('refuses pixels that do not fill the size', async () => {
    await expect(encodePng({ width: 2, height: 2, rgba: new Uint8Array(15), premultiplied: false })).rejects.toThrow('2×2 pixels need 16 RGBA bytes, got 15');
  });
});
