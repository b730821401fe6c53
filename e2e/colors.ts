import type { Locator } from '@playwright/test';

/**
 * Colours as the browser computed them, as WCAG relative luminance (0 black … 1 white). Chromium reports
 * Tailwind's colours as oklch(), so the page's own canvas converts them to sRGB.
 */
export async function luminance(element: Locator, property: 'color' | 'backgroundColor' | 'outlineColor', pseudo?: string): Promise<number> {
  return element.evaluate(
    (node, [name, pseudoElement]) => {
      const value = getComputedStyle(node, pseudoElement ?? null)[name as 'color'];
      const context = document.createElement('canvas').getContext('2d', { willReadFrequently: true });
      if (!context) throw new Error('no 2D canvas');
      context.fillStyle = value;
      context.fillRect(0, 0, 1, 1);
      const [r = 0, g = 0, b = 0] = context.getImageData(0, 0, 1, 1).data;
      const linear = (channel: number) => {
        const c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    },
    [property, pseudo] as const,
  );
}

/** The WCAG contrast ratio of two luminances. */
export function contrast(a: number, b: number): number {
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Whether the page shows its dark theme: a near-black body background. */
export async function showsDarkTheme(body: Locator): Promise<boolean> {
  return (await luminance(body, 'backgroundColor')) < 0.05;
}
