import type { SiteConfig } from '@/lib/site-config-schema';

/**
 * The one place for site-wide settings. Every per-page flag has its default here;
 * a page's front matter overrides it. Checked at build time by lib/site-config-schema.ts.
 */
const site: SiteConfig = {
  name: 'Portfolio',
  description: 'Four engineers introduce themselves: what they build, how they work and what they want next.',
  author: 'The portfolio authors',
  baseUrl: 'https://example.com',
  lang: 'en',
  nav: [
    { label: 'Home', href: '/' },
    { label: 'About', href: '/about/' },
    { label: 'Philosophy', href: '/software-philosophy/' },
    { label: 'About me', href: '/about-me/' },
    { label: 'Education', href: '/education/' },
  ],
  // Pages ship without Next.js's client runtime (no JavaScript at all); true brings it back for React islands.
  clientRuntime: false,
  defaults: {
    math: false,
    insert_anchor_links: 'right',
    toc: false,
    copy: false,
    mermaid: false,
    comment: false,
    reaction: false,
    template: 'prose',
  },
  // How long one page may take to compile, in seconds, before the build stops it and names it (the drawing of
  // its diagrams not counted). Real pages take well under a second; raise it only for a very large page on a
  // slow machine.
  pageCompileTimeLimitSeconds: 10,
  // What a first visit to a page may transfer, in KB (gzip), before the build fails and names the page: `page` for
  // every page, `pages` for named ones ({ '/': 32 }). A page's math, code and drawings add what they weigh.
  budgets: { page: 8, pages: {} },
};

export default site;
