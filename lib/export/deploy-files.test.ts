import fs from 'node:fs';
import path from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { collectPolicyNeeds, mergePolicyNeeds, sha256Source } from '@/lib/security/content-security-policy';
import { parseHeadersFile } from '@/lib/security/http-headers';
import { tempFolder } from '@/lib/testing/temp-folder';
import { syncVercelConfig, writeDeployFiles } from './deploy-files';

const scripts = { inlineScriptHashes: [sha256Source('theme()')], scriptFiles: {} };
const site = mergePolicyNeeds([collectPolicyNeeds(fromHtml('<script data-enhancement>theme()</script>'), { scripts, basePath: '', clientRuntime: false })]);

describe('writeDeployFiles', () => {
  it('writes _headers with the site policy, .nojekyll, and returns vercel.json with the same policy', () => {
    const out = tempFolder('out', { 'index.html': '' });
    const { vercelJson } = writeDeployFiles(out, site, { basePath: '', clientRuntime: false });
    const [all] = parseHeadersFile(fs.readFileSync(path.join(out, '_headers'), 'utf8'));
    const policy = all?.headers['Content-Security-Policy'];
    expect(policy).toContain(`script-src 'self' ${sha256Source('theme()')}`);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(fs.readFileSync(path.join(out, '.nojekyll'), 'utf8')).toBe('');
    expect(JSON.parse(vercelJson).headers[0].headers).toContainEqual({ key: 'Content-Security-Policy', value: policy });
  });

  it('puts _headers rules under the base path', () => {
    const out = tempFolder('out', { 'index.html': '' });
    writeDeployFiles(out, site, { basePath: '/docs', clientRuntime: false });
    expect(parseHeadersFile(fs.readFileSync(path.join(out, '_headers'), 'utf8')).map((rule) => rule.path)).toEqual([
      '/docs/*',
      '/docs/_next/static/*',
      '/docs/katex/fonts/*',
    ]);
  });
});

describe('syncVercelConfig', () => {
  it('rewrites a stale vercel.json where it may, and only reports it where it may not (Vercel, CI)', () => {
    const folder = tempFolder('repo', { 'vercel.json': '{"old":true}\n' });
    const file = path.join(folder, 'vercel.json');
    expect(syncVercelConfig(file, '{"new":true}\n', false)).toBe('stale');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"old":true}\n');
    expect(syncVercelConfig(file, '{"new":true}\n', true)).toBe('written');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"new":true}\n');
    expect(syncVercelConfig(file, '{"new":true}\n', false)).toBe('unchanged');
  });
});
