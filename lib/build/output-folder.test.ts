import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { listFiles } from '@/lib/export/list-files';
import { BuildRunningError, lockFileName, outputFolderName, recoverInterruptedBuilds, stageExport } from './output-folder';

/** A PID above Linux's pid_max (4194304): no process has it, like that of a build killed long ago. */
const deadPid = 99_999_999;

const read = (directory: string) =>
  Object.fromEntries(listFiles(directory).map((file) => [file, fs.readFileSync(path.join(directory, file), 'utf8')]));
const entries = (directory: string) => fs.readdirSync(directory).sort();

/** What a finished export leaves in the staging folder: here written by hand, in a build by Next. */
function exportInto(folder: string, files: Record<string, string>): void {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  }
}

describe('stageExport', () => {
  it('creates out/ on the first build', () => {
    const project = tempFolder('project', { 'package.json': '{}' });
    const staged = stageExport(project);
    expect(path.dirname(staged.folder)).toBe(project);
    exportInto(staged.folder, { 'index.html': 'new' });
    staged.publish();
    expect(read(path.join(project, outputFolderName))).toEqual({ 'index.html': 'new' });
    expect(entries(project)).toEqual([lockFileName, outputFolderName, 'package.json']);
    staged.discard();
    expect(entries(project)).toEqual([outputFolderName, 'package.json']);
  });

  it('stages into one fixed folder, so that Next.js (and its build cache) sees the same distDir every build', () => {
    const project = tempFolder('project', {});
    const first = stageExport(project);
    first.discard();
    const second = stageExport(project);
    expect(second.relativeFolder).toBe(first.relativeFolder);
    expect(second.folder).toBe(path.join(project, '.out-staging'));
    second.discard();
  });

  it('one build at a time: a second build is refused while the first holds the lock, and may start once it is done', () => {
    const project = tempFolder('project', {});
    // The lock as a build in another process (still running: this test's parent) holds it.
    fs.writeFileSync(path.join(project, lockFileName), String(process.ppid));
    expect(() => stageExport(project)).toThrow(BuildRunningError);
    expect(() => stageExport(project)).toThrow(`Another build of this project is running (process ${process.ppid}). Wait for it to finish, or stop it (kill ${process.ppid}), then build again.`);
    fs.rmSync(path.join(project, lockFileName));
    const staged = stageExport(project);
    expect(fs.readFileSync(path.join(project, lockFileName), 'utf8')).toBe(String(process.pid));
    staged.discard();
    expect(entries(project)).toEqual([]);
  });

  it('replaces the whole of out/: no file of the previous site survives the swap', () => {
    const project = tempFolder('project', { 'out/index.html': 'old', 'out/removed-page/index.html': 'old' });
    const staged = stageExport(project);
    exportInto(staged.folder, { 'index.html': 'new', 'about/index.html': 'new' });
    staged.publish();
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'new', 'about/index.html': 'new' });
    staged.discard();
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'new', 'about/index.html': 'new' });
  });

  it('discard() deletes the staged export and leaves out/ as it was', () => {
    const project = tempFolder('project', { 'out/index.html': 'old' });
    const staged = stageExport(project);
    exportInto(staged.folder, { 'index.html': 'half-written' });
    staged.discard();
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'old' });
  });

  it('refuses to publish an export that was never written, keeping out/', () => {
    const project = tempFolder('project', { 'out/index.html': 'old' });
    expect(() => stageExport(project).publish()).toThrow(/does not exist: nothing to publish/);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'old' });
  });
});

describe('recoverInterruptedBuilds (what a SIGKILLed build leaves)', () => {
  it('puts back the previous out/ of a build killed between the two renames of its swap', () => {
    const project = tempFolder('project', {
      [`${lockFileName}`]: String(deadPid),
      '.out-previous/index.html': 'old',
      '.out-staging/index.html': 'new, never published',
    });
    const staged = stageExport(project);
    expect(staged.recovered).toEqual([
      'Restored out/ from .out-previous, left by a build that was killed while replacing it.',
      'Deleted .out-staging, left by a build that was killed.',
    ]);
    staged.discard();
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'old' });
  });

  it('deletes unfinished exports and a previous site already replaced, and keeps out/', () => {
    const project = tempFolder('project', {
      'out/index.html': 'current',
      [`${lockFileName}`]: String(deadPid),
      '.out-staging/index.html': 'unfinished',
      '.out-previous/index.html': 'replaced',
    });
    stageExport(project).discard();
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'current' });
  });

  it('cleans up the per-process folders that builds before the fixed name left', () => {
    const project = tempFolder('project', {
      [`.out-previous-${deadPid}/index.html`]: 'old',
      [`.out-staging-${deadPid}/index.html`]: 'new, never published',
    });
    expect(recoverInterruptedBuilds(project)).toEqual([
      `Restored out/ from .out-previous-${deadPid}, left by a build that was killed while replacing it.`,
      `Deleted .out-staging-${deadPid}, left by a build that was killed.`,
    ]);
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'old' });
  });

  it('leaves alone the per-process staging folder of an older build that is still running', () => {
    const running = `.out-staging-${process.ppid}`;
    const project = tempFolder('project', { [`${running}/index.html`]: 'in progress' });
    expect(recoverInterruptedBuilds(project)).toEqual([]);
    expect(entries(project)).toEqual([running]);
  });
});
