import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { listFiles } from '../lib/export/list-files';
import { parseHeadersFile, type HeaderRule } from '../lib/security/http-headers';

/** The URL paths of every page an export holds (`/`, `/about/`, `/404.html`), under its base path. */
export function exportedPages(outDirectory: string, basePath = ''): string[] {
  return listFiles(outDirectory)
    .filter((file) => file.endsWith('.html'))
    .map((file) => `${basePath}/${file.replace(/(^|\/)index\.html$/, '$1')}`)
    .sort();
}

/** The headers `_headers` gives a path: every matching rule's (a trailing `*` matches anything). */
export function headersForPath(rules: readonly HeaderRule[], pathname: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const rule of rules) {
    const matches = rule.path.endsWith('*') ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (matches) Object.assign(headers, rule.headers);
  }
  return headers;
}

/**
 * Serves every response with the headers out/_headers gives it, as Netlify and Cloudflare Pages do,
 * whatever the preview server sends: the browser then enforces each page's meta policy and the header
 * policy together, as it will in production.
 */
export async function applyDeployHeaders(context: BrowserContext, outDirectory: string): Promise<void> {
  const rules = parseHeadersFile(fs.readFileSync(path.join(outDirectory, '_headers'), 'utf8'));
  await context.route('**/*', async (route) => {
    // Third parties are not the site's to serve: they go on to e2e/fixtures.ts's stand-ins.
    if (new URL(route.request().url()).hostname !== '127.0.0.1') return route.fallback();
    const response = await route.fetch();
    const headers = Object.fromEntries(
      Object.entries(response.headers()).filter(([name]) => !['content-encoding', 'content-length'].includes(name.toLowerCase())),
    );
    for (const [name, value] of Object.entries(headersForPath(rules, new URL(route.request().url()).pathname))) headers[name.toLowerCase()] = value;
    await route.fulfill({ response, headers });
  });
}

/** Records every Content Security Policy violation a page reports, from before its first byte is parsed. */
export async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  return () => page.evaluate(() => [...((window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])]);
}
