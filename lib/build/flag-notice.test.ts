import { describe, expect, it } from 'vitest';
import { testSite } from '@/lib/seo/test-site';
import { ineffectiveFlagsNotice } from './flag-notice';

const options = { math: false, insert_anchor_links: 'right', toc: false, copy: false, mermaid: false, comment: false, reaction: false, template: 'prose' } as const;
const page = (file: string, flags: { comment?: boolean; reaction?: boolean }) => ({ file, options: { ...options, ...flags } });
const giscus = { provider: 'giscus', repo: 'jane/site', repoId: 'R_1', category: 'Comments', categoryId: 'DIC_1' };

describe('ineffectiveFlagsNotice', () => {
  const pages = [page('content/a.md', { comment: true }), page('content/b.md', { reaction: true, comment: true }), page('content/c.md', {})];

  it('names, in one notice, the pages whose comment and reaction flags have no provider', () => {
    expect(ineffectiveFlagsNotice(pages, testSite())).toBe(
      [
        'Notice: some page flags have no effect.',
        "  comment: true on content/a.md, content/b.md: no comments provider. Add `comments: { provider: 'giscus', repo, repoId, category, categoryId }` to site.config.ts, or remove the flag.",
        "  reaction: true on content/b.md: no reactions endpoint. Add `reactions: { endpoint: 'https://…' }` to site.config.ts, or remove the flag.",
      ].join('\n'),
    );
  });

  it('says nothing of flags that have a provider, or when no page sets one', () => {
    expect(ineffectiveFlagsNotice(pages, testSite({ comments: giscus }))).not.toMatch(/comment: true/);
    expect(ineffectiveFlagsNotice(pages, testSite({ comments: giscus, reactions: { endpoint: 'https://reactions.example/api' } }))).toBeUndefined();
    expect(ineffectiveFlagsNotice([page('content/c.md', {})], testSite())).toBeUndefined();
  });

  it('lists ten pages and counts the rest', () => {
    const many = Array.from({ length: 12 }, (_, index) => page(`content/p${index}.md`, { reaction: true }));
    expect(ineffectiveFlagsNotice(many, testSite())).toMatch(/content\/p9\.md and 2 more: no reactions endpoint/);
  });
});
