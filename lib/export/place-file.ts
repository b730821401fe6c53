import fs from 'node:fs';
import path from 'node:path';

/**
 * Puts a cached file at `target` as a hard link (no bytes copied; on another file system, a copy). A target
 * that already is that very file is left alone, so a warm build of a large site touches almost nothing.
 */
export function placeFile(cached: string, target: string): void {
  const existing = fs.statSync(target, { throwIfNoEntry: false });
  if (existing) {
    const source = fs.statSync(cached);
    if (existing.ino === source.ino && existing.dev === source.dev) return;
    fs.rmSync(target);
  } else {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  }
  try {
    fs.linkSync(cached, target);
  } catch {
    fs.copyFileSync(cached, target);
  }
}
