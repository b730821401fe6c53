import type { Config } from 'tailwindcss';
import typography from '@tailwindcss/typography';

// Loaded from app/globals.css through Tailwind 4's @config.
export default {
  content: ['./app/**/*.{ts,tsx}', './components/**/*.{ts,tsx}', './lib/**/*.{ts,tsx}'],
  theme: {
    extend: {
      fontFamily: {
        // System stacks: no font download, no layout shift, and next/font/google cannot work offline.
        sans: ['system-ui', '-apple-system', '"Segoe UI"', 'Roboto', '"Helvetica Neue"', 'Arial', 'sans-serif'],
        serif: ['Charter', '"Bitstream Charter"', '"Sitka Text"', 'Cambria', 'Georgia', 'serif'],
        mono: ['ui-monospace', 'SFMono-Regular', 'Menlo', 'Consolas', '"Liberation Mono"', 'monospace'],
      },
      maxWidth: { prose: '68ch' },
    },
  },
  plugins: [typography],
} satisfies Config;
