import siteConfig from '@/site.config';
import { siteConfigSchema, type Site } from '@/lib/site-config-schema';

function loadSite(): Site {
  const result = siteConfigSchema.safeParse(siteConfig);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `  site.config.ts: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  throw new Error(`site.config.ts is not valid:\n${problems.join('\n')}`);
}

/** The site-wide settings, checked once. Layout, metadata and the content pipeline all read this. */
export const site: Site = loadSite();

/**
 * The path the site is served under, from BASE_PATH at build time: '' (served at the host's root) or
 * a path such as '/docs' (GitHub project pages, a sub-folder of another site). No trailing slash.
 */
export const basePath: string = normalizeBasePath(process.env.BASE_PATH);

function normalizeBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(trimmed) || trimmed.includes('//') || /\/\.\.?(\/|$)/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a path such as /docs, got "${value}".`);
  }
  return trimmed;
}

/** A site path (`/about/`) as the absolute URL visitors and crawlers use: base URL, base path, path. */
export function absoluteUrl(sitePath: string): string {
  return `${site.baseUrl}${basePath}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}
