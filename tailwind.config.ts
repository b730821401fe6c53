import type { Config } from 'tailwindcss';
import typography from '@tailwindcss/typography';

// Loaded from app/globals.css through Tailwind 4's @config.
export default {
  // Sources are listed in app/globals.css (@source), next to the import they qualify.
  theme: {
    extend: {
      maxWidth: { prose: '68ch' },
    },
  },
  // 'legacy' writes plain descendant selectors, a few hundred bytes smaller than :where(…):not(.not-prose …).
  plugins: [typography({ target: 'legacy' })],
} satisfies Config;
