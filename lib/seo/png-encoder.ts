import { promisify } from 'node:util';
import zlib from 'node:zlib';

/**
 * A PNG encoder for flat graphics such as the preview cards, written for the build's time budget: the one pass
 * over the pixels runs in JavaScript, the deflate on libuv's thread pool, so the main thread stays free for the
 * next card's layout. (In the build, resvg's own `asPng()` took 11–15 ms of CPU a card, all of it on the main
 * thread, for 29 KiB; this takes about 6 ms, 2–4 of them on the main thread, for 14 KiB.)
 *
 * Anti-aliased text in a few colours on a plain page has few distinct colours (57 in every card measured), so
 * the image is written indexed, one byte a pixel; with more than 256 colours, as RGB, or RGBA where some pixel
 * is not opaque. Every scanline uses filter None: on the cards, as RGB, Sub and Up came out 16 % and 32 %
 * larger, not smaller (the PNG specification also recommends None for indexed images, section 12.8).
 * https://www.w3.org/TR/png-3/
 */

export interface RgbaImage {
  width: number;
  height: number;
  /** Four bytes a pixel, red, green, blue, alpha, row after row. */
  rgba: Uint8Array;
  /**
   * Whether the colour bytes are already multiplied by alpha, as resvg's (tiny-skia's) pixels are. PNG stores
   * straight colour, so the encoder divides them back out where a pixel is not opaque.
   */
  premultiplied: boolean;
}

const deflate = promisify(zlib.deflate);
const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const colourType = { truecolour: 2, indexed: 3, truecolourWithAlpha: 6 } as const;
/**
 * Indices are deflated with run-length matches only: on the cards (long runs of page and ink, few repeated
 * shapes) that took 0.8 ms a card against 2.9 ms for zlib's default, level 6, for 13.2 KiB instead of 11.4 KiB.
 * Truecolour keeps the default: a run of one colour repeats at a distance of 3 or 4 bytes, which RLE cannot match.
 */
