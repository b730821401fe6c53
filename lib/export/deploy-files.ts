import fs from 'node:fs';
import path from 'node:path';
import { formatPolicy, headerDirectives, type PolicyNeeds } from '@/lib/security/content-security-policy';
import { deployHeaderRules, formatHeadersFile, formatVercelConfig, vercelConfig } from '@/lib/security/http-headers';

export interface DeployFilesOptions {
  basePath: string;
  clientRuntime: boolean;
  /** Paths that redirect (lib/content/site-model.ts): `_redirects` and vercel.json carry them as the hosts' own redirects. */
  redirects?: readonly { from: string; to: string }[];
}

/** The site-wide Content Security Policy the header files carry, from what all pages need. */
export function headerPolicy(site: PolicyNeeds, clientRuntime: boolean): string {
  return formatPolicy(headerDirectives(site, { clientRuntime }));
}

/**
 * Writes what static hosts read from the export besides the pages: `_headers` (Netlify, Cloudflare
 * Pages) and `.nojekyll` (GitHub Pages would otherwise run Jekyll, which drops folders starting with
 * `_`, among them `_next/`). Returns vercel.json's text for the same policy.
 */
export function writeDeployFiles(outDirectory: string, site: PolicyNeeds, options: DeployFilesOptions): { vercelJson: string } {
  const policy = headerPolicy(site, options.clientRuntime);
  fs.writeFileSync(path.join(outDirectory, '_headers'), formatHeadersFile(deployHeaderRules(policy, options.basePath)));
  fs.writeFileSync(path.join(outDirectory, '.nojekyll'), '');
  const redirects = options.redirects ?? [];
  if (redirects.length > 0) {
    // Netlify and Cloudflare Pages: `from to status`, one a line; the base path is where the export is served.
    const target = (to: string) => (to.startsWith('/') ? `${options.basePath}${to}` : to);
    fs.writeFileSync(path.join(outDirectory, '_redirects'), redirects.map(({ from, to }) => `${options.basePath}${from} ${target(to)} 301\n`).join(''));
  }
  return { vercelJson: formatVercelConfig(vercelConfig(deployHeaderRules(policy), redirects)) };
}

export type VercelSync = 'unchanged' | 'written' | 'stale';

/**
 * Keeps the committed vercel.json in step with the build. Vercel reads vercel.json before it builds,
 * so the file in the repository is what it deploys with: a local build rewrites it (to be committed);
 * a build on Vercel or in CI only reports that it is stale (`stale`), and the build on Vercel fails.
 */
export function syncVercelConfig(file: string, expected: string, mayWrite: boolean): VercelSync {
  const current = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (current === expected) return 'unchanged';
  if (!mayWrite) return 'stale';
  fs.writeFileSync(file, expected);
  return 'written';
}
