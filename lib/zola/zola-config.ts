import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import { ContentError, formatLocation } from '@/lib/errors';
import { anchorModes, type AnchorMode } from '@/lib/markdown/anchor-modes';
import { siteConfigSchema, taxonomyConfigSchema, type SiteConfig } from '@/lib/site-config-schema';
import { decodeContent } from '@/lib/content/source-file';

/**
 * A Zola site's config.toml, read as the hostile input it may be (a stranger's site), and turned into this
 * project's site.config.ts. Keys: https://www.getzola.org/documentation/getting-started/configuration/ and
 * serene's USAGE.md (`extra.sections`). What cannot be carried over becomes an ImportNote.
 */

/** Something of the Zola site the import could not carry over: where (relative to the Zola site), what, and why or what to do. */
export interface ImportNote {
  file: string;
  line?: number;
  what: string;
  why: string;
}

/** `file:line: what — why`, on one line whatever the file's name holds. */
export function formatImportNote(note: ImportNote): string {
  return shownText(`${formatLocation({ file: note.file, line: note.line })}: ${note.what} — ${note.why}`);
}

/** Notes by file, then line, then text: the order an author works through them. */
export function sortImportNotes(notes: readonly ImportNote[]): ImportNote[] {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return [...notes].sort((a, b) => byText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0) || byText(formatImportNote(a), formatImportNote(b)));
}

/** Why the import cannot start (no Zola site, no project, a config.toml it refuses): one line, never a stack. */
export class ZolaImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ZolaImportError';
    this.stack = `${this.name}: ${this.message}`;
  }
}

/**
 * Text from the Zola site (a file name, a value) as it may be printed: control characters, line and paragraph
 * separators and bidirectional overrides are written as `\u{…}`, so that a name cannot break a report line,
 * move the cursor or reorder what the terminal shows.
 */
export function shownText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, (character) => `\\u{${character.codePointAt(0)?.toString(16)}}`);
}

/** A config value as a report shows it: strings quoted and escaped, long ones cut, tables and lists summarised. */
export function shownValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = shownText(JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value));
    return quoted;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    const items = value.every((item) => !Array.isArray(item) && !isTable(item)) ? `[${value.map(shownValue).join(', ')}]` : undefined;
    return value.length === 0 ? '[]' : items !== undefined && items.length <= 80 ? items : '[…]';
  }
  if (isTable(value)) return Object.keys(value).length === 0 ? '{}' : '{…}';
  return String(value);
}

export type TomlTable = Record<string, unknown>;

export function isTable(value: unknown): value is TomlTable {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

/** Far above any real config.toml (serene's example is 2 KB); what a generated or malicious file reaches. */
export const maxConfigBytes = 1024 * 1024;
/** Tables and lists within each other; real configs nest three or four deep. */
export const maxConfigDepth = 32;
/** Items in one list; serene's sections and social links are a handful. */
export const maxConfigArrayItems = 10_000;

/**
 * Reads `siteRoot/config.toml` without following a symbolic link and without reading more than
 * maxConfigBytes + 1 bytes, and parses it. Throws ZolaImportError naming config.toml.
 */
export function readZolaConfig(siteRoot: string): { source: string; values: TomlTable } {
  const file = path.join(siteRoot, 'config.toml');
  const stat = fs.lstatSync(file, { throwIfNoEntry: false });
  if (!stat) throw new ZolaImportError(`${shownText(siteRoot)} is not a Zola site: it has no config.toml.`);
  if (stat.isSymbolicLink()) {
    throw new ZolaImportError('config.toml is a symbolic link; the importer reads only files of the Zola site itself. Replace the link with the file.');
  }
  if (!stat.isFile()) throw new ZolaImportError('config.toml is not a regular file.');
  if (stat.size > maxConfigBytes) throw tooBig();
  let bytes: Buffer;
  try {
    bytes = readAtMost(file, maxConfigBytes + 1);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException | null)?.code;
    const why = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? (error instanceof Error ? error.message : String(error));
    throw new ZolaImportError(`config.toml cannot be read (${why}).`);
  }
  if (bytes.length > maxConfigBytes) throw tooBig();
  let source: string;
  try {
    source = decodeContent(bytes, 'config.toml');
  } catch (error) {
    throw new ZolaImportError(error instanceof ContentError ? error.message : 'config.toml is not UTF-8 text.');
  }
  return { source, values: parseZolaConfig(source) };
}

function tooBig(): ZolaImportError {
  return new ZolaImportError(`config.toml is larger than ${maxConfigBytes / 1024 / 1024} MB; a Zola config is a few KB, so it is refused rather than parsed.`);
}

