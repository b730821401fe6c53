import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findShortcodeCalls, zolaShortcodes } from '@/lib/markdown/zola-shortcodes';
import type { SiteConfig } from '@/lib/site-config-schema';
import { tempFolder } from '@/lib/testing/temp-folder';
import { importReport, importZolaSite, projectDestination, ZolaImportError, type ImportResult, type ShortcodeSupport } from './import-site';
import { formatImportNote } from './zola-config';

const shortcodes: ShortcodeSupport = { find: findShortcodeCalls, supported: zolaShortcodes };
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0x10]);

const config = [
  'base_url = "https://jane.example"', // 1
  'title = "Jane\'s notes"', // 2
  'description = "Notes on software"', // 3
  'theme = "serene"', // 4
  'taxonomies = [', // 5
  '  { name = "tags", feed = true },', // 6
  '  { name = "categories", paginate_by = 10 },', // 7
  ']', // 8
  '', // 9
  '[extra]', // 10
  'sections = [', // 11
  '  { name = "posts", path = "/posts", is_external = false },', // 12
  '  { name = "about", path = "/about", is_external = false },', // 13
  '  { name = "github", path = "https://github.com/jane", is_external = true },', // 14
  ']', // 15
  'blog_section_path = "/posts"', // 16
  'footer_copyright = "© 2025 Jane"', // 17
  '', // 18
].join('\n');

const post = [
  '+++', // 1
  'title = "Hello"', // 2
  'date = 2024-05-01', // 3
  '[taxonomies]', // 4
  'tags = ["rust"]', // 5
  '+++', // 6
  '', // 7
  'A post.', // 8
  '', // 9
  '{{ gallery(dir="trip") }}', // 10
  '', // 11
  '{% mermaid() %}', // 12
  'graph TD; A-->B', // 13
  '{% end %}', // 14
  '',
].join('\n');

const siteFiles: Record<string, string | Buffer> = {
  'config.toml': config,
  'content/_index.md': '+++\ntitle = "Home"\n+++\n\nWelcome.\n',
  'content/about/_index.md': '+++\ntitle = "About"\ntemplate = "prose.html"\n+++\n\nAbout me.\n',
  'content/posts/_index.md': '+++\ntitle = "Posts"\nsort_by = "date"\n+++\n',
  'content/posts/hello.md': post,
  'content/posts/trip/index.md': '+++\ntitle = "A trip"\ndate = 2024-06-01\n+++\n\n![The lake](lake.png)\n',
  'content/posts/trip/lake.png': png,
  'content/.DS_Store': 'junk',
  'static/robots-extra.txt': 'User-agent: *\n',
  'static/.git/HEAD': 'ref: refs/heads/main\n',
  'templates/x.html': '{% extends "base.html" %}\n',
};

/** A temp folder holding `site/` (the Zola site), `project/` (with package.json) and `outside/`. */
function workspace(files: Record<string, string | Buffer> = siteFiles) {
  const root = tempFolder('zola-import', {
    ...Object.fromEntries(Object.entries(files).map(([name, content]) => [`site/${name}`, content])),
    'project/package.json': '{ "name": "project" }\n',
    'outside/secret.txt': 'SECRET-OUTSIDE\n',
  });
  return { root, site: path.join(root, 'site'), project: path.join(root, 'project'), outside: path.join(root, 'outside') };
}

/** Every file and link under `folder` (relative path → content or link target), for before/after comparisons. */
function snapshot(folder: string, skip?: string): Record<string, string> {
  const found: Record<string, string> = {};
  const visit = (absolute: string, relative: string) => {
    for (const entry of fs.readdirSync(absolute, { withFileTypes: true })) {
      const name = relative ? `${relative}/${entry.name}` : entry.name;
      if (name === skip) continue;
      const full = path.join(absolute, entry.name);
      if (entry.isSymbolicLink()) found[name] = `-> ${fs.readlinkSync(full)}`;
      else if (entry.isDirectory()) visit(full, name);
      else found[name] = fs.readFileSync(full).toString('base64');
    }
  };
  visit(folder, '');
  return found;
}

