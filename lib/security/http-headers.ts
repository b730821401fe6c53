import { nextHashedAssetPrefix } from '@/lib/next-adapter/export-files';

/**
 * The HTTP headers the site is served with: one list for the preview server (`npm start`) and the deploy
 * targets' header files (`out/_headers` for Netlify and Cloudflare Pages, `vercel.json` for Vercel), so
 * that what is tested is what is deployed. GitHub Pages sends no custom headers; there each page's meta
 * Content Security Policy stands alone.
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/** Next's hashed build output: a changed file gets a new name, so it may be cached for good. */
export const immutableCache = 'public, max-age=31536000, immutable';
/**
 * KaTeX's fonts keep their names across KaTeX versions, so they are not immutable; their glyphs almost
 * never change, and a month spares math pages a revalidation round trip per font.
 */
export const fontCache = 'public, max-age=2592000';
/** Pages and everything else: cached, but asked for again each time (a 304 when unchanged). */
export const revalidateCache = 'public, max-age=0, must-revalidate';

/** One rule of a `_headers` file: a path pattern (`*` matches anything at the end) and its headers. */
export interface HeaderRule {
  path: string;
  headers: Readonly<Record<string, string>>;
}

/**
 * The deploy headers. Rules that can match one path never set the same header: Cloudflare Pages joins
 * such values with a comma (`max-age=0, …, max-age=31536000`), which no cache reads as meant. So
 * `Cache-Control` is set only for the asset folders; pages get the hosts' default, which on Netlify,
 * Cloudflare Pages and Vercel is to revalidate (Vercel's config says so explicitly, see vercelConfig).
 */
export function deployHeaderRules(contentSecurityPolicy: string, basePath = ''): HeaderRule[] {
  return [
    { path: `${basePath}/*`, headers: { ...securityHeaders, 'Content-Security-Policy': contentSecurityPolicy } },
    { path: `${basePath}${nextHashedAssetPrefix}*`, headers: { 'Cache-Control': immutableCache } },
    { path: `${basePath}/katex/fonts/*`, headers: { 'Cache-Control': fontCache } },
  ];
}

/** Cloudflare Pages reads at most 2,000 characters per line of `_headers`. */
const maxHeaderLine = 2000;

/** The `_headers` file of Netlify and Cloudflare Pages. Throws when a line is longer than Cloudflare accepts. */
export function formatHeadersFile(rules: readonly HeaderRule[]): string {
  const lines = ['# Written by `npm run build` (lib/security/http-headers.ts); edits are overwritten.'];
  for (const rule of rules) {
    lines.push(rule.path);
    for (const [name, value] of Object.entries(rule.headers)) {
      const line = `  ${name}: ${value}`;
      if (line.length > maxHeaderLine) {
        throw new Error(`_headers: the ${name} header for ${rule.path} is ${line.length} characters long; Cloudflare Pages reads at most ${maxHeaderLine} per line.`);
      }
      lines.push(line);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back into rules (comments and blank lines skipped), for checks and tests. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: { path: string; headers: Record<string, string> }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const rule = rules.at(-1);
    const separator = line.indexOf(':');
    if (!rule || separator < 0) throw new Error(`_headers: "${line.trim()}" is not under a path or has no "name: value".`);
    rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/** A `_headers` path pattern as a Vercel source (path-to-regexp): `/*` → `/(.*)`. */
function vercelSource(pattern: string): string {
  return pattern.endsWith('*') ? `${pattern.slice(0, -1)}(.*)` : pattern;
}

export interface VercelConfig {
  $schema: string;
  framework: null;
  installCommand: string;
  buildCommand: string;
  outputDirectory: string;
  trailingSlash: boolean;
  headers: { source: string; headers: { key: string; value: string }[] }[];
  redirects?: { source: string; destination: string; permanent: boolean }[];
}

/**
 * vercel.json: Vercel serves out/ as static files (no Next.js server: the export is post-processed, so
 * Vercel's Next.js preset must not take over), with the same headers as `_headers`, and pages
 * explicitly revalidated. Vercel serves out/404.html for unknown paths with status 404 by itself.
 */
export function vercelConfig(rules: readonly HeaderRule[], redirects: readonly { from: string; to: string }[] = []): VercelConfig {
  const cachedFolders = rules.filter((rule) => rule.headers['Cache-Control'] !== undefined).map((rule) => rule.path.replace(/^\//, '').replace(/\*$/, ''));
  const everythingElse = `/((?!${cachedFolders.map((folder) => folder.replace(/[.]/g, '\\.')).join('|')}).*)`;
  return {
    $schema: 'https://openapi.vercel.sh/vercel.json',
    framework: null,
    installCommand: 'npm ci',
    buildCommand: 'npm run build',
    outputDirectory: 'out',
    // /about → /about/, as the export's folders (about/index.html) and the other hosts have it.
    trailingSlash: true,
    headers: [
      ...rules.map((rule) => ({
        source: vercelSource(rule.path),
        headers: Object.entries(rule.headers).map(([key, value]) => ({ key, value })),
      })),
      { source: everythingElse, headers: [{ key: 'Cache-Control', value: revalidateCache }] },
    ],
    // Aliases and sections' redirect_to as real redirects; each also has a page of its own with a meta refresh.
    ...(redirects.length > 0 && { redirects: redirects.map(({ from, to }) => ({ source: from, destination: to, permanent: true })) }),
  };
}

export function formatVercelConfig(config: VercelConfig): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
