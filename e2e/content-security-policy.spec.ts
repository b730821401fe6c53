import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parsePolicy } from '../lib/security/content-security-policy';
import { deployHeaderRules, formatVercelConfig, parseHeadersFile, vercelConfig } from '../lib/security/http-headers';
import { applyDeployHeaders, exportedPages, headersForPath, recordViolations } from './csp-helpers';
import { fixtureBasePath, fixtureOutFolder } from './fixture-site/fixture-site';
import { expect, fixtureUrl, test } from './fixtures';

const outDirectory = path.join(process.cwd(), 'out');
const pages = fs.existsSync(outDirectory) ? exportedPages(outDirectory) : [];
// The fixture site's pages exercise what the shipped content does not (code, diagrams, comments, math under a base path).
const fixturePages = fs.existsSync(fixtureOutFolder) ? exportedPages(fixtureOutFolder, fixtureBasePath) : [];
const fixtureOrigin = new URL(fixtureUrl('/')).origin;

test.describe('Content Security Policy', () => {
  test('the export has pages to check', () => {
    expect(pages).toEqual(expect.arrayContaining(['/', '/404.html', '/about/']));
  });

  for (const url of [...pages.filter((each) => each !== '/404.html'), '/no-such-page/']) {
    test(`${url}: loads with no policy violation under its meta policy and the header policy`, async ({ context, page, problems }) => {
      await applyDeployHeaders(context, outDirectory);
      const violations = await recordViolations(page);
      const response = await page.goto(url);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      // The header policy was really in force, beside the page's own.
      expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
      const meta = page.locator('head > meta[http-equiv="Content-Security-Policy"]');
      await expect(meta).toHaveCount(1);
      // First after <meta charset>: it governs only what follows it.
      expect(await page.evaluate(() => document.head.children[1]?.getAttribute('http-equiv'))).toBe('Content-Security-Policy');
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test('the fixture site has pages to check (npm run build:fixture)', () => {
    expect(fixturePages).toEqual(expect.arrayContaining([`${fixtureBasePath}/`, `${fixtureBasePath}/404.html`]));
  });

  for (const url of [...fixturePages.filter((each) => !each.endsWith('/404.html')), `${fixtureBasePath}/no-such-page/`]) {
    test(`fixture site ${url}: loads with no policy violation under its meta policy and the header policy`, async ({ context, page, problems }) => {
      await applyDeployHeaders(context, fixtureOutFolder);
      const violations = await recordViolations(page);
      await page.goto(`${fixtureOrigin}${url}`);
      await page.waitForLoadState('networkidle');
      await page.evaluate(() => document.fonts.ready);
      await expect(page.locator('head > meta[http-equiv="Content-Security-Policy"]')).toHaveCount(1);
      expect(await violations()).toEqual([]);
      expect(problems).toEqual([]);
    });
  }

  test('the policy is in force: script injected into a page is refused and reported', async ({ page }) => {
    const violations = await recordViolations(page);
    await page.goto('/about/');
    // A stored-XSS stand-in: markup that arrives after the page was built.
    await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'document.body.dataset.injected = "yes"';
      document.body.append(script);
      const image = document.createElement('img');
      image.src = 'https://tracker.example/pixel.png';
      document.body.append(image);
    });
    await expect.poll(violations).toEqual(
      expect.arrayContaining([expect.stringMatching(/^script-src(-elem)? blocked inline/), expect.stringMatching(/^img-src blocked https:\/\/tracker\.example/)]),
    );
    expect(await page.evaluate(() => document.body.dataset.injected)).toBeUndefined();
  });

  test('a math page allows the style attributes KaTeX needs, and no inline script', async ({ page }) => {
    await page.goto('/about-me/');
    const policy = parsePolicy((await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')) ?? '');
    expect(policy.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
    // The only script a math page may run is the inline theme script every page has, by its hash.
    expect(policy.get('script-src')?.filter((source) => source.startsWith("'sha256-"))).toHaveLength(1);
    expect(policy.get('script-src')?.filter((source) => !source.startsWith("'sha256-"))).toEqual(["'self'"]);
    // KaTeX's layout came through: a strut has its height.
    expect(await page.locator('.katex .strut').first().evaluate((element) => (element as HTMLElement).style.height)).not.toBe('');
  });
});

test.describe('deploy header files', () => {
  const readRules = () => parseHeadersFile(fs.readFileSync(path.join(outDirectory, '_headers'), 'utf8'));

  test('out/_headers and vercel.json give every kind of path the same headers', () => {
    const rules = readRules();
    const vercel = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'vercel.json'), 'utf8')) as ReturnType<typeof vercelConfig>;
    const vercelHeadersFor = (pathname: string) => {
      const found: Record<string, string> = {};
      for (const rule of vercel.headers) {
        if (new RegExp(`^${rule.source}$`).test(pathname)) for (const { key, value } of rule.headers) found[key] = value;
      }
      return found;
    };
    const samples = [...pages, '/_next/static/chunks/x.css', '/katex/fonts/KaTeX_Main-Regular.woff2', '/katex/katex.min.css', '/icon.svg'];
    for (const pathname of samples) {
      const fromHeadersFile = headersForPath(rules, pathname);
      const fromVercel = vercelHeadersFor(pathname);
      // vercel.json also says out loud what the other hosts do by default for pages: revalidate.
      if (fromHeadersFile['Cache-Control'] === undefined) expect(fromVercel['Cache-Control'], pathname).toBe('public, max-age=0, must-revalidate');
      else expect(fromVercel['Cache-Control'], pathname).toBe(fromHeadersFile['Cache-Control']);
      const { 'Cache-Control': _ignored, ...rest } = fromVercel;
      const { 'Cache-Control': _alsoIgnored, ...restOfHeadersFile } = fromHeadersFile;
      expect(rest, pathname).toEqual(restOfHeadersFile);
    }
  });

  test('the committed vercel.json is what this build produces (run npm run build and commit it when this fails)', () => {
    const policy = headersForPath(readRules(), '/')['Content-Security-Policy'] ?? '';
    expect(policy).toContain("default-src 'none'");
    // Vercel deploys the committed file, not the one a local build just rewrote: compare with git's copy
    // (the working file where there is no git, e.g. an unpacked archive).
    let committed: string;
    try {
      committed = execFileSync('git', ['show', 'HEAD:vercel.json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    } catch {
      committed = fs.readFileSync(path.join(process.cwd(), 'vercel.json'), 'utf8');
    }
    expect(committed, 'vercel.json as committed is out of date: run npm run build and commit vercel.json').toBe(formatVercelConfig(vercelConfig(deployHeaderRules(policy))));
  });

  test('the export has .nojekyll, so GitHub Pages serves _next/ as it is', () => {
    expect(fs.existsSync(path.join(outDirectory, '.nojekyll'))).toBe(true);
  });
});
