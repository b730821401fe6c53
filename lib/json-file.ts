import fs from 'node:fs';
import path from 'node:path';

/** A JSON object from a file, or undefined when there is none or it does not parse (a cache starts empty). */
export function readJsonObject<T>(file: string): Record<string, T> | undefined {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, T>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Writes `value` as JSON to a temporary file beside `file`, then renames it over `file`: a reader (another
 * process, a build killed midway) sees the old file or the new one, never half of one.
 */
export function writeJsonAtomically(file: string, value: unknown): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(value));
  fs.renameSync(temporary, file);
}
