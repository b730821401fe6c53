import fs from 'node:fs';
import path from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import {
  PolicyError,
  collectPolicyNeeds,
  findUnsafeMarkup,
  formatPolicy,
  mergePolicyNeeds,
  pageDirectives,
  type PolicyNeeds,
} from '@/lib/security/content-security-policy';
import { prefixBasePath, withBasePathInCss } from './base-path';
import { listFiles } from './finish-export';
import { ExportError, runtimeInlineScript } from './strip-runtime';

export interface SecureExportOptions {
  /** '' or a path such as '/docs' (lib/site.ts `basePath`). */
  basePath: string;
  /** Next's runtime was kept (site.config.ts): its inline scripts are then expected, and hashed like the site's own. */
  clientRuntime: boolean;
}

export interface SecureExportReport {
  pages: number;
  /** What all pages together need: the input of the deploy header files' policy. */
  site: PolicyNeeds;
  /** What each page needs, by its path in the export (`about/index.html`). */
  pageNeeds: Map<string, PolicyNeeds>;
}

function textOf(element: Element): string {
  return element.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
}

/** Puts the policy first in <head>, after <meta charset> (which must stay within the first 1024 bytes): it governs only what follows it. */
function insertPolicyMeta(tree: Root, policy: string, file: string): void {
  const html = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'html');
  const head = html?.children.find((node): node is Element => node.type === 'element' && node.tagName === 'head');
  if (!head) throw new ExportError(file, 'a page without <head>; the Content Security Policy has nowhere to go.');
  const existing = head.children.some(
    (node) => node.type === 'element' && node.tagName === 'meta' && String(node.properties.httpEquiv ?? '').toLowerCase() === 'content-security-policy',
  );
  if (existing) throw new ExportError(file, 'the page already has a Content Security Policy meta tag; the export step writes it, remove the other one.');
  const charset = head.children.findIndex((node) => node.type === 'element' && node.tagName === 'meta' && node.properties.charSet !== undefined);
  const meta: Element = { type: 'element', tagName: 'meta', properties: { httpEquiv: ['Content-Security-Policy'], content: policy }, children: [] };
  head.children.splice(charset + 1, 0, meta);
}

/**
 * The export's last step on every page: refuse markup that would run code no hash vouches for, prefix
 * site URLs with the base path, and put the page's own Content Security Policy into its <head>.
 * Every page is checked before any is written: a problem anywhere leaves out/ as it was, and the
 * error lists every problem of every page.
 */
export function secureExport(outDirectory: string, options: SecureExportOptions): SecureExportReport {
  const files = listFiles(outDirectory);
  const problems: string[] = [];
  const pages: { file: string; full: string; html: string; needs: PolicyNeeds }[] = [];
  const isKnownInlineScript = options.clientRuntime ? (element: Element) => runtimeInlineScript.test(textOf(element)) : undefined;
  for (const file of files.filter((name) => name.endsWith('.html'))) {
    const full = path.join(outDirectory, file);
    const where = `out/${file}`;
    const tree = fromHtml(fs.readFileSync(full, 'utf8'));
    const unsafe = findUnsafeMarkup(tree, { isKnownInlineScript });
    if (unsafe.length > 0) {
      problems.push(...unsafe.map((problem) => `${where}: ${problem}`));
      continue;
    }
    prefixBasePath(tree, options.basePath);
    try {
      const needs = collectPolicyNeeds(tree, where);
      insertPolicyMeta(tree, formatPolicy(pageDirectives(needs)), where);
      // Single quotes inside double-quoted attribute values need no escaping, and the policy is full of
      // them; the "dangerous" characters are ` and ', which only IE read as attribute quotes.
      pages.push({ file, full, html: toHtml(tree, { allowParseErrors: true, allowDangerousCharacters: true }), needs });
    } catch (error) {
      if (error instanceof PolicyError || error instanceof ExportError) problems.push(error.message);
      else throw error;
    }
  }
  if (problems.length > 0) {
    throw new ExportError(
      'out/',
      `markup the export will not ship, as a last line of defence against code in visitors' browsers (the site's own scripts carry data-enhancement; no on…= handler attributes, no javascript: URLs; data-csp-* attributes list https origins):\n  ${problems.join('\n  ')}`,
    );
  }
  for (const { full, html } of pages) fs.writeFileSync(full, html);
  if (options.basePath !== '') {
    for (const file of files.filter((name) => name.endsWith('.css'))) {
      const full = path.join(outDirectory, file);
      fs.writeFileSync(full, withBasePathInCss(fs.readFileSync(full, 'utf8'), options.basePath));
    }
  }
  return {
    pages: pages.length,
    site: mergePolicyNeeds(pages.map((page) => page.needs)),
    pageNeeds: new Map(pages.map((page) => [page.file, page.needs])),
  };
}
