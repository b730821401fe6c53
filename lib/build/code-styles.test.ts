import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildCodeStyles } from './code-styles';

it('compiles the code stylesheet alone: token colours for both themes, no Tailwind utilities or banner', async () => {
  const target = path.join(tempFolder('code-styles', {}), 'code-blocks.css');
  const size = await buildCodeStyles(target);
  const css = fs.readFileSync(target, 'utf8');
  expect(css.length).toBe(size);
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
  expect(size).toBeLessThan(2500);
});
