import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseToml } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { siteConfigSchema, type SiteConfig } from '@/lib/site-config-schema';
import { tempFolder } from '@/lib/testing/temp-folder';
import {
  configLineFinder,
  formatImportNote,
  maxConfigBytes,
  parseZolaConfig,
  readZolaConfig,
  siteConfigFromZola,
  siteConfigSource,
  siteHref,
  sortImportNotes,
  ZolaImportError,
  type ImportNote,
} from './zola-config';

const sereneConfig = [
  'base_url = "https://example.com"', // 1
  'title = "Serene Demo"', // 2
  'description = "Notes on things"', // 3
  'default_language = "en-GB"', // 4
  'theme = "serene"', // 5
  'compile_sass = true', // 6
  'minify_html = false', // 7
  'build_search_index = true', // 8
  'generate_feeds = true', // 9
  'generate_sitemap = true', // 10
  'generate_robots_txt = true', // 11
  'feed_filenames = ["rss.xml"]', // 12
  'taxonomies = [{ name = "tags", feed = true }, { name = "categories", rss = true, paginate_by = 5 }]', // 13
  '', // 14
  '[markdown]', // 15
  'highlight_code = true', // 16
  'highlight_theme = "css"', // 17
  'smart_punctuation = true', // 18
  'lazy_async_image = true', // 19
  'insert_anchor_links = "left"', // 20
  '', // 21
  '[slugify]', // 22
  'paths = "on"', // 23
  'anchors = "safe"', // 24
  '', // 25
  '[extra]', // 26
  'author = "Jane Doe"', // 27
  'sections = [', // 28
  '  { name = "Posts", path = "/posts", is_external = false },', // 29
  '  { name = "About", path = "about", is_external = false },', // 30
  '  { name = "CV", path = "/cv.pdf", is_external = false },', // 31
  '  { name = "GitHub", path = "https://github.com/jane", is_external = true },', // 32
  ']', // 33
  'blog_section_path = "/posts"', // 34
  '', // 35
].join('\n');

function convert(source: string) {
  return siteConfigFromZola(parseZolaConfig(source), source);
}

const lines = (notes: readonly ImportNote[]) => sortImportNotes(notes).map(formatImportNote);

