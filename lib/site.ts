import siteConfig from '@/site.config';
import { parseBasePath } from '@/lib/base-path';
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
export const basePath: string = parseBasePath(process.env.BASE_PATH);

/** A site path (`/about/`) as the absolute URL visitors and crawlers use: base URL, base path, path. */
export function absoluteUrl(sitePath: string): string {
  return `${site.baseUrl}${basePath}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}
