/**
 * `npm run import:zola`: a Zola site (config.toml, content/, static/, templates/, themes/, sass/) becomes this
 * project's site: site.config.ts from config.toml, content/ copied to content/, static/ to public/, and a list
 * of everything that could not be carried over.
 *
 * The site is a stranger's, so it is read as hostile input: no symbolic link in it is followed (each is
 * listed instead), no file outside it is read, and nothing is written outside the project's content/ and
 * public/ folders and its site.config.ts. Every destination is checked with path.relative before it is written,
 * each folder on the way is created one at a time and must not be a link, and files are opened without
 * following links.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContentError, ContentErrors } from '@/lib/errors';
import { parseSource } from '@/lib/content/front-matter';
import { bundleAssets } from '@/lib/content/page-assets';
import { isPrivateName, pageFilePattern, reservedUrlSegments } from '@/lib/content/page-urls';
import { linkedFolderProblem } from '@/lib/content/project-folders';
import { decodeContent, maxPageBytes } from '@/lib/content/source-file';
import {
  formatImportNote,
  readAtMost,
  readZolaConfig,
  shownText,
  siteConfigFromZola,
  siteConfigSource,
  sortImportNotes,
  ZolaImportError,
  type ImportNote,
} from './zola-config';

export { ZolaImportError, type ImportNote } from './zola-config';

/** Finds a page body's shortcode calls and knows which names the engine expands (lib/markdown/zola-shortcodes.ts). */
export interface ShortcodeSupport {
  /** Every call in the body; `line` is 1-based within the body. */
  find(body: string): readonly { name: string; line: number }[];
  supported: { has(name: string): boolean };
}

export interface ImportOptions {
  /** The Zola site's folder (with config.toml). */
  from: string;
  /** The project folder (with package.json). */
  into: string;
  /** Replace files that already exist in the project; without it they are kept and listed. */
  overwrite: boolean;
  /** Without it, shortcode calls are not checked (and the report says so). */
  shortcodes?: ShortcodeSupport;
}

export interface ImportResult {
  /** Files written, relative to the project, with `/`. */
  written: string[];
  /** What could not be carried over, sorted. */
  notes: ImportNote[];
  shortcodesChecked: boolean;
}

/** Files never copied: version control and macOS's folder settings. */
const skippedNames = new Set(['.git', '.DS_Store']);

/** Names the hosts read, which a site's static/ may rightly hold (the engine's own names are refused). */
const hostNames = new Set(['_redirects', '.well-known', '_vercel', 'cdn-cgi']);

/** Imports the Zola site at `from` into the project at `into`. Throws ZolaImportError when it cannot start. */
export function importZolaSite(options: ImportOptions): ImportResult {
  const site = zolaSiteFolder(options.from);
  const project = projectFolder(options.into);
  const { source, values } = readZolaConfig(site);
  const { config, notes } = siteConfigFromZola(values, source);
  const written: string[] = [];
  const writer = new ProjectWriter(project, options.overwrite, notes, written);

  if (config) writer.write('config.toml', ['site.config.ts'], (fd) => writeAll(fd, Buffer.from(siteConfigSource(config))));
  const content = planCopy(site, 'content', 'content', notes);
  const statics = planCopy(site, 'static', 'public', notes);
  for (const copy of [...content, ...statics]) writer.copy(copy);
  notes.push(...pageNotes(site, content, options.shortcodes));
  notes.push(...leftBehind(site));

  return { written, notes: sortImportNotes(notes), shortcodesChecked: options.shortcodes !== undefined };
}

/** What the command prints: what was written, then one line per note, or that the site is ready. */
export function importReport(result: ImportResult, shown: { from: string; into: string }): string {
  const count = (folder: string) => result.written.filter((file) => file.startsWith(`${folder}/`)).length;
  const files = (count: number) => (count === 1 ? '1 file' : `${count} files`);
  const wroteConfig = result.written.includes('site.config.ts');
  const lines = [
    `Imported ${shownText(shown.from)} into ${shownText(shown.into)}: ${wroteConfig ? 'wrote site.config.ts, ' : ''}copied ${files(count('content'))} to content/ and ${count('public')} to public/.`,
  ];
  if (!result.shortcodesChecked) lines.push('Shortcode calls in pages were not checked (no shortcode support was given).');
  if (result.notes.length === 0) {
    lines.push('Everything was carried over: the site is ready for `npm run build`.');
  } else {
    lines.push(`Not carried over (${result.notes.length}), by file:`);
    lines.push(...result.notes.map(formatImportNote));
  }
  return `${lines.join('\n')}\n`;
}