describe('config.toml → site.config.ts', () => {
  it("carries serene's config over, and lists what it cannot carry with the config.toml line and why", () => {
    const { config, notes } = convert(sereneConfig);
    expect(config).toMatchObject({
      name: 'Serene Demo',
      description: 'Notes on things',
      author: 'Jane Doe',
      baseUrl: 'https://example.com',
      lang: 'en-GB',
      nav: [
        { label: 'Posts', href: '/posts/' },
        { label: 'About', href: '/about/' },
        { label: 'CV', href: '/cv.pdf' },
        { label: 'GitHub', href: 'https://github.com/jane' },
      ],
      clientRuntime: false,
      defaults: { math: false, insert_anchor_links: 'left', toc: false, copy: false, mermaid: false, comment: false, reaction: false, template: 'prose' },
      taxonomies: [
        { name: 'tags', feed: true, render: true },
        { name: 'categories', feed: true, paginate_by: 5, render: true },
      ],
      feedFilename: 'atom.xml',
      pageCompileTimeLimitSeconds: 10,
      budgets: { page: 8, pages: {} },
    });
    expect(config?.extra).toEqual(parseToml(sereneConfig).extra);
    const listed = lines(notes);
    expect(listed.map((line) => line.slice(0, line.indexOf(' — ')))).toEqual([
      'config.toml:5: `theme = "serene"`',
      'config.toml:6: `compile_sass = true`',
      'config.toml:8: `build_search_index = true`',
      'config.toml:12: `feed_filenames = ["rss.xml"]`',
      'config.toml:17: `markdown.highlight_theme = "css"`',
      'config.toml:18: `markdown.smart_punctuation = true`',
      'config.toml:24: `slugify.anchors = "safe"`',
    ]);
    expect(listed.find((line) => line.includes('feed_filenames'))).toMatch(/Atom feeds named atom\.xml/);
  });

  it('does not list what the engine does anyway, nor defaults left as they are', () => {
    const { notes } = convert(
      [
        'base_url = "https://example.com"',
        'title = "T"',
        'description = "D"',
        'generate_feed = true',
        'feed_filename = "atom.xml"',
        'hard_link_static = true',
        'output_dir = "public"',
        'minify_html = false',
        'build_search_index = false',
        'theme = ""',
        'ignored_content = []',
        '[markdown]',
        'highlight_code = true',
        'bottom_footnotes = true',
        'external_links_no_referrer = true',
        'render_emoji = false',
        '[slugify]',
        'paths = "on"',
        'taxonomies = "on"',
        'anchors = "on"',
        '[search]',
        '[translations]',
        '[extra]',
      ].join('\n'),
    );
    expect(lines(notes)).toEqual([]);
  });

  it('lists the sections Zola keeps for features the engine does not have, at their headers', () => {
    const source = [
      'base_url = "https://example.com"',
      'title = "T"',
      'description = "D"',
      'generate_sitemap = false',
      '[translations]',
      'home = "Accueil"',
      '[languages.fr]',
      'title = "Mon blog"',
      '[link_checker]',
      'skip_prefixes = ["http://x"]',
      '[markdown.highlighting]',
      'theme = "nord"',
      'unknown_key = 1',
    ].join('\n');
    const listed = lines(convert(source).notes).map((line) => line.slice(0, line.indexOf(' — ')));
    expect(listed).toEqual([
      'config.toml:4: `generate_sitemap = false`',
      'config.toml:5: `[translations]`',
      'config.toml:7: `[languages]`',
      'config.toml:9: `[link_checker]`',
      'config.toml:11: `[markdown.highlighting]`',
    ]);
  });

  it('replaces values the schema refuses with placeholders it accepts, and says so', () => {
    const { config, notes } = convert(['base_url = "mywebsite.com"', 'default_language = "English"', 'taxonomies = [{ name = "Tags" }, { name = "tags", lang = "fr" }, { name = "series", paginate_by = 0 }]'].join('\n'));
    expect(config).toMatchObject({ name: 'My site', description: 'My site', author: 'My site', baseUrl: 'https://example.com', lang: 'en', taxonomies: [] });
    expect(siteConfigSchema.safeParse(config).success).toBe(true);
    const listed = lines(notes);
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml:1: `base_url = "mywebsite\.com"` — is not a full http\(s\) address/));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml:2: `default_language = "English"` — is not a language tag/));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml: no `title` — /));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml: no `description` — /));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml:3: taxonomy "Tags": `name = "Tags"` — a lower-case name/));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml:3: taxonomy "tags" for lang "fr" — /));
    expect(listed).toContainEqual(expect.stringMatching(/^config\.toml:3: taxonomy "series": `paginate_by = 0` — /));
  });

  it('keeps the origin of a base_url with a path, and says to build with BASE_PATH', () => {
    const { config, notes } = convert('base_url = "https://jane.github.io/blog/"\ntitle = "T"\ndescription = "D"\n');
    expect(config?.baseUrl).toBe('https://jane.github.io');
    expect(lines(notes)).toEqual([expect.stringContaining('config.toml:1: `base_url = "https://jane.github.io/blog/"` — the site is served under /blog: `baseUrl` holds the origin only; build with BASE_PATH=/blog.')]);
  });

  it('takes the author from extra.author, then author, then authors, then the title', () => {
    const author = (source: string) => convert(`title = "Site"\n${source}`).config?.author;
    expect(author('author = "A"\n[extra]\nauthor = "E"')).toBe('E');
    expect(author('author = "A"')).toBe('A');
    expect(author('authors = ["B", "C"]')).toBe('B, C');
    expect(author('')).toBe('Site');
  });

  it.each([
    ['/posts', '/posts/'],
    ['posts', '/posts/'],
    ['/posts/', '/posts/'],
    ['/', '/'],
    ['/posts#latest', '/posts/#latest'],
    ['/files/cv.pdf', '/files/cv.pdf'],
    ['//evil.example/x', undefined],
    ['https://example.com/x', undefined],
    ['javascript:alert(1)', undefined],
    ['/a/../../b', undefined],
    ['/a\\b', undefined],
    ['/a\nb', undefined],
  ])('nav path %j → %j', (written, href) => {
    expect(siteHref(written)).toBe(href);
  });
});

const hostileStrings = [
  'ends a comment */ here',
  'a `template` with ${process.exit(1)}',
  '</script><script>alert(1)</script>',
  'line\u2028separator and paragraph\u2029separator',
  'quotes " and \' and \\ backslash',
  'control \u0000 \u001b[31m red',
  '"; process.exit(1); "',
  '\ud83d\ude00 emoji',
];

function tomlString(text: string): string {
  // TOML's basic strings take JSON's escapes except \u2028-style ones, which are fine as \uXXXX too.
  return JSON.stringify(text);
}

