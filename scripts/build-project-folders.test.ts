/**
 * `npm run build` refuses links out of public/ and a linked content/ before it starts anything: run in a
 * minimal copy of the project (no app/, so nothing could be built anyway), which it leaves as it found it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildArguments } from './project-copy';

function minimalProject(): string {
  const copy = tempFolder('linked-site', { 'content/about.md': '# About\n', 'secret.txt': 'PRIVATE KEY\n', 'public/enhance/x.js': '' });
  for (const entry of ['lib', 'scripts', 'components', 'site.config.ts', 'package.json', 'tsconfig.json']) {
    fs.cpSync(path.join(process.cwd(), entry), path.join(copy, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(copy, 'node_modules'));
  return copy;
}

const build = (project: string) => spawnSync(process.execPath, buildArguments, { cwd: project, encoding: 'utf8', env: { ...process.env, DEBUG: '' }, timeout: 60_000 });

describe('npm run build on links out of the project', () => {
  it('names every link out of public/ and a linked content/, exits 1 before starting Next.js, and writes nothing', () => {
    const project = minimalProject();
    const elsewhere = tempFolder('elsewhere', { 'about.md': '# About\n' });
    fs.symlinkSync('../secret.txt', path.join(project, 'public', 'key.txt'));
    fs.symlinkSync('../../secret.txt', path.join(project, 'public', 'enhance', 'deep.txt'));
    fs.rmSync(path.join(project, 'content'), { recursive: true });
    fs.symlinkSync(elsewhere, path.join(project, 'content'));
    const before = fs.readdirSync(project).sort();

    const result = build(project);

    expect(result.stderr.trimEnd().split('\n')).toEqual([
      'Content has 3 problems:',
      `  content/: is a symbolic link to ${elsewhere}; the build reads content/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine. Replace the link with the folder itself (move or copy it into the project).`,
      '  public/enhance/deep.txt: is a symbolic link to ../../secret.txt, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the file into public/ instead of linking to it.',
      '  public/key.txt: is a symbolic link to ../secret.txt, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the file into public/ instead of linking to it.',
    ]);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    // No staging folder, no KaTeX or code styles written through public/.
    expect(fs.readdirSync(project).sort()).toEqual(before);
    expect(fs.readdirSync(path.join(project, 'public')).sort()).toEqual(['enhance', 'key.txt']);
  }, 90_000);
});
