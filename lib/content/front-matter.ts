import matter from 'gray-matter';
import { parse as parseToml, TomlError } from 'smol-toml';
import { z } from 'zod';
import { closestWord, editDistance } from './closest-word';
import { sereneFieldNames } from './serene-fields';
import { ContentError, ContentErrors } from '@/lib/errors';
import { languageTagSchema, pageOptionsSchema } from '@/lib/page-options';
import { sortModes } from './sort-modes';

const dateSchema = z
  .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true, local: true })])
  .transform((value) => {
    if (typeof value === 'string') return value;
    const iso = value.toISOString();
    // YAML and TOML both read a bare 2024-05-01 as midnight UTC: keep it a date.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  });

const optionFields = pageOptionsSchema.omit({ template: true }).partial().shape;

/**
 * A template name. The engine's own (`prose`) sets the page's layout; a Zola site's file names (`page.html`,
 * `post.html`, `section.html`) are accepted as written, so that its pages move over unchanged, and the engine
 * picks the layout for the kind of page.
 */
const templateFieldSchema = z.string().regex(/^(?:prose|[\w./-]+\.html)$/, 'a template name such as "page.html"');

/**
 * Zola's [extra] table: free values for layouts, of which the engine reads a few (the visible title when it
 * differs from <title>, the language, the per-page switches); those are checked, the rest kept as written.
 */
const extraSchema = z.looseObject({
  title: z.string().min(1).optional(),
  lang: languageTagSchema.optional(),
  ...optionFields,
  template: templateFieldSchema.optional(),
});

/** A site path or URL path a page also answers at (Zola's `aliases`): `/old/`, `old/post.html`. */
const aliasSchema = z.string().min(1).max(512);

/** The fields of every content file, page or section. */
const commonFields = {
  title: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  draft: z.boolean().optional(),
  lang: languageTagSchema.optional(),
  ...optionFields,
  template: templateFieldSchema.optional(),
  aliases: z.array(aliasSchema).max(100).optional(),
  /** The picture of the page's link previews (og:image): a picture beside the page or in public/, or an https URL. */
  image: z.string().min(1).max(2048).optional(),
  weight: z.number().int().optional(),
  in_search_index: z.boolean().optional(),
  extra: extraSchema.optional(),
};

/** Every field a page may set. The page type is derived from this; nothing else decides defaults. */
export const frontMatterSchema = z.strictObject({
  ...commonFields,
  date: dateSchema.optional(),
  updated: dateSchema.optional(),
  /** Replaces the last segment of the URL the file name makes. */
  slug: z.string().min(1).max(200).optional(),
  /** Replaces the whole URL path the file's place makes: `path = "hello/world"` → /hello/world/. */
  path: z.string().min(1).max(512).optional(),
  authors: z.array(z.string().min(1)).optional(),
  /** Terms per taxonomy of site.config.ts: `[taxonomies]` / `tags = ["rust"]`. */
  taxonomies: z.record(z.string(), z.array(z.string().min(1).max(200)).max(200)).optional(),
});
export type FrontMatter = z.output<typeof frontMatterSchema>;

export { sortModes, type SortMode } from './sort-modes';

/** The front matter of a section's `_index.md`: Zola's section fields, and the per-page switches as its pages' defaults. */
export const sectionFrontMatterSchema = z.strictObject({
  ...commonFields,
  sort_by: z.enum(sortModes).optional(),
  page_template: templateFieldSchema.optional(),
  paginate_by: z.number().int().min(1, 'at least 1 (leave it out for no pagination)').optional(),
  paginate_path: z.string().regex(/^[a-z0-9_-]+$/, 'a URL segment such as "page"').optional(),
  paginate_reversed: z.boolean().optional(),
  render: z.boolean().optional(),
  redirect_to: z.string().min(1).max(2048).optional(),
  transparent: z.boolean().optional(),
  generate_feeds: z.boolean().optional(),
  /** Zola before 0.19. */
  generate_feed: z.boolean().optional(),
});
export type SectionFrontMatter = z.output<typeof sectionFrontMatterSchema>;

export type FrontMatterFormat = 'yaml' | 'toml' | 'none';

export interface ParsedSource<T = FrontMatter> {
  frontMatter: T;
  frontMatterFormat: FrontMatterFormat;
  /** The Markdown after the front matter. */
  body: string;
  /** The file line on which the body's first line sits, to report body problems where the author sees them. */
  bodyStartLine: number;
  /** The file line that sets a front-matter key (`['taxonomies', 'tags']`), or 1. */
  lineOf(keyPath: readonly string[]): number;
}

const tomlEngine = { parse: (source: string) => parseToml(source) as object };

/** Splits a content file into validated front matter and body. Throws ContentError with the file and line. */
export function parseSource(file: string, source: string): ParsedSource;
export function parseSource(file: string, source: string, kind: 'section'): ParsedSource<SectionFrontMatter>;
export function parseSource(file: string, source: string, kind: 'page' | 'section' = 'page'): ParsedSource<FrontMatter | SectionFrontMatter> {
  const schema = kind === 'section' ? sectionFrontMatterSchema : frontMatterSchema;
  const frontMatterFormat: FrontMatterFormat = /^\+\+\+\r?\n/.test(source)
    ? 'toml'
    : /^---\r?\n/.test(source)
      ? 'yaml'
      : 'none';

  // gray-matter would evaluate `---js` front matter as JavaScript; front matter is data, so it is refused here.
  const language = /^---([A-Za-z]\w*)[ \t]*\r?\n/.exec(source)?.[1];
  if (language !== undefined) {
    throw new ContentError(
      { file, line: 1 },
      `front matter in \`${language}\` is not supported: front matter is data, never code.`,
      'Write it as YAML between --- lines, or as TOML between +++ lines.',
    );
  }

  let data: Record<string, unknown> = {};
  let body = source;
  if (frontMatterFormat !== 'none') {
    const fence = frontMatterFormat === 'toml' ? '+++' : '---';
    // Without its closing line, the parser would read the whole page as front matter and report some later line.
    if (!source.split(/\r?\n/).slice(1).some((line) => line.trimEnd() === fence)) {
      throw new ContentError(
        { file, line: 1 },
        `front matter opened with ${fence} on line 1 is never closed.`,
        `End it with a ${fence} line before the page's text.`,
      );
    }
    try {
      // Options are always passed: gray-matter caches by source text only when called without them.
      const parsed =
        frontMatterFormat === 'toml'
          ? matter(source, { language: 'toml', delimiters: '+++', engines: { toml: tomlEngine } })
          : matter(source, { language: 'yaml' });
      data = parsed.data;
      body = parsed.content;
    } catch (error) {
      throw frontMatterSyntaxError(file, frontMatterFormat, error, source);
    }
  }
  const bodyStartLine = countLines(source.slice(0, source.length - body.length)) + 1;
  const frontMatterText = source.slice(0, source.length - body.length);
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) {
    // Every problem of the file at once, in the order of its lines.
    const errors = result.error.issues
      .flatMap((issue): z.core.$ZodIssue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]))
      .map((issue) => issueToError(file, frontMatterText, frontMatterFormat, issue, schema.shape))
      .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    const [first] = errors;
    if (errors.length === 1 && first) throw first;
    throw new ContentErrors(errors);
  }
  const lineOf = (keyPath: readonly string[]) => findKeyLine(frontMatterText, frontMatterFormat, keyPath);
  // [extra] is free, but a one-letter slip in a key the engine reads would silently do nothing.
  const extraKeys = Object.keys(result.data.extra ?? {});
  const known = [...Object.keys(extraSchema.shape), ...sereneFieldNames];
  const slips = extraKeys.flatMap((key) => {
    const meant = key.length >= 4 && !known.includes(key) ? known.find((candidate) => editDistance(key.toLowerCase(), candidate) === 1) : undefined;
    return meant === undefined ? [] : [new ContentError({ file, line: lineOf(['extra', key]) }, `unknown front-matter key \`extra.${key}\`.`, `Did you mean \`${meant}\`?`)];
  });
  if (slips.length === 1 && slips[0]) throw slips[0];
  if (slips.length > 1) throw new ContentErrors(slips);
  return { frontMatter: result.data, frontMatterFormat, body, bodyStartLine, lineOf };
}