// ---------------------------------------------------------------------------------------------------------
// The two folders.

function zolaSiteFolder(from: string): string {
  const shown = shownText(from);
  let real: string;
  try {
    real = fs.realpathSync(from);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    throw new ZolaImportError(code === 'ENOENT' ? `${shown} does not exist.` : `${shown} cannot be read (${code ?? String(error)}).`);
  }
  if (!fs.statSync(real).isDirectory()) throw new ZolaImportError(`${shown} is not a folder: give the Zola site's folder, the one with config.toml.`);
  try {
    fs.readdirSync(real);
  } catch (error) {
    throw new ZolaImportError(`${shown} cannot be read (${(error as NodeJS.ErrnoException | null)?.code ?? String(error)}).`);
  }
  if (!fs.lstatSync(path.join(real, 'config.toml'), { throwIfNoEntry: false })) {
    throw new ZolaImportError(`${shown} is not a Zola site: it has no config.toml.`);
  }
  return real;
}

function projectFolder(into: string): string {
  const shown = shownText(into);
  let real: string;
  try {
    real = fs.realpathSync(into);
  } catch {
    throw new ZolaImportError(`${shown} does not exist; --into names the project folder (the one with package.json).`);
  }
  if (!fs.statSync(real).isDirectory() || !fs.existsSync(path.join(real, 'package.json'))) {
    throw new ZolaImportError(`${shown} is not a project folder: it has no package.json. Run the command in the project, or give it with --into.`);
  }
  for (const folder of ['content', 'public']) {
    const problem = linkedFolderProblem(path.join(real, folder), real);
    if (problem) throw new ZolaImportError(shownText(problem.message));
  }
  return real;
}

// ---------------------------------------------------------------------------------------------------------
// What to copy.

export interface PlannedCopy {
  /** Absolute path in the Zola site. */
  source: string;
  /** Relative to the Zola site, with `/`: `content/posts/a.md`. */
  file: string;
  /** The destination's names under the project: ['content', 'posts', 'a.md']. */
  target: string[];
}

/**
 * Every regular file under `site/folder`, as a copy to `project/targetFolder`. Links, special files and names
 * that could mean another folder (a backslash) are noted and left out; `.git` and `.DS_Store` are skipped.
 */
export function planCopy(site: string, folder: string, targetFolder: string, notes: ImportNote[]): PlannedCopy[] {
  const root = path.join(site, folder);
  const stat = fs.lstatSync(root, { throwIfNoEntry: false });
  if (!stat) {
    if (folder === 'content') notes.push({ file: 'content/', what: 'missing', why: 'the site has no pages to copy.' });
    return [];
  }
  if (stat.isSymbolicLink()) {
    notes.push({ file: `${folder}/`, what: `is a symbolic link to ${shownLink(root)}`, why: `not followed, so that nothing from elsewhere is copied: make ${folder}/ a real folder and import again.` });
    return [];
  }
  if (!stat.isDirectory()) {
    notes.push({ file: folder, what: 'is not a folder', why: 'nothing was copied from it.' });
    return [];
  }
  const copies: PlannedCopy[] = [];
  const visit = (absolute: string, names: string[]) => {
    const file = [folder, ...names].join('/');
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch (error) {
      notes.push({ file: `${file}/`, what: `cannot be read (${(error as NodeJS.ErrnoException | null)?.code ?? String(error)})`, why: 'nothing in it was copied.' });
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (skippedNames.has(entry.name)) continue;
      const entryNames = [...names, entry.name];
      const entryFile = [folder, ...entryNames].join('/');
      const full = path.join(absolute, entry.name);
      const nameProblem = unsafeName(entry.name);
      if (nameProblem) {
        notes.push({ file: entryFile, what: `its name ${nameProblem}`, why: 'not copied: rename it.' });
        continue;
      }
      if (entry.isSymbolicLink()) {
        notes.push({ file: entryFile, what: `is a symbolic link to ${shownLink(full)}`, why: 'not followed, so that nothing from elsewhere is copied: put the file itself in its place.' });
        continue;
      }
      if (entry.isDirectory()) {
        visit(full, entryNames);
        continue;
      }
      if (!entry.isFile()) {
        notes.push({ file: entryFile, what: 'is not a regular file (a pipe, socket or device)', why: 'not copied.' });
        continue;
      }
      const first = entryNames[0] ?? '';
      const reserved = targetFolder === 'public' && !hostNames.has(first) ? reservedUrlSegments.get(first) : undefined;
      if (reserved !== undefined) {
        notes.push({ file: entryFile, what: `not copied: /${shownText(first)} is the export's own`, why: `it holds ${reserved}. Move the file elsewhere in static/ if it is still needed.` });
        continue;
      }
      copies.push({ source: full, file: entryFile, target: [targetFolder, ...entryNames] });
    }
  };
  visit(root, []);
  return copies;
}

