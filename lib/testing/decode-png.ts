import { PNG, type Metadata } from 'pngjs';

/**
 * PNG files read back for tests with pngjs, a decoder written apart from lib/seo/png-encoder.ts, so that the
 * two do not share a mistake. It throws on anything malformed: the signature, a CRC, an unknown critical
 * chunk, a palette index or IDAT that does not fit the header.
 */
export interface DecodedPng {
  width: number;
  height: number;
  bitDepth: number;
  /** 2 truecolour, 3 indexed, 6 truecolour with alpha (https://www.w3.org/TR/png-3/#6Colour-values). */
  colourType: number;
  interlaced: boolean;
  /** The file's chunks in order, by type: `['IHDR', 'PLTE', 'IDAT', 'IEND']`. */
  chunkTypes: string[];
  /** Straight RGBA, four bytes a pixel. */
  rgba: Buffer;
}

export function decodePng(png: Buffer): Promise<DecodedPng> {
  return new Promise((resolve, reject) => {
    let metadata: Metadata | undefined;
    // The streaming parser: after a bad CRC, pngjs's synchronous reader throws "unrecognised content at end
    // of stream" instead of naming the CRC.
    new PNG({ checkCRC: true })
      .on('metadata', (header) => (metadata = header))
      .parse(png, (error, decoded) => {
        if (error) return reject(error);
        if (!metadata) return reject(new Error('pngjs parsed the file without reading its header'));
        resolve({
          width: decoded.width,
          height: decoded.height,
          bitDepth: metadata.depth,
          colourType: metadata.colorType,
          interlaced: metadata.interlace,
          chunkTypes: chunkTypes(png),
          rgba: decoded.data,
        });
      });
  });
}

/**
 * pngjs reads the chunks but does not list them, and the encoder's tests assert it writes only those it needs.
 * Called after pngjs has checked the file, so every length is sound.
 */
function chunkTypes(png: Buffer): string[] {
  const types: string[] = [];
  for (let at = 8; at + 8 <= png.length; at += 12 + png.readUInt32BE(at)) types.push(png.toString('latin1', at + 4, at + 8));
  return types;
}
