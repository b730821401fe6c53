/**
 * Compiles the stylesheets that only some pages link, each with Tailwind into public/styles/: app/code-blocks.css
 * (code colours for both themes, the copy button) for pages with code, and app/elements.css (callouts, quotes,
 * figures, videos, collections, serene's lists and post heads) for pages that show one of those. Kept out of the
 * main stylesheet, which every page downloads, as KaTeX's stylesheet is: most pages have neither. `npm run build`
 * and `npm run dev` run this first.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { readJsonObject, writeJsonAtomically } from '@/lib/json-file';

/** Where pages link each stylesheet from (a site path); the build writes it under public/ at the same path. */
export const codeStylesHref = '/styles/code-blocks.css';
export const elementStylesHref = '/styles/elements.css';

const pageStylesheets = [
  { source: 'code-blocks.css', href: codeStylesHref },
  { source: 'elements.css', href: elementStylesHref },
] as const;

/** Compiles app/`source` to `target`; returns its size in bytes. */
export async function buildPageStylesheet(source: string, target: string): Promise<number> {
  // Loaded here: Tailwind and PostCSS took 0.3 s of every build's start, most of whose stylesheets are current.
  const [{ default: tailwind }, { default: postcss }] = await Promise.all([import('@tailwindcss/postcss'), import('postcss')]);
  const from = path.join(process.cwd(), 'app', source);
  const result = await postcss([tailwind({ optimize: { minify: true } })]).process(fs.readFileSync(from, 'utf8'), { from });
  // Tailwind's licence banner is for its own generated CSS, of which these files have none.
  const css = result.css.replace(/^\/\*![^*]*\*\/\s*/, '');
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.writeFileSync(target, css);
  return Buffer.byteLength(css);
}

/** Folders whose files Tailwind reads for these stylesheets: the stylesheets and what globals.css names with @source. */
const stylesInputFolders = ['app', 'components', path.join('lib', 'markdown')];
const stylesInputFiles = ['tailwind.config.ts', 'postcss.config.mjs', ...['tailwindcss', '@tailwindcss/postcss', 'postcss'].map((name) => path.join('node_modules', name, 'package.json'))];

/** A file's sha256, or undefined when there is none. */
const digestOf = (file: string) => (fs.existsSync(file) ? crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex') : undefined);

/** A digest of every file Tailwind could read while it compiles the page stylesheets. */
function stylesInputsDigest(projectDirectory: string): string {
  const hash = crypto.createHash('sha256');
  const add = (relative: string) => hash.update(`${relative}\0${digestOf(path.join(projectDirectory, relative)) ?? '-'}\n`);
  for (const folder of stylesInputFolders) {
    const files = fs.existsSync(path.join(projectDirectory, folder)) ? fs.readdirSync(path.join(projectDirectory, folder), { recursive: true, encoding: 'utf8' }) : [];
    for (const file of files.sort()) if (fs.statSync(path.join(projectDirectory, folder, file)).isFile()) add(path.join(folder, file));
  }
  for (const file of stylesInputFiles) add(file);
  return hash.digest('hex');
}

/**
 * Writes every page stylesheet into `publicFolder` (public/ unless a test names another); returns their sizes by
 * href. Stylesheets compiled from the same inputs by an earlier run (`recordFile` says which), and still as it
 * left them, are kept.
 */
export async function buildPageStyles(
  publicFolder: string = path.join(process.cwd(), 'public'),
  recordFile: string = path.join(process.cwd(), '.next', 'cache', 'portfolio-engine', 'page-styles.json'),
): Promise<Record<string, number>> {
  const projectDirectory = process.cwd();
  const inputs = stylesInputsDigest(projectDirectory);
  const record = readJsonObject<string>(recordFile);
  const targets = pageStylesheets.map(({ source, href }) => ({ source, href, file: path.join(publicFolder, href) }));
  const sizes: Record<string, number> = {};
  if (record?.inputs === inputs && targets.every(({ file }) => record[file] !== undefined && record[file] === digestOf(file))) {
    for (const { href, file } of targets) sizes[href] = fs.statSync(file).size;
    return sizes;
  }
  for (const { source, href, file } of targets) sizes[href] = await buildPageStylesheet(source, file);
  writeJsonAtomically(recordFile, { inputs, ...Object.fromEntries(targets.map(({ file }) => [file, digestOf(file)])) });
  return sizes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const [href, size] of Object.entries(await buildPageStyles())) console.log(`${href} (${size} bytes) written to public${href}`);
}