/** Why a file name from the site cannot be a name in the project, or undefined. */
function unsafeName(name: string): string | undefined {
  if (name.includes('\0')) return 'holds a NUL character';
  if (name.includes('\\')) return 'holds a backslash, which Windows reads as a folder separator';
  if (name.includes('/') || name === '.' || name === '..' || path.isAbsolute(name)) return 'names another folder';
  return undefined;
}

function shownLink(link: string): string {
  let target: string;
  try {
    target = fs.readlinkSync(link);
  } catch {
    return '(unreadable)';
  }
  return shownText(target.length > 120 ? `${target.slice(0, 120)}…` : target);
}

// ---------------------------------------------------------------------------------------------------------
// Writing.

/**
 * Writes into the project only: each destination must lie under the project folder (path.relative), each folder
 * on the way is created one name at a time and must be a real folder, not a link; a new file is created
 * exclusively (never through a link), and a replaced one is written beside it and renamed over it, so that a
 * link or a hard link in the project's place is replaced rather than written through.
 */
class ProjectWriter {
  constructor(
    private readonly project: string,
    private readonly overwrite: boolean,
    private readonly notes: ImportNote[],
    private readonly written: string[],
  ) {}

  copy(copy: PlannedCopy): void {
    let source: number;
    try {
      source = fs.openSync(copy.source, fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0));
    } catch (error) {
      this.notes.push({ file: copy.file, what: `cannot be read (${errorCode(error) === 'ELOOP' ? 'it became a symbolic link' : errorCode(error)})`, why: 'not copied.' });
      return;
    }
    try {
      const stat = fs.fstatSync(source);
      if (!stat.isFile()) {
        this.notes.push({ file: copy.file, what: 'is not a regular file', why: 'not copied.' });
        return;
      }
      const existing = this.destination(copy.target);
      if (existing && existing.dev === stat.dev && existing.ino === stat.ino) {
        this.notes.push({ file: copy.file, what: `is ${copy.target.join('/')} itself`, why: 'the site and the project are the same folder; nothing to copy.' });
        return;
      }
      this.write(copy.file, copy.target, (fd) => copyBytes(source, fd));
    } finally {
      fs.closeSync(source);
    }
  }

  /** Writes the file at `target` (names under the project) with `fill`, or notes why not. `file` is the site's file it comes from. */
  write(file: string, target: string[], fill: (fd: number) => void): void {
    const shownTarget = shownText(target.join('/'));
    const absolute = projectDestination(this.project, target);
    if (absolute === undefined) {
      this.notes.push({ file, what: `would be written to ${shownTarget}`, why: "refused: the importer writes only into the project's content/, public/ and site.config.ts." });
      return;
    }
    try {
      const folderProblem = this.makeFolders(target.slice(0, -1));
      if (folderProblem) {
        this.notes.push({ file, what: `not written: ${shownText(folderProblem)} in the project is not a folder (a file or a symbolic link)`, why: 'move it away and import again.' });
        return;
      }
      const existing = fs.lstatSync(absolute, { throwIfNoEntry: false });
      if (existing && !this.overwrite) {
        this.notes.push({ file, what: `not written: ${shownTarget} already exists in the project`, why: 'kept as it is; import again with --overwrite to replace it.' });
        return;
      }
      if (existing?.isDirectory()) {
        this.notes.push({ file, what: `not written: ${shownTarget} is a folder in the project`, why: 'move it away and import again.' });
        return;
      }
      if (existing) this.replace(absolute, fill);
      else this.create(absolute, fill);
      this.written.push(target.join('/'));
    } catch (error) {
      const code = errorCode(error);
      this.notes.push(
        code === 'EEXIST'
          ? { file, what: `not written: ${shownTarget} appeared in the project meanwhile`, why: 'kept as it is; import again with --overwrite to replace it.' }
          : { file, what: `not written to ${shownTarget} (${code})`, why: 'check the project folder and import again.' },
      );
    }
  }

  /** The file now at `target`, if it is a regular file (for the same-file check). */
  private destination(target: string[]): fs.Stats | undefined {
    try {
      const stat = fs.lstatSync(path.join(this.project, ...target), { throwIfNoEntry: false });
      return stat?.isFile() ? stat : undefined;
    } catch {
      return undefined; // A file where a folder on the way should be: write() names it.
    }
  }

  /** Creates the folders one at a time; returns the first name (relative) that exists but is not a real folder. */
  private makeFolders(names: string[]): string | undefined {
    let current = this.project;
    for (const [index, name] of names.entries()) {
      current = path.join(current, name);
      const stat = fs.lstatSync(current, { throwIfNoEntry: false });
      if (!stat) fs.mkdirSync(current);
      else if (!stat.isDirectory()) return names.slice(0, index + 1).join('/');
    }
    return undefined;
  }

  private create(absolute: string, fill: (fd: number) => void): void {
    const fd = fs.openSync(absolute, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
    try {
      fill(fd);
    } finally {
      fs.closeSync(fd);
    }
  }

  private replace(absolute: string, fill: (fd: number) => void): void {
    const temporary = path.join(path.dirname(absolute), `.import-zola-${process.pid}-${Date.now()}.tmp`);
    try {
      this.create(temporary, fill);
      fs.renameSync(temporary, absolute);
    } finally {
      fs.rmSync(temporary, { force: true });
    }
  }
}

