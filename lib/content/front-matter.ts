import matter from 'gray-matter';
import { parse as parseToml, TomlError } from 'smol-toml';
import { z } from 'zod';
import { closestWord } from './closest-word';
import { ContentError, ContentErrors } from '@/lib/errors';
import { languageTagSchema, pageOptionsSchema } from '@/lib/page-options';

const dateSchema = z
  .union([z.date(), z.iso.date(), z.iso.datetime({ offset: true, local: true })])
  .transform((value) => {
    if (typeof value === 'string') return value;
    const iso = value.toISOString();
    // YAML and TOML both read a bare 2024-05-01 as midnight UTC: keep it a date.
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  });

const optionFields = pageOptionsSchema.partial().shape;

/** Zola's [extra] table: theme options, and the visible title when it differs from <title>. */
const extraSchema = z.strictObject({
  title: z.string().min(1).optional(),
  lang: languageTagSchema.optional(),
  ...optionFields,
});

/** Every field a page may set. The page type is derived from this; nothing else decides defaults. */
export const frontMatterSchema = z.strictObject({
  title: z.string().min(1).optional(),
  description: z.string().min(1).optional(),
  date: dateSchema.optional(),
  updated: dateSchema.optional(),
  draft: z.boolean().optional(),
  lang: languageTagSchema.optional(),
  ...optionFields,
  extra: extraSchema.optional(),
});
export type FrontMatter = z.output<typeof frontMatterSchema>;

export type FrontMatterFormat = 'yaml' | 'toml' | 'none';

export interface ParsedSource {
  frontMatter: FrontMatter;
  frontMatterFormat: FrontMatterFormat;
  /** The Markdown after the front matter. */
  body: string;
  /** The file line on which the body's first line sits, to report body problems where the author sees them. */
  bodyStartLine: number;
}

const tomlEngine = { parse: (source: string) => parseToml(source) as object };

/** Splits a content file into validated front matter and body. Throws ContentError with the file and line. */
export function parseSource(file: string, source: string): ParsedSource {
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
  const result = frontMatterSchema.safeParse(data, { reportInput: true });
  if (!result.success) {
    // Every problem of the file at once, in the order of its lines.
    const errors = result.error.issues
      .flatMap((issue): z.core.$ZodIssue[] => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key] })) : [issue]))
      .map((issue) => issueToError(file, frontMatterText, frontMatterFormat, issue))
      .sort((a, b) => (a.location.line ?? 0) - (b.location.line ?? 0));
    const [first] = errors;
    if (errors.length === 1 && first) throw first;
    throw new ContentErrors(errors);
  }
  return { frontMatter: result.data, frontMatterFormat, body, bodyStartLine };
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
): ContentError {
  if (!issue) return new ContentError({ file, line: 1 }, 'front matter is not valid.');
  if (issue.code === 'unrecognized_keys') {
    // Here the path names the table that holds the unknown key.
    const key = issue.keys[0] ?? '';
    const shape = issue.path[0] === 'extra' ? extraSchema.shape : frontMatterSchema.shape;
    const known = Object.keys(shape);
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
  if (issue.code === 'invalid_union') {
    return new ContentError({ file, line }, `\`${key}\` must be a date such as 2024-05-01${got}.`);
  }
  return new ContentError({ file, line }, `\`${key}\`: ${issue.message}${got}.`);
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
      return index + 1;
    }
  }
  return start + 1;
}