function countLines(text: string): number {
  return text === '' ? 0 : text.split('\n').length - 1;
}

function frontMatterSyntaxError(file: string, format: FrontMatterFormat, error: unknown, source: string): ContentError {
  const name = format === 'toml' ? 'TOML' : 'YAML';
  const what = `${name} front matter does not parse`;
  const hint =
    format === 'toml'
      ? 'Check the quoting and the `key = value` form between the +++ lines.'
      : 'Check the quoting and the `key: value` form between the --- lines.';
  if (error instanceof TomlError) {
    // gray-matter hands the engine the text from the end of the opening +++, so TOML lines are file lines.
    const reason = error.message.split('\n')[0] ?? error.message;
    return new ContentError({ file, line: error.line, column: error.column }, `${what}: ${reason}.`, hint);
  }
  const yamlMark = (error as { mark?: { line?: number; column?: number } } | null)?.mark;
  const reason = (error as { reason?: string } | null)?.reason ?? String(error);
  const unclosedQuote = /within a (double|single) quoted scalar/.exec(reason)?.[1];
  if (unclosedQuote) {
    // js-yaml notices a missing closing quote only where the front matter ends; the author wants the line it opened on.
    const opened = unclosedQuoteLine(source, unclosedQuote === 'double' ? '"' : "'");
    if (opened !== undefined) {
      return new ContentError({ file, line: opened }, `${what}: a ${unclosedQuote}-quoted value opened on this line is never closed.`, `End it with ${unclosedQuote === 'double' ? '"' : "'"} on the same line.`);
    }
  }
  if (yamlMark && typeof yamlMark.line === 'number') {
    // js-yaml counts from 0, from the end of the opening --- line: +1 makes it a file line.
    return new ContentError({ file, line: yamlMark.line + 1, column: (yamlMark.column ?? 0) + 1 }, `${what}: ${reason}.`, hint);
  }
  return new ContentError({ file, line: 1 }, `${what}: ${reason}.`, hint);
}