/**
 * The absolute path of `target` (names under the project), if it is site.config.ts or lies under content/ or
 * public/: every name a plain file name (no `..`, separator, backslash or NUL), and path.relative agreeing.
 */
export function projectDestination(project: string, target: readonly string[]): string | undefined {
  const [top] = target;
  const allowed = top === 'site.config.ts' ? target.length === 1 : (top === 'content' || top === 'public') && target.length > 1;
  if (!allowed || target.some((name) => name === '' || unsafeName(name) !== undefined)) return undefined;
  const absolute = path.join(project, ...target);
  const relative = path.relative(project, absolute);
  const inside = relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  return inside && relative.split(path.sep).join('/') === target.join('/') ? absolute : undefined;
}

function copyBytes(from: number, to: number): void {
  const buffer = Buffer.alloc(64 * 1024);
  for (;;) {
    const read = fs.readSync(from, buffer, 0, buffer.length, null);
    if (read === 0) return;
    writeAll(to, buffer.subarray(0, read));
  }
}

function writeAll(fd: number, bytes: Buffer): void {
  let offset = 0;
  while (offset < bytes.length) offset += fs.writeSync(fd, bytes, offset, bytes.length - offset);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? error.message : String(error));
}

// ---------------------------------------------------------------------------------------------------------
// Pages: what the build will refuse, and shortcodes the engine does not have.

/**
 * Notes for the pages among the copied files: front matter the engine refuses, files beside a page that a
 * bundle cannot carry (HTML, scripts), and calls of shortcodes the engine does not expand, each at its line.
 */
export function pageNotes(site: string, copies: readonly PlannedCopy[], shortcodes: ShortcodeSupport | undefined): ImportNote[] {
  const notes: ImportNote[] = [];
  // Files that were not copied (links) are already listed with the reason.
  const copied = new Set(copies.map((copy) => copy.file));
  const collect = (error: unknown, named: (file: string) => string = (file) => file) => {
    const errors = error instanceof ContentErrors ? error.errors : error instanceof ContentError ? [error] : [];
    for (const { location, problem, hint } of errors) {
      const file = named(location.file);
      // A link beside a page is listed once, as the link it is (not copied).
      if (!copied.has(file) || /, a symbolic link\b/.test(problem)) continue;
      notes.push({ file, line: location.line, what: problem.replace(/\.$/, ''), why: hint ?? 'the build refuses it.' });
    }
  };
  // bundleAssets names files as the build shows them (from the current folder); here they are named from the site.
  const fromSite = (file: string) => {
    const relative = path.relative(site, path.resolve(file));
    return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative.split(path.sep).join('/') : file;
  };
  const contentRoot = path.join(site, 'content');
  for (const copy of copies) {
    const names = copy.target.slice(1);
    const name = names.at(-1) ?? '';
    if (copy.target[0] !== 'content' || !pageFilePattern.test(name)) continue;
    const isSection = /^_index\.mdx?$/.test(name);
    if (names.slice(0, -1).some(isPrivateName) || (isPrivateName(name) && !isSection)) continue;
    if (isSection || /^index\.mdx?$/.test(name)) {
      try {
        bundleAssets(copy.source, contentRoot, isSection ? 'section' : 'bundle');
      } catch (error) {
        collect(error, fromSite);
      }
    }
    let source: string;
    try {
      const bytes = readAtMost(copy.source, maxPageBytes + 1);
      if (bytes.length > maxPageBytes) continue; // The build names it, with its size.
      source = decodeContent(bytes, copy.file);
    } catch (error) {
      collect(error);
      continue;
    }
    try {
      if (isSection) parseSource(copy.file, source, 'section');
      else parseSource(copy.file, source);
    } catch (error) {
      collect(error);
    }
    if (!shortcodes) continue;
    const { body, firstLine } = pageBody(source);
    for (const call of shortcodes.find(body)) {
      if (shortcodes.supported.has(call.name)) continue;
      notes.push({
        file: copy.file,
        line: firstLine - 1 + call.line,
        what: `shortcode \`${shownText(call.name)}\``,
        why: 'the engine does not expand it (lib/markdown/zola-shortcodes.ts lists those it does): write its output in Markdown or HTML instead.',
      });
    }
  }
  return notes;
}

