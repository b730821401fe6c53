import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { listFiles } from './finish-export';
import { outputFolderName, recoverInterruptedBuilds, stageExport } from './output-folder';

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
    expect(entries(project)).toEqual([outputFolderName, 'package.json']);
  });

  it('replaces the whole of out/: no file of the previous site survives the swap', () => {
    const project = tempFolder('project', { 'out/index.html': 'old', 'out/removed-page/index.html': 'old' });
    const staged = stageExport(project);
    exportInto(staged.folder, { 'index.html': 'new', 'about/index.html': 'new' });
    staged.publish();
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'new', 'about/index.html': 'new' });
    expect(entries(project)).toEqual(['out']);
    staged.discard();
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

  it('deletes unfinished exports and a previous site already replaced, and keeps out/', () => {
    const project = tempFolder('project', {
      'out/index.html': 'current',
      [`.out-staging-${deadPid}/index.html`]: 'unfinished',
      [`.out-previous-${deadPid - 1}/index.html`]: 'replaced',
    });
    stageExport(project).discard();
    expect(entries(project)).toEqual(['out']);
    expect(read(path.join(project, 'out'))).toEqual({ 'index.html': 'current' });
  });

  it('leaves alone the staging folder of a build that is still running', () => {
    const running = `.out-staging-${process.ppid}`;
    const project = tempFolder('project', { [`${running}/index.html`]: 'in progress' });
    expect(recoverInterruptedBuilds(project)).toEqual([]);
    expect(entries(project)).toEqual([running]);
  });
});
