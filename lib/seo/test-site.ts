import { siteConfigSchema, type Site } from '@/lib/site-config-schema';

/** A checked site config for the SEO tests, with overrides; independent of the project's site.config.ts. */
export function testSite(overrides: Record<string, unknown> = {}): Site {
  return siteConfigSchema.parse({
    name: 'Jane’s <Site>',
    description: 'Notes & essays.',
    author: 'Jane Doe',
    baseUrl: 'https://jane.example/',
    lang: 'en',
    nav: [],
    defaults: { math: false, insert_anchor_links: 'right', toc: false, copy: false, mermaid: false, comment: false, reaction: false, template: 'prose' },
    ...overrides,
  });
}

/** absoluteUrl as lib/site.ts makes it, for a site deployed under /docs. */
export const underDocs = (sitePath: string) => `https://jane.example/docs${sitePath}`;