const hostileConfig = [
  'base_url = "https://example.com"',
  'title = "T */ `${x}`"',
  'description = "</script>"',
  '[extra]',
  ...hostileStrings.map((text, index) => `s${index} = ${tomlString(text)}`),
  `list = [${hostileStrings.map(tomlString).join(', ')}]`,
  '"__proto__" = { polluted = true }',
  '"key with */ and \\"quotes\\"" = 1',
  '"constructor" = "c"',
  'infinite = inf',
  'negative = -inf',
  'not_a_number = nan',
  'negative_zero = -0.0',
  'when = 1979-05-27T07:32:00-08:00',
  'day = 1979-05-27',
  '[extra.nested.deeper]',
  'x = [1, [2, [3]], { y = "z" }]',
].join('\n');

describe('site.config.ts as written', () => {
  it('parses and yields exactly the strings of a hostile [extra], with keys as data', async () => {
    const { config } = convert(hostileConfig);
    if (!config) throw new Error('no config');
    const folder = tempFolder('zola-config-source', { 'site.config.ts': siteConfigSource(config) });
    const loaded = ((await import(pathToFileURL(path.join(folder, 'site.config.ts')).href)) as { default: SiteConfig }).default;
    const extra = loaded.extra ?? {};
    for (const [index, text] of hostileStrings.entries()) expect(extra[`s${index}`]).toBe(text);
    expect(extra.list).toEqual(hostileStrings);
    expect(loaded.name).toBe('T */ `${x}`');
    expect(loaded.description).toBe('</script>');
    expect(Object.getOwnPropertyNames(extra)).toContain('__proto__');
    expect(Object.getPrototypeOf(extra)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(extra, '__proto__')?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(extra['key with */ and "quotes"']).toBe(1);
    expect(extra.constructor).toBe('c');
    expect(extra.infinite).toBe(Infinity);
    expect(extra.negative).toBe(-Infinity);
    expect(extra.not_a_number).toBeNaN();
    expect(Object.is(extra.negative_zero, -0)).toBe(true);
    expect(extra.when).toBe('1979-05-27T07:32:00.000-08:00');
    expect(extra.day).toBe('1979-05-27');
    expect(extra.nested).toEqual({ deeper: { x: [1, [2, [3]], { y: 'z' }] } });
    expect(siteConfigSchema.safeParse(loaded).success).toBe(true);
  });

  it('type-checks against SiteConfig', { timeout: 60_000 }, () => {
    const { config } = convert(`${sereneConfig}\n${hostileConfig.split('\n').slice(4).join('\n')}`);
    if (!config) throw new Error('no config');
    const root = path.resolve(import.meta.dirname, '../..');
    const folder = tempFolder('zola-config-tsc', {
      'site.config.ts': siteConfigSource(config),
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: 'ES2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          skipLibCheck: true,
          noUncheckedIndexedAccess: true,
          types: [],
          paths: { '@/*': [`${root}/*`] },
        },
        files: ['site.config.ts'],
      }),
    });
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['-p', path.join(folder, 'tsconfig.json')], { encoding: 'utf8' });
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('looks like the shipped file: typed const, comments, default export', () => {
    const source = siteConfigSource(convert(sereneConfig).config ?? ({} as SiteConfig));
    expect(source).toMatch(/^import type \{ SiteConfig \} from '@\/lib\/site-config-schema';\n/);
    expect(source).toContain('const site: SiteConfig = {\n');
    expect(source).toContain('    { label: "Posts", href: "/posts/" },\n');
    expect(source).toContain('\n  // config.toml\'s [extra] table');
    expect(source.endsWith('};\n\nexport default site;\n')).toBe(true);
    expect(source.split('\n').every((line) => line.length <= 120)).toBe(true);
  });
});

