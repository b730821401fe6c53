import { describe, expect, it } from 'vitest';
import { ContentErrors } from '@/lib/errors';
import { tempFolder } from '@/lib/testing/temp-folder';
import type { BuiltPage } from './manifest';
import { readPages } from './pages';
import { aliasPath, buildSiteModel, dependsOnBuildDay, redirectTarget, sortPages } from './site-model';

const siteSettings = { name: 'Site', feedFilename: 'atom.xml' as const, taxonomies: [{ name: 'tags', feed: true, paginate_by: 2, paginate_path: 'page', render: true }], extra: {} };

/** The pages of a content folder, with an empty compiled body each: the site model reads no body. */
async function built(files: Record<string, string>): Promise<BuiltPage[]> {
  const { pages, errors } = await readPages(tempFolder('content', files));
  if (errors.length > 0) throw new ContentErrors(errors);
  return pages.map((page) => ({ ...page, body: { format: 'html', html: '', codeBlocks: 0 } }));
}

const post = (title: string, extra = '') => `+++\ntitle = "${title}"\n${extra}+++\nText of ${title}.\n`;

describe('the site model', () => {
  it('lists a section’s pages newest first, paginated, with the earlier and later page of each', async () => {
    const files: Record<string, string> = { '_index.md': '+++\ntitle = "Home"\n+++\n', 'posts/_index.md': '+++\ntitle = "Posts"\nsort_by = "date"\npaginate_by = 2\n+++\n' };
    for (let day = 1; day <= 5; day++) files[`posts/2024-05-0${day}-post-${day}.md`] = post(`Post ${day}`);
    const { model, errors } = buildSiteModel(await built(files), siteSettings);
    expect(errors).toEqual([]);
    const first = model.routes.get('/posts/');
    expect(first?.kind).toBe('section');
    if (first?.kind !== 'section') return;
    expect(first.items.map((page) => page.title)).toEqual(['Post 5', 'Post 4']);
    expect(first.paginator).toMatchObject({ number: 1, count: 3, next: '/posts/page/2/', previous: undefined });
    const last = model.routes.get('/posts/page/3/');
    expect(last?.kind === 'section' && last.items.map((page) => page.title)).toEqual(['Post 1']);
    expect(model.redirects).toContainEqual({ from: '/posts/page/1/', to: '/posts/' });
    // The date in the file name is the page's date, and not part of its URL.
    const middle = model.routes.get('/posts/post-3/');
    expect(middle?.kind === 'page' && { date: middle.page.date, earlier: middle.earlier?.url, later: middle.later?.url, section: middle.section?.url }).toEqual({
      date: '2024-05-03',
      earlier: '/posts/post-2/',
      later: '/posts/post-4/',
      section: '/posts/',
    });
    // content/_index.md is the home page, a section like any other.
    expect(model.routes.get('/')?.kind).toBe('section');
  });

  it('without content/_index.md, the home page lists every page, after content/index.md’s text if there is one', async () => {
    const { model } = buildSiteModel(await built({ 'index.md': post('Welcome'), 'a.md': post('A'), 'notes/b.md': post('B') }), siteSettings);
    const home = model.routes.get('/');
    expect(home?.kind === 'home' && { page: home.page?.title, items: home.items.map((page) => page.url) }).toEqual({ page: 'Welcome', items: ['/a/', '/notes/b/'] });
    const bare = buildSiteModel(await built({ 'a.md': post('A') }), siteSettings).model.routes.get('/');
    expect(bare?.kind === 'home' && bare.page).toBeUndefined();
  });

  it('sorts by weight, title and slug, and keeps pages without the sort field at the end', async () => {
    const pages = await built({ 'a.md': post('Zeta', 'weight = 2\n'), 'b.md': post('alpha', 'weight = 1\n'), 'c.md': post('Beta 10'), 'd.md': post('Beta 9') });
    expect(sortPages(pages, 'weight').map((page) => page.title)).toEqual(['alpha', 'Zeta', 'Beta 10', 'Beta 9']);
    expect(sortPages(pages, 'title').map((page) => page.title)).toEqual(['alpha', 'Beta 9', 'Beta 10', 'Zeta']);
    expect(sortPages(pages, 'title_bytes').map((page) => page.title)).toEqual(['Beta 10', 'Beta 9', 'Zeta', 'alpha']);
    expect(sortPages(pages, 'none').map((page) => page.file.split('/').at(-1))).toEqual(['a.md', 'b.md', 'c.md', 'd.md']);
  });

  it('lists the pages of transparent subsections in the parent, and other subsections as links', async () => {
    const pages = await built({
      'blog/_index.md': '+++\ntitle = "Blog"\nsort_by = "date"\n+++\n',
      'blog/2023/_index.md': '+++\ntitle = "2023"\ntransparent = true\n+++\n',
      'blog/2023/old.md': post('Old', 'date = 2023-01-01\n'),
      'blog/new.md': post('New', 'date = 2024-01-01\n'),
      'blog/drafts/_index.md': '+++\ntitle = "Notes"\n+++\n',
    });
    const blog = buildSiteModel(pages, siteSettings).model.routes.get('/blog/');
    expect(blog?.kind === 'section' && blog.items.map((page) => page.title)).toEqual(['New', 'Old']);
    expect(blog?.kind === 'section' && blog.subsections.map((link) => link.url)).toEqual(['/blog/drafts/']);
  });

  it('makes term pages with Zola’s slugs, paginated, with a feed each, and a list of terms', async () => {
    const pages = await built({ 'a.md': post('A', 'date = 2024-01-01\n'), 'b.md': post('B', 'date = 2024-02-01\n'), 'c.md': post('C', 'date = 2024-03-01\n') });
    const tagged = pages.map((page, index) => ({ ...page, taxonomies: [{ name: 'tags', terms: index === 0 ? ['Él Niño'] : ['Rust', 'Él Niño'], line: 2 }] }));
    const { model, errors } = buildSiteModel(tagged, siteSettings);
    expect(errors).toEqual([]);
    const list = model.routes.get('/tags/');
    expect(list?.kind === 'taxonomy' && list.terms.map(({ name, url, count }) => ({ name, url, count }))).toEqual([
      { name: 'Él Niño', url: '/tags/el-nino/', count: 3 },
      { name: 'Rust', url: '/tags/rust/', count: 2 },
    ]);
    const second = model.routes.get('/tags/el-nino/page/2/');
    expect(second?.kind === 'term' && second.items.map((page) => page.title)).toEqual(['A']);
    expect(model.feeds.map((feed) => feed.url)).toEqual(['/tags/el-nino/atom.xml', '/tags/rust/atom.xml']);
  });

  it('makes a hostile term a plain segment under its taxonomy: no markup, no climbing, no empty URL', async () => {
    const [page] = await built({ 'a.md': post('A', 'date = 2024-01-01\n') });
    if (!page) throw new Error('no page');
    const terms = ['<script>alert(1)</script>', '../../etc/passwd', '%2e%2e', '/_next/', '…'];
    const { model, errors } = buildSiteModel([{ ...page, taxonomies: [{ name: 'tags', terms, line: 2 }] }], siteSettings);
    expect(errors).toEqual([]);
    const list = model.routes.get('/tags/');
    expect(list?.kind === 'taxonomy' && list.terms.map((term) => term.url).sort()).toEqual(['/tags/2026/', '/tags/2e-2e/', '/tags/etc-passwd/', '/tags/next/', '/tags/script-alert-1-script/']);
  });

  it('redirects aliases and redirect_to, and refuses those that clash, climb or lead nowhere', async () => {
    const pages = await built({
      'docs/_index.md': '+++\ntitle = "Docs"\nredirect_to = "docs/intro/"\n+++\n',
      'docs/intro.md': post('Intro', 'aliases = ["/old-intro/", "guide/intro.html"]\n'),
      'other/_index.md': '+++\ntitle = "Other"\nredirect_to = "missing/"\n+++\n',
      'clash.md': post('Clash', 'aliases = ["docs/intro/"]\n'),
    });
    const { model, errors } = buildSiteModel(pages, siteSettings);
    expect(model.redirects).toEqual(expect.arrayContaining([
      { from: '/docs/', to: '/docs/intro/' },
      { from: '/old-intro/', to: '/docs/intro/' },
      { from: '/guide/intro.html', to: '/docs/intro/' },
    ]));
    expect(errors.map((error) => error.message)).toEqual([
      expect.stringMatching(/content-\w+\/clash\.md:3: the alias "docs\/intro\/" is \/docs\/intro\/, which \S+\/docs\/intro\.md already is\./),
      expect.stringMatching(/content-\w+\/other\/_index\.md:3: `redirect_to` points to \/missing\/, which is not a page of this site\./),
    ]);
  });

  it.each([
    ['../etc/passwd', /not a plain name/],
    ['/_next/static/x.js', /starts with `_`|not a plain name/],
    ['_headers', /not a plain name/],
    ['og/index.html', /reserved/],
    ['//evil.example/x', /not a path on this site/],
    ['https://evil.example/', /not a path on this site/],
    ['a\\b', /not a path on this site/],
    ['%2e%2e/x', /not a plain name/],
    ['/', /is the home page/],
  ])('refuses the alias %s', (alias, problem) => {
    const result = aliasPath(alias);
    expect(typeof result === 'string' ? result : result.problem).toMatch(problem);
  });

  it.each([
    ['javascript:alert(1)', /javascript: URL/],
    ['//evil.example/', /not a path on this site/],
    ['../up/', /climbs/],
  ])('refuses redirect_to = %s', (target, problem) => {
    const result = redirectTarget(target);
    expect(typeof result === 'string' ? result : result.problem).toMatch(problem);
  });

  it('reads redirect_to as a site path or an http(s) URL', () => {
    expect(redirectTarget('docs/intro')).toBe('/docs/intro/');
    expect(redirectTarget('/cv.pdf')).toBe('/cv.pdf');
    expect(redirectTarget('https://example.org/x')).toBe('https://example.org/x');
  });
});

