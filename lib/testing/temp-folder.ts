import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';

const made: string[] = [];
afterEach(() => {
  for (const directory of made.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

/** A folder under the system's temp folder holding the given files (path → content), removed after the test. */
export function tempFolder(prefix: string, files: Record<string, string | Buffer>): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  made.push(directory);
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(directory, name)), { recursive: true });
    fs.writeFileSync(path.join(directory, name), content);
  }
  return directory;
}
