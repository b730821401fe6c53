import type { Site } from '@/lib/site-config-schema';

/** A file name for a page title: `Notes on Queues!` → `notes-on-queues`. Letters of any script are kept. */
export function fileSlugForTitle(title: string): string {
  return title
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The source of a new page: front matter with its title, and every other field commented out with the
 * value the page gets when it is left out, so the author sees all switches in one place.
 */
export function newPageSource(title: string, site: Pick<Site, 'defaults' | 'lang'>, today: Date = new Date()): string {
  const { defaults } = site;
  const lines = [
    '---',
    `title: ${JSON.stringify(title)}`,
    '# description: "One sentence for the home page and search results."  (default: the first paragraph)',
    `date: ${today.toISOString().slice(0, 10)}`,
    '# updated: 2024-06-01',
    '# draft: true              (default: false; drafts are not published)',
    `# lang: ${site.lang}                  (default: the site's language)`,
    `# template: ${defaults.template}          (default: ${defaults.template})`,
    `# math: ${!defaults.math}                (default: ${defaults.math}; $…$ and $$…$$ as KaTeX)`,
    `# insert_anchor_links: left  (default: ${defaults.insert_anchor_links}; none, left, right or heading)`,
    `# toc: ${!defaults.toc}                 (default: ${defaults.toc})`,
    `# copy: ${!defaults.copy}                (default: ${defaults.copy})`,
    `# mermaid: ${!defaults.mermaid}             (default: ${defaults.mermaid})`,
    `# comment: ${!defaults.comment}             (default: ${defaults.comment})`,
    `# reaction: ${!defaults.reaction}            (default: ${defaults.reaction})`,
    '---',
    '',
    'Write the page here, in Markdown.',
    '',
  ];
  return lines.join('\n');
}