/** The body after `+++`/`---` front matter, and the file line it starts on. */
export function pageBody(source: string): { body: string; firstLine: number } {
  const lines = source.split('\n');
  const fence = lines[0]?.trimEnd();
  if (fence !== '+++' && fence !== '---') return { body: source, firstLine: 1 };
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === fence);
  if (closing < 0) return { body: source, firstLine: 1 };
  return { body: lines.slice(closing + 1).join('\n'), firstLine: closing + 2 };
}

// ---------------------------------------------------------------------------------------------------------
// What stays behind: templates/, sass/, themes/.

/** A note for each of the site's own templates, for sass/ and for each theme: none of them is used. */
export function leftBehind(site: string): ImportNote[] {
  const notes: ImportNote[] = [];
  for (const file of filesUnder(site, 'templates')) {
    const shortcode = /^templates\/shortcodes\/(.+)\.(html|md)$/.exec(file)?.[1];
    notes.push({
      file,
      what: shortcode ? `the site's own shortcode \`${shortcode}\` is not carried over` : 'not used',
      why: shortcode
        ? 'the engine expands only its own shortcodes; pages that call it are listed at their lines.'
        : file === 'templates/_giscus_script.html'
          ? "serene's comment script: copy its data-repo, data-repo-id, data-category and data-category-id into `comments` in site.config.ts."
          : "the site's own Tera templates are not carried over: the engine's layouts render every page.",
    });
  }
  if (fs.lstatSync(path.join(site, 'sass'), { throwIfNoEntry: false })) {
    notes.push({ file: 'sass/', what: 'not compiled', why: "the engine's stylesheets (Tailwind, app/globals.css) style the site; port the rules you need there." });
  }
  const themes = path.join(site, 'themes');
  const themesStat = fs.lstatSync(themes, { throwIfNoEntry: false });
  if (themesStat?.isDirectory()) {
    for (const entry of safeReaddir(themes)) {
      if (skippedNames.has(entry.name)) continue;
      notes.push({
        file: `themes/${entry.name}/`,
        what: 'not used',
        why: "a theme's templates, Sass and static files are not carried over: its features come from the engine (page options such as toc, copy, math, mermaid); copy static files your pages use into public/.",
      });
    }
  } else if (themesStat) {
    notes.push({ file: 'themes/', what: 'not used', why: "a theme's templates are not carried over." });
  }
  return notes;
}

/** The files under `site/folder`, relative to the site, links included by name and never followed. */
function filesUnder(site: string, folder: string): string[] {
  const root = path.join(site, folder);
  const stat = fs.lstatSync(root, { throwIfNoEntry: false });
  if (!stat) return [];
  if (!stat.isDirectory()) return [folder];
  const files: string[] = [];
  const visit = (absolute: string, relative: string) => {
    for (const entry of safeReaddir(absolute)) {
      if (skippedNames.has(entry.name)) continue;
      const name = `${relative}/${entry.name}`;
      if (entry.isDirectory()) visit(path.join(absolute, entry.name), name);
      else files.push(name);
    }
  };
  visit(root, folder);
  return files;
}

function safeReaddir(folder: string): fs.Dirent[] {
  try {
    return fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
  } catch {
    return [];
  }
}
