import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { mergePolicyNeeds } from '@/lib/security/content-security-policy';
import { RenderCache, nextAssetsOf, planRender, renderKey, templateFingerprint, type CachedPage } from './render-cache';

const project = () =>
  tempFolder('project', {
    'app/layout.tsx': 'layout',
    'components/site-header.tsx': 'header',
    'lib/site.ts': 'site',
    'scripts/build.ts': 'build',
    'public/enhance/copy-code.js': 'copy',
    'site.config.ts': 'config',
    'package-lock.json': '{}',
    'content/about.md': '# About',
  });

/** What a page without scripts, styles or media of other sites needs. */
const noNeeds = mergePolicyNeeds([]);

/** A page as a build finished it, in its staging folder, ready to be stored under `key`. */
function finishedPage(key: string, html = '<p>About</p>'): CachedPage {
  const file = path.join(tempFolder('staged', { 'about/index.html': html }), 'about', 'index.html');
  return { key, file, policyNeeds: noNeeds, nextAssets: ['/_next/static/chunks/a.css'] };
}

const inode = (file: string) => fs.statSync(file).ino;

describe('templateFingerprint', () => {
  it('changes with the code, the config, the lockfile, the public files and BASE_PATH', () => {
    const directory = project();
    const before = templateFingerprint(directory, {});
    for (const file of ['app/layout.tsx', 'components/site-header.tsx', 'lib/site.ts', 'scripts/build.ts', 'public/enhance/copy-code.js', 'site.config.ts', 'package-lock.json']) {
      const original = fs.readFileSync(path.join(directory, file));
      fs.writeFileSync(path.join(directory, file), `${original.toString()} changed`);
      expect(templateFingerprint(directory, {}), file).not.toBe(before);
      fs.writeFileSync(path.join(directory, file), original);
    }
    fs.writeFileSync(path.join(directory, 'components/new-widget.tsx'), 'new');
    expect(templateFingerprint(directory, {})).not.toBe(before);
    fs.rmSync(path.join(directory, 'components/new-widget.tsx'));
    expect(templateFingerprint(directory, {})).toBe(before);
    expect(templateFingerprint(directory, { BASE_PATH: '/docs' })).not.toBe(before);
    expect(templateFingerprint(directory, { NEXT_PUBLIC_ANALYTICS: 'x' })).not.toBe(before);
  });

  it('does not change with content or unrelated environment variables', () => {
    const directory = project();
    const before = templateFingerprint(directory, {});
    fs.writeFileSync(path.join(directory, 'content/about.md'), '# About me');
    fs.writeFileSync(path.join(directory, 'content/new-page.md'), '# New');
    expect(templateFingerprint(directory, { HOME: '/root', TERM: 'xterm' })).toBe(before);
  });
});

describe('renderKey', () => {
  it('differs for any difference in the page or the template', () => {
    const page = { url: '/about/', title: 'About', body: { format: 'html', html: '<p>x</p>' } };
    const key = renderKey('template', page);
    expect(renderKey('template', structuredClone(page))).toBe(key);
    expect(renderKey('template 2', page)).not.toBe(key);
    expect(renderKey('template', { ...page, title: 'About me' })).not.toBe(key);
    expect(renderKey('template', { ...page, body: { format: 'html', html: '<p>y</p>' } })).not.toBe(key);
  });

  it('takes a part by the digest that stands for it, and the rest of the page as it is', () => {
    const body = { format: 'html', html: '<p>x</p>' };
    const digests = new Map<object, string>([[body, 'compile key 1']]);
    const page = { url: '/about/', title: 'About', body };
    const key = renderKey('template', page, (part) => digests.get(part));
    expect(key).not.toBe(renderKey('template', page));
    // What the digest covers is not read again; a body with another digest, or none, makes another key.
    body.html = '<p>changed behind the digest</p>';
    expect(renderKey('template', page, (part) => digests.get(part))).toBe(key);
    digests.set(body, 'compile key 2');
    expect(renderKey('template', page, (part) => digests.get(part))).not.toBe(key);
    expect(renderKey('template', { ...page, title: 'About me' }, (part) => digests.get(part))).not.toBe(renderKey('template', page, (part) => digests.get(part)));
  });
});

describe('nextAssetsOf', () => {
  it('lists the files under /_next/ a page links to, with or without a base path', () => {
    const html =
      '<link rel="stylesheet" href="/_next/static/chunks/2am018p9hax5f.css"><link rel="stylesheet" href="/docs/_next/static/chunks/x.css?v=1">' +
      '<img src="/_next/static/media/icon.3r0q4.svg"><a href="/about/">About</a><link rel="stylesheet" href="/katex/katex.min.css">';
    expect(nextAssetsOf(html)).toEqual(['/_next/static/chunks/2am018p9hax5f.css', '/_next/static/chunks/x.css', '/_next/static/media/icon.3r0q4.svg']);
  });
});

