import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repository, syncProjectCopy } from './project-copy';

describe('npm run build on the bad-content corpus', () => {
  it('prints one `file:line: problem. what to do` line per broken file, exits 1, and shows no stack trace', () => {
    // A project copy kept between runs (git-ignored, like the fixture site's), so that its hard-linked
    // node_modules is made once, not on every run: linking and deleting it takes longer than the build.
    const project = path.join(repository, '.e2e', 'bad-content');
    syncProjectCopy(project);
    fs.copyFileSync(path.join(repository, 'site.config.ts'), path.join(project, 'site.config.ts'));
    const content = path.join(project, 'content');
    fs.cpSync(path.join(repository, 'content'), content, { recursive: true });
    fs.writeFileSync(path.join(project, 'secret.txt'), 'not for the site');
    const broken: Record<string, string | Buffer> = {
      'latin1.md': Buffer.concat([Buffer.from('# Café\n\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]),
      'unclosed.md': '---\ntitle: Open\n\nText.\n',
      'empty.md': '',
      'code.mdx': '---\ntitle: Code\n---\n\n{process.exit(0)}\n',
      'link.md': '# Link\n\n[x](javascript:alert(1))\n',
    };
    for (const [name, text] of Object.entries(broken)) fs.writeFileSync(path.join(content, name), text);
    fs.symlinkSync('../secret.txt', path.join(content, 'leak.md'));

    const result = spawnSync(process.execPath, [path.join(project, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, DEBUG: '', NODE_ENV: 'production' },
      timeout: 60_000,
    });

    expect(result.status).toBe(1);
    const [header, ...lines] = result.stderr.trimEnd().split('\n');
    expect(header).toBe('Content has 6 problems:');
    expect(lines).toHaveLength(6);
    for (const line of lines) expect(line).toMatch(/^ {2}content\/[^:\s]+:\d+(:\d+)?: .+\. [A-Z].+\.$/);
    expect(lines.map((line) => line.trim().split(': ')[0])).toEqual([
      'content/code.mdx:5:1',
      'content/empty.md:1',
      'content/latin1.md:3:4',
      'content/leak.md:1',
      'content/link.md:3:1',
      'content/unclosed.md:1',
    ]);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('Next.js');
  }, 120_000);
});
