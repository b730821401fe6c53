import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { evaluate } from '@mdx-js/mdx';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import { visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTimeLimitMs, runCorpus, type CorpusResult } from '@/lib/testing/content-corpus';
import { urlScheme } from './content-policy';
import { cases, markerNames, writesMarker } from './hostile-content.corpus';

const markerDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'hostile-markers-'));
let results: Map<string, CorpusResult>;
beforeAll(async () => {
  results = await runCorpus(path.join(import.meta.dirname, 'hostile-content.corpus.ts'), cases, { CORPUS_MARKER_DIR: markerDirectory });
}, 300_000);
afterAll(() => fs.rmSync(markerDirectory, { recursive: true, force: true }));

const executableElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'base', 'meta', 'link', 'form', 'style', 'template', 'portal']);
const urlProperties = ['href', 'src', 'action', 'formAction', 'xLinkHref', 'data', 'poster', 'background', 'cite'];

/** Everything in a page's HTML that could run script or load a document: elements, handlers, URL schemes. */
function executableParts(html: string): string[] {
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }) as Root, 'element', (element: Element) => {
    // React preloads the images a page shows (<link rel=preload as=image>); its URL is checked like any other.
    const isImagePreload = element.tagName === 'link' && String(element.properties.rel) === 'preload' && element.properties.as === 'image';
    // A callout's icon (lib/markdown/shortcode-elements.ts) is the engine's drawing: paths and nothing else.
    const isEngineIcon =
      element.tagName === 'svg' &&
      String(element.properties.className) === 'callout-icon' &&
      element.children.every((child) => child.type === 'element' && child.tagName === 'path' && Object.keys(child.properties).join() === 'd');
    if (executableElements.has(element.tagName) && !isImagePreload && !isEngineIcon) found.push(`<${element.tagName}>`);
    for (const [name, value] of Object.entries(element.properties)) {
      if (/^on/i.test(name)) found.push(`${element.tagName}.${name}`);
      if (name === 'srcDoc') found.push(`${element.tagName}.srcdoc`);
      if (urlProperties.includes(name) && typeof value === 'string') {
        const scheme = urlScheme(value);
        if (scheme === 'javascript' || scheme === 'vbscript' || scheme === 'data') found.push(`${element.tagName}.${name}=${scheme}:`);
      }
    }
  });
  return found;
}

describe('the hostile-content corpus', () => {
  it.each(cases)('$name: $outcome', (corpusCase) => {
    const result = results.get(corpusCase.name);
    expect(result, 'the case ran').toBeDefined();
    if (!result) return;
    expect(result.hung, `finished within ${corpusCase.timeLimitMs ?? defaultTimeLimitMs} ms`).toBeUndefined();
    expect(result.crash, 'no crash: only content errors').toBeUndefined();
    // A page's problems name its file and line; a problem of the content folder itself names `content/`.
    for (const error of result.errors) expect(error).toMatch(/^content\/(?:[^\n:]+:\d+(:\d+)?)?: [^\n]+ [A-Z][^\n]+\.$/);
    corpusCase.check(result, expect);
    for (const page of result.pages) expect(executableParts(page.html), page.file).toEqual([]);
  });

  it('ran no code from content while building and rendering the pages', () => {
    expect(results.size).toBe(cases.length);
    expect(fs.readdirSync(markerDirectory)).toEqual([]);
    // Every marker the corpus can write is one the check above looks for.
    for (const name of markerNames) expect(cases.some((corpusCase) => JSON.stringify(corpusCase.files).includes(`/${name}`)), name).toBe(true);
  });

  it('would notice code that ran: the same MDX without the content policy writes its marker', async () => {
    const { default: Content } = await evaluate(`Hi {${writesMarker('control')}}.`.replace('/nonexistent-marker-directory', markerDirectory), { ...runtime, baseUrl: import.meta.url });
    renderToStaticMarkup(createElement(Content));
    expect(fs.readdirSync(markerDirectory)).toEqual(['control']);
    fs.rmSync(path.join(markerDirectory, 'control'));
  });

  it('finds executable parts in HTML, so that the check above can fail', () => {
    expect(executableParts('<p><a href="java\tscript:x">a</a><img src=x onerror=y><iframe srcdoc="z"></iframe><a href="data:text/html,x">d</a></p>')).toEqual([
      'a.href=javascript:',
      'img.onError',
      '<iframe>',
      'iframe.srcdoc',
      'a.href=data:',
    ]);
    // Only a callout's icon of paths is the engine's own drawing.
    expect(executableParts('<svg class="callout-icon"><path d="M0 0"/></svg><svg class="callout-icon"><path d="M0 0"/><script>x</script></svg>')).toEqual(['<svg>', '<script>']);
  });
});
