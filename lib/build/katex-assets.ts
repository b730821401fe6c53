/**
 * Serves KaTeX's stylesheet and fonts from the site itself (public/katex/), copied from the very katex
 * package rehype-katex renders with, so markup and CSS always match. Pages with math link it; others don't.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export function copyKatexAssets(): number {
  // Resolve katex the way rehype-katex does, from rehype-katex's own module.
  const rehypeKatexEntry = fileURLToPath(import.meta.resolve('rehype-katex'));
  const katexEntry = createRequire(rehypeKatexEntry).resolve('katex');
  // katex's main module is dist/katex.js, beside the stylesheet and fonts.
  const katexDist = path.dirname(katexEntry);
  const target = path.join(process.cwd(), 'public', 'katex');

  fs.rmSync(target, { recursive: true, force: true });
  fs.mkdirSync(path.join(target, 'fonts'), { recursive: true });
  // Every browser that runs Tailwind 4's CSS reads WOFF2, so the WOFF and TTF fallbacks are left out:
  // a smaller stylesheet on math pages and 40 fewer files to deploy.
  const css = fs
    .readFileSync(path.join(katexDist, 'katex.min.css'), 'utf8')
    .replace(/,url\([^)]+\.woff\) format\("woff"\)|,url\([^)]+\.ttf\) format\("truetype"\)/g, '');
  if (/\.(?:woff|ttf)\)/.test(css)) throw new Error('katex.min.css has a font fallback this script does not recognise; update lib/build/katex-assets.ts.');
  fs.writeFileSync(path.join(target, 'katex.min.css'), css);
  let fonts = 0;
  for (const font of fs.readdirSync(path.join(katexDist, 'fonts')).filter((name) => name.endsWith('.woff2'))) {
    fs.copyFileSync(path.join(katexDist, 'fonts', font), path.join(target, 'fonts', font));
    fonts++;
  }
  return fonts;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(`KaTeX stylesheet and ${copyKatexAssets()} WOFF2 fonts copied to public/katex/`);
}
