import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { isUpToDate, recordBuild } from './up-to-date';

/** A project whose last build published out/ from the inputs 'a', on 2026-12-03. */
function builtProject(options: { dependsOnDay: boolean }) {
  const project = tempFolder('project', { 'out/index.html': 'home', 'out/about/index.html': 'about', 'vercel.json': '{}' });
  const out = path.join(project, 'out');
  recordBuild(project, out, 'a', { ...options, today: '2026-12-03' });
  return { project, out };
}

describe('isUpToDate', () => {
  it('holds for the inputs and out/ the last build recorded, and for nothing else', () => {
    const { project, out } = builtProject({ dependsOnDay: false });
    expect(isUpToDate(project, out, 'a', '2026-12-03')).toBe(true);
    expect(isUpToDate(project, out, 'b', '2026-12-03')).toBe(false);
    // A site that does not change with the day stays up to date the next day.
    expect(isUpToDate(project, out, 'a', '2026-12-04')).toBe(true);
  });

  it('fails once out/ is changed, grown or shrunk by hand, or vercel.json is edited', () => {
    const changes: Array<(project: string, out: string) => void> = [
      (_, out) => fs.appendFileSync(path.join(out, 'about', 'index.html'), '!'),
      (_, out) => fs.writeFileSync(path.join(out, 'extra.html'), 'x'),
      (_, out) => fs.rmSync(path.join(out, 'about', 'index.html')),
      (_, out) => fs.rmSync(out, { recursive: true }),
      (project) => fs.writeFileSync(path.join(project, 'vercel.json'), '{"cleanUrls":true}'),
    ];
    for (const change of changes) {
      const { project, out } = builtProject({ dependsOnDay: false });
      change(project, out);
      expect(isUpToDate(project, out, 'a', '2026-12-03'), String(change)).toBe(false);
    }
  });

  it('a site whose pages change with the day (outdate alerts) is up to date on its build day only', () => {
    const { project, out } = builtProject({ dependsOnDay: true });
    expect(isUpToDate(project, out, 'a', '2026-12-03')).toBe(true);
    expect(isUpToDate(project, out, 'a', '2026-12-04')).toBe(false);
  });

  it('without a record, or with a damaged one, nothing is up to date', () => {
    const project = tempFolder('project', { 'out/index.html': 'home' });
    const out = path.join(project, 'out');
    expect(isUpToDate(project, out, 'a')).toBe(false);
    fs.mkdirSync(path.join(project, '.next', 'cache', 'portfolio-engine'), { recursive: true });
    fs.writeFileSync(path.join(project, '.next', 'cache', 'portfolio-engine', 'last-build.json'), '{"inputs": "a", ');
    expect(isUpToDate(project, out, 'a')).toBe(false);
  });
});
