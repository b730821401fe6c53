import fs from 'node:fs';
import path from 'node:path';
import { ContentError } from '@/lib/errors';

/**
 * content/ and public/ are the two folders whose files reach the site: content/'s pages are compiled, and
 * public/ is copied into the export as it is, by `next build`, which follows symbolic links. A link that
 * leads out of either folder would publish whatever it points to: a pull request adding
 * `public/key.txt -> ~/.ssh/id_ed25519`, or replacing public/ with a link to the home folder, must not put
 * a key on the site. So neither folder may itself be a link, and public/ may hold links only to files and
 * folders inside itself. (Links inside content/ are checked as its pages are read: source-file.ts.)
 *
 * Paths in the problems are shown relative to `shownFrom`: the project folder, as the author knows it.
 */

/** The problems of both folders of a project, before anything reads or copies them. */
export function projectFolderProblems(projectDirectory: string): ContentError[] {
  const content = linkedFolderProblem(path.join(projectDirectory, 'content'), projectDirectory);
  return [...(content ? [content] : []), ...publicFolderProblems(path.join(projectDirectory, 'public'), projectDirectory)];
}

/** A problem when `folder` (content/ or public/) is a symbolic link rather than a folder of the project. */
export function linkedFolderProblem(folder: string, shownFrom: string = process.cwd()): ContentError | undefined {
  const stat = fs.lstatSync(folder, { throwIfNoEntry: false });
  if (!stat?.isSymbolicLink()) return undefined;
  const name = `${shown(folder, shownFrom)}/`;
  return new ContentError(
    { file: name },
    `is a symbolic link to ${fs.readlinkSync(folder)}; the build reads ${path.basename(folder)}/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine.`,
    `Replace the link with the folder itself (move or copy it into the project).`,
  );
}

/**
 * Every symbolic link in public/, at any depth, that leads outside public/, nowhere, or to a folder that
 * holds the link (copying it would never end); and public/ itself as a link. Links within public/ are fine.
 */
export function publicFolderProblems(publicDirectory: string, shownFrom: string = process.cwd()): ContentError[] {
  const linked = linkedFolderProblem(publicDirectory, shownFrom);
  if (linked) return [linked];
  if (!fs.existsSync(publicDirectory)) return [];
  const root = fs.realpathSync(publicDirectory);
  const problems: ContentError[] = [];
  const visit = (folder: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch (error) {
      problems.push(unreadable(shown(folder, shownFrom), error));
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) visit(full);
      else if (entry.isSymbolicLink()) {
        const problem = publicLinkProblem(full, root, shown(full, shownFrom));
        if (problem) problems.push(problem);
      }
    }
  };
  visit(publicDirectory);
  return problems.sort((a, b) => a.location.file.localeCompare(b.location.file));
}

function publicLinkProblem(link: string, root: string, file: string): ContentError | undefined {
  const written = fs.readlinkSync(link);
  let target: string;
  try {
    target = fs.realpathSync(link);
  } catch (error) {
    const circular = (error as NodeJS.ErrnoException | null)?.code === 'ELOOP';
    return new ContentError(
      { file },
      `is a symbolic link to ${written}, which ${circular ? 'leads back to itself' : 'does not exist'}.`,
      'Remove the link, or point it at a file inside public/.',
    );
  }
  const isFolder = fs.statSync(target).isDirectory();
  if (!isInside(root, target)) {
    return new ContentError(
      { file },
      `is a symbolic link to ${written}, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published.`,
      `Copy the ${isFolder ? 'folder' : 'file'} into public/ instead of linking to it.`,
    );
  }
  if (isFolder && isInside(target, fs.realpathSync(path.dirname(link)))) {
    return new ContentError(
      { file },
      `is a symbolic link to ${written}, a folder that holds the link itself, so copying public/ would never end.`,
      'Remove the link, or point it at a folder beside it.',
    );
  }
  return undefined;
}

/** Whether `candidate` is `folder` or lies under it (both real paths). */
function isInside(folder: string, candidate: string): boolean {
  const relative = path.relative(folder, candidate);
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative));
}

function shown(file: string, shownFrom: string): string {
  return path.relative(shownFrom, file).split(path.sep).join('/');
}

function unreadable(file: string, error: unknown): ContentError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return new ContentError(
    { file: `${file}/` },
    `cannot be read (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : String(code ?? error)}), so the build cannot check what it would publish.`,
    'Make the folder readable, or remove it.',
  );
}
