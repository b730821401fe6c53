import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { projectFolderProblems, publicFolderProblems } from './project-folders';

/** A project with files, and symbolic links (link path → target, relative to the link's folder or absolute). */
function project(files: Record<string, string>, links: Record<string, string> = {}): string {
  const root = tempFolder('project', files);
  for (const [link, target] of Object.entries(links)) {
    fs.mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    fs.symlinkSync(target, path.join(root, link));
  }
  return root;
}

const messages = (root: string) => projectFolderProblems(root).map((problem) => problem.message);

describe('projectFolderProblems: content/ and public/ publish only files of the project', () => {
  it('accepts real folders, links that stay inside public/, and a project without public/', () => {
    const root = project(
      { 'content/a.md': '# A\n', 'public/images/photo.png': 'png', 'public/docs/guide.pdf': 'pdf' },
      { 'public/logo.png': 'images/photo.png', 'public/images/again.png': '../images/photo.png', 'public/manuals': 'docs' },
    );
    expect(messages(root)).toEqual([]);
    expect(messages(project({ 'content/a.md': '# A\n' }))).toEqual([]);
  });

  it('refuses links out of public/ at any depth, to files and folders, and links to nothing, all at once', () => {
    const outside = tempFolder('elsewhere', { 'id_ed25519': 'PRIVATE KEY', 'notes/x.txt': 'x' });
    const root = project(
      { 'secret.txt': 'not for the site', 'public/ok.txt': 'ok' },
      {
        'public/key.txt': path.join(outside, 'id_ed25519'),
        'public/deep/er/secret.txt': '../../../secret.txt',
        'public/notes': path.join(outside, 'notes'),
        'public/gone.png': 'missing.png',
        'public/loop.txt': 'loop.txt',
      },
    );
    expect(messages(root)).toEqual([
      'public/deep/er/secret.txt: is a symbolic link to ../../../secret.txt, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the file into public/ instead of linking to it.',
      'public/gone.png: is a symbolic link to missing.png, which does not exist. Remove the link, or point it at a file inside public/.',
      `public/key.txt: is a symbolic link to ${path.join(outside, 'id_ed25519')}, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the file into public/ instead of linking to it.`,
      'public/loop.txt: is a symbolic link to loop.txt, which leads back to itself. Remove the link, or point it at a file inside public/.',
      `public/notes: is a symbolic link to ${path.join(outside, 'notes')}, outside public/; the build does not follow it, so that no file from elsewhere on the machine is published. Copy the folder into public/ instead of linking to it.`,
    ]);
  });

  it('refuses a link to a folder that holds it, which copying would follow forever', () => {
    const root = project({ 'public/a/b.txt': 'b' }, { 'public/a/up': '..', 'public/self': '.' });
    expect(messages(root)).toEqual([
      'public/a/up: is a symbolic link to .., a folder that holds the link itself, so copying public/ would never end. Remove the link, or point it at a folder beside it.',
      'public/self: is a symbolic link to ., a folder that holds the link itself, so copying public/ would never end. Remove the link, or point it at a folder beside it.',
    ]);
  });

  it('refuses content/ and public/ that are themselves links, and reads nothing through them', () => {
    const elsewhere = tempFolder('elsewhere', { 'site/a.md': '# A\n', 'assets/key.txt': 'x' });
    fs.symlinkSync('/etc/passwd', path.join(elsewhere, 'assets', 'passwd'));
    const root = project({}, { content: path.join(elsewhere, 'site'), public: path.join(elsewhere, 'assets') });
    expect(messages(root)).toEqual([
      `content/: is a symbolic link to ${path.join(elsewhere, 'site')}; the build reads content/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine. Replace the link with the folder itself (move or copy it into the project).`,
      `public/: is a symbolic link to ${path.join(elsewhere, 'assets')}; the build reads public/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine. Replace the link with the folder itself (move or copy it into the project).`,
    ]);
  });

  it('judges links by where they really lead, when the project itself is reached through a link', () => {
    const root = project({ 'public/images/photo.png': 'png' }, { 'public/logo.png': 'images/photo.png' });
    const linkedProject = path.join(tempFolder('links', {}), 'project');
    fs.symlinkSync(root, linkedProject);
    expect(publicFolderProblems(path.join(linkedProject, 'public'), linkedProject)).toEqual([]);
  });
});
