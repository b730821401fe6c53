/**
 * `npm run build`'s first module, plain JavaScript that Node runs without tsx: it loads the packages the build's
 * modules import, then registers tsx and runs scripts/build.ts. Once tsx's hooks are registered, every module
 * Node loads costs a round trip to the hooks' thread; loaded first, these (zod alone is some 95 modules) take
 * half the time, on the critical path of every build. The compile workers do the same (lib/tsx-worker.ts).
 *
 * Only packages that read nothing at load time that scripts/build.ts sets first (NODE_ENV): React, for one,
 * picks its build then. scripts/start-build.test.ts keeps the list in step with the build's imports.
 *
 * package.json runs it with `--v8-pool-size=0`, V8's helper threads sized to the machine (lib/v8-helper-threads.ts).
 */
import { fileURLToPath } from 'node:url';

/** Packages that the modules scripts/build.ts loads before its first step import (statically). */
export const buildPackages = [
  'any-ascii',
  'gray-matter',
  'hast-util-from-html',
  'hast-util-from-parse5',
  'hast-util-to-html',
  'parse5',
  'property-information',
  'smol-toml',
  'unist-util-visit',
  'zod',
];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // One that fails to load here fails where the build imports it, with the build's own error.
  await Promise.all(buildPackages.map((name) => import(name).catch(() => undefined)));
  // What `node --import tsx` registers: tsx's hooks for ES modules and for require.
  await import('tsx');
  await import('./build.ts');
}
