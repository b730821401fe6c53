import type { Config } from 'tailwindcss';

// Loaded from app/globals.css through Tailwind 4's @config. Long-form text is styled by app/prose.css.
export default {
  // Sources are listed in app/globals.css (@source), next to the import they qualify.
  theme: {
    extend: {
      // The measure of the long-form text (app/prose.css), for the blocks that line up with it.
      maxWidth: { prose: '68ch' },
    },
  },
} satisfies Config;
