import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { markdownPackages } from './packages';

/** The packages a module imports for their values (not `import type`), by bare specifier. */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)].map((match) => match[1] ?? '');
  return specifiers.filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('@/') && !specifier.startsWith('node:'));
}

describe('markdownPackages', () => {
  it('lists exactly the packages the pipeline’s modules import (tests and corpora aside)', () => {
    const folder = import.meta.dirname;
    const modules = fs.readdirSync(folder).filter((name) => name.endsWith('.ts') && !/\.(test|corpus)\.ts$/.test(name));
    const imported = new Set(modules.flatMap((name) => importedPackages(fs.readFileSync(path.join(folder, name), 'utf8'))));
    expect([...imported].sort()).toEqual([...markdownPackages].sort());
  });

  it('reads multi-line imports and leaves type-only ones out', () => {
    expect(importedPackages("import {\n  a,\n  b,\n} from 'unified';\nimport type { Root } from 'mdast';\nimport x from './local';\n")).toEqual(['unified']);
  });
});
