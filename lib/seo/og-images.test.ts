import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodePng } from '@/lib/testing/decode-png';
import { tempFolder } from '@/lib/testing/temp-folder';
import { ogImagePath } from './og-image';
import { ogImageTargets, writeOgImages } from './og-images';
import { seoPageFor } from './seo-page';
import { testSite, underDocs } from './test-site';

describe('ogImagePath', () => {
  it('names one image per page, the home page as index', () => {
    expect(ogImagePath('/')).toBe('/og/index.png');
    expect(ogImagePath('/about/')).toBe('/og/about.png');
    expect(ogImagePath('/notes/queues/')).toBe('/og/notes/queues.png');
  });
});

describe('writeOgImages', () => {
  const site = testSite();
  const pages = [{ ...seoPageFor(undefined, site), url: '/notes/queues/', slug: ['notes', 'queues'], title: 'Notes on queues' }];

  it('renders a 1200×630 PNG for every page and the home page, then serves them from the cache', async () => {
    const targets = ogImageTargets(pages, site, underDocs);
    expect(targets.map((target) => target.path)).toEqual(['/og/index.png', '/og/notes/queues.png']);
    expect(targets[0]?.card).toEqual({ title: 'Jane’s <Site>', subtitle: 'Notes & essays.', siteName: 'Jane’s <Site>', address: 'jane.example/docs' });

    const siteDirectory = tempFolder('site', { 'og/deleted-page.png': 'stale', 'robots.txt': 'kept' });
    const cacheDirectory = tempFolder('og-cache', { 'unused.png': 'old' });
    const first = await writeOgImages(targets, { siteDirectory, cacheDirectory });
    expect(first).toMatchObject({ images: 2, rendered: 2 });
    for (const target of targets) {
      // Indexed: a card has well under 256 colours, so a truecolour file here would be three times the size.
      expect(await decodePng(fs.readFileSync(path.join(siteDirectory, target.path)))).toMatchObject({ width: 1200, height: 630, colourType: 3 });
    }
    expect(fs.existsSync(path.join(siteDirectory, 'og/deleted-page.png'))).toBe(false);
    expect(fs.existsSync(path.join(siteDirectory, 'robots.txt'))).toBe(true);
    expect(fs.readdirSync(cacheDirectory).sort()).toHaveLength(2);

    const again = await writeOgImages(targets, { siteDirectory, cacheDirectory });
    expect(again.rendered).toBe(0);
    const renamed = ogImageTargets([{ ...pages[0]!, title: 'Queues, revisited' }], site, underDocs);
    expect((await writeOgImages(renamed, { siteDirectory, cacheDirectory })).rendered).toBe(1);
  }, 30_000);
});

describe('writeOgImages in a child process (as the build draws them)', () => {
  const site = testSite();
  const targets = ogImageTargets([{ ...seoPageFor(undefined, site), url: '/notes/', slug: ['notes'], title: 'Notes' }], site, underDocs);

  it('writes the same files as drawing in this process', async () => {
    const inProcess = tempFolder('site', {});
    const inChild = tempFolder('site', {});
    await writeOgImages(targets, { siteDirectory: inProcess, cacheDirectory: tempFolder('og-cache', {}) });
    const report = await writeOgImages(targets, { siteDirectory: inChild, cacheDirectory: tempFolder('og-cache', {}), inChildProcess: true });
    expect(report).toMatchObject({ images: 2, rendered: 2 });
    for (const target of targets) {
      expect(fs.readFileSync(path.join(inChild, target.path)).equals(fs.readFileSync(path.join(inProcess, target.path)))).toBe(true);
    }
  }, 30_000);

  it('reports what went wrong in the child process', async () => {
    const cacheDirectory = tempFolder('og-cache', {});
    // The cache folder turns into a file after the build checked it, so the child cannot write its images.
    const writes = writeOgImages(targets, { siteDirectory: tempFolder('site', {}), cacheDirectory, inChildProcess: true });
    fs.rmSync(cacheDirectory, { recursive: true });
    fs.writeFileSync(cacheDirectory, 'not a folder');
    await expect(writes).rejects.toThrow(/^Drawing the preview images failed: ENOTDIR/);
  }, 30_000);
});
