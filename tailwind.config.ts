import type { Config } from 'tailwindcss';
import typography from '@tailwindcss/typography';

/**
 * Typography rules no page can use, left out of every visitor's stylesheet (each page's first visit has a
 * budget, lib/export/page-weight.ts): the `<ol type="…">` variants and the `lead` paragraph class need raw
 * HTML or class names, which Markdown pages cannot carry (raw HTML is dropped). An MDX site that writes
 * them can take them off this list.
 */
const unusedTypography = Object.fromEntries(
  ['ol[type="A"]', 'ol[type="a"]', 'ol[type="A" s]', 'ol[type="a" s]', 'ol[type="I"]', 'ol[type="i"]', 'ol[type="I" s]', 'ol[type="i" s]', 'ol[type="1"]', '[class~="lead"]'].map(
    (selector) => [selector, null],
  ),
);

// Loaded from app/globals.css through Tailwind 4's @config.
export default {
  // Sources are listed in app/globals.css (@source), next to the import they qualify.
  theme: {
    extend: {
      maxWidth: { prose: '68ch' },
      typography: { DEFAULT: { css: unusedTypography } },
    },
  },
  // 'legacy' writes plain descendant selectors, a few hundred bytes smaller than :where(…):not(.not-prose …).
  plugins: [typography({ target: 'legacy' })],
} satisfies Config;
