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
