/**
 * The files a page bundle carries (Zola's co-located assets): everything beside a bundle's `index.md` other
 * than pages, in its sub-folders too, and everything beside a section's `_index.md`. They are copied beside
 * the page's HTML, so that `![](photo.jpg)` and `[slides](talk.pdf)` work as written.
 *
 * A stranger's bundle is served from the site's own origin, so only kinds of file that cannot run script there
 * are carried: an HTML or JavaScript file (or an SVG with script) beside a page would run with the site's
 * authority wherever the host sends no policy. Symbolic links are never followed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '@/lib/errors';
import { isPrivateName, pageFilePattern } from './page-urls';

/** Kinds of file a bundle may carry: pictures, sound and video, documents and data. */
const assetExtensions = new Set([
  'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'ico', 'bmp', 'tif', 'tiff', 'svg',
  'mp3', 'm4a', 'ogg', 'oga', 'opus', 'wav', 'flac', 'mp4', 'm4v', 'webm', 'ogv', 'mov', 'vtt',
  'pdf', 'txt', 'csv', 'tsv', 'json', 'toml', 'yaml', 'yml', 'bib', 'tex', 'epub', 'zip', 'gz', 'tgz', 'bz2', 'xz', '7z',
  'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods', 'odp', 'key', 'pages', 'numbers', 'rtf',
  'woff', 'woff2', 'ttf', 'otf', 'glb', 'gltf', 'stl', 'obj', 'ipynb', 'py', 'rs', 'c', 'h', 'cpp', 'go', 'java', 'rb', 'sh',
]);

/** What in an SVG can run script or load something when the file is opened on its own. */
const activeSvg = /<script|<foreignobject|<iframe|<embed|<object|<handler|<listener|<!entity|<\?xml-stylesheet|\son[a-z]+\s*=|javascript:|(?:xlink:)?href\s*=\s*["']\s*(?!#)/i;

/** An SVG larger than this is not scanned but refused: asset SVGs are icons and drawings, not data. */
const maxSvgBytes = 2 * 1024 * 1024;

function pointsToFolderOrNowhere(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return true;
  }
}

/**
 * Where each file a page carries is published, with the file it comes from: the page's URL, then the file's
 * path from the page's folder (`content/trip/index.md`'s `photo.jpg` at /trip/photo.jpg).
 */
export function publishedAssets(page: { file: string; url: string; assets: readonly string[] }, contentRoot: string): { url: string; file: string }[] {
  const pageFolder = path.dirname(path.resolve(page.file));
  return page.assets.map((asset) => {
    const file = path.join(contentRoot, asset);
    return { url: `${page.url}${path.relative(pageFolder, file).split(path.sep).join('/')}`, file };
  });
}

/**
 * The asset files of a bundle (`kind` 'bundle': the folder of `index.md` and its sub-folders without pages of
 * their own) or of a section (the folder of `_index.md` alone), content-relative and sorted. Throws ContentErrors
 * naming each file that cannot be carried.
 */
export function bundleAssets(pageFile: string, contentRoot: string, kind: 'bundle' | 'section'): string[] {
  const assets: string[] = [];
  const errors: ContentError[] = [];
  // Problems are reported at the page that carries the file: the file itself may have no lines.
  const pageLocation = { file: path.relative(process.cwd(), pageFile).split(path.sep).join('/'), line: 1 };
  const visit = (folder: string, top: boolean) => {
    const entries = fs.readdirSync(folder, { withFileTypes: true });
    // A sub-folder with a page of its own is another page's bundle, or a section.
    if (!top && entries.some((entry) => /^_?index\.mdx?$/.test(entry.name))) return;
    for (const entry of entries) {
      if (isPrivateName(entry.name)) continue;
      const full = path.join(folder, entry.name);
      const relative = path.relative(contentRoot, full).split(path.sep).join('/');
      const file = path.relative(path.dirname(pageFile), full).split(path.sep).join('/');
      if (entry.isSymbolicLink()) {
        // A linked page or folder is the page listing's to report (lib/content/pages.ts), with why it is not followed.
        if (pageFilePattern.test(entry.name) || pointsToFolderOrNowhere(full)) continue;
        errors.push(new ContentError(pageLocation, `carries ${file}, a symbolic link: the build does not follow links out of a bundle.`, 'Copy the file into the folder instead.'));
        continue;
      }
      if (entry.isDirectory()) {
        if (kind === 'bundle') visit(full, false);
        continue;
      }
      if (!entry.isFile() || pageFilePattern.test(entry.name)) continue;
      const extension = path.extname(entry.name).slice(1).toLowerCase();
      if (!assetExtensions.has(extension)) {
        errors.push(
          new ContentError(
            pageLocation,
            `carries ${file}, a .${extension || '(no extension)'} file; a page bundle carries pictures, media, documents and data, never HTML or scripts (they would run on the site's own address).`,
            'Move it out of content/, or link to where it is published elsewhere.',
          ),
        );
        continue;
      }
      if (extension === 'svg') {
        const size = fs.statSync(full).size;
        if (size > maxSvgBytes || activeSvg.test(fs.readFileSync(full, 'utf8'))) {
          errors.push(
            new ContentError(
              pageLocation,
              size > maxSvgBytes ? `carries ${file}, an SVG of ${(size / 1024 / 1024).toFixed(1)} MB (at most 2 MB).` : `carries ${file}, an SVG with script, event handlers, embedded documents or links: opened on its own it could run on the site.`,
              'Remove them from the drawing (a plain SVG of shapes and text is carried), or save it as PNG.',
            ),
          );
          continue;
        }
      }
      assets.push(relative);
    }
  };
  visit(path.dirname(pageFile), true);
  if (errors.length > 0) throw errors.length === 1 && errors[0] ? errors[0] : new ContentErrors(errors);
  return assets.sort();
}
