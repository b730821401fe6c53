import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { mergePolicyNeeds } from '@/lib/security/content-security-policy';
import { RenderCache, nextAssetsOf, planRender, renderKey, templateFingerprint, type RenderedPage } from './render-cache';

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

const entry = (key: string, html = '<p>About</p>'): RenderedPage => ({ key, html, policyNeeds: noNeeds, nextAssets: [] });

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
  it('gives back an entry only for its key, across builds, one file per page', () => {
    const folder = path.join(tempFolder('cache', {}), 'rendered-pages');
    const first = new RenderCache(folder);
    expect(first.lookup(hexKey('k1'))).toBeUndefined();
    first.store(entry(hexKey('k1')));
    const second = new RenderCache(folder);
    expect(second.lookup(hexKey('k1'))).toEqual(entry(hexKey('k1')));
    expect(second.lookup(hexKey('k2'))).toBeUndefined();
    expect(fs.readdirSync(folder)).toEqual([`${hexKey('k1')}.json`]);
  });

  it('keeps only the pages the site still has, and forgets everything when told', () => {
    const folder = path.join(tempFolder('cache', {}), 'rendered-pages');
    const cache = new RenderCache(folder);
    cache.store(entry(hexKey('about')));
    cache.store(entry(hexKey('removed')));
    cache.keepOnly(new Set([hexKey('about')]));
    expect(fs.readdirSync(folder)).toEqual([`${hexKey('about')}.json`]);
    cache.clear();
    expect(fs.readdirSync(folder)).toEqual([]);
  });

  it('passes over a damaged entry, or one filed under another key: it is only a cache', () => {
    const folder = path.join(tempFolder('cache', {}), 'rendered-pages');
    fs.mkdirSync(folder);
    fs.writeFileSync(path.join(folder, `${hexKey('k1')}.json`), '{"key": "k1", "ht');
    fs.writeFileSync(path.join(folder, `${hexKey('k2')}.json`), JSON.stringify(entry(hexKey('k3'))));
    const cache = new RenderCache(folder);
    expect(cache.lookup(hexKey('k1'))).toBeUndefined();
    expect(cache.lookup(hexKey('k2'))).toBeUndefined();
  });
});

describe('planRender', () => {
  const entry = (key: string): RenderedPage => ({ key, html: '<p></p>', policyNeeds: noNeeds, nextAssets: [] });

  it('reuses the pages the cache holds for exactly their key, and renders the rest and always the home page', () => {
    const cache = new RenderCache(path.join(tempFolder('cache', {}), 'rendered-pages'));
    for (const name of ['home', 'a1', 'old']) cache.store(entry(hexKey(name)));
    const keys = new Map([['/', hexKey('home')], ['/about/', hexKey('a1')], ['/education/', hexKey('e2')], ['/new/', hexKey('n1')]]);
    const plan = planRender(['/', '/about/', '/education/', '/new/'], keys, cache);
    expect([...plan.reused.keys()]).toEqual(['/about/']);
    expect(plan.render).toEqual(['/', '/education/', '/new/']);
    expect(planRender(['/', '/about/'], keys, undefined).render).toEqual(['/', '/about/']);
  });
});