/** The file line of the last front-matter line holding an odd number of `quote` characters, if any. */
function unclosedQuoteLine(source: string, quote: string): number | undefined {
  const lines = source.split('\n');
  const closing = lines.findIndex((line, index) => index > 0 && line.trimEnd() === '---');
  let found: number | undefined;
  for (let index = 1; index < (closing < 0 ? lines.length : closing); index++) {
    if (((lines[index] ?? '').split(quote).length - 1) % 2 === 1) found = index + 1;
  }
  return found;
}

function describeValue(value: unknown): string {
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`;
  if (typeof value === 'string') return `"${value}"`;
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'nothing (null)';
  if (typeof value === 'object') return 'a table';
  return String(value);
}

const expectedByType: Record<string, string> = {
  boolean: 'true or false',
  string: 'text in quotes',
  date: 'a date such as 2024-05-01',
  object: 'a table of settings',
};

function issueToError(
  file: string,
  frontMatterText: string,
  format: FrontMatterFormat,
  issue: z.core.$ZodIssue | undefined,
  shape: Record<string, unknown>,
): ContentError {
  if (!issue) return new ContentError({ file, line: 1 }, 'front matter is not valid.');
  if (issue.code === 'unrecognized_keys') {
    // Here the path names the table that holds the unknown key.
    const key = issue.keys[0] ?? '';
    const known = Object.keys(issue.path[0] === 'extra' ? extraSchema.shape : shape);
    const suggestion = closestWord(key, known);
    const keyPath = [...issue.path.map(String), key];
    return new ContentError(
      { file, line: findKeyLine(frontMatterText, format, keyPath) },
      `unknown front-matter key \`${keyPath.join('.')}\`.`,
      suggestion
        ? `Did you mean \`${suggestion}\`?`
        : `Known keys: ${known.join(', ')}.`,
    );
  }
  const keyPath = issue.path.map(String);
  const key = keyPath.join('.');
  const line = findKeyLine(frontMatterText, format, keyPath);
  const got = 'input' in issue && issue.input !== undefined ? `, got ${describeValue(issue.input)}` : '';
  if (issue.code === 'invalid_value') {
    const allowed = issue.values.map((value) => `"${String(value)}"`).join(', ');
    const typed = typeof issue.input === 'string' ? closestWord(issue.input, issue.values.map(String)) : undefined;
    return new ContentError(
      { file, line },
      `\`${key}\` must be one of ${allowed}${got}.`,
      typed ? `Did you mean "${typed}"?` : undefined,
    );
  }
  if (issue.code === 'invalid_type') {
    const expected = expectedByType[issue.expected] ?? issue.expected;
    return new ContentError({ file, line }, `\`${key}\` must be ${expected}${got}.`);
  }
  if (/template$/.test(key)) {
    const typed = typeof issue.input === 'string' ? closestWord(issue.input, ['prose', 'prose.html', 'page.html', 'section.html']) : undefined;
    return new ContentError(
      { file, line },
      `\`${key}\` must be "prose" or a template file name such as "page.html"${got}.`,
      typed ? `Did you mean "${typed}"?` : 'Zola template names end in .html; the engine picks the layout for the kind of page.',
    );
  }
  if (issue.code === 'invalid_union') {
    return new ContentError({ file, line }, `\`${key}\` must be a date such as 2024-05-01${got}.`);
  }
  return new ContentError({ file, line }, `\`${key}\`: ${issue.message}${got}.`);
}

