/**
 * `npm run import:zola -- PATH [--overwrite] [--into DIR]`: turns the Zola site at PATH into this project's
 * site in DIR (default: the current folder): site.config.ts from config.toml, content/ and static/ copied,
 * and a list of what could not be carried over. Exit 0 when done, 1 with one line when it cannot start.
 */
import { parseArgs } from 'node:util';
import { importReport, importZolaSite, ZolaImportError } from '@/lib/zola/import-site';
import { findShortcodeCalls, zolaShortcodes } from '@/lib/markdown/zola-shortcodes';

const usage = 'Usage: npm run import:zola -- PATH [--overwrite] [--into DIR]';

function main(): number {
  let parsed: ReturnType<typeof parseCommandLine>;
  try {
    parsed = parseCommandLine();
  } catch (error) {
    console.error(`${(error instanceof Error ? error.message : String(error)).split('\n')[0]} ${usage}`);
    return 1;
  }
  const { values, positionals } = parsed;
  const [from, ...more] = positionals;
  if (from === undefined || more.length > 0) {
    console.error(`${from === undefined ? "Give the Zola site's folder." : "Give one Zola site's folder."} ${usage}`);
    return 1;
  }
  const into = values.into ?? process.cwd();
  try {
    const result = importZolaSite({
      from,
      into,
      overwrite: values.overwrite ?? false,
      shortcodes: { find: findShortcodeCalls, supported: zolaShortcodes },
    });
    process.stdout.write(importReport(result, { from, into }));
    return 0;
  } catch (error) {
    // Never a stack trace: the reason in one line.
    const message = error instanceof ZolaImportError ? error.message : `import:zola stopped: ${error instanceof Error ? error.message : String(error)}`;
    console.error(message.split('\n')[0]);
    return 1;
  }
}

function parseCommandLine() {
  return parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    strict: true,
    options: { overwrite: { type: 'boolean' }, into: { type: 'string' } },
  });
}

process.exitCode = main();
