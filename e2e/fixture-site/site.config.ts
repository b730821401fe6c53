import type { SiteConfig } from '@/lib/site-config-schema';

/** The fixture site's config: the shipped site's defaults, so that each fixture page sets what it tests. */
const site: SiteConfig = {
  name: 'Fixture site',
  description: 'Pages that exercise the engine’s features in the end-to-end tests.',
  author: 'The engine’s tests',
  baseUrl: 'https://fixture.example',
  lang: 'en',
  nav: [{ label: 'Home', href: '/' }],
  clientRuntime: false,
  twitter: '@fixture_site',
  authorProfiles: ['https://github.com/fixture-author'],
  // The end-to-end tests answer for giscus.app and the reactions endpoint themselves (page.route): nothing leaves the machine.
  comments: {
    provider: 'giscus',
    repo: 'fixture-owner/fixture-site',
    repoId: 'R_fixture',
    category: 'Comments',
    categoryId: 'DIC_fixture',
    theme: { light: 'light_high_contrast', dark: 'dark_dimmed' },
  },
  reactions: { endpoint: 'https://reactions.fixture.example/api/reactions' },
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
};

export default site;