describe('config.toml as hostile input', () => {
  const refusal = (source: string) => {
    try {
      parseZolaConfig(source);
    } catch (error) {
      if (error instanceof ZolaImportError) return error.message;
      throw error;
    }
    return undefined;
  };

  it('refuses tables nested deeper than 32 levels, by header or dotted key, naming the line', () => {
    const parts = (count: number) => Array.from({ length: count }, (_, index) => `k${index}`).join('.');
    expect(refusal(`a = 1\n[${parts(32)}]\nx = 1\n`)).toBeUndefined();
    expect(refusal(`a = 1\n[${parts(33)}]\nx = 1\n`)).toBe('config.toml:2: tables and lists nest deeper than 32 levels; refused.');
    expect(refusal(`a = 1\n[t]\n${parts(33)} = 1\n`)).toBe('config.toml:3: tables and lists nest deeper than 32 levels; refused.');
  });

  it('refuses deeply nested inline lists and tables without exhausting the stack', () => {
    expect(refusal(`a = 1\nb = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`)).toMatch(/^config\.toml:2: tables and lists nest deeper than 32 levels; refused\.$/);
    expect(refusal(`b = ${'{ c = '.repeat(40)}1${' }'.repeat(40)}\n`)).toMatch(/^config\.toml:1: tables and lists nest deeper than 32 levels/);
  });

  it('refuses a header of half a million parts quickly', () => {
    const started = performance.now();
    expect(refusal(`[${Array.from({ length: 500_000 }, () => 'a').join('.')}]\n`)).toBe('config.toml:1: tables and lists nest deeper than 32 levels; refused.');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('refuses huge lists, naming their line', () => {
    expect(refusal(`title = "T"\n[extra]\nbig = [${Array.from({ length: 10_001 }, () => '1').join(',')}]\n`)).toBe('config.toml:3: a list of more than 10,000 items; refused.');
  });

  it('reports TOML syntax errors with their line, on one line', () => {
    const message = refusal('title = "T"\nbad = "unterminated\n');
    expect(message).toMatch(/^config\.toml:2:\d+: does not parse as TOML: /);
    expect(message).not.toContain('\n');
  });

  it('refuses a config.toml over 1 MB from its size, without reading it', () => {
    const folder = tempFolder('zola-config-big', {});
    // Sparse: 4 GB on paper, nothing on disk; reading it would take minutes.
    fs.writeFileSync(path.join(folder, 'config.toml'), '');
    fs.truncateSync(path.join(folder, 'config.toml'), 4 * 1024 ** 3);
    const started = performance.now();
    expect(() => readZolaConfig(folder)).toThrow(new ZolaImportError(`config.toml is larger than 1 MB; a Zola config is a few KB, so it is refused rather than parsed.`));
    expect(performance.now() - started).toBeLessThan(1000);
    fs.truncateSync(path.join(folder, 'config.toml'), maxConfigBytes + 1);
    expect(() => readZolaConfig(folder)).toThrow(/larger than 1 MB/);
  });

  it('refuses a config.toml that is a symbolic link, or not UTF-8', () => {
    const outside = tempFolder('zola-config-outside', { 'config.toml': 'title = "secret"\n' });
    const site = tempFolder('zola-config-linked', {});
    fs.symlinkSync(path.join(outside, 'config.toml'), path.join(site, 'config.toml'));
    expect(() => readZolaConfig(site)).toThrow(/^config\.toml is a symbolic link/);
    const latin1 = tempFolder('zola-config-latin1', { 'config.toml': Buffer.from('title = "caf\xe9"\n', 'latin1') });
    expect(() => readZolaConfig(latin1)).toThrow(/^config\.toml:1:\d+: is not valid UTF-8/);
  });

  it('reads a config.toml with a byte-order mark and CRLF lines', () => {
    const folder = tempFolder('zola-config-crlf', { 'config.toml': '\ufefftitle = "T"\r\nbase_url = "https://example.com"\r\n' });
    expect(readZolaConfig(folder).values).toEqual({ title: 'T', base_url: 'https://example.com' });
  });
});

describe('report lines', () => {
  it('finds the line of keys in tables, arrays of tables and dotted keys, skipping multi-line strings', () => {
    const source = [
      'title = "T"', // 1
      'note = """', // 2
      '[markdown]', // 3: inside the string
      'smart_punctuation = true', // 4: inside the string
      '"""', // 5
      '[[taxonomies]]', // 6
      'name = "tags"', // 7
      '[[taxonomies]]', // 8
      'name = "series"', // 9
      '[markdown]', // 10
      'smart_punctuation = true', // 11
      '[extra]', // 12
      'social.github = "x"', // 13
      'sections = [{ name = "a" }]', // 14
    ].join('\n');
    const lineOf = configLineFinder(source);
    expect(lineOf(['title'])).toBe(1);
    expect(lineOf(['taxonomies', '0', 'name'])).toBe(7);
    expect(lineOf(['taxonomies', '1', 'name'])).toBe(9);
    expect(lineOf(['taxonomies', '1'])).toBe(8);
    expect(lineOf(['markdown', 'smart_punctuation'])).toBe(11);
    expect(lineOf(['extra', 'social'])).toBe(13);
    expect(lineOf(['extra', 'sections', '0', 'name'])).toBe(14);
    expect(lineOf(['nowhere'])).toBeUndefined();
  });

  it('keeps each note on one line whatever a name or value holds', () => {
    const line = formatImportNote({ file: 'content/a\nb\u202e.md', line: 3, what: 'x\r\u001b[2J', why: 'y\u2028z' });
    expect(line).toBe('content/a\\u{a}b\\u{202e}.md:3: x\\u{d}\\u{1b}[2J — y\\u{2028}z');
  });
});
