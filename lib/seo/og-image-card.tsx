import type { ReactElement } from 'react';
import { ogImageSize } from './og-image';

/**
 * The preview card, in the site's look: white page, the site's name over a hairline as in the header,
 * the title large and bold as the page's h1, the site's address at the foot. Satori lays it out (flexbox
 * only, styles inline); colours are Tailwind's grays the pages use (gray-900 text, gray-200 rules).
 */
export interface OgCard {
  title: string;
  /** A line under the title: the home page's description, where title and site name are the same words. */
  subtitle?: string;
  siteName: string;
  /** The site's host and path, e.g. `example.com/docs`. */
  address: string;
}

/** The font families the renderer loads (lib/seo/og-images.ts), in the order satori falls back through them. */
export const ogCardFontFamily = 'Inter';

const colours = { page: '#ffffff', text: '#111827', muted: '#4b5563', rule: '#e5e7eb', accent: '#111827' } as const;

/** Longer titles get a smaller size so that they still fit on four lines. */
function titleSize(title: string): number {
  if (title.length <= 28) return 84;
  if (title.length <= 56) return 68;
  if (title.length <= 90) return 56;
  return 46;
}

export function ogCardElement({ title, subtitle, siteName, address }: OgCard): ReactElement {
  return (
    <div
      style={{
        ...ogImageSize,
        // Satori sizes content boxes unless told otherwise: keep the padding inside the canvas.
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        backgroundColor: colours.page,
        color: colours.text,
        fontFamily: ogCardFontFamily,
        paddingTop: 56,
        paddingRight: 80,
        paddingBottom: 60,
        paddingLeft: 80,
      }}
    >
      <div style={{ display: 'flex', fontSize: 34, fontWeight: 700, letterSpacing: -0.5, paddingBottom: 28 }}>{siteName}</div>
      {/* The hairline as a box of its own, not a border: satori draws a border through three nested clip paths,
          each of which resvg rasterises into a pixmap of its own. The image is the same to the pixel. */}
      <div style={{ height: 2, flexShrink: 0, backgroundColor: colours.rule }} />
      <div style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', flexGrow: 1 }}>
        <div style={{ display: 'block', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.12, letterSpacing: -1.5, lineClamp: 4 }}>{title}</div>
        {subtitle !== undefined && (
          <div style={{ display: 'block', marginTop: 28, fontSize: 32, lineHeight: 1.35, color: colours.muted, lineClamp: 2 }}>{subtitle}</div>
        )}
      </div>
      <div style={{ display: 'flex', alignItems: 'center', fontSize: 28, color: colours.muted }}>
        <div style={{ width: 40, height: 6, backgroundColor: colours.accent, marginRight: 20, borderRadius: 3 }} />
        {address}
      </div>
    </div>
  );
}