const reportLines = (result: ImportResult) => result.notes.map(formatImportNote);

async function loadConfig(project: string): Promise<SiteConfig> {
  // A fresh URL each time: the module cache would hand back the first import of the same path.
  const url = `${pathToFileURL(path.join(project, 'site.config.ts')).href}?${Date.now()}`;
  return ((await import(url)) as { default: SiteConfig }).default;
}

describe('importing a Zola site', () => {
  it('writes site.config.ts, copies content/ and static/, and lists what it left behind', async () => {
    const { root, site, project } = workspace();
    const before = snapshot(root, 'project');
    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });

    expect(result.written.sort()).toEqual([
      'content/_index.md',
      'content/about/_index.md',
      'content/posts/_index.md',
      'content/posts/hello.md',
      'content/posts/trip/index.md',
      'content/posts/trip/lake.png',
      'public/robots-extra.txt',
      'site.config.ts',
    ]);
    for (const file of result.written.filter((name) => name !== 'site.config.ts')) {
      const from = file.replace(/^public\//, 'static/');
      expect(fs.readFileSync(path.join(project, file))).toEqual(fs.readFileSync(path.join(site, from)));
    }
    expect(fs.existsSync(path.join(project, 'content/.DS_Store'))).toBe(false);
    expect(fs.existsSync(path.join(project, 'public/.git'))).toBe(false);

    const written = await loadConfig(project);
    expect(written).toEqual({
      name: "Jane's notes",
      description: 'Notes on software',
      author: "Jane's notes",
      baseUrl: 'https://jane.example',
      lang: 'en',
      nav: [
        { label: 'posts', href: '/posts/' },
        { label: 'about', href: '/about/' },
        { label: 'github', href: 'https://github.com/jane' },
      ],
      clientRuntime: false,
      defaults: { math: false, insert_anchor_links: 'right', toc: false, copy: false, mermaid: false, comment: false, reaction: false, template: 'prose' },
      taxonomies: [
        { name: 'tags', feed: true, render: true },
        { name: 'categories', feed: false, paginate_by: 10, render: true },
      ],
      feedFilename: 'atom.xml',
      footer: { text: '© 2025 Jane', credits: false },
      extra: {
        sections: [
          { name: 'posts', path: '/posts', is_external: false },
          { name: 'about', path: '/about', is_external: false },
          { name: 'github', path: 'https://github.com/jane', is_external: true },
        ],
        blog_section_path: '/posts',
        footer_copyright: '© 2025 Jane',
      },
      pageCompileTimeLimitSeconds: 10,
      budgets: { page: 8, pages: {} },
    });

    expect(reportLines(result)).toEqual([
      expect.stringMatching(/^config\.toml:4: `theme = "serene"` — a theme's templates are not carried over/),
      expect.stringMatching(/^content\/posts\/hello\.md:10: shortcode `gallery` — the engine does not expand it/),
      expect.stringMatching(/^templates\/x\.html: not used — the site's own Tera templates are not carried over/),
    ]);
    // Nothing outside the project was written.
    expect(snapshot(root, 'project')).toEqual(before);
  });

  it('keeps every existing file on a second run and lists each one; --overwrite replaces them', () => {
    const { site, project } = workspace();
    importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    fs.writeFileSync(path.join(project, 'content/posts/hello.md'), 'edited in the project\n');
    const projectBefore = snapshot(project);

    const again = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(again.written).toEqual([]);
    expect(snapshot(project)).toEqual(projectBefore);
    const kept = reportLines(again).filter((line) => line.includes('already exists in the project'));
    expect(kept).toEqual([
      'config.toml: not written: site.config.ts already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/_index.md: not written: content/_index.md already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/about/_index.md: not written: content/about/_index.md already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/posts/_index.md: not written: content/posts/_index.md already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/posts/hello.md: not written: content/posts/hello.md already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/posts/trip/index.md: not written: content/posts/trip/index.md already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'content/posts/trip/lake.png: not written: content/posts/trip/lake.png already exists in the project — kept as it is; import again with --overwrite to replace it.',
      'static/robots-extra.txt: not written: public/robots-extra.txt already exists in the project — kept as it is; import again with --overwrite to replace it.',
    ]);

    const replaced = importZolaSite({ from: site, into: project, overwrite: true, shortcodes });
    expect(replaced.written).toHaveLength(8);
    expect(fs.readFileSync(path.join(project, 'content/posts/hello.md'), 'utf8')).toBe(post);
    expect(reportLines(replaced).some((line) => line.includes('already exists'))).toBe(false);
    expect(fs.readdirSync(path.join(project, 'content/posts')).some((name) => name.endsWith('.tmp'))).toBe(false);
  });

  it('says the site is ready for `npm run build` when nothing is left behind', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'content/_index.md': '+++\ntitle = "Home"\n+++\n\nHello.\n',
    });
    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(result.notes).toEqual([]);
    expect(importReport(result, { from: 'site', into: 'project' })).toBe(
      'Imported site into project: wrote site.config.ts, copied 1 file to content/ and 0 to public/.\nEverything was carried over: the site is ready for `npm run build`.\n',
    );
  });

  it('lists sass/, each theme and each template, naming site shortcodes and serene\'s comment script', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'sass/main.scss': 'body {}',
      'themes/serene/theme.toml': 'name = "serene"',
      'templates/shortcodes/youtube.html': '<iframe>',
      'templates/_giscus_script.html': '<script>',
    });
    const lines = reportLines(importZolaSite({ from: site, into: project, overwrite: false, shortcodes }));
    expect(lines.map((line) => line.slice(0, line.indexOf(' — ')))).toEqual([
      'content/: missing',
      'sass/: not compiled',
      'templates/_giscus_script.html: not used',
      "templates/shortcodes/youtube.html: the site's own shortcode `youtube` is not carried over",
      'themes/serene/: not used',
    ]);
    expect(lines[2]).toMatch(/copy its data-repo, data-repo-id, data-category and data-category-id into `comments`/);
  });

  it('lists the front matter and bundle files the build would refuse, at their lines', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'content/posts/_index.md': '+++\ntitle = "Posts"\n+++\n',
      'content/posts/bad.md': '+++\ntitle = "Bad"\nmaht = true\n+++\n\nText.\n',
      'content/posts/trip/index.md': '+++\ntitle = "Trip"\n+++\n',
      'content/posts/trip/widget.html': '<script>alert(1)</script>',
    });
    const lines = reportLines(importZolaSite({ from: site, into: project, overwrite: false, shortcodes }));
    expect(lines).toEqual([
      expect.stringMatching(/^content\/posts\/bad\.md:3: unknown front-matter key `maht` — Did you mean `math`\?$/),
      expect.stringMatching(/^content\/posts\/trip\/index\.md:1: carries widget\.html, a \.html file; .* — Move it out of content\//),
    ]);
  });

  it('checks shortcodes through the support it is given, at file lines, and says when it was given none', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'content/a.md': '---\ntitle: A\n---\nline 4\n{{ gallery() }}\n{{ mermaid() }}\n',
      'content/b.md': 'no front matter\n\n{{ note() }}\n',
    });
    const fake: ShortcodeSupport = {
      find: (body) => [...body.matchAll(/\{\{ (\w+)\(\) \}\}/g)].map((match) => ({ name: match[1] ?? '', line: body.slice(0, match.index).split('\n').length })),
      supported: new Set(['mermaid']),
    };
    const checked = importZolaSite({ from: site, into: project, overwrite: false, shortcodes: fake });
    expect(reportLines(checked).map((line) => line.slice(0, line.indexOf(' — ')))).toEqual(['content/a.md:5: shortcode `gallery`', 'content/b.md:3: shortcode `note`']);

    const unchecked = importZolaSite({ from: site, into: project, overwrite: true });
    expect(unchecked.notes).toEqual([]);
    expect(importReport(unchecked, { from: 's', into: 'p' })).toContain('Shortcode calls in pages were not checked');
  });

  it('does not copy static files onto the export\'s own paths, but keeps the hosts\' ones', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'static/robots.txt': 'User-agent: *\n',
      'static/katex/katex.min.css': '',
      'static/.well-known/security.txt': 'Contact: mailto:x@example.com\n',
      'static/_redirects': '/old /new\n',
    });
    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(result.written.sort()).toEqual(['public/.well-known/security.txt', 'public/_redirects', 'site.config.ts']);
    expect(reportLines(result).map((line) => line.slice(0, line.indexOf(' — ')))).toEqual([
      'content/: missing',
      "static/katex/katex.min.css: not copied: /katex is the export's own",
      "static/robots.txt: not copied: /robots.txt is the export's own",
    ]);
  });
});

