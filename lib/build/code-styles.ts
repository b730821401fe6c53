/**
 * Compiles app/code-blocks.css (code colours for both themes, the copy button) with Tailwind into
 * public/styles/code-blocks.css, which only pages with code blocks link. Kept out of the main stylesheet,
 * which every page downloads, as KaTeX's stylesheet is: most pages have no code. `npm run build` and
 * `npm run dev` run this first.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import tailwind from '@tailwindcss/postcss';
import postcss from 'postcss';

/** Where pages link the stylesheet from (a site path), and where the build writes it. */
export const codeStylesHref = '/styles/code-blocks.css';
const source = path.join(process.cwd(), 'app', 'code-blocks.css');

/** Writes the stylesheet (to `target`, public/styles/ unless a test names another file); returns its size. */
export async function buildCodeStyles(target: string = path.join(process.cwd(), 'public', codeStylesHref)): Promise<number> {
  const result = await postcss([tailwind({ optimize: { minify: true } })]).process(fs.readFileSync(source, 'utf8'), { from: source });
  // Tailwind's licence banner is for its own generated CSS, of which this file has none.
  const css = result.css.replace(/^\/\*![^*]*\*\/\s*/, '');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, css);
  return css.length;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`Code-block styles (${await buildCodeStyles()} bytes) written to public${codeStylesHref}`);
}
