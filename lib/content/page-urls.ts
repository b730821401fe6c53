/**
 * How the names of files and folders in content/ become URLs, and which names may not: a name is read the
 * way its URL will show it, so that no spelling (a leading space, punctuation the URL drops, a backslash)
 * gets a page past the `_`/`.` rule or onto a path the engine or the host keeps for itself.
 */

/**
 * content/about.md → ['about'], content/notes/index.mdx → ['notes'], content/index.md → [].
 * Each folder and file name becomes a URL segment the way Hugo, Zola and Astro users expect: lower case,
 * spaces (any run of whitespace) as one `-`, letters of every script kept (`Über Mich.md` → `/über-mich/`),
 * other punctuation dropped (`C++ Notes.md` → `/c-notes/`); `-`, `_` and `.` stay.
 */
export function slugForFile(relativePath: string): string[] {
  const segments = pathNames(relativePath).map(urlSegment);
  if (segments.at(-1) === 'index') segments.pop();
  return segments;
}

export function urlSegment(name: string): string {
  return name
    .normalize('NFC')
    .toLowerCase()
    .replace(/\s+/gu, '-')
    .replace(/[^\p{L}\p{M}\p{N}._-]/gu, '')
    .replace(/-{2,}/g, '-')
    .replace(/^-+|-+$/g, '');
}

export function urlForSlug(slug: readonly string[]): string {
  return slug.length === 0 ? '/' : `/${slug.join('/')}/`;
}

/** Whether a file in content/ is a page by its extension; spaces after the extension make it a misnamed one. */
export const pageFilePattern = /\.mdx?\s*$/u;

/** Whether a file or folder name keeps it out of the site: `_partials`, `.obsidian`. */
export function isPrivateName(name: string): boolean {
  return name.startsWith('_') || name.startsWith('.');
}

/** The folder names and the file's name without its extension: `notes/x.md` → ['notes', 'x']. */
function pathNames(relativePath: string): string[] {
  return relativePath.replace(pageFilePattern, '').split(/[\\/]/).filter(Boolean);
}

/**
 * First URL segments that belong to the engine or to the static hosts it deploys to, with what is there: a
 * page at one would overwrite, or be overwritten by, a file the export writes, or be read by the host as
 * its own settings. The names starting with `_` or `.` cannot be pages anyway; they are listed so that a
 * name that reaches them some other way (`(_next).md`) is told what it collides with.
 */
export const reservedUrlSegments: ReadonlyMap<string, string> = new Map([
  // Next.js's export.
  ['_next', "Next.js's stylesheets and fonts"],
  ['404', "Next.js's copy of the 404 page, which the build deletes"],
  ['_not-found', "Next.js's copy of the 404 page, which the build deletes"],
  ['404.html', 'the 404 page'],
  ['index', 'the home page, which content/index.md makes (its preview image is /og/index.png)'],
  ['index.html', 'the home page'],
  ['index.txt', "Next.js's data for the home page"],
  ['icon.svg', "the site's icon (app/icon.svg)"],
  ['sitemap.xml', 'the sitemap (app/sitemap.ts)'],
  ['robots.txt', "the crawlers' rules (app/robots.ts)"],
  ['atom.xml', 'the Atom feed (app/atom.xml/)'],
  // The engine's own files: lib/export/deploy-files.ts, lib/seo/og-images.ts, public/.
  ['_headers', 'the HTTP headers file that Netlify and Cloudflare Pages read, which the build writes'],
  ['.nojekyll', 'the file that turns Jekyll off on GitHub Pages'],
  ['og', 'the preview images'],
  ['enhance', "the site's own scripts (public/enhance/)"],
  ['katex', "KaTeX's stylesheet and fonts (public/katex/)"],
  ['styles', 'the stylesheets only some pages link (public/styles/)'],
  ['_img', 'the photos made for the web (lib/images/)'],
  // The hosts'.
  ['_redirects', 'the redirect rules that Netlify and Cloudflare Pages read'],
  ['.well-known', 'the files other services look up by name (security.txt, certificate challenges)'],
  ['_vercel', "Vercel's own paths"],
  ['cdn-cgi', "Cloudflare's own paths"],
]);

export interface NameProblem {
  problem: string;
  hint: string;
}

/**
 * Why a page file (its path inside content/, `notes/ _x.md`) cannot have the URL its names make, or
 * undefined. Each name is taken NFC-normalised, as the URL takes it. A name with a space at either end
 * is refused (nobody means one, and ` _headers.md` would get past the `_` rule); then the URL is checked
 * as the reader will see it: no engine's or host's own first segment, no segment starting with `_` or `.`
 * (`(_next).md`, `-.well-known.md`).
 */
export function pageNameProblem(relativePath: string): NameProblem | undefined {
  const names = relativePath.split(/[\\/]/).filter(Boolean);
  const slug = slugForFile(relativePath);
  const url = urlForSlug(slug);
  for (const [index, written] of names.entries()) {
    const isFile = index === names.length - 1;
    const name = written.normalize('NFC');
    const stem = isFile ? name.replace(pageFilePattern, '') : name;
    const where = name.trimStart() !== name ? 'starts with a space' : name.trimEnd() !== name ? 'ends with a space' : stem.trimEnd() !== stem ? 'has a space before its extension' : undefined;
    if (where === undefined) continue;
    const trimmed = `${stem.trim()}${name.slice(stem.length).trim()}`;
    return {
      problem: `the ${isFile ? 'file' : 'folder'} name ${JSON.stringify(written)} ${where}, which its URL (${url}) does not show.`,
      hint: isPrivateName(trimmed)
        ? `Rename it to ${JSON.stringify(trimmed)} if it is not meant to be a page (names starting with \`_\` or \`.\` are not pages), or give it a name that starts with a letter or digit.`
        : `Rename it to ${JSON.stringify(trimmed)}.`,
    };
  }
  if (slug.some((segment) => /^\.*$/.test(segment))) {
    return {
      problem: `has a file or folder name without a letter or digit, so it makes no URL (${JSON.stringify(relativePath)}).`,
      hint: 'Rename it: the URL is made from the name, lower-cased, with spaces as `-`.',
    };
  }
  return slugProblem(slug, names[0]);
}

/**
 * Why a page may not have the URL these segments make, or undefined: a segment without a letter or digit, an
 * engine's or host's own first segment, a segment starting with `_` or `.`. `firstName` is the file or folder
 * name the first segment came from, for the hint.
 */
export function slugProblem(slug: readonly string[], firstName?: string): NameProblem | undefined {
  const url = urlForSlug(slug);
  if (slug.some((segment) => /^\.*$/.test(segment))) {
    return {
      problem: `makes a URL segment without a letter or digit (${url}).`,
      hint: 'Rename it: the URL is made from the name, lower-cased, with spaces as `-`.',
    };
  }
  const first = slug[0];
  const reserved = first === undefined ? undefined : reservedUrlSegments.get(first);
  if (reserved !== undefined) {
    return { problem: `makes the URL ${url}, but /${first}/ is reserved: it holds ${reserved}.`, hint: firstName ? `Rename ${JSON.stringify(firstName)}.` : 'Choose another path.' };
  }
  const hidden = slug.find((segment) => isPrivateName(segment));
  if (hidden !== undefined) {
    return {
      problem: `makes the URL ${url}, whose segment \`${hidden}\` starts with \`${hidden[0]}\`: such paths are not pages (they are the author's own files, or the host's).`,
      hint: 'Rename it so that each name starts with a letter or digit.',
    };
  }
  return undefined;
}
