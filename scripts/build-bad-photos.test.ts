import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { pngFile } from '../lib/testing/png-file';
import { buildArguments, repository, syncProjectCopy } from './project-copy';

/** Every file under `folder` with its bytes, to tell whether a failed build touched it. */
function snapshot(folder: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of fs.readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    files[path.relative(folder, file)] = fs.readFileSync(file, 'base64');
  }
  return files;
}

const bundlePage = (title: string, picture: string) => `+++\ntitle = "${title}"\n+++\n\n![${title}](${picture})\n`;

describe('npm run build on pictures that cannot be published', () => {
  it('prints one `file:line: problem. what to do` line per page showing each bad picture, all at once, exits 1, and leaves out/ as it was', async () => {
    // A project copy kept between runs (git-ignored), as scripts/build-bad-content.test.ts keeps its own.
    const project = path.join(repository, '.e2e', 'bad-photos');
    syncProjectCopy(project);
    fs.copyFileSync(path.join(repository, 'site.config.ts'), path.join(project, 'site.config.ts'));
    const content = path.join(project, 'content');
    fs.rmSync(content, { recursive: true, force: true });
    // The repository's pages, which the site config's navigation links to: the build reaches the photos step.
    fs.cpSync(path.join(repository, 'content'), content, { recursive: true });

    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } }).jpeg().toBuffer();
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } }).png().toBuffer();
    const files: Record<string, string | Buffer> = {
      'content/truncated/index.md': bundlePage('Truncated', 'photo.jpg'),
      'content/truncated/photo.jpg': photo.subarray(0, photo.length >> 1),
      'content/renamed/index.md': bundlePage('Renamed', 'photo.jpg'),
      'content/renamed/photo.jpg': png,
      'content/empty/index.md': bundlePage('Empty', 'photo.png'),
      'content/empty/photo.png': Buffer.alloc(0),
      'content/huge/index.md': bundlePage('Huge', '/images/huge.png'),
      // The same picture shown by another page: a line for each page.
      'content/gallery.md': '# Gallery\n\nSome text.\n\n![Huge](/images/huge.png)\n',
      'public/images/huge.png': pngFile(50_000, 50_000, Buffer.alloc(1)),
    };
    for (const [name, bytes] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(project, name)), { recursive: true });
      fs.writeFileSync(path.join(project, name), bytes);
    }
    // The site a previous build published, as far as a failed build can tell.
    const out = path.join(project, 'out');
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out);
    fs.writeFileSync(path.join(out, 'index.html'), '<!doctype html><title>The site as it was</title>');
    fs.writeFileSync(path.join(out, 'marker.txt'), 'published before this build');
    const before = snapshot(out);

    const result = spawnSync(process.execPath, buildArguments, {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, DEBUG: '', NODE_ENV: 'production' },
      timeout: 120_000,
    });

    expect(result.status, result.stderr).toBe(1);
    const [header, ...lines] = result.stderr.trimEnd().split('\n');
    expect(header).toBe('Content has 5 problems:');
    for (const line of lines) expect(line).toMatch(/^ {2}content\/[^:\s]+:\d+: .+\. [A-Z].+\.$/);
    expect(lines.map((line) => line.trim())).toEqual([
      expect.stringMatching(/^content\/empty\/index\.md:5: photo\.png is empty \(0 bytes\)\. Replace it/),
      expect.stringMatching(/^content\/gallery\.md:5: huge\.png claims 50000 × 50000 pixels, over the 268 megapixels the build decodes\. Export a smaller copy/),
      expect.stringMatching(/^content\/huge\/index\.md:5: huge\.png claims 50000 × 50000 pixels/),
      expect.stringMatching(/^content\/renamed\/index\.md:5: photo\.jpg is a PNG file, not what \.jpg says\. Rename it to end in \.png/),
      expect.stringMatching(/^content\/truncated\/index\.md:5: photo\.jpg cannot be converted \(.+\)\. The file may be damaged/),
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('Next.js');
    expect(snapshot(out)).toEqual(before);
    expect(fs.readdirSync(project).filter((name) => name.startsWith('.out-'))).toEqual([]);
  }, 180_000);
});
