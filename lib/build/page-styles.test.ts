import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildPageStyles, codeStylesHref, elementStylesHref } from './page-styles';

it('compiles each page stylesheet alone: the code colours and the elements for both themes, no Tailwind utilities or banner', async () => {
  const folder = tempFolder('page-styles', {});
  const sizes = await buildPageStyles(folder, path.join(folder, 'record.json'));
  const css = fs.readFileSync(path.join(folder, codeStylesHref), 'utf8');
  expect(Buffer.byteLength(css)).toBe(sizes[codeStylesHref]);
  expect(css).toContain('.hljs-keyword');
  expect(css).toContain('.copy-code');
  // The dark palette comes through Tailwind's `dark` variant, whatever globals.css defines it as (today
  // two routes to dark: the toggle's choice and the system setting), and the light one once.
  expect(css.match(/--c-keyword:#cf222e/g)).toHaveLength(1);
  expect(css.match(/--c-keyword:#ff7b72/g)?.length).toBeGreaterThanOrEqual(1);
  expect(css).not.toContain('@variant');
  expect(css).not.toMatch(/^\/\*!/);
  // @reference brings globals.css's variants and theme, but none of its rules.
  expect(css).not.toContain('.sr-only');
  expect(css).not.toContain('.heading-anchor');
  expect(sizes[codeStylesHref]).toBeLessThan(3000);

  const elements = fs.readFileSync(path.join(folder, elementStylesHref), 'utf8');
  expect(Buffer.byteLength(elements)).toBe(sizes[elementStylesHref]);
  for (const selector of ['.callout-note', '.callout-caution', '.post-list', '.post-meta']) expect(elements).toContain(selector);
  expect(elements).not.toContain('@variant');
  expect(elements).not.toContain('.sr-only');
  // Theme variables the main stylesheet does not use would be undefined here: colours are written out.
  expect(elements).not.toMatch(/var\(--color-/);
});

it('keeps the stylesheets an earlier run compiled from the same inputs, and compiles again one that was changed or deleted', async () => {
  const folder = tempFolder('page-styles-kept', {});
  const record = path.join(folder, 'record.json');
  const sizes = await buildPageStyles(folder, record);
  const code = path.join(folder, codeStylesHref);
  const elements = path.join(folder, elementStylesHref);
  // An mtime in the past, so that a rewrite would show.
  fs.utimesSync(code, 1_600_000_000, 1_600_000_000);
  expect(await buildPageStyles(folder, record)).toEqual(sizes);
  expect(fs.statSync(code).mtimeMs).toBe(1_600_000_000_000);

  const compiled = fs.readFileSync(code, 'utf8');
  fs.writeFileSync(code, '/* edited by hand */');
  fs.rmSync(elements);
  expect(await buildPageStyles(folder, record)).toEqual(sizes);
  expect(fs.readFileSync(code, 'utf8')).toBe(compiled);
  expect(fs.existsSync(elements)).toBe(true);
});