/** A key as renderKey makes them: a hex digest. */
const hexKey = (name: string) => crypto.createHash('sha256').update(name).digest('hex');

describe('RenderCache', () => {
  const cacheFolder = () => path.join(tempFolder('cache', {}), 'finished-pages');
  const listing = (folder: string) => ({ entries: fs.readdirSync(path.join(folder, 'entries')), html: fs.readdirSync(path.join(folder, 'html')) });

  it('gives back a page only for its key, across builds: the very file the build finished, linked, with its entry', () => {
    const folder = cacheFolder();
    const first = new RenderCache(folder);
    expect(first.lookup(hexKey('k1'))).toBeUndefined();
    const page = finishedPage(hexKey('k1'));
    first.store(page);
    const found = new RenderCache(folder).lookup(hexKey('k1'));
    expect(found).toEqual({ ...page, file: path.join(folder, 'html', `${hexKey('k1')}.html`) });
    expect(inode(found?.file ?? '')).toBe(inode(page.file));
    expect(fs.readFileSync(found?.file ?? '', 'utf8')).toBe('<p>About</p>');
    expect(new RenderCache(folder).lookup(hexKey('k2'))).toBeUndefined();
    expect(listing(folder)).toEqual({ entries: [`${hexKey('k1')}.json`], html: [`${hexKey('k1')}.html`] });
  });

  it('passes over a page written to in place since it was stored (its file is also out/’s), or whose file is gone', () => {
    const folder = cacheFolder();
    const cache = new RenderCache(folder);
    const edited = finishedPage(hexKey('edited'));
    const gone = finishedPage(hexKey('gone'));
    cache.store(edited);
    cache.store(gone);
    // Through the published copy, as a tool run on out/ later would write: the same size, another time.
    fs.writeFileSync(edited.file, '<p>ABOUT</p>');
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(edited.file, later, later);
    fs.rmSync(path.join(folder, 'html', `${hexKey('gone')}.html`));
    expect(cache.lookup(hexKey('edited'))).toBeUndefined();
    expect(cache.lookup(hexKey('gone'))).toBeUndefined();
    // Stored again, it is found again.
    cache.store(finishedPage(hexKey('edited'), '<p>About, again</p>'));
    expect(fs.readFileSync(cache.lookup(hexKey('edited'))?.file ?? '', 'utf8')).toBe('<p>About, again</p>');
  });

  it('keeps only the pages the site still has, and forgets everything when told', () => {
    const folder = cacheFolder();
    const cache = new RenderCache(folder);
    cache.store(finishedPage(hexKey('about')));
    cache.store(finishedPage(hexKey('removed')));
    fs.writeFileSync(path.join(folder, 'html', `${hexKey('removed')}.html.123.tmp`), 'left by a stopped build');
    cache.keepOnly(new Set([hexKey('about')]));
    expect(listing(folder)).toEqual({ entries: [`${hexKey('about')}.json`], html: [`${hexKey('about')}.html`] });
    cache.clear();
    expect(listing(folder)).toEqual({ entries: [], html: [] });
  });

  it('passes over a damaged entry, or one filed under another key: it is only a cache', () => {
    const folder = cacheFolder();
    const cache = new RenderCache(folder);
    cache.store(finishedPage(hexKey('k1')));
    cache.store(finishedPage(hexKey('k3')));
    fs.writeFileSync(path.join(folder, 'entries', `${hexKey('k1')}.json`), '{"key": "k1", "si');
    fs.copyFileSync(path.join(folder, 'entries', `${hexKey('k3')}.json`), path.join(folder, 'entries', `${hexKey('k2')}.json`));
    fs.copyFileSync(path.join(folder, 'html', `${hexKey('k3')}.html`), path.join(folder, 'html', `${hexKey('k2')}.html`));
    expect(cache.lookup(hexKey('k1'))).toBeUndefined();
    expect(cache.lookup(hexKey('k2'))).toBeUndefined();
  });

  it('names no file after a key that is not a digest', () => {
    const cache = new RenderCache(cacheFolder());
    expect(() => cache.store(finishedPage('../../outside'))).toThrow(/Not a store key/);
    expect(cache.lookup('../../outside')).toBeUndefined();
  });
});

describe('planRender', () => {
  it('reuses the pages the cache holds for exactly their key, and renders the rest and always the home page', () => {
    const cache = new RenderCache(path.join(tempFolder('cache', {}), 'finished-pages'));
    for (const name of ['home', 'a1', 'old']) cache.store(finishedPage(hexKey(name)));
    const keys = new Map([['/', hexKey('home')], ['/about/', hexKey('a1')], ['/education/', hexKey('e2')], ['/new/', hexKey('n1')]]);
    const plan = planRender(['/', '/about/', '/education/', '/new/'], keys, cache);
    expect([...plan.reused.keys()]).toEqual(['/about/']);
    expect(plan.render).toEqual(['/', '/education/', '/new/']);
    expect(planRender(['/', '/about/'], keys, undefined).render).toEqual(['/', '/about/']);
  });
});
