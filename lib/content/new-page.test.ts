import { describe, expect, it } from 'vitest';
import { site } from '@/lib/site';
import { parseSource } from './front-matter';
import { fileSlugForTitle, newPageSource } from './new-page';

describe('new pages', () => {
  it.each([
    ['Page title', 'page-title'],
    ['Notes on Queues!', 'notes-on-queues'],
    ["What's next?", 'whats-next'],
    ['Über uns', 'über-uns'],
    ['  C++ & Rust  ', 'c-rust'],
  ])('%s → %s.md', (title, slug) => {
    expect(fileSlugForTitle(title)).toBe(slug);
  });

  it('writes front matter that parses, with the title set and every other field commented with its default', () => {
    const source = newPageSource('Notes on "queues"', site, new Date('2026-11-23T10:00:00Z'));
    const { frontMatter, body } = parseSource('content/notes-on-queues.md', source);
    expect(frontMatter).toEqual({ title: 'Notes on "queues"', date: '2026-11-23' });
    expect(body.trim()).toBe('Write the page here, in Markdown.');
    for (const field of ['description', 'updated', 'draft', 'lang', 'template', 'math', 'insert_anchor_links', 'toc', 'copy', 'mermaid', 'comment', 'reaction']) {
      expect(source).toMatch(new RegExp(`^# ${field}: `, 'm'));
    }
    expect(source).toContain(`(default: ${site.defaults.insert_anchor_links}; none, left, right or heading)`);
  });

  it('writes commented lines that are themselves valid when uncommented', () => {
    const uncommented = newPageSource('T', site)
      .split('\n')
      .map((line) => line.replace(/^# /, '').replace(/\s+\(default:.*\)$/, ''))
      .join('\n');
    expect(() => parseSource('content/t.md', uncommented)).not.toThrow();
  });
});
