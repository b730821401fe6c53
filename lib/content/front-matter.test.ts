import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/errors';
import { parseSource } from './front-matter';

function errorOf(source: string): ContentError {
  try {
    parseSource('content/page.md', source);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}

describe('front matter', () => {
  it('reads YAML between --- lines', () => {
    const parsed = parseSource('content/a.md', '---\ntitle: "Hello"\nmath: true\ndate: 2024-05-01\n---\n\nBody text\n');
    expect(parsed.frontMatterFormat).toBe('yaml');
    expect(parsed.frontMatter).toMatchObject({ title: 'Hello', math: true, date: '2024-05-01' });
    expect(parsed.body.trim()).toBe('Body text');
    expect(parsed.bodyStartLine).toBe(6);
  });

  it('reads TOML between +++ lines, with Zola options in [extra]', () => {
    const source = [
      '+++',
      'title = "About me"',
      'template = "prose.html"',
      'insert_anchor_links = "none"',
      'date = 2023-01-02',
      '',
      '[extra]',
      "lang = 'en'",
      'title = "About"',
      'math = true',
      '+++',
      'Text',
    ].join('\n');
    const parsed = parseSource('content/b.md', source);
    expect(parsed.frontMatterFormat).toBe('toml');
    expect(parsed.frontMatter).toMatchObject({
      title: 'About me',
      template: 'prose.html', // as written: lib/content/pages.ts maps it to the prose layout
      insert_anchor_links: 'none',
      date: '2023-01-02',
      extra: { lang: 'en', title: 'About', math: true },
    });
    expect(parsed.body).toBe('Text');
    expect(parsed.bodyStartLine).toBe(12);
  });

  it('leaves a file without front matter whole', () => {
    const parsed = parseSource('content/c.md', '# Title\n\nText\n');
    expect(parsed.frontMatterFormat).toBe('none');
    expect(parsed.body).toBe('# Title\n\nText\n');
    expect(parsed.bodyStartLine).toBe(1);
  });

  it('names an unknown key, its line and the key that was meant', () => {
    const error = errorOf('---\ntitle: "T"\ninsert_anchor_link: left\n---\n');
    expect(error.message).toBe(
      'content/page.md:3: unknown front-matter key `insert_anchor_link`. Did you mean `insert_anchor_links`?',
    );
  });

  it('finds unknown keys inside a TOML [extra] table', () => {
    const error = errorOf('+++\ntitle = "T"\n\n[extra]\nmaht = true\n+++\n');
    expect(error.message).toBe('content/page.md:5: unknown front-matter key `extra.maht`. Did you mean `math`?');
  });

  it('names a wrong type and what was expected', () => {
    const error = errorOf('---\ntitle: "T"\nmath: "yes"\n---\n');
    expect(error.message).toBe('content/page.md:3: `math` must be true or false, got "yes".');
  });

  it('lists the allowed values for an unknown one', () => {
    const error = errorOf('---\ninsert_anchor_links: middle\n---\n');
    expect(error.location.line).toBe(2);
    expect(error.message).toContain('`insert_anchor_links` must be one of "none", "left", "right", "heading", got "middle".');
  });

  it('rejects an unknown template and suggests a near miss', () => {
    const error = errorOf('+++\ntemplate = "prose.htm"\n+++\n');
    expect(error.message).toContain('content/page.md:2: `template` must be "prose" or a template file name such as "page.html", got "prose.htm".');
    expect(error.message).toContain('Did you mean "prose.html"?');
  });

  it('reports YAML that does not parse with its line', () => {
    // js-yaml notices the unclosed quote where the block ends; the error names the line the quote opened on.
    const error = errorOf('---\ntitle: "T\nmath: true\n---\n');
    expect(error.location).toEqual({ file: 'content/page.md', line: 2 });
    expect(error.message).toMatch(/^content\/page\.md:2: YAML front matter does not parse: a double-quoted value opened on this line is never closed\./);
    const badIndent = errorOf('---\ntitle: T\n  math: true\n---\n');
    expect(badIndent.location.line).toBe(3);
  });

  it('reports TOML that does not parse with its line and column', () => {
    const error = errorOf('+++\ntitle = "T"\nmath = yes\n+++\n');
    expect(error.location).toEqual({ file: 'content/page.md', line: 3, column: 8 });
    expect(error.message).toContain('TOML front matter does not parse');
  });

  it('rejects a date that is not a date', () => {
    const error = errorOf('---\ndate: someday\n---\n');
    expect(error.message).toContain('content/page.md:2: `date` must be a date such as 2024-05-01, got "someday".');
  });

  it('accepts the feature flags, and checks them', () => {
    expect(parseSource('content/d.md', '---\ntoc: true\ncopy: false\nmermaid: true\ncomment: false\nreaction: true\n---\n').frontMatter).toMatchObject({
      toc: true,
      mermaid: true,
      reaction: true,
    });
    expect(errorOf('---\ntoc: 1\n---\n').message).toContain('`toc` must be true or false, got 1.');
  });
});

describe('front matter with several problems', () => {
  it('reports each of them with its line', () => {
    try {
      parseSource('content/page.md', '---\ntitle: 3\ninsert_anchor_links: middle\nmaht: true\n---\n');
      throw new Error('expected errors');
    } catch (error) {
      if (!(error instanceof ContentErrors)) throw error;
      expect(error.errors.map((each) => each.message)).toEqual([
        'content/page.md:2: `title` must be text in quotes, got 3.',
        'content/page.md:3: `insert_anchor_links` must be one of "none", "left", "right", "heading", got "middle".',
        'content/page.md:4: unknown front-matter key `maht`. Did you mean `math`?',
      ]);
    }
  });
});