const deflateOptions = { indexed: { strategy: zlib.constants.Z_RLE }, truecolour: {} } satisfies Record<string, zlib.ZlibOptions>;

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(zlib.crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

/** A colour byte with its alpha divided back out (alpha 1 to 254; callers handle 0 and 255). */
function unpremultiply(value: number, alpha: number): number {
  return Math.min(255, Math.round((value * 255) / alpha));
}

/** One straight-alpha RGBA pixel from four bytes that may be premultiplied. */
function straight(red: number, green: number, blue: number, alpha: number, premultiplied: boolean): [number, number, number, number] {
  if (!premultiplied || alpha === 255) return [red, green, blue, alpha];
  if (alpha === 0) return [0, 0, 0, 0];
  return [unpremultiply(red, alpha), unpremultiply(green, alpha), unpremultiply(blue, alpha), alpha];
}

interface Scanlines {
  colourType: (typeof colourType)[keyof typeof colourType];
  /** PLTE and tRNS, for indexed images. */
  chunks: Buffer[];
  /** Each row led by its filter byte (0, None), ready to deflate. */
  data: Buffer;
}

/** A rectangle of whole pixels. */
export interface PixelBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The image's pixels as 32-bit words, from a 4-byte-aligned copy where the bytes are not aligned. */
function pixelWords({ width, height, rgba }: RgbaImage): { bytes: Uint8Array; words: Int32Array } {
  // Whole pixels compared as 32-bit words; the view needs 4-byte alignment, which Node's Buffers do not promise.
  // Signed, so that every word is a small integer to V8: read from a Uint32Array, a word of 2³¹ or more (opaque
  // white among them) is a heap number, and hashing those made the map lookups 10 % of the encoding.
  const bytes = rgba.byteOffset % 4 === 0 ? rgba : new Uint8Array(rgba);
  return { bytes, words: new Int32Array(bytes.buffer, bytes.byteOffset, width * height) };
}

/**
 * An image as palette indices: one byte a pixel, each row led by its filter byte (0, None), and the colours
 * in the order they were first seen. Made for a whole image (indexImage), or from another one's indices and the
 * box where the two differ (indexImageOver).
 */
export interface IndexedImage {
  width: number;
  height: number;
  premultiplied: boolean;
  data: Buffer;
  /** Each colour's index, by its pixel's word. */
  indexOf: Map<number, number>;
  /** Each colour's four bytes, in memory order whatever the platform's endianness. */
  colours: Uint8Array[];
}

/** Indexes the pixels of `box` into `indexed`, which holds the rest already; false past 256 colours. */
function indexBox(indexed: IndexedImage, image: RgbaImage, box: PixelBox): boolean {
  const { width, data, indexOf, colours } = indexed;
  const { bytes, words } = pixelWords(image);
  const boxBytes = box.width * 4;
  // Most pixels repeat the one before (page background, glyph interiors): skip the map lookup for those.
  // Not the first pixel's word, so that the first pixel is looked up.
  let previous = ~words[box.y * width + box.x]!;
  let previousIndex = 0;
  for (let y = box.y; y < box.y + box.height; y++) {
    let out = y * (width + 1) + 1 + box.x;
    let pixel = y * width + box.x;
    const rowStart = pixel * 4;
    // A row like the one above (blank page between lines of text: half a card) is copied, not looked up again.
    if (y > box.y && Buffer.compare(bytes.subarray(rowStart, rowStart + boxBytes), bytes.subarray(rowStart - width * 4, rowStart - width * 4 + boxBytes)) === 0) {
      data.copyWithin(out, out - width - 1, out - width - 1 + box.width);
      continue;
    }
    for (let x = 0; x < box.width; x++, pixel++) {
      const word = words[pixel]!;
      if (word !== previous) {
        let index = indexOf.get(word);
        if (index === undefined) {
          if (colours.length === 256) return false;
          index = colours.length;
          indexOf.set(word, index);
          colours.push(bytes.slice(pixel * 4, pixel * 4 + 4));
        }
        previous = word;
        previousIndex = index;
      }
      data[out++] = previousIndex;
    }
  }
  return true;
}

/** The image as palette indices, or undefined when it has more than 256 colours. */
export function indexImage(image: RgbaImage): IndexedImage | undefined {
  const { width, height, premultiplied } = image;
  // Filter bytes 0, and every index is written below.
  const indexed = { width, height, premultiplied, data: Buffer.alloc((width + 1) * height), indexOf: new Map<number, number>(), colours: [] };
  return indexBox(indexed, image, { x: 0, y: 0, width, height }) ? indexed : undefined;
}

/**
 * An image that is `base` but inside `changed`, as palette indices, from a pass over that box alone: a preview
 * card is its site's frame with a title drawn in, and the frame's pixels need not be looked at again. Undefined
 * past 256 colours. The caller vouches that every pixel outside the box is the base's.
 */
export function indexImageOver(base: IndexedImage, image: RgbaImage, changed: PixelBox): IndexedImage | undefined {
  if (image.width !== base.width || image.height !== base.height || image.premultiplied !== base.premultiplied) {
    throw new RangeError(`indexImageOver: a ${image.width}×${image.height} image over a ${base.width}×${base.height} base, or one premultiplied and one not`);
  }
  const { x, y, width, height } = changed;
  if (x < 0 || y < 0 || x + width > image.width || y + height > image.height) throw new RangeError(`indexImageOver: the box ${width}×${height} at ${x},${y} is not inside the image`);
  const indexed = { ...base, data: Buffer.from(base.data), indexOf: new Map(base.indexOf), colours: [...base.colours] };
  return width === 0 || height === 0 || indexBox(indexed, image, changed) ? indexed : undefined;
}

function indexedScanlines({ data, colours, premultiplied }: IndexedImage): Scanlines {
  const palette = Buffer.allocUnsafe(colours.length * 3);
  const alphas = Buffer.allocUnsafe(colours.length);
  for (const [index, [red, green, blue, alpha]] of colours.entries()) {
    const colour = straight(red!, green!, blue!, alpha!, premultiplied);
    palette.set(colour.slice(0, 3), index * 3);
    alphas[index] = colour[3];
  }
  const opaque = alphas.every((alpha) => alpha === 255);
  return { colourType: colourType.indexed, chunks: [chunk('PLTE', palette), ...(opaque ? [] : [chunk('tRNS', alphas)])], data };
}

function truecolourScanlines({ width, height, rgba, premultiplied }: RgbaImage): Scanlines {
  let opaque = true;
  for (let at = 3; at < width * height * 4; at += 4) {
    if (rgba[at] !== 255) {
      opaque = false;
      break;
    }
  }
  const channels = opaque ? 3 : 4;
  const data = Buffer.allocUnsafe((width * channels + 1) * height);
  let out = 0;
  let at = 0;
  for (let y = 0; y < height; y++) {
    data[out++] = 0;
    // Inline rather than straight(), which returns a new array a call: this loop runs once a pixel.
    for (let x = 0; x < width; x++, at += 4) {
      const alpha = rgba[at + 3]!;
      if (alpha === 255 || !premultiplied) {
        data[out++] = rgba[at]!;
        data[out++] = rgba[at + 1]!;
        data[out++] = rgba[at + 2]!;
      } else if (alpha === 0) {
        data.fill(0, out, out + 3);
        out += 3;
      } else {
        data[out++] = unpremultiply(rgba[at]!, alpha);
        data[out++] = unpremultiply(rgba[at + 1]!, alpha);
        data[out++] = unpremultiply(rgba[at + 2]!, alpha);
      }
      if (!opaque) data[out++] = alpha;
    }
  }
  return { colourType: opaque ? colourType.truecolour : colourType.truecolourWithAlpha, chunks: [], data };
}

/**
 * The image as a PNG file. Deflates on the thread pool; only the pass over the pixels runs on the caller's thread,
 * before this returns its promise: the caller may write over `image.rgba` at once (the preview cards reuse theirs).
 * With `over`, the image is `over.base` but inside `over.changed`, and the pass looks at that box alone
 * (indexImageOver).
 */
export async function encodePng(image: RgbaImage, over?: { base: IndexedImage; changed: PixelBox }): Promise<Buffer> {
  const { width, height, rgba } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || rgba.length !== width * height * 4) {
    throw new RangeError(`encodePng: ${width}×${height} pixels need ${width * height * 4} RGBA bytes, got ${rgba.length}`);
  }
  const indexed = over ? indexImageOver(over.base, image, over.changed) : indexImage(image);
  const scanlines = indexed ? indexedScanlines(indexed) : truecolourScanlines(image);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per sample (or per palette index)
  header[9] = scanlines.colourType;
  // Bytes 10–12 stay 0: deflate compression, adaptive filtering (the method, not a filter), no interlacing.
  const compressed = await deflate(scanlines.data, scanlines.colourType === colourType.indexed ? deflateOptions.indexed : deflateOptions.truecolour);
  return Buffer.concat([signature, chunk('IHDR', header), ...scanlines.chunks, chunk('IDAT', compressed), chunk('IEND', new Uint8Array(0))]);
}