/**
 * The line of item `index` of a list of tables written one a line from `keyLine` on (serene's
 * `links = [ { … }, { … } ]`): the line of its opening brace, or `keyLine` when the list is not written so.
 */
function itemLine(lines: readonly string[], keyLine: number, index: string | undefined): number {
  if (index === undefined || !/^\d+$/.test(index)) return keyLine;
  let seen = -1;
  for (let at = keyLine; at < lines.length && at < keyLine + 200; at++) {
    seen += (lines[at]?.match(/\{/g) ?? []).length;
    if (seen >= Number(index)) return at;
  }
  return keyLine;
}

/**
 * The file line that sets a front-matter key, so errors point at it. Knows the two layouts in use:
 * TOML `key = …` with `[extra]` tables, and YAML `key: …` with an indented `extra:` block.
 */
function findKeyLine(frontMatterText: string, format: FrontMatterFormat, keyPath: readonly string[]): number {
  const lines = frontMatterText.split('\n');
  const [first, second] = keyPath;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const keyLine = (key: string, indented: boolean) =>
    new RegExp(`^${indented ? '\\s+' : ''}["']?${escape(key)}["']?\\s*${format === 'toml' ? '=' : ':'}`);
  if (first === undefined) return 1;
  if (second === undefined) {
    for (let index = 0; index < lines.length; index++) {
      const line = lines[index] ?? '';
      if (format === 'toml' && /^\s*\[/.test(line)) break;
      if (keyLine(first, false).test(line)) return index + 1;
    }
    return 1;
  }
  const section =
    format === 'toml' ? new RegExp(`^\\s*\\[${escape(first)}\\]\\s*$`) : new RegExp(`^${escape(first)}\\s*:\\s*$`);
  const start = lines.findIndex((line) => section.test(line));
  if (start === -1) return 1;
  for (let index = start + 1; index < lines.length; index++) {
    const line = lines[index] ?? '';
    if (format === 'toml' ? keyLine(second, false).test(line.trimStart()) : keyLine(second, true).test(line)) {
      return itemLine(lines, index, keyPath[2]) + 1;
    }
  }
  return start + 1;
}
