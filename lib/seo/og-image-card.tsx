import type { ReactElement, ReactNode } from 'react';
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

/** The card's background, which its title band leaves to the renderer (ogCardTitleElement). */
export const ogCardPageColour = colours.page;

/**
 * The band of the card that holds the title, in whole pixels from the top: below the site's name and its
 * hairline, above the address. Everything outside it is the same on every card of a site, so a build draws
 * that once (ogCardFrameElement) and each card's band alone (ogCardTitleElement), at a whole-pixel offset, which
 * gives the same pixels as drawing the card at once (ogCardElement; og-image-drawing.test.ts compares them).
 */
export const ogCardTitleBand = { top: 128, height: 408 } as const;

const padding = { top: 56, sides: 80 } as const;
// Line heights in pixels, not satori's font-dependent `normal`, so that the band's edges fall on whole pixels:
// 56 + 42 + 28 + 2 = 128 above it, and 630 − 60 − 34 = 536 below.
const header = { height: 42, gap: 28, rule: 2 } as const;
const footer = { height: 34 } as const;

/** Longer titles get a smaller size so that they still fit on four lines. */
function titleSize(title: string): number {
  if (title.length <= 28) return 84;
  if (title.length <= 56) return 68;
  if (title.length <= 90) return 56;
  return 46;
}

/** The card's page: its size, colours and side margins; transparent without `backgroundColor`. */
function cardPage(size: { width: number; height: number }, paddingTop: number, children: ReactNode, backgroundColor?: string): ReactElement {
  return (
    <div
      style={{
        ...size,
        // Satori sizes content boxes unless told otherwise: keep the padding inside the canvas.
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        backgroundColor,
        color: colours.text,
        fontFamily: ogCardFontFamily,
        paddingTop,
        paddingRight: padding.sides,
        paddingLeft: padding.sides,
      }}
    >
      {children}
    </div>
  );
}

/** The title (and subtitle), centred in a box of the band's height. */
function titleBlock({ title, subtitle }: Pick<OgCard, 'title' | 'subtitle'>): ReactElement {
  return (
    <div key="band" style={{ display: 'flex', flexDirection: 'column', justifyContent: 'center', height: ogCardTitleBand.height, flexShrink: 0 }}>
      <div style={{ display: 'block', fontSize: titleSize(title), fontWeight: 700, lineHeight: 1.12, letterSpacing: -1.5, lineClamp: 4 }}>{title}</div>
      {subtitle !== undefined && <div style={{ display: 'block', marginTop: 28, fontSize: 32, lineHeight: 1.35, color: colours.muted, lineClamp: 2 }}>{subtitle}</div>}
    </div>
  );
}

/** The whole card but the band: the site's name over a hairline, the band left blank, the address at the foot. */
function frameParts({ siteName, address }: Pick<OgCard, 'siteName' | 'address'>, band: ReactElement): ReactElement[] {
  return [
    // One line each, cut with an ellipsis: the frame's parts keep their heights whatever the name and address.
    <div key="name" style={{ display: 'block', lineClamp: 1, flexShrink: 0, height: header.height, lineHeight: `${header.height}px`, marginBottom: header.gap, fontSize: 34, fontWeight: 700, letterSpacing: -0.5 }}>
      {siteName}
    </div>,
    // The hairline as a box of its own, not a border: satori draws a border through three nested clip paths,
    // each of which resvg rasterises into a pixmap of its own. The image is the same to the pixel.
    <div key="rule" style={{ height: header.rule, flexShrink: 0, backgroundColor: colours.rule }} />,
    band,
    <div key="address" style={{ display: 'flex', flexShrink: 0, alignItems: 'center', height: footer.height, lineHeight: `${footer.height}px`, fontSize: 28, color: colours.muted }}>
      <div style={{ width: 40, height: 6, flexShrink: 0, backgroundColor: colours.accent, marginRight: 20, borderRadius: 3 }} />
      <div style={{ display: 'block', lineClamp: 1 }}>{address}</div>
    </div>,
  ];
}

/** The whole card drawn at once. */
export function ogCardElement(card: OgCard): ReactElement {
  return cardPage(ogImageSize, padding.top, frameParts(card, titleBlock(card)), colours.page);
}

/** What every card of a site shares: the card with its band blank. */
export function ogCardFrameElement(card: Pick<OgCard, 'siteName' | 'address'>): ReactElement {
  return cardPage(ogImageSize, padding.top, frameParts(card, <div key="band" style={{ height: ogCardTitleBand.height, flexShrink: 0 }} />), colours.page);
}

/**
 * One card's band alone, ogImageSize.width × ogCardTitleBand.height, to be drawn over its frame at ogCardTitleBand.top.
 * Without a background: the title's ink is all there is to draw, so the renderer can draw just the box around it,
 * over ogCardPageColour.
 */
export function ogCardTitleElement(card: Pick<OgCard, 'title' | 'subtitle'>): ReactElement {
  return cardPage({ width: ogImageSize.width, height: ogCardTitleBand.height }, 0, titleBlock(card));
}
