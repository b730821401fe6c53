import zlib from 'node:zlib';

/**
 * A strict PNG reader for tests, written from the specification rather than from lib/seo/png-encoder.ts so
 * that the two do not share a mistake. It reads 8-bit, non-interlaced images (colour types 2, 3 and 6, all
 * five filter types) and throws on anything malformed: signature, chunk order, a CRC, the IDAT's length.
 * https://www.w3.org/TR/png-3/
 */

export interface PngChunk {
  type: string;
  data: Buffer;
}

export interface DecodedPng {
  width: number;
  height: number;
  colourType: number;
  chunks: PngChunk[];
  /** Straight RGBA, four bytes a pixel. */
  rgba: Buffer;
}

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Every chunk of the file, each CRC checked. */
export function pngChunks(png: Buffer): PngChunk[] {
  if (!png.subarray(0, 8).equals(signature)) throw new Error('not a PNG: bad signature');
  const chunks: PngChunk[] = [];
  let at = 8;
  while (at < png.length) {
    if (at + 12 > png.length) throw new Error(`truncated chunk at byte ${at}`);
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const end = at + 8 + length;
    if (end + 4 > png.length) throw new Error(`${type} at byte ${at} runs past the end of the file`);
    const expected = png.readUInt32BE(end);
    const actual = zlib.crc32(png.subarray(at + 4, end));
    if (actual !== expected) throw new Error(`${type} at byte ${at}: CRC ${actual.toString(16)}, file says ${expected.toString(16)}`);
    chunks.push({ type, data: png.subarray(at + 8, end) });
    at = end + 4;
  }
  return chunks;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** What a filter type predicts from the bytes to the left, above, and above left (section 9.2). */
function predictor(filter: number, left: number, up: number, upLeft: number, row: number): number {
  switch (filter) {
    case 0:
      return 0;
    case 1:
      return left;
    case 2:
      return up;
    case 3:
      return (left + up) >> 1;
    case 4:
      return paeth(left, up, upLeft);
    default:
      throw new Error(`row ${row}: unknown filter type ${filter}`);
  }
}

/** The raw samples, filter bytes removed, row after row. */
function unfilter(data: Buffer, height: number, rowBytes: number, bytesPerPixel: number): Buffer {
  if (data.length !== (rowBytes + 1) * height) throw new Error(`IDAT inflates to ${data.length} bytes, expected ${(rowBytes + 1) * height}`);
  const out = Buffer.alloc(rowBytes * height);
  for (let y = 0; y < height; y++) {
    const filter = data[y * (rowBytes + 1)]!;
    const row = y * rowBytes;
    for (let x = 0; x < rowBytes; x++) {
      const value = data[y * (rowBytes + 1) + 1 + x]!;
      const left = x >= bytesPerPixel ? out[row + x - bytesPerPixel]! : 0;
      const up = y > 0 ? out[row - rowBytes + x]! : 0;
      const upLeft = y > 0 && x >= bytesPerPixel ? out[row - rowBytes + x - bytesPerPixel]! : 0;
      out[row + x] = (value + predictor(filter, left, up, upLeft, y)) & 0xff;
    }
  }
  return out;
}

export function decodePng(png: Buffer): DecodedPng {
  const chunks = pngChunks(png);
  const [header, ...rest] = chunks;
  if (header?.type !== 'IHDR' || header.data.length !== 13) throw new Error('the first chunk is not a 13-byte IHDR');
  if (chunks.at(-1)?.type !== 'IEND' || chunks.at(-1)?.data.length !== 0) throw new Error('the last chunk is not an empty IEND');
  const width = header.data.readUInt32BE(0);
  const height = header.data.readUInt32BE(4);
  const [bitDepth, colourType, compression, filterMethod, interlace] = [8, 9, 10, 11, 12].map((at) => header.data.readUInt8(at));
  if (bitDepth !== 8 || compression !== 0 || filterMethod !== 0 || interlace !== 0) {
    throw new Error(`unsupported IHDR: bit depth ${bitDepth}, compression ${compression}, filter method ${filterMethod}, interlace ${interlace}`);
  }
  const channels = colourType === undefined ? undefined : { 2: 3, 3: 1, 6: 4 }[colourType];
  if (colourType === undefined || channels === undefined) throw new Error(`unsupported colour type ${colourType}`);
  const palette = rest.find((chunk) => chunk.type === 'PLTE')?.data;
  const alphas = rest.find((chunk) => chunk.type === 'tRNS')?.data;
  const samples = unfilter(
    zlib.inflateSync(Buffer.concat(rest.filter((chunk) => chunk.type === 'IDAT').map((chunk) => chunk.data))),
    height,
    width * channels,
    channels,
  );
  const rgba = Buffer.alloc(width * height * 4);
  if (colourType === 3) {
    if (palette === undefined || palette.length % 3 !== 0) throw new Error('indexed image without a whole PLTE');
    for (let pixel = 0; pixel < width * height; pixel++) {
      const index = samples[pixel]!;
      if (index * 3 >= palette.length) throw new Error(`pixel ${pixel}: index ${index} is outside the palette`);
      palette.copy(rgba, pixel * 4, index * 3, index * 3 + 3);
      rgba[pixel * 4 + 3] = alphas?.[index] ?? 255;
    }
  } else {
    for (let pixel = 0; pixel < width * height; pixel++) {
      samples.copy(rgba, pixel * 4, pixel * channels, pixel * channels + 3);
      rgba[pixel * 4 + 3] = channels === 4 ? samples[pixel * 4 + 3]! : 255;
    }
  }
  return { width, height, colourType, chunks, rgba };
}
