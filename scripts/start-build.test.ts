import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPackages } from './start-build.mjs';

const repository = path.resolve(import.meta.dirname, '..');

/**
 * What a module loads as it is loaded: its imports of values (not `import type`), and the modules it awaits at its
 * top level (`await import(…)` at the start of a line, as scripts/build.ts loads the build).
 */
function loadedSpecifiers(source: string): string[] {
  const imports = [...source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gms)];
  const awaited = [...source.matchAll(/^(?:const [^=\n]+= |\()?await import\('([^']+)'\)/gm)];
  return [...imports, ...awaited].map((match) => match[1] ?? '');
}

/** A module of the project named by `specifier` in `from`, or undefined for a package or a Node built-in. */
function projectModule(specifier: string, from: string): string | undefined {
  if (!specifier.startsWith('.') && !specifier.startsWith('@/')) return undefined;
  const base = specifier.startsWith('@/') ? path.join(repository, specifier.slice(2)) : path.resolve(path.dirname(from), specifier);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')];
  const found = candidates.find((candidate) => fs.statSync(candidate, { throwIfNoEntry: false })?.isFile());
  if (!found) throw new Error(`${path.relative(repository, from)}: cannot find ${specifier}`);
  return found;
}

/** The packages the modules loaded with `entry` import, each with a module that imports it. */
function packagesLoadedWith(entry: string): Map<string, string> {
  const packages = new Map<string, string>();
  const visited = new Set<string>();
  const visit = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    for (const specifier of loadedSpecifiers(fs.readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('node:')) continue;
      const local = projectModule(specifier, file);
      if (local) visit(local);
      else packages.set(specifier, path.relative(repository, file));
    }
  };
  visit(path.join(repository, entry));
  return packages;
}

describe('buildPackages', () => {
  it('lists exactly the packages the build loads before its first step', () => {
    expect([...buildPackages].sort()).toEqual([...packagesLoadedWith('scripts/build.ts').keys()].sort());
  });

  it('reads multi-line imports and top-level awaited imports, and leaves type-only imports and lazy imports out', () => {
    const source = [
      "import {\n  a,\n  b,\n} from 'unified';",
      "import type { Root } from 'mdast';",
      "const { run } = await import('@/lib/build/run-build');",
      "(await import('@/lib/content/page-compiler')).prepare();",
      "async function later() {\n  const sharp = await import('sharp');\n}",
    ].join('\n');
    expect(loadedSpecifiers(source)).toEqual(['unified', '@/lib/build/run-build', '@/lib/content/page-compiler']);
  });
});