describe('sections and Zola page fields in content/', () => {
  const problemsOf = async (files: Record<string, string>) => (await readPages(tempFolder('content', files))).errors.map((error) => error.message);

  it('inherits switches and [extra] from sections, nearest first, then the site config', async () => {
    const pages = await built({
      '_index.md': '+++\n[extra]\nmath = true\nfooter = "root"\ncolour = "blue"\n+++\n',
      'posts/_index.md': '+++\ntitle = "Posts"\npage_template = "post.html"\ninsert_anchor_links = "left"\n[extra]\ncolour = "red"\n+++\n',
      'posts/a.md': post('A', '[extra]\nmath = false\n'),
    });
    const page = pages.find((candidate) => candidate.title === 'A');
    expect(page?.options).toMatchObject({ math: false, insert_anchor_links: 'left' });
    expect(page?.extra).toMatchObject({ footer: 'root', colour: 'red' });
    expect(page?.templateName).toBe('post.html');
  });

  it('reports bad section and page fields with their lines, all at once', async () => {
    expect(
      await problemsOf({
        'posts/_index.md': '+++\ntitle = "Posts"\npaginate_by = 0\nsort_by = "colour"\n+++\n',
        'posts/2024-13-45-x.md': post('X'),
        'posts/y.md': post('Y', 'path = "../../etc"\n'),
        'posts/z.md': post('Z', 'slug = "y"\n'),
        'posts/w.md': post('W', 'path = "posts/y"\n'),
        'posts/t.md': post('T', '[taxonomies]\ncolours = ["red"]\n'),
      }),
    ).toEqual([
      expect.stringMatching(/content-\w+\/posts\/_index\.md:3: `paginate_by`/),
      expect.stringMatching(/content-\w+\/posts\/_index\.md:4: `sort_by` must be one of "date", .*got "colour"/),
      expect.stringMatching(/content-\w+\/posts\/2024-13-45-x\.md:1: the name "2024-13-45-x" starts with 2024-13-45, which is not a date\./),
      expect.stringMatching(/content-\w+\/posts\/t\.md:4: the taxonomy `colours` is not declared in site\.config\.ts\./),
      expect.stringMatching(/content-\w+\/posts\/y\.md:3: `path` "\.\.\/\.\.\/etc" is not a path on this site\./),
      expect.stringMatching(/content-\w+\/posts\/(w|z)\.md:1: \S+\/posts\/w\.md and \S+\/posts\/z\.md both make the page \/posts\/y\//),
    ]);
  });

  it('carries the files of a page bundle and refuses HTML, scripts and active SVG beside a page', async () => {
    const pages = await built({ 'posts/trip/index.md': post('Trip'), 'posts/trip/photo.jpg': 'jpeg', 'posts/trip/docs/notes.pdf': 'pdf' });
    expect(pages.find((page) => page.title === 'Trip')?.assets).toEqual(['posts/trip/docs/notes.pdf', 'posts/trip/photo.jpg']);
    expect(await problemsOf({ 'trip/index.md': post('Trip'), 'trip/x.html': '<script>', 'trip/y.svg': '<svg onload="alert(1)"/>', 'trip/z.js': '' })).toEqual([
      expect.stringMatching(/content-\w+\/trip\/index\.md:1: carries x\.html, a \.html file;/),
      expect.stringMatching(/content-\w+\/trip\/index\.md:1: carries y\.svg, an SVG with script/),
      expect.stringMatching(/content-\w+\/trip\/index\.md:1: carries z\.js, a \.js file;/),
    ]);
  });

  it("gives a serene home page with `recent = true` the blog section's newest posts, as many as recent_max", async () => {
    const pages = await built({
      '_index.md': '+++\ntemplate = "home.html"\n[extra]\nrecent = true\nrecent_max = 2\n+++\nHi.\n',
      'posts/_index.md': '+++\ntitle = "Posts"\nsort_by = "date"\ntemplate = "blog.html"\n+++\n',
      'posts/a.md': post('A', 'date = 2024-01-01\n'),
      'posts/b.md': post('B', 'date = 2024-03-01\n'),
      'posts/c.md': post('C', 'date = 2024-02-01\n'),
    });
    const home = buildSiteModel(pages, siteSettings).model.routes.get('/');
    expect(home?.kind === 'section' && home.recent && { url: home.recent.url, titles: home.recent.pages.map((page) => page.title) }).toEqual({ url: '/posts/', titles: ['B', 'C'] });
    const configured = buildSiteModel(pages, { ...siteSettings, extra: { blog_section_path: 'nowhere' } }).model.routes.get('/');
    expect(configured?.kind === 'section' && configured.recent?.url).toBe('/posts/');
  });

  it("shows serene's outdate alert on the build's day when the last update is older than outdate_alert_days", async () => {
    const pages = await built({
      'posts/_index.md': '+++\nsort_by = "date"\n[extra]\noutdate_alert = true\noutdate_alert_days = 30\n+++\n',
      'posts/old.md': post('Old', 'date = 2024-01-01\nupdated = 2024-03-01\n'),
      'posts/new.md': post('New', 'date = 2024-03-20\n'),
      'posts/off.md': post('Off', 'date = 2020-01-01\n[extra]\noutdate_alert = false\n'),
    });
    const routes = buildSiteModel(pages, siteSettings, '2024-04-01').model.routes;
    const outdated = async (url: string) => {
      const route = routes.get(url);
      return route?.kind === 'page' ? route.outdated : 'not a page';
    };
    expect(await outdated('/posts/old/')).toEqual({ days: 31, lastUpdate: '2024-03-01' });
    expect(await outdated('/posts/new/')).toBeUndefined();
    expect(await outdated('/posts/off/')).toBeUndefined();
    // So this site's pages change with the day, and a site without an alert on a dated page does not.
    expect(dependsOnBuildDay(pages)).toBe(true);
    expect(dependsOnBuildDay(await built({ 'posts/off.md': post('Off', 'date = 2020-01-01\n[extra]\noutdate_alert = false\n'), 'undated.md': post('Undated', '[extra]\noutdate_alert = true\n') }))).toBe(false);
  });

  it("lists a term's pages as serene's blog does only on a site whose blog section is serene's", async () => {
    const files = (template: string) => ({
      'posts/_index.md': `+++\ntitle = "Posts"\nsort_by = "date"\n${template}[extra]\ndate_format = "%Y"\n+++\n`,
      'posts/a.md': post('A', 'date = 2024-01-01\n'),
    });
    const settings = { ...siteSettings, extra: { blog_section_path: '/posts' } };
    const tagged = (pages: BuiltPage[]) => pages.map((page) => (page.kind === 'page' ? { ...page, taxonomies: [{ name: 'tags', terms: ['x'], line: 2 }] } : page));
    const term = async (template: string) => buildSiteModel(tagged(await built(files(template))), settings).model.routes.get('/tags/x/');
    expect(await term('template = "blog.html"\n')).toMatchObject({ kind: 'term', datedList: { dateFormat: '%Y' } });
    expect(await term('')).not.toHaveProperty('datedList');
  });
});