/** The first `limit` bytes of a regular file, opened without following a link (a FIFO or device is refused, not waited on). */
export function readAtMost(file: string, limit: number): Buffer {
  const noFollow = fs.constants.O_NOFOLLOW ?? 0;
  const noBlock = fs.constants.O_NONBLOCK ?? 0;
  const fd = fs.openSync(file, fs.constants.O_RDONLY | noFollow | noBlock);
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    // One byte more than the file holds shows whether it is larger than its size said (or than `limit`).
    const buffer = Buffer.alloc(Math.min(limit, stat.size + 1));
    let length = 0;
    while (length < buffer.length) {
      const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return buffer.subarray(0, length);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Parses config.toml's text. Before the parser sees it, each line's table header and dotted key is measured,
 * so that `[a.a.a.…]` with thousands of parts is refused rather than built; the parser itself stops inline
 * lists and tables deeper than maxConfigDepth; the parsed value is then measured once more, exactly.
 */
export function parseZolaConfig(source: string): TomlTable {
  for (const line of tomlLines(source)) {
    // The tables a line opens: its header's, or those of a dotted key's parts before the last.
    const depth = line.header ? line.table.length : line.table.length + (line.key?.length ?? 1) - 1;
    if (depth > maxConfigDepth) throw tooDeep(line.line);
  }
  let values: TomlTable;
  try {
    values = parseToml(source, { maxDepth: maxConfigDepth });
  } catch (error) {
    if (error instanceof TomlError) {
      if (/nested/.test(error.message)) throw tooDeep(error.line);
      const reason = (error.message.split('\n')[0] ?? '').replace(/^Invalid TOML document: /, '');
      throw new ZolaImportError(`config.toml:${error.line}:${error.column}: does not parse as TOML: ${shownText(reason)}.`);
    }
    throw error;
  }
  const problem = sizeProblem(values, [], 0);
  if (problem) {
    const line = configLineFinder(source)(problem.path);
    const where = line === undefined ? 'config.toml' : `config.toml:${line}`;
    throw new ZolaImportError(
      problem.kind === 'depth'
        ? `${where}: tables and lists nest deeper than ${maxConfigDepth} levels; refused.`
        : `${where}: a list of more than ${maxConfigArrayItems.toLocaleString('en')} items; refused.`,
    );
  }
  return values;
}

function tooDeep(line: number): ZolaImportError {
  return new ZolaImportError(`config.toml:${line}: tables and lists nest deeper than ${maxConfigDepth} levels; refused.`);
}

/** The first place the parsed config is deeper or longer than allowed. Recursion stops at maxConfigDepth + 1. */
function sizeProblem(value: unknown, at: string[], depth: number): { kind: 'depth' | 'items'; path: string[] } | undefined {
  if (!Array.isArray(value) && !isTable(value)) return undefined;
  if (depth > maxConfigDepth) return { kind: 'depth', path: at };
  if (Array.isArray(value) && value.length > maxConfigArrayItems) return { kind: 'items', path: at };
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((item, index) => [String(index), item]) : Object.entries(value);
  for (const [key, item] of entries) {
    const problem = sizeProblem(item, [...at, key], depth + 1);
    if (problem) return problem;
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Lines of config.toml: which table each line is in and which key it sets, for report lines and the depth
// check. Not a TOML parser: multi-line strings are skipped from an opening `"""`/`'''` after `=` to the next
// occurrence of the same quotes, which is never later than where the parser ends them.

interface TomlLine {
  line: number;
  /** The table the line belongs to, with the index of each array-of-tables element (`taxonomies`, `1`). */
  table: string[];
  header?: { segments: string[]; array: boolean };
  key?: string[];
}

function* tomlLines(source: string): Generator<TomlLine> {
  const lines = source.split('\n');
  let inString: string | undefined;
  let table: string[] = [];
  const arrayCounts = new Map<string, number>();
  for (let index = 0; index < lines.length; index++) {
    const text = lines[index] ?? '';
    if (inString !== undefined) {
      if (text.includes(inString)) inString = undefined;
      continue;
    }
    const trimmed = text.trimStart();
    if (trimmed.startsWith('[')) {
      const array = trimmed.startsWith('[[');
      const parsed = dottedKey(trimmed, array ? 2 : 1);
      if (!parsed) continue;
      // Too deep to be valid: not resolved (resolving is quadratic in the parts), only reported.
      table = parsed.segments.length > maxConfigDepth ? parsed.segments : resolveTable(parsed.segments, array, arrayCounts);
      yield { line: index + 1, table, header: { segments: parsed.segments, array } };
      continue;
    }
    const parsed = dottedKey(trimmed, 0);
    if (!parsed || trimmed[parsed.end] !== '=') continue;
    const value = trimmed.slice(parsed.end + 1).trimStart();
    for (const quotes of ['"""', "'''"]) {
      if (value.startsWith(quotes) && !value.slice(3).includes(quotes)) inString = quotes;
    }
    yield { line: index + 1, table, key: parsed.segments };
  }
}

/** A header's path with the index of every array-of-tables element it lies in (`[[a]]` twice → a.1). */
function resolveTable(segments: string[], array: boolean, counts: Map<string, number>): string[] {
  const resolved: string[] = [];
  for (const [position, segment] of segments.entries()) {
    resolved.push(segment);
    const joined = JSON.stringify(resolved);
    if (position === segments.length - 1 && array) {
      const count = (counts.get(joined) ?? 0) + 1;
      counts.set(joined, count);
      resolved.push(String(count - 1));
    } else {
      const count = counts.get(joined);
      if (count !== undefined) resolved.push(String(count - 1));
    }
  }
  return resolved;
}

const bareKey = /[A-Za-z0-9_-]+/y;

/** `a."b.c".'d'` from `start`, up to the `=` or `]` after it (whose position is `end`). */
function dottedKey(text: string, start: number): { segments: string[]; end: number } | undefined {
  const segments: string[] = [];
  let at = start;
  const skipSpace = () => {
    while (text[at] === ' ' || text[at] === '\t') at++;
  };
  for (;;) {
    skipSpace();
    const quote = text[at];
    if (quote === '"' || quote === "'") {
      let close = at + 1;
      while (close < text.length && text[close] !== quote) close += quote === '"' && text[close] === '\\' ? 2 : 1;
      if (close >= text.length) return undefined;
      const raw = text.slice(at + 1, close);
      segments.push(quote === '"' ? unescapeBasic(raw) : raw);
      at = close + 1;
    } else {
      bareKey.lastIndex = at;
      const bare = bareKey.exec(text)?.[0];
      if (bare === undefined) return undefined;
      segments.push(bare);
      at += bare.length;
    }
    skipSpace();
    if (text[at] !== '.') return { segments, end: at };
    at++;
  }
}

function unescapeBasic(raw: string): string {
  try {
    const value: unknown = JSON.parse(`"${raw}"`);
    return typeof value === 'string' ? value : raw;
  } catch {
    return raw;
  }
}

/**
 * A lookup of the line of config.toml that sets `keyPath` (`['markdown', 'smart_punctuation']`,
 * `['taxonomies', '1', 'name']`): the first line setting it or a key or table under it, else the line of the
 * key whose inline value holds it; undefined when there is none. The file is scanned once.
 */
export function configLineFinder(source: string): (keyPath: readonly string[]) => number | undefined {
  const firstUnder = new Map<string, number>();
  const keyLines = new Map<string, number>();
  for (const line of tomlLines(source)) {
    const full = line.header ? line.table : [...line.table, ...(line.key ?? [])];
    for (let length = 1; length <= full.length; length++) {
      const joined = JSON.stringify(full.slice(0, length));
      if (!firstUnder.has(joined)) firstUnder.set(joined, line.line);
    }
    if (!line.header && !keyLines.has(JSON.stringify(full))) keyLines.set(JSON.stringify(full), line.line);
  }
  return (keyPath) => {
    const exact = firstUnder.get(JSON.stringify(keyPath));
    if (exact !== undefined) return exact;
    for (let length = keyPath.length - 1; length > 0; length--) {
      const holder = keyLines.get(JSON.stringify(keyPath.slice(0, length)));
      if (holder !== undefined) return holder;
    }
    return undefined;
  };
}

// ---------------------------------------------------------------------------------------------------------
// config.toml → SiteConfig.

/** The per-page defaults of the shipped site.config.ts; Zola's own defaults differ, and pages may still set theirs. */
const shippedDefaults: SiteConfig['defaults'] = {
  math: false,
  insert_anchor_links: 'right',
  toc: false,
  copy: false,
  mermaid: false,
  comment: false,
  reaction: false,
  template: 'prose',
};

type Handler = (value: unknown, at: string[]) => void;

/**
 * The site config a Zola config.toml makes, checked against siteConfigSchema, and a note for each setting it
 * could not carry over. A value the schema refuses (a base_url that is not a URL) is replaced by a
 * placeholder that it accepts, and noted, so that the file written always builds; `config` is undefined only
 * if the result still fails the schema.
 */
export function siteConfigFromZola(values: TomlTable, source: string): { config: SiteConfig | undefined; notes: ImportNote[] } {
  const notes: ImportNote[] = [];
  const lineOf = configLineFinder(source);
  const sourceLines = source.split('\n');
  // An item of a list written over several lines (serene's sections, one a line) is found by its text.
  const itemLine = (at: readonly string[], item: unknown): number | undefined => {
    const holder = lineOf(at);
    const needle = isTable(item) ? [item.path, item.name].find((value) => typeof value === 'string') : undefined;
    if (holder === undefined || typeof needle !== 'string' || at.every((segment) => !/^\d+$/.test(segment))) return holder;
    const quoted = [JSON.stringify(needle), `'${needle}'`];
    const found = sourceLines.slice(holder - 1, holder + 999).findIndex((text) => quoted.some((form) => text.includes(form)));
    return found < 0 ? holder : holder + found;
  };
  const note = (at: readonly string[], what: string, why: string, item?: unknown) => {
    notes.push({ file: 'config.toml', line: item === undefined ? lineOf(at) : itemLine(at, item), what, why });
  };
  const setting = (at: readonly string[], value: unknown) => `\`${at.join('.')} = ${shownValue(value)}\``;
  const extra = isTable(values.extra) ? values.extra : {};

  const title = nonEmptyString(values.title);
  if (title === undefined) note(['title'], 'no `title`', 'site.config.ts names the site "My site"; set `name` there.');
  const name = title ?? 'My site';

  const givenDescription = nonEmptyString(values.description);
  if (givenDescription === undefined) {
    note(['description'], 'no `description`', "site.config.ts uses the site's name; write one sentence there for search results and feeds.");
  }

  const authors = Array.isArray(values.authors) ? values.authors.filter((item): item is string => nonEmptyString(item) !== undefined) : [];
  const author = nonEmptyString(extra.author) ?? nonEmptyString(values.author) ?? (authors.length > 0 ? authors.join(', ') : undefined) ?? nonEmptyString(extra.name) ?? name;

  let baseUrl = 'https://example.com';
  const givenBaseUrl = values.base_url;
  const checkedUrl = siteConfigSchema.shape.baseUrl.safeParse(givenBaseUrl);
  if (!checkedUrl.success || !/^https?:$/.test(new URL(checkedUrl.data).protocol)) {
    note(
      ['base_url'],
      givenBaseUrl === undefined ? 'no `base_url`' : setting(['base_url'], givenBaseUrl),
      'is not a full http(s) address; site.config.ts has https://example.com: set `baseUrl` to where the site is deployed (canonical URLs and feeds use it).',
    );
  } else {
    const url = new URL(checkedUrl.data);
    baseUrl = url.origin;
    const sitePath = url.pathname.replace(/\/+$/, '');
    if (sitePath !== '') {
      note(['base_url'], setting(['base_url'], givenBaseUrl), `the site is served under ${shownText(sitePath)}: \`baseUrl\` holds the origin only; build with BASE_PATH=${shownText(sitePath)}.`);
    }
    if (url.search !== '' || url.hash !== '') {
      note(['base_url'], setting(['base_url'], givenBaseUrl), 'its query or fragment is dropped: `baseUrl` is the origin only.');
    }
  }

  let lang = 'en';
  if (values.default_language !== undefined) {
    const checkedLang = siteConfigSchema.shape.lang.safeParse(values.default_language);
    if (checkedLang.success) lang = checkedLang.data;
    else note(['default_language'], setting(['default_language'], values.default_language), 'is not a language tag such as "en" or "pt-BR"; site.config.ts has "en".');
  }

  const defaults = { ...shippedDefaults };
  const nav = navFromSections(extra.sections, (at, what, why) => note(['extra', 'sections', ...at], what, why, sectionItem(extra.sections, at)));
  const taxonomies = taxonomiesFromZola(values.taxonomies, values.default_language, (at, what, why) => note(['taxonomies', ...at], what, why, sectionItem(values.taxonomies, at)));

  const unsupported = (why: string): Handler => (value, at) => note(at, setting(at, value), why);
  const when = (applies: (value: unknown) => boolean, handler: Handler): Handler => (value, at) => {
    if (applies(value)) handler(value, at);
  };
  const isTrue = (value: unknown) => value === true;
  const isFalse = (value: unknown) => value === false;
  const isSet = (value: unknown) => !(value === false || value === '' || (Array.isArray(value) && value.length === 0) || (isTable(value) && Object.keys(value).length === 0));
  const ignore: Handler = () => undefined;
  const highlightTheme = unsupported('code is highlighted with the engine\'s own colours (app/code-blocks.css), in light and dark; a Zola highlight theme is not used.');
  const wholeTable = (why: string): Handler => (value, at) => {
    if (isSet(value)) note(at, `\`[${at.join('.')}]\``, why);
  };

  const markdownKeys: Record<string, Handler> = {
    highlight_code: ignore,
    highlight_theme: highlightTheme,
    highlight_themes_css: highlightTheme,
    highlighting: wholeTable('code is highlighted with the engine\'s own colours (app/code-blocks.css); Zola\'s highlighting settings are not used.'),
    extra_syntaxes_and_themes: highlightTheme,
    extra_syntaxes: highlightTheme,
    extra_themes: highlightTheme,
    insert_anchor_links: (value, at) => {
      if (typeof value === 'string' && (anchorModes as readonly string[]).includes(value)) defaults.insert_anchor_links = value as AnchorMode;
      else note(at, setting(at, value), `is not one of ${anchorModes.join(', ')}; site.config.ts has "${defaults.insert_anchor_links}".`);
    },
    lazy_async_image: ignore,
    render_emoji: when(isTrue, unsupported('emoji shortcodes such as :smile: stay as written; type the emoji itself.')),
    smart_punctuation: when(isTrue, unsupported('quotes, dashes and dots stay as typed; write “ ” – … where you want them.')),
    definition_list: when(isTrue, unsupported('definition lists are not parsed; write them as HTML <dl> or as a list.')),
    github_alerts: ignore,
    bottom_footnotes: when(isFalse, unsupported('footnotes always go to the bottom of the page (GitHub\'s style).')),
    external_links_target_blank: when(isTrue, unsupported('links to other sites open in the same tab; add target="_blank" to a link in HTML where you want a new one.')),
    external_links_no_follow: when(isTrue, unsupported('links to other sites get rel="external noopener noreferrer", not nofollow.')),
    external_links_no_referrer: when(isFalse, unsupported('links to other sites always get rel="noreferrer".')),
    external_links_external: when(isFalse, unsupported('links to other sites always get rel="external", which the stylesheet marks.')),
    external_links_class: when(isSet, unsupported('links to other sites get rel="external", not a class; style `a[rel~="external"]`.')),
  };

  const slugifyWhy = "the engine makes URLs from file names its own way (lower case, spaces as `-`, letters of every script kept; lib/content/page-urls.ts), so some URLs may differ.";
  const slugifyKeys: Record<string, Handler> = {
    paths: when((value) => value !== 'on', unsupported(slugifyWhy)),
    taxonomies: when((value) => value !== 'on', unsupported(slugifyWhy)),
    anchors: when((value) => value !== 'on', unsupported('heading ids are made by GitHub\'s rules (github-slugger), so some #anchors may differ.')),
    paths_keep_dates: when(isTrue, unsupported(slugifyWhy)),
  };

  const topKeys: Record<string, Handler> = {
    base_url: ignore,
    title: ignore,
    description: ignore,
    default_language: ignore,
    author: ignore,
    authors: ignore,
    taxonomies: ignore,
    extra: (value, at) => {
      if (!isTable(value)) note(at, setting(at, value), 'is not a table; not carried over.');
    },
    output_dir: ignore,
    preserve_dotfiles_in_output: ignore,
    hard_link_static: ignore,
    highlight_code: ignore,
    highlight_theme: highlightTheme,
    extra_syntaxes: highlightTheme,
    generate_feed: when(isFalse, unsupported('the engine writes the site\'s Atom feed (/atom.xml) anyway.')),
    generate_feeds: when(isFalse, unsupported('the engine writes the site\'s Atom feed (/atom.xml) anyway.')),
    feed_filename: (value, at) => feedFilenamesNote(value, at),
    feed_filenames: (value, at) => feedFilenamesNote(value, at),
    feed_limit: unsupported('feeds list every page; there is no limit setting.'),
    generate_sitemap: when(isFalse, unsupported('the engine writes /sitemap.xml anyway.')),
    generate_robots_txt: when(isFalse, unsupported('the engine writes /robots.txt anyway (app/robots.ts).')),
    exclude_paginated_pages_in_sitemap: when((value) => value !== 'none', unsupported('the sitemap lists the pages the engine makes; this setting is not used.')),
    compile_sass: when(isTrue, unsupported('Sass is not compiled: the engine\'s stylesheets (Tailwind, app/globals.css) style the site; see sass/.')),
    minify_html: when(isTrue, unsupported('the export\'s HTML is written as Next.js renders it; there is no minify setting.')),
    build_search_index: when(isTrue, unsupported('no search index is built: the engine has no site search.')),
    search: wholeTable('no search index is built: the engine has no site search.'),
    theme: when(isSet, unsupported("a theme's templates are not carried over: its features (serene's prose template, table of contents, copy buttons, math, diagrams, comments, reactions) come from the engine, as page options.")),
    ignored_content: when(isSet, unsupported('these patterns are not applied: every file of content/ was copied; delete the ones you do not want.')),
    ignored_static: when(isSet, unsupported('these patterns are not applied: every file of static/ was copied to public/; delete the ones you do not want.')),
    taxonomy_root: unsupported('taxonomy pages are at the site\'s root (/tags/…); a root path for them is not supported.'),
    translations: wholeTable('the interface text is the engine\'s; translations for templates are not used.'),
    languages: wholeTable('a site has one language (`lang`); pages in other languages (*.fr.md) were copied but do not make a translated tree.'),
    link_checker: wholeTable('the engine has no link-checker settings; `npm run check` checks the built site\'s own links.'),
    markdown: (value, at) => {
      if (!isTable(value)) return note(at, setting(at, value), 'is not a table; ignored.');
      for (const [key, item] of Object.entries(value)) (markdownKeys[key] ?? unknownKey)(item, [...at, key]);
    },
    slugify: (value, at) => {
      if (!isTable(value)) return note(at, setting(at, value), 'is not a table; ignored.');
      for (const [key, item] of Object.entries(value)) (slugifyKeys[key] ?? unknownKey)(item, [...at, key]);
    },
  };

  function feedFilenamesNote(value: unknown, at: string[]) {
    const names = Array.isArray(value) ? value : [value];
    if (names.length === 1 && names[0] === 'atom.xml') return;
    note(at, setting(at, value), 'the engine writes Atom feeds named atom.xml (the site\'s, each section\'s and each term\'s); readers subscribed to another name need a redirect to atom.xml.');
  }
  function unknownKey(value: unknown, at: string[]) {
    note(at, setting(at, value), 'is not a Zola setting the importer knows; it was not carried over.');
  }

  for (const [key, value] of Object.entries(values)) (topKeys[key] ?? unknownKey)(value, [key]);
  if (extra.reaction === true) {
    note(['extra', 'reaction'], setting(['extra', 'reaction'], true), "serene's reaction endpoint speaks another protocol; set `reactions.endpoint` in site.config.ts to one that speaks lib/social/reactions.ts's, then turn `reaction` on in `defaults`.");
  }

  // serene's site chrome (config.example.toml's [extra]) as the config's own keys.
  const theme = extra.force_theme === 'light' || extra.force_theme === 'dark' ? extra.force_theme : undefined;
  if (extra.force_theme !== undefined && extra.force_theme !== false && theme === undefined) {
    note(['extra', 'force_theme'], setting(['extra', 'force_theme'], extra.force_theme), 'is not "light", "dark" or false; the site follows the visitor\'s theme.');
  }
  const footerText = nonEmptyString(extra.footer_copyright);
  const notFoundHeading = nonEmptyString(extra.not_found_error_text);
  const notFoundLink = nonEmptyString(extra.not_found_recover_text);

  const config: SiteConfig = {
    name,
    description: givenDescription ?? name,
    author,
    baseUrl,
    lang,
    nav,
    clientRuntime: false,
    defaults,
    taxonomies,
    feedFilename: 'atom.xml',
    ...(theme && { theme }),
    ...((footerText !== undefined || extra.footer_credits === true) && { footer: { ...(footerText !== undefined && { text: footerText }), credits: extra.footer_credits === true } }),
    ...((notFoundHeading !== undefined || notFoundLink !== undefined) && {
      notFound: { heading: notFoundHeading ?? 'Page not found', homeLinkText: notFoundLink ?? 'Go to the home page' },
    }),
    extra: plainData(extra),
    pageCompileTimeLimitSeconds: 10,
    budgets: { page: 8, pages: {} },
  };
  const checked = siteConfigSchema.safeParse(config);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      notes.push({ file: 'config.toml', what: `site.config.ts was not written: \`${issue.path.join('.') || '(root)'}\`: ${shownText(issue.message)}`, why: 'fix config.toml and import again.' });
    }
    return { config: undefined, notes };
  }
  return { config, notes };
}

/** The item of `list` that `at` (`['2', 'name']`) points into. */
function sectionItem(list: unknown, at: readonly string[]): unknown {
  const index = Number(at[0]);
  return Array.isArray(list) && Number.isInteger(index) ? list[index] : undefined;
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * serene's `extra.sections` (`[{ name, path, is_external }]`) as nav links. A site path is made to start and
 * end with `/` (`posts` → `/posts/`) unless it names a file (`/cv.pdf`); links to other sites, and paths
 * that could leave the site (`//host`, backslashes), are noted instead.
 */
function navFromSections(sections: unknown, note: (at: string[], what: string, why: string) => void): SiteConfig['nav'] {
  if (sections === undefined) return [];
  if (!Array.isArray(sections)) {
    note([], `\`extra.sections = ${shownValue(sections)}\``, 'is not a list of `{ name, path, is_external }`; nav is empty.');
    return [];
  }
  const nav: SiteConfig['nav'] = [];
  for (const [index, section] of sections.entries()) {
    const at = [String(index)];
    if (!isTable(section)) {
      note(at, `section ${index + 1} of \`extra.sections\``, 'is not a table `{ name, path, is_external }`; not in nav.');
      continue;
    }
    const label = nonEmptyString(section.name);
    const written = typeof section.path === 'string' ? section.path : undefined;
    const shown = `section ${shownValue(section.name ?? '')} (${shownValue(section.path ?? '')})`;
    if (label === undefined || written === undefined) {
      note(at, shown, 'needs a `name` and a `path`; not in nav.');
      continue;
    }
    const external = /^https?:\/\//i.test(written.trim()) && URL.canParse(written.trim()) ? written.trim() : undefined;
    const href = external ?? (section.is_external === true ? undefined : siteHref(written));
    if (href === undefined) {
      note(
        at,
        shown,
        section.is_external === true || /^[a-z][a-z0-9+.-]*:/i.test(written)
          ? 'leads to another site by an address that is not http(s); nav links to other sites are https:// addresses.'
          : 'is not a site path; nav holds paths such as /posts/.',
      );
      continue;
    }
    nav.push({ label, href });
  }
  return nav;
}

/** `posts`, `/posts`, `/posts/#top` → `/posts/`, `/posts/#top`; `/cv.pdf` stays; undefined for anything that is not a plain site path. */
export function siteHref(written: string): string | undefined {
  const [, pathPart = '', suffix = ''] = /^([^?#]*)(.*)$/s.exec(written.trim()) ?? [];
  if (/[\\\u0000-\u001f\u007f]/.test(written) || /^[a-z][a-z0-9+.-]*:/i.test(pathPart)) return undefined;
  const segments = pathPart.split('/').filter((segment) => segment !== '');
  if (pathPart.startsWith('//') || segments.some((segment) => segment === '.' || segment === '..')) return undefined;
  const last = segments.at(-1);
  const isFile = last !== undefined && /\.[A-Za-z0-9]+$/.test(last);
  const joined = `/${segments.join('/')}`;
  return `${isFile || joined === '/' ? joined : `${joined}/`}${suffix}`;
}

/** `[[taxonomies]]` as the schema's taxonomies: Zola's older `rss` and `generate_feeds` keys read as `feed`. */
function taxonomiesFromZola(value: unknown, defaultLanguage: unknown, note: (at: string[], what: string, why: string) => void): NonNullable<SiteConfig['taxonomies']> {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    note([], `\`taxonomies = ${shownValue(value)}\``, 'is not a list of `{ name, … }`; no taxonomies were carried over.');
    return [];
  }
  const taxonomies: NonNullable<SiteConfig['taxonomies']> = [];
  const known = new Set(['name', 'feed', 'rss', 'generate_feed', 'generate_feeds', 'paginate_by', 'paginate_path', 'render', 'lang']);
  for (const [index, item] of value.entries()) {
    const at = [String(index)];
    if (!isTable(item)) {
      note(at, `taxonomy ${index + 1}`, 'is not a table `{ name, … }`; not carried over.');
      continue;
    }
    const shownName = shownValue(item.name ?? '');
    if (item.lang !== undefined && item.lang !== (defaultLanguage ?? 'en')) {
      note(at, `taxonomy ${shownName} for lang ${shownValue(item.lang)}`, 'a site has one language; only the default language\'s taxonomies are carried over.');
      continue;
    }
    for (const key of Object.keys(item)) {
      if (!known.has(key)) note([...at, key], `taxonomy ${shownName}: \`${shownText(key)} = ${shownValue(item[key])}\``, 'is not a taxonomy setting the engine has; not carried over.');
    }
    const feed = [item.feed, item.generate_feeds, item.generate_feed, item.rss].find((flag) => typeof flag === 'boolean');
    const candidate = {
      name: item.name,
      feed: feed ?? false,
      ...(item.paginate_by !== undefined ? { paginate_by: item.paginate_by } : {}),
      ...(item.paginate_path !== undefined ? { paginate_path: item.paginate_path } : {}),
      render: item.render ?? true,
    };
    const checked = taxonomyConfigSchema.safeParse(candidate);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const key = String(issue.path[0] ?? 'name');
        note([...at, key], `taxonomy ${shownName}: \`${shownText(key)} = ${shownValue(item[key])}\``, `${shownText(issue.message)}; the taxonomy was not carried over.`);
      }
      continue;
    }
    if (taxonomies.some((taxonomy) => taxonomy.name === checked.data.name)) {
      note(at, `taxonomy ${shownName}`, 'is defined twice; the first one was kept.');
      continue;
    }
    taxonomies.push({
      name: checked.data.name,
      feed: checked.data.feed,
      ...(checked.data.paginate_by !== undefined ? { paginate_by: checked.data.paginate_by } : {}),
      ...(item.paginate_path !== undefined ? { paginate_path: checked.data.paginate_path } : {}),
      render: checked.data.render,
    });
  }
  return taxonomies;
}

/** TOML's values as plain data: tables as plain objects (own `__proto__` keys kept as data), dates as their text. */
function plainData(table: TomlTable): Record<string, unknown> {
  const convert = (value: unknown): unknown => {
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(convert);
    if (isTable(value)) {
      const object: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) Object.defineProperty(object, key, { value: convert(item), enumerable: true, writable: true, configurable: true });
      return object;
    }
    return value;
  };
  return convert(table) as Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------
// SiteConfig → site.config.ts.

/**
 * site.config.ts for `config`, in the shipped file's shape: a typed `const site: SiteConfig`, short comments.
 * Every string is written by JSON.stringify (and U+2028/U+2029 escaped), every key as an identifier or a
 * quoted string (`__proto__` computed, so it stays a key), so no value from config.toml can end the literal.
 */
export function siteConfigSource(config: SiteConfig): string {
  const entry = (key: keyof SiteConfig, ...comment: string[]) =>
    config[key] === undefined ? [] : [...comment.map((line) => `  // ${line}`), `  ${tsKey(key)}: ${tsLiteral(config[key], '  ')},`];
  return [
    "import type { SiteConfig } from '@/lib/site-config-schema';",
    '',
    '/**',
    " * The one place for site-wide settings, made by `npm run import:zola` from a Zola site's config.toml. Every",
    " * per-page flag has its default here; a page's front matter overrides it. Checked at build time by",
    ' * lib/site-config-schema.ts.',
    ' */',
    'const site: SiteConfig = {',
    ...entry('name'),
    ...entry('description'),
    ...entry('author'),
    ...entry('baseUrl'),
    ...entry('lang'),
    ...entry('nav', "serene's `extra.sections`: site paths, checked against the pages, and https:// links to other sites."),
    ...entry('clientRuntime', "Pages ship without Next.js's client runtime (no JavaScript at all); true brings it back for React islands."),
    ...entry('defaults'),
    ...entry('taxonomies', "Zola's [[taxonomies]]: a term in a page's front matter needs its taxonomy here."),
    ...entry('feedFilename', 'The site, each section and each term get an Atom feed under this name.'),
    ...entry('theme', "serene's `force_theme`: every page in this theme only, without the theme button."),
    ...entry('footer', "serene's `footer_copyright` and `footer_credits`."),
    ...entry('notFound', "serene's `not_found_error_text` and `not_found_recover_text`, on the 404 page."),
    ...entry('extra', "config.toml's [extra] table, as data for layouts (a page looks up page → section → site); dates as text."),
    ...entry(
      'pageCompileTimeLimitSeconds',
      'How long one page may take to compile, in seconds, before the build stops it and names it. Real pages take',
      'well under a second; raise it only for a very large page on a slow machine.',
    ),
    ...entry(
      'budgets',
      'What a first visit to a page may transfer, in KB (gzip), before the build fails and names the page: `page` for',
      "every page, `pages` for named ones (`{ '/': 32 }`). A page's math, code and drawings add what they weigh.",
    ),
    '};',
    '',
    'export default site;',
    '',
  ].join('\n');
}

/** A string as a TypeScript literal that evaluates to exactly that string. */
export function tsString(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

function tsKey(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : tsString(key);
}

/** Data as a TypeScript literal; flat lists and tables that fit stay on one line, like the shipped config's nav. */
export function tsLiteral(value: unknown, indent: string): string {
  if (typeof value === 'string') return tsString(value);
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'Number.NaN';
    if (value === Infinity) return 'Number.POSITIVE_INFINITY';
    if (value === -Infinity) return 'Number.NEGATIVE_INFINITY';
    return Object.is(value, -0) ? '-0' : String(value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Date) return tsString(value.toISOString());
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((item) => tsLiteral(item, inner));
    const oneLine = `[${items.join(', ')}]`;
    if (value.every((item) => !Array.isArray(item) && !isTable(item)) && oneLine.length + indent.length <= 100) return oneLine;
    return `[\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}]`;
  }
  if (isTable(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    const items = entries.map(([key, item]) => `${tsKey(key)}: ${tsLiteral(item, inner)}`);
    const oneLine = `{ ${items.join(', ')} }`;
    if (isFlat(value) && oneLine.length + indent.length <= 100) return oneLine;
    return `{\n${items.map((item) => `${inner}${item},`).join('\n')}\n${indent}}`;
  }
  throw new Error(`no TypeScript literal for a ${typeof value}`);
}

function isFlat(table: TomlTable): boolean {
  return Object.values(table).every((item) => !Array.isArray(item) && !isTable(item));
}
