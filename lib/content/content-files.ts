/**
 * Where the content's files are and which of them are pages: light enough for every process that only needs to
 * know the files (the content fingerprint Next's renderers check the manifest against), without the readers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { isPrivateName, pageFilePattern } from './page-urls';
import { linkedFolderProblem } from './project-folders';

export const contentDirectory = path.join(process.cwd(), 'content');

/**
 * The page files under a content folder: .md and .mdx, and links to folders (listed so that reading them
 * says why they are not followed). None when the folder itself is a symbolic link, which readPages reports:
 * nothing is read through it.
 */
export function listContentFiles(directory: string = contentDirectory): string[] {
  if (!fs.existsSync(directory) || linkedFolderProblem(directory)) return [];
  return listPageFiles(directory);
}

function listPageFiles(directory: string): string[] {
  const files: string[] = [];
  for (const entry of fs.readdirSync(directory, { withFileTypes: true })) {
    // Dotfiles and _partials are the author's own business, not pages. A name that only starts so after a
    // space is listed: reading it reports the space (pageNameProblem).
    if (isPrivateName(entry.name) && !sectionFilePattern.test(entry.name)) continue;
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) files.push(...listPageFiles(full));
    else if (pageFilePattern.test(entry.name)) files.push(full);
    // A linked folder is listed as if it were a page, so that reading it reports why it is not followed.
    else if (entry.isSymbolicLink() && isDirectoryOrBroken(full)) files.push(full);
  }
  return files.sort();
}

function isDirectoryOrBroken(link: string): boolean {
  try {
    return fs.statSync(link).isDirectory();
  } catch {
    return true;
  }
}

/** A section's own file (Zola's `_index.md`): the one private name that is content. */
export const sectionFilePattern = /^_index\.mdx?$/;

/**
 * The .toml files under content/ (links not followed), any of which a page may name: the dev server's fingerprint
 * of the content (content-fingerprint.ts) covers them, so that a saved collection shows at once.
 */
export function listCollectionSources(directory: string): string[] {
  if (!fs.existsSync(directory)) return [];
  return fs.readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return listCollectionSources(full);
    return entry.isFile() && /\.toml$/i.test(entry.name) ? [full] : [];
  });
}
