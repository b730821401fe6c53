import fs from 'node:fs';
import path from 'node:path';

/** The version of a package installed in a project, from its package.json, without loading the package. */
export function installedVersion(name: string, projectDirectory: string = process.cwd()): string {
  const parsed: unknown = JSON.parse(fs.readFileSync(path.join(projectDirectory, 'node_modules', name, 'package.json'), 'utf8'));
  return parsed !== null && typeof parsed === 'object' && 'version' in parsed && typeof parsed.version === 'string' ? parsed.version : 'unknown';
}
