import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  deployHeaderRules,
  fontCache,
  formatHeadersFile,
  formatVercelConfig,
  immutableCache,
  parseHeadersFile,
  revalidateCache,
  securityHeaders,
  vercelConfig,
} from './http-headers';

const policy = "default-src 'none'; frame-ancestors 'none'";

describe('_headers', () => {
  it('round-trips: every rule and header as written', () => {
    const rules = deployHeaderRules(policy);
    expect(parseHeadersFile(formatHeadersFile(rules))).toEqual(rules);
  });

  it('sets security headers and the policy on every path, and Cache-Control only on asset folders', () => {
    const [all, next, fonts, ...rest] = parseHeadersFile(formatHeadersFile(deployHeaderRules(policy)));
    expect(rest).toEqual([]);
    expect(all).toEqual({ path: '/*', headers: { ...securityHeaders, 'Content-Security-Policy': policy } });
    // One header in two rules matching one path would be joined with a comma by Cloudflare Pages.
    expect(all?.headers['Cache-Control']).toBeUndefined();
    expect(next).toEqual({ path: '/_next/static/*', headers: { 'Cache-Control': immutableCache } });
    expect(fonts).toEqual({ path: '/katex/fonts/*', headers: { 'Cache-Control': fontCache } });
  });

  it('puts the rules under the base path', () => {
    expect(deployHeaderRules(policy, '/docs').map((rule) => rule.path)).toEqual(['/docs/*', '/docs/_next/static/*', '/docs/katex/fonts/*']);
  });

  it('refuses a line longer than Cloudflare Pages reads', () => {
    expect(() => formatHeadersFile(deployHeaderRules(`script-src ${"'sha256-x' ".repeat(200)}`))).toThrow(/2000 per line/);
  });
});

describe('vercel.json', () => {
  const config = vercelConfig(deployHeaderRules(policy));

  it('serves out/ as static files, built with npm ci and npm run build', () => {
    expect(config).toMatchObject({ framework: null, installCommand: 'npm ci', buildCommand: 'npm run build', outputDirectory: 'out', trailingSlash: true });
  });

  it('carries the same headers as _headers, and revalidation for everything outside the cached folders', () => {
    const headersFor = (pathname: string) => {
      const found: Record<string, string[]> = {};
      for (const rule of config.headers) {
        if (!new RegExp(`^${rule.source}$`).test(pathname)) continue;
        for (const { key, value } of rule.headers) (found[key] ??= []).push(value);
      }
      return found;
    };
    expect(headersFor('/about/')).toEqual({
      ...Object.fromEntries(Object.entries(securityHeaders).map(([key, value]) => [key, [value]])),
      'Content-Security-Policy': [policy],
      'Cache-Control': [revalidateCache],
    });
    expect(headersFor('/_next/static/chunks/a.css')['Cache-Control']).toEqual([immutableCache]);
    expect(headersFor('/katex/fonts/KaTeX_Main-Regular.woff2')['Cache-Control']).toEqual([fontCache]);
    expect(headersFor('/katex/katex.min.css')['Cache-Control']).toEqual([revalidateCache]);
  });

  it('the committed vercel.json is what the module writes for the header policy in it', () => {
    const committed = fs.readFileSync(path.join(import.meta.dirname, '../../vercel.json'), 'utf8');
    const committedPolicy = JSON.parse(committed).headers[0].headers.find((header: { key: string }) => header.key === 'Content-Security-Policy').value;
    // The policy itself follows the pages' scripts; `npm run build` rewrites the file and e2e/deploy-headers.spec.ts compares it with the build.
    expect(committed).toBe(formatVercelConfig(vercelConfig(deployHeaderRules(committedPolicy))));
  });
});
