import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';

/** `npm run build` on broken content, in a throwaway copy of the project (it fails before Next.js starts). */
function buildWith(content: Record<string, string>, options: { env?: Record<string, string>; siteConfig?: (text: string) => string } = {}) {
  const project = tempFolder('broken-site', Object.fromEntries(Object.entries(content).map(([name, text]) => [`content/${name}`, text])));
  for (const entry of ['lib', 'scripts', 'components', 'site.config.ts', 'package.json', 'tsconfig.json']) {
    fs.cpSync(path.join(process.cwd(), entry), path.join(project, entry), { recursive: true });
  }
  if (options.siteConfig) {
    const config = path.join(project, 'site.config.ts');
    fs.writeFileSync(config, options.siteConfig(fs.readFileSync(config, 'utf8')));
  }
  fs.symlinkSync(path.join(process.cwd(), 'node_modules'), path.join(project, 'node_modules'));
  return spawnSync(process.execPath, [path.join(project, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'scripts/build.ts'], {
    cwd: project,
    encoding: 'utf8',
    env: { ...process.env, DEBUG: '', ...options.env },
  });
}

describe('npm run build on broken content', () => {
  it('exits 1 and names every broken file and line, without a stack trace', () => {
    const result = buildWith({
      'about.md': '---\ntitle: About\ninsert_anchor_link: left\n---\n\nText.\n',
      'about-me.md': '# About me\n',
      'education.md': '# Education\n',
      'software-philosophy.md': '# Philosophy\n',
      'math.md': '---\ntitle: Math\nmath: true\n---\n\nBroken $\\frac{1}{$ math.\n',
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('Content has 2 problems:');
    expect(result.stderr).toContain('content/about.md:3: unknown front-matter key `insert_anchor_link`. Did you mean `insert_anchor_links`?');
    expect(result.stderr).toMatch(/content\/math\.md:6:\d+: KaTeX cannot render this math: KaTeX parse error: /);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toContain('Next.js');
  }, 30_000);
});

describe('npm run build under a base path', () => {
  it("refuses BASE_PATH with Next's runtime kept, before building anything", () => {
    const result = buildWith(
      { 'about.md': '# About\n' },
      { env: { BASE_PATH: '/docs' }, siteConfig: (text) => text.replace('clientRuntime: false', 'clientRuntime: true') },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('BASE_PATH=/docs does not work with clientRuntime: true in site.config.ts yet');
    expect(result.stdout).not.toContain('Content:');
  }, 30_000);
});
