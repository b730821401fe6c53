import fs from 'node:fs';
import path from 'node:path';

/** A key the store accepts: a hex digest, so that a key can never name a path outside its folder. */
const keyPattern = /^[0-9a-f]{16,128}$/;

/** The file `<key><extension>` in `folder`; throws for a key that is not a hex digest, which could name another place. */
export function keyedFile(folder: string, key: string, extension: string): string {
  if (!keyPattern.test(key)) throw new Error(`Not a store key: ${JSON.stringify(key)} (a hex digest is expected).`);
  return path.join(folder, `${key}${extension}`);
}

/**
 * A folder of JSON entries, one file per key (a hex digest of what the entry is made from). The build's
 * caches and the content manifest's page bodies live in stores rather than in one JSON file each: a build
 * that changes one page reads and writes that page's entries, not every page's, and a process that needs a
 * few entries (a Next renderer) reads those few. Each entry is written beside its place and renamed into it,
 * so a reader (another process, a build killed midway) finds the old entry, the new one or none.
 */
export class FileStore<T> {
  constructor(readonly folder: string) {}

  private file(key: string): string {
    return keyedFile(this.folder, key, '.json');
  }

  /** The entry, or undefined when there is none or it does not parse (a store is only as good as its files). */
  get(key: string): T | undefined {
    try {
      return JSON.parse(fs.readFileSync(this.file(key), 'utf8')) as T;
    } catch {
      return undefined;
    }
  }

  has(key: string): boolean {
    return fs.existsSync(this.file(key));
  }

  set(key: string, value: T): void {
    const file = this.file(key);
    fs.mkdirSync(this.folder, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(value));
    fs.renameSync(temporary, file);
  }

  /** Deletes every entry but those of `keys` (and what a stopped write left behind), so the store never outgrows its site. */
  keepOnly(keys: ReadonlySet<string>): void {
    keepOnlyKeyedFiles(this.folder, '.json', keys);
  }
}

/** Deletes every file of `folder` but `<key><extension>` for each of `keys`: a keyed folder's clean-up. */
export function keepOnlyKeyedFiles(folder: string, extension: string, keys: ReadonlySet<string>): void {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    if (!(name.endsWith(extension) && keys.has(name.slice(0, -extension.length)))) fs.rmSync(path.join(folder, name), { force: true });
  }
}
