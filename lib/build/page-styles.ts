/**
 * Compiles the stylesheets that only some pages link, each with Tailwind into public/styles/: app/code-blocks.css
 * (code colours for both themes, the copy button) for pages with code, and app/elements.css (callouts, quotes,
 * figures, videos, collections, serene's lists and post heads) for pages that show one of those. Kept out of the
 * main stylesheet, which every page downloads, as KaTeX's stylesheet is: most pages have neither. `npm run build`
 * and `npm run dev` run this first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tailwind from '@tailwindcss/postcss';
import postcss from 'postcss';

/** Where pages link each stylesheet from (a site path); the build writes it under public/ at the same path. */
export const codeStylesHref = '/styles/code-blocks.css';
export const elementStylesHref = '/styles/elements.css';

const pageStylesheets = [
  { source: 'code-blocks.css', href: codeStylesHref },
  { source: 'elements.css', href: elementStylesHref },
] as const;

/** Compiles app/`source` to `target`; returns its size. */
export async function buildPageStylesheet(source: string, target: string): Promise<number> {
  const from = path.join(process.cwd(), 'app', source);
  const result = await postcss([tailwind({ optimize: { minify: true } })]).process(fs.readFileSync(from, 'utf8'), { from });
  // Tailwind's licence banner is for its own generated CSS, of which these files have none.
  const css = result.css.replace(/^\/\*![^*]*\*\/\s*/, '');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, css);
  return css.length;
}

/** Writes every page stylesheet into `publicFolder` (public/ unless a test names another); returns their sizes by href. */
export async function buildPageStyles(publicFolder: string = path.join(process.cwd(), 'public')): Promise<Record<string, number>> {
  const sizes: Record<string, number> = {};
  for (const { source, href } of pageStylesheets) sizes[href] = await buildPageStylesheet(source, path.join(publicFolder, href));
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [href, size] of Object.entries(await buildPageStyles())) console.log(`${href} (${size} bytes) written to public${href}`);
}
