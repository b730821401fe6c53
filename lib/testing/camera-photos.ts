/**
 * Photos as a camera writes them, made on the spot for the tests and the bench rather than committed: a landscape
 * drawn from gradients and shapes under a sensor's grain (so that it compresses like a photo, not like noise or a
 * flat colour), saved as a high-quality JPEG with the EXIF a phone adds: its make and model, the time, and where
 * it was taken.
 */
import sharp from 'sharp';

/** The camera's strings each photo carries; a test looks for them in every exported file. */
export const cameraMake = 'FixtureCam';
export const cameraModel = 'Landscape 12';
/** 59°20′N, 18°4′E, as EXIF writes a position: degrees, minutes, seconds as rationals. */
export const gpsLatitude = '59/1 20/1 0/1';

/** Grey grain around the middle grey, about as strong as a phone camera's at dusk, the same for the same seed. */
function seededGrain(width: number, height: number, seed: number): Buffer {
  // mulberry32: small, fast, and the same numbers everywhere.
  let state = seed * 0x9e3779b9;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let value = Math.imul(state ^ (state >>> 15), 1 | state);
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value;
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
  const grain = Buffer.alloc(width * height);
  // The sum of three uniform numbers is near enough to a bell curve for grain.
  for (let index = 0; index < grain.length; index++) grain[index] = Math.max(0, Math.min(255, Math.round(128 + (next() + next() + next() - 1.5) * 56)));
  return grain;
}

/** A `width` × `height` landscape; `seed` moves its hills and sun, so that photos differ. */
export async function cameraPhoto(width: number, height: number, seed = 1): Promise<Buffer> {
  const hill = (offset: number, color: string) => {
    const points = Array.from({ length: 9 }, (_, index) => {
      const x = (index / 8) * width;
      const y = height * (0.55 + offset) + Math.sin(index * 1.7 + seed * (offset + 1) * 3) * height * 0.08;
      return `${x.toFixed(0)},${y.toFixed(0)}`;
    });
    return `<polygon fill="${color}" points="0,${height} ${points.join(' ')} ${width},${height}"/>`;
  };
  const sunX = ((seed * 0.37) % 1) * width * 0.8 + width * 0.1;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#3b6ea8"/><stop offset="1" stop-color="#f3c98b"/></linearGradient></defs>
    <rect width="${width}" height="${height}" fill="url(#sky)"/>
    <circle cx="${sunX.toFixed(0)}" cy="${(height * 0.3).toFixed(0)}" r="${(height * 0.08).toFixed(0)}" fill="#fff3c4"/>
    ${hill(0, '#5b7f4a')}${hill(0.12, '#3f6236')}${hill(0.25, '#2a4526')}
  </svg>`;
  // A sensor's grain over the landscape: without it the picture compresses like a drawing, far better than a photo.
  // Drawn from the seed, so that the same photo has the same bytes on every run (and the image cache knows it).
  const grain = await sharp(seededGrain(width, height, seed), { raw: { width, height, channels: 1 } }).png().toBuffer();
  const scene = await sharp(Buffer.from(svg)).composite([{ input: grain, blend: 'soft-light' }]).png().toBuffer();
  return sharp(scene)
    .jpeg({ quality: 92 })
    .withExif({
      IFD0: { Make: cameraMake, Model: cameraModel, DateTime: '2026:06:21 18:04:00' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: gpsLatitude, GPSLongitudeRef: 'E', GPSLongitude: '18/1 4/1 0/1' },
    })
    .toBuffer();
}