describe('a hostile Zola site', () => {
  it('never follows a symbolic link in content/ or static/, to files or folders, in or out of the site', () => {
    const { root, site, project, outside } = workspace();
    fs.writeFileSync(path.join(outside, 'page.md'), '+++\ntitle = "SECRET-OUTSIDE"\n+++\n');
    fs.symlinkSync(path.join(outside, 'page.md'), path.join(site, 'content/out-file.md'));
    fs.symlinkSync(outside, path.join(site, 'content/out-folder'));
    fs.symlinkSync('posts/hello.md', path.join(site, 'content/in-file.md'));
    fs.symlinkSync('../posts', path.join(site, 'content/posts/loop'));
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(site, 'static/secret.txt'));
    fs.symlinkSync('missing.txt', path.join(site, 'static/dangling.txt'));
    const before = snapshot(root, 'project');

    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    const links = reportLines(result).filter((line) => line.includes('symbolic link'));
    expect(links).toEqual([
      `content/in-file.md: is a symbolic link to posts/hello.md — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
      `content/out-file.md: is a symbolic link to ${path.join(outside, 'page.md')} — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
      `content/out-folder: is a symbolic link to ${outside} — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
      `content/posts/loop: is a symbolic link to ../posts — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
      `static/dangling.txt: is a symbolic link to missing.txt — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
      `static/secret.txt: is a symbolic link to ${path.join(outside, 'secret.txt')} — not followed, so that nothing from elsewhere is copied: put the file itself in its place.`,
    ]);
    for (const name of ['content/out-file.md', 'content/out-folder', 'content/in-file.md', 'content/posts/loop', 'public/secret.txt', 'public/dangling.txt']) {
      expect(fs.lstatSync(path.join(project, name), { throwIfNoEntry: false }), name).toBeUndefined();
    }
    expect(Object.values(snapshot(project)).some((content) => Buffer.from(content, 'base64').toString().includes('SECRET-OUTSIDE'))).toBe(false);
    expect(snapshot(root, 'project')).toEqual(before);
  });

  it('refuses content/ and static/ that are themselves symbolic links', () => {
    const { site, project, outside } = workspace({ 'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n' });
    fs.mkdirSync(path.join(outside, 'pages'));
    fs.writeFileSync(path.join(outside, 'pages/a.md'), 'SECRET-OUTSIDE\n');
    fs.symlinkSync(path.join(outside, 'pages'), path.join(site, 'content'));
    fs.symlinkSync(outside, path.join(site, 'static'));
    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(result.written).toEqual(['site.config.ts']);
    expect(reportLines(result).map((line) => line.slice(0, line.indexOf(' — ')))).toEqual([
      `content/: is a symbolic link to ${path.join(outside, 'pages')}`,
      `static/: is a symbolic link to ${outside}`,
    ]);
  });

  it('refuses names holding a backslash, and escapes odd names in the report', () => {
    const { site, project } = workspace({
      'config.toml': 'base_url = "https://example.com"\ntitle = "T"\ndescription = "D"\n',
      'static/..\\..\\escape.txt': 'x',
      'static/line\nbreak\u001b[2J.txt': 'y',
      'content/bad\u202e.md': '+++\nmaht = 1\n+++\n',
    });
    const result = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(result.written.sort()).toEqual(['content/bad\u202e.md', 'public/line\nbreak\u001b[2J.txt', 'site.config.ts']);
    const lines = reportLines(result);
    expect(lines).toEqual([
      expect.stringMatching(/^content\/bad\\u\{202e\}\.md:2: unknown front-matter key `maht`/),
      'static/..\\..\\escape.txt: its name holds a backslash, which Windows reads as a folder separator — not copied: rename it.',
    ]);
    expect(lines.every((line) => !/[\u0000-\u001f\u202e]/.test(line))).toBe(true);
    expect(fs.readdirSync(path.dirname(project)).sort()).toEqual(['outside', 'project', 'site']);
  });

  it('writes only under the project\'s content/, public/ and site.config.ts, by path.relative', () => {
    const project = '/work/project';
    expect(projectDestination(project, ['content', 'posts', 'a.md'])).toBe('/work/project/content/posts/a.md');
    expect(projectDestination(project, ['public', 'robots-extra.txt'])).toBe('/work/project/public/robots-extra.txt');
    expect(projectDestination(project, ['site.config.ts'])).toBe('/work/project/site.config.ts');
    for (const target of [
      ['content', '..', '..', 'etc', 'passwd'],
      ['content', '..', 'package.json'],
      ['public', '/etc/passwd'],
      ['content', 'a\\..\\..\\b.md'],
      ['content', 'a\0b.md'],
      ['content', 'posts/../../x'],
      ['content', '.'],
      ['content', ''],
      ['content'],
      ['package.json'],
      ['site.config.ts', 'x'],
      ['..', 'site.config.ts'],
    ]) {
      expect(projectDestination(project, target), JSON.stringify(target)).toBeUndefined();
    }
  });

  it('never writes through a symbolic link or a non-folder in the project', () => {
    const { site, project, outside } = workspace();
    const outsideBefore = snapshot(outside);
    fs.mkdirSync(path.join(project, 'content'));
    fs.symlinkSync(outside, path.join(project, 'content/posts'));
    fs.writeFileSync(path.join(project, 'content/about'), 'a file where a folder would go');
    fs.symlinkSync(path.join(outside, 'secret.txt'), path.join(project, 'content/_index.md'));

    const kept = importZolaSite({ from: site, into: project, overwrite: false, shortcodes });
    expect(snapshot(outside)).toEqual(outsideBefore);
    const lines = reportLines(kept);
    expect(lines).toContain('content/posts/hello.md: not written: content/posts in the project is not a folder (a file or a symbolic link) — move it away and import again.');
    expect(lines).toContain('content/about/_index.md: not written: content/about in the project is not a folder (a file or a symbolic link) — move it away and import again.');
    expect(lines).toContain('content/_index.md: not written: content/_index.md already exists in the project — kept as it is; import again with --overwrite to replace it.');

    // --overwrite replaces the link itself, never the file it points to.
    const replaced = importZolaSite({ from: site, into: project, overwrite: true, shortcodes });
    expect(replaced.written).toContain('content/_index.md');
    expect(fs.lstatSync(path.join(project, 'content/_index.md')).isSymbolicLink()).toBe(false);
    expect(snapshot(outside)).toEqual(outsideBefore);
  });

  it('never writes through a hard link in the project either', () => {
    const { site, project, outside } = workspace();
    fs.mkdirSync(path.join(project, 'content'));
    fs.linkSync(path.join(outside, 'secret.txt'), path.join(project, 'content/_index.md'));
    importZolaSite({ from: site, into: project, overwrite: true, shortcodes });
    expect(fs.readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('SECRET-OUTSIDE\n');
    expect(fs.readFileSync(path.join(project, 'content/_index.md'), 'utf8')).toBe(siteFiles['content/_index.md']);
  });

  it('refuses a project whose content/ or public/ is a symbolic link', () => {
    const { site, project, outside } = workspace();
    fs.symlinkSync(outside, path.join(project, 'public'));
    expect(() => importZolaSite({ from: site, into: project, overwrite: true, shortcodes })).toThrow(ZolaImportError);
    expect(() => importZolaSite({ from: site, into: project, overwrite: true, shortcodes })).toThrow(/^public\/: is a symbolic link/);
    expect(fs.readdirSync(outside)).toEqual(['secret.txt']);
    expect(fs.existsSync(path.join(project, 'site.config.ts'))).toBe(false);
  });

  it('leaves files alone when the site and the project are one folder', () => {
    const { site } = workspace();
    fs.writeFileSync(path.join(site, 'package.json'), '{}\n');
    const before = snapshot(site);
    const result = importZolaSite({ from: site, into: site, overwrite: true, shortcodes });
    const after = snapshot(site);
    for (const [name, content] of Object.entries(before)) expect(after[name], name).toBe(content);
    expect(reportLines(result)).toContain('content/posts/hello.md: is content/posts/hello.md itself — the site and the project are the same folder; nothing to copy.');
  });

  it('stops with one line when the folder is not a Zola site or the project is not a project', () => {
    const { site, project, outside } = workspace();
    expect(() => importZolaSite({ from: outside, into: project, overwrite: false })).toThrow(new ZolaImportError(`${outside} is not a Zola site: it has no config.toml.`));
    expect(() => importZolaSite({ from: path.join(outside, 'nope'), into: project, overwrite: false })).toThrow(new ZolaImportError(`${path.join(outside, 'nope')} does not exist.`));
    expect(() => importZolaSite({ from: site, into: outside, overwrite: false })).toThrow(
      new ZolaImportError(`${outside} is not a project folder: it has no package.json. Run the command in the project, or give it with --into.`),
    );
    expect(fs.readdirSync(outside)).toEqual(['secret.txt']);
  });
});

describe('npm run import:zola', () => {
  const root = path.resolve(import.meta.dirname, '../..');
  const run = (args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', path.join(root, 'scripts/import-zola.ts'), ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });

  // Four processes that each load tsx: seconds on a busy machine.
  it('prints the report and exits 0; exits 1 with one line when it cannot start', { timeout: 60_000 }, () => {
    const { site, project, outside } = workspace();
    const done = run([site, '--into', project]);
    expect(done.status).toBe(0);
    expect(done.stdout.split('\n').slice(0, 2)).toEqual([
      `Imported ${site} into ${project}: wrote site.config.ts, copied 6 files to content/ and 1 to public/.`,
      'Not carried over (3), by file:',
    ]);
    expect(done.stdout).toContain('content/posts/hello.md:10: shortcode `gallery`');

    for (const [args, message] of [
      [[outside, '--into', project], `${outside} is not a Zola site: it has no config.toml.`],
      [[site, '--into', outside], `${outside} is not a project folder: it has no package.json. Run the command in the project, or give it with --into.`],
      [[site, '--into', project, '--force'], /^Unknown option '--force'.* Usage: npm run import:zola -- PATH \[--overwrite\] \[--into DIR\]$/],
    ] as const) {
      const failed = run([...args]);
      expect(failed.status).toBe(1);
      expect(failed.stdout).toBe('');
      expect(failed.stderr.trimEnd()).toMatch(typeof message === 'string' ? new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : message);
    }
  });
});
