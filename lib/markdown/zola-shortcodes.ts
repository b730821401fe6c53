/**
 * Zola's shortcodes (https://www.getzola.org/documentation/content/shortcodes/), read as Zola reads them and expanded
 * to Markdown before a .md page compiles, so that pages from a Zola site keep their diagrams. The syntax follows
 * Zola's grammar (components/markdown/src/content.pest): calls are found anywhere in the body, code included, and
 * text that does not parse as a call stays as written. Only the shortcodes in `zolaShortcodes` are known; a call to
 * any other one is an error naming its line.
 *
 * The scanner is hand-written and never backtracks further than one call, so that hostile bodies (a page of `{{ a(`)
 * take linear time.
 */
import crypto from 'node:crypto';
import { ContentError, type SourceLocation } from '@/lib/errors';
import { elementShortcodes } from './shortcode-elements';

/** A value of a shortcode argument as Zola reads it: a string, a number, a boolean, or an array of those. */
export type ZolaValue = string | number | boolean | readonly ZolaValue[];

/**
 * `integer` takes `3` but not `3.5`; `number` takes both, as Tera compares them alike. `size` takes a whole number
 * of pixels written either way, `600` or `"600"` (serene's figure writes them as strings).
 */
export type ShortcodeArgumentType = 'string' | 'integer' | 'number' | 'boolean' | 'array' | 'size';

export interface ShortcodeArgument {
  type: ShortcodeArgumentType;
  required: boolean;
}

/** A problem with an argument's value beyond its type (a URL's scheme, an id's form), for the author. */
export interface ArgumentProblem {
  /** The argument at fault, when one is. */
  argument?: string;
  problem: string;
  hint: string;
}

/** What a shortcode takes: its arguments and body, and the checks of their values beyond types. */
export interface ShortcodeSignature {
  /** Keyword arguments by name; any other name is an error. */
  arguments: Readonly<Record<string, ShortcodeArgument>>;
  /** `none`: only `{{ name(…) }}`; `required`: only `{% name(…) %}` … `{% end %}`; `optional`: either. */
  body: 'none' | 'optional' | 'required';
  /** Problems with arguments whose types are right. */
  check?(args: ReadonlyMap<string, ZolaValue>): ArgumentProblem[];
}

/**
 * One shortcode the engine expands, in one of two ways.
 *
 * Markdown (`expand`): Markdown placed on lines of its own where the call was: text before the call on its line,
 * and after it on its last line, stays on those lines, around it. Blank lines around the expansion are not
 * guaranteed, so it should be Markdown that does not run into its neighbours (a fenced block is; placeAsBlock says
 * why).
 *
 * An element (`element: true`): the call becomes markers, HTML comments carrying the compile's nonce, around its
 * body; remark-shortcode-elements.ts puts the element in their place, built from the call's checked arguments
 * (shortcode-elements.ts), with the body, read as the page's own Markdown, inside it.
 */
export type ZolaShortcode = ShortcodeSignature &
  (
    | {
        /**
         * Markdown for a call whose arguments have been checked against `arguments`. `body` is the text between the
         * tags without its blank first and last lines and without the indentation its lines share (Zola trims it
         * too); undefined for an inline call.
         */
        expand(args: ReadonlyMap<string, ZolaValue>, body: string | undefined): string;
      }
    | { element: true }
  );

/** A call that becomes an element: markers with its index stand where it was (remark-shortcode-elements.ts). */
export interface ElementCall {
  name: string;
  args: ReadonlyMap<string, ZolaValue>;
  /** Whether it was written with a body (`{% name(…) %}` … `{% end %}`). */
  hasBody: boolean;
  /** Line of the call within the body, 1-based. */
  line: number;
}

/** The marker lines of element call `index`: unguessable, since the nonce is new for every compile. */
export function elementMarkers(nonce: string, index: number): { open: string; close: string } {
  return { open: `<!--zola-shortcode ${nonce} ${index}-->`, close: `<!--/zola-shortcode ${nonce} ${index}-->` };
}

/** A fence longer than any run of backticks in the text, so that the text cannot close it. */
function fenceFor(text: string): string {
  // A loop, not Math.max(...runs): spreading a long body's runs would overflow the stack.
  const longestRun = (text.match(/`+/g) ?? []).reduce((longest, run) => Math.max(longest, run.length), 0);
  return '`'.repeat(Math.max(3, longestRun + 1));
}

/**
 * serene's `mermaid` shortcode (templates/shortcodes/mermaid.html: `<div class="mermaid">{{ body }}</div>`). It
 * becomes a ```mermaid fence, which the compile draws on pages with `mermaid: true` and shows as code elsewhere.
 */
const mermaid: ZolaShortcode = {
  arguments: {},
  body: 'required',
  expand: (_args, body = '') => {
    const fence = fenceFor(body);
    return `${fence}mermaid\n${body}\n${fence}`;
  },
};

/**
 * The shortcodes the engine supports: mermaid, and the element shortcodes of shortcode-elements.ts. A site's other
 * Tera shortcodes are errors. Add one by adding an entry.
 */
export const zolaShortcodes: ReadonlyMap<string, ZolaShortcode> = new Map<string, ZolaShortcode>([
  ['mermaid', mermaid],
  ...[...elementShortcodes].map(([name, { arguments: args, body, check }]): [string, ZolaShortcode] => [name, { arguments: args, body, check, element: true }]),
]);

export interface ShortcodeCall {
  name: string;
  /** Line within the body, 1-based. */
  line: number;
  /** `inline`: `{{ name(…) }}`; `body`: `{% name(…) %}`, closed by `{% end %}` or not. */
  form: 'inline' | 'body';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the body

type ParsedValue =
  | { kind: 'string'; value: string }
  | { kind: 'integer'; value: number }
  | { kind: 'float'; value: number }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'array'; items: ParsedValue[] };

interface ParsedArgument {
  name: string;
  /** Offset of the argument's name in the body. */
  at: number;
  value: ParsedValue;
}

/** Zola's `{{ name(…) }}`, or the opening tag of `{% name(…) %}`. `end` is the offset after the tag. */
interface ParsedTag {
  name: string;
  args: ParsedArgument[];
  end: number;
}

/** Where a tag stopped parsing; `name` is set once `name(` was read, that is once it is a call gone wrong. */
interface TagFailure {
  failed: true;
  name: string | undefined;
  at: number;
  expected: string;
}

/** What the scanner found, in order; everything between pieces is text that stays as written. */
type Piece =
  | { kind: 'escape'; start: number; end: number; text: string }
  | { kind: 'call'; form: 'inline' | 'body'; start: number; end: number; tag: ParsedTag; body?: { start: number; end: number } }
  | { kind: 'unclosed'; start: number; tag: ParsedTag }
  | { kind: 'stray-end'; start: number; end: number }
  | { kind: 'malformed'; form: 'inline' | 'body'; start: number; failure: TagFailure };

/** Zola's WHITESPACE: the only characters allowed between the tokens of a call. */
function isSpace(char: string | undefined): boolean {
  return char === ' ' || char === '\t' || char === '\r' || char === '\n';
}

function isIdentifierStart(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z_]$/.test(char);
}

/** Arrays nest without limit in Zola; a limit keeps a page of `[` from exhausting the stack. */
const deepestArray = 32;

const valueExpected = 'a value: a string in quotes, a number, true, false or an array [ … ]';

class BodyReader {
  constructor(readonly text: string) {}

  skipSpace(at: number): number {
    while (isSpace(this.text[at])) at++;
    return at;
  }

  /** The end of the identifier starting at `at`, or `at` if there is none. */
  identifierEnd(at: number): number {
    if (!isIdentifierStart(this.text[at])) return at;
    let end = at + 1;
    while (end < this.text.length && /^\w$/.test(this.text[end] ?? '')) end++;
    return end;
  }

  /**
   * A tag from `opener` (`{{`, `{%`, `{{/*`, `{%/*`) at `start` to `closer`: `opener name(arg=value, …) closer`,
   * whitespace allowed between tokens. Zola also takes arguments without commas between them (`kwargs*` in its
   * grammar); so does this.
   */
  tag(start: number, opener: string, closer: string): ParsedTag | TagFailure {
    const nameAt = this.skipSpace(start + opener.length);
    const nameEnd = this.identifierEnd(nameAt);
    if (nameEnd === nameAt) return { failed: true, name: undefined, at: nameAt, expected: 'a shortcode name' };
    let at = this.skipSpace(nameEnd);
    if (this.text[at] !== '(') return { failed: true, name: undefined, at, expected: '`(`' };
    const name = this.text.slice(nameAt, nameEnd);
    const fail = (failedAt: number, expected: string): TagFailure => ({ failed: true, name, at: failedAt, expected });
    const args: ParsedArgument[] = [];
    at = this.skipSpace(at + 1);
    let afterComma = false;
    while (this.text[at] !== ')' || afterComma) {
      const argumentEnd = this.identifierEnd(at);
      if (argumentEnd === at) return fail(at, afterComma || args.length === 0 ? 'an argument name' : '`,` or `)`');
      const equals = this.skipSpace(argumentEnd);
      if (this.text[equals] !== '=') return fail(equals, '`=` after the argument name');
      const value = this.value(this.skipSpace(equals + 1), 0);
      if ('failed' in value) return fail(value.at, value.expected);
      args.push({ name: this.text.slice(at, argumentEnd), at, value: value.value });
      at = this.skipSpace(value.end);
      afterComma = this.text[at] === ',';
      if (afterComma) at = this.skipSpace(at + 1);
    }
    at = this.skipSpace(at + 1);
    if (!this.text.startsWith(closer, at)) return fail(at, `\`${closer}\``);
    return { name, args, end: at + closer.length };
  }

  value(at: number, depth: number): { value: ParsedValue; end: number } | { failed: true; at: number; expected: string } {
    const char = this.text[at];
    if (char === '"' || char === "'" || char === '`') {
      // No escapes in Zola's strings: the next quote of the same kind closes it.
      const close = this.text.indexOf(char, at + 1);
      if (close === -1) return { failed: true, at, expected: `a closing ${char}` };
      return { value: { kind: 'string', value: this.text.slice(at + 1, close) }, end: close + 1 };
    }
    for (const word of ['true', 'false']) {
      if (this.text.startsWith(word, at)) return { value: { kind: 'boolean', value: word === 'true' }, end: at + word.length };
    }
    if (char === '[') return this.array(at, depth);
    // Zola's int and float: no leading zeros, no exponent, digits on both sides of the point.
    const number = /-?(?:0|[1-9][0-9]*)(\.[0-9]+)?/y;
    number.lastIndex = at;
    const digits = number.exec(this.text);
    if (digits) {
      const value = Number(digits[0]);
      return { value: digits[1] ? { kind: 'float', value } : { kind: 'integer', value }, end: number.lastIndex };
    }
    return { failed: true, at, expected: valueExpected };
  }

  /** `[ value, … ]`, a trailing comma allowed, as in Zola. */
  array(start: number, depth: number): { value: ParsedValue; end: number } | { failed: true; at: number; expected: string } {
    if (depth >= deepestArray) return { failed: true, at: start, expected: `arrays nested at most ${deepestArray} deep` };
    const items: ParsedValue[] = [];
    let at = this.skipSpace(start + 1);
    while (this.text[at] !== ']') {
      const item = this.value(at, depth + 1);
      if ('failed' in item) return item;
      items.push(item.value);
      at = this.skipSpace(item.end);
      if (this.text[at] === ',') at = this.skipSpace(at + 1);
      else if (this.text[at] !== ']') return { failed: true, at, expected: '`,` or `]`' };
    }
    return { value: { kind: 'array', items }, end: at + 1 };
  }

  /** The end of `{%` `end` `%}` (or its escaped form) at `at`, whitespace allowed inside, or -1. */
  endTagEnd(at: number, escaped: boolean): number {
    const [opener, closer] = escaped ? ['{%/*', '*/%}'] : ['{%', '%}'];
    if (!this.text.startsWith(opener, at)) return -1;
    const word = this.skipSpace(at + opener.length);
    if (!this.text.startsWith('end', word)) return -1;
    const close = this.skipSpace(word + 3);
    return this.text.startsWith(closer, close) ? close + closer.length : -1;
  }
}

/** Every end tag of the body, in order, so that each body call finds its own in logarithmic time. */
function endTags(reader: BodyReader, escaped: boolean): { start: number; end: number }[] {
  const tags: { start: number; end: number }[] = [];
  for (let at = reader.text.indexOf('{%'); at !== -1; at = reader.text.indexOf('{%', at + 1)) {
    const end = reader.endTagEnd(at, escaped);
    if (end !== -1) tags.push({ start: at, end });
  }
  return tags;
}

/** The first tag starting at or after `offset`. */
function firstTagFrom(tags: readonly { start: number; end: number }[], offset: number): { start: number; end: number } | undefined {
  let low = 0;
  let high = tags.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((tags[middle]?.start ?? Infinity) < offset) low = middle + 1;
    else high = middle;
  }
  return tags[low];
}

/** An escaped tag as Zola prints it: its opener and closer lose their comment marks (`/` and `*`), nothing else does. */
function unescapeTag(text: string, start: number, end: number): string {
  return text.slice(start, start + 2) + text.slice(start + 4, end - 4) + text.slice(end - 2, end);
}

/** The body as Zola's grammar reads it: calls, escapes, and (our additions) tags that cannot be what they look like. */
function scan(text: string): Piece[] {
  const reader = new BodyReader(text);
  const ends = endTags(reader, false);
  const escapedEnds = endTags(reader, true);
  const pieces: Piece[] = [];
  let at = 0;
  while (at < text.length) {
    const start = text.indexOf('{', at);
    if (start === -1) break;
    // Whatever does not parse is text; scanning goes on from the next character, as Zola's `text` rule does.
    at = start + 1;
    const kind = text[start + 1];
    if (kind === '{' && text.startsWith('{{/*', start)) {
      const tag = reader.tag(start, '{{/*', '*/}}');
      if ('failed' in tag) continue;
      pieces.push({ kind: 'escape', start, end: tag.end, text: unescapeTag(text, start, tag.end) });
      at = tag.end;
    } else if (kind === '{') {
      const tag = reader.tag(start, '{{', '}}');
      if ('failed' in tag) {
        if (tag.name !== undefined) pieces.push({ kind: 'malformed', form: 'inline', start, failure: tag });
        continue;
      }
      pieces.push({ kind: 'call', form: 'inline', start, end: tag.end, tag });
      at = tag.end;
    } else if (kind === '%' && text.startsWith('{%/*', start)) {
      const escapedEnd = reader.endTagEnd(start, true);
      if (escapedEnd !== -1) {
        // A lone `{%/* end */%}` is text in Zola; it is printed unescaped here, as the author meant it to be shown.
        pieces.push({ kind: 'escape', start, end: escapedEnd, text: unescapeTag(text, start, escapedEnd) });
        at = escapedEnd;
        continue;
      }
      const tag = reader.tag(start, '{%/*', '*/%}');
      if ('failed' in tag) continue;
      const close = firstTagFrom(escapedEnds, tag.end);
      if (close && close.start > tag.end) {
        // Zola's ignored_shortcode_with_body: the text between the escaped tags is left alone, calls and all.
        const escaped = unescapeTag(text, start, tag.end) + text.slice(tag.end, close.start) + unescapeTag(text, close.start, close.end);
        pieces.push({ kind: 'escape', start, end: close.end, text: escaped });
        at = close.end;
      } else {
        pieces.push({ kind: 'escape', start, end: tag.end, text: unescapeTag(text, start, tag.end) });
        at = tag.end;
      }
    } else if (kind === '%') {
      const endTagEnd = reader.endTagEnd(start, false);
      if (endTagEnd !== -1) {
        pieces.push({ kind: 'stray-end', start, end: endTagEnd });
        at = endTagEnd;
        continue;
      }
      const tag = reader.tag(start, '{%', '%}');
      if ('failed' in tag) {
        if (tag.name !== undefined) pieces.push({ kind: 'malformed', form: 'body', start, failure: tag });
        continue;
      }
      // The body runs to the first `{% end %}`: Zola does not nest body shortcodes.
      const close = firstTagFrom(ends, tag.end);
      if (close) {
        pieces.push({ kind: 'call', form: 'body', start, end: close.end, tag, body: { start: tag.end, end: close.start } });
        at = close.end;
      } else {
        pieces.push({ kind: 'unclosed', start, tag });
        at = tag.end;
      }
    }
  }
  return pieces;
}

/** Line starts of the body, for turning offsets into 1-based lines and columns without rescanning. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.starts.push(at + 1);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  /** 1-based line of an offset. */
  lineOf(offset: number): number {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if ((this.starts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return low + 1;
  }

  columnOf(offset: number): number {
    return offset - this.lineStart(this.lineOf(offset)) + 1;
  }

  lineStart(line: number): number {
    return this.starts[line - 1] ?? this.text.length;
  }

  /** Offset of the line's end, before its newline. */
  lineEnd(line: number): number {
    const next = this.starts[line];
    return next === undefined ? this.text.length : next - 1;
  }

  isBlank(line: number): boolean {
    return !/\S/.test(this.text.slice(this.lineStart(line), this.lineEnd(line)));
  }
}

/** Every call in the body, escapes excluded, whether or not the engine supports it (to list a site's shortcodes). */
export function findShortcodeCalls(body: string): ShortcodeCall[] {
  const lines = new LineIndex(body);
  return scan(body).flatMap((piece) => {
    if (piece.kind === 'call') return [{ name: piece.tag.name, line: lines.lineOf(piece.start), form: piece.form }];
    if (piece.kind === 'unclosed') return [{ name: piece.tag.name, line: lines.lineOf(piece.start), form: 'body' as const }];
    return [];
  });
}

/**
 * The arguments of every call to `name` that reads as a call, escapes excluded, with its line in the body: what the
 * content build reads before the compile (a collection's file). The arguments are not checked here; the expansion
 * checks them.
 */
export function findCallArguments(body: string, name: string): { line: number; args: ReadonlyMap<string, ZolaValue> }[] {
  const lines = new LineIndex(body);
  return scan(body).flatMap((piece) =>
    piece.kind === 'call' && piece.tag.name === name
      ? [{ line: lines.lineOf(piece.start), args: new Map(piece.tag.args.map((argument) => [argument.name, toZolaValue(argument.value)])) }]
      : [],
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Expanding

function describeValue(value: ParsedValue): string {
  switch (value.kind) {
    case 'string':
      return `the string "${value.value}"`;
    case 'integer':
    case 'float':
      return `the number ${value.value}`;
    case 'boolean':
      return `\`${value.value}\``;
    case 'array':
      return 'an array';
  }
}

function hasType(value: ParsedValue, type: ShortcodeArgumentType): boolean {
  switch (type) {
    case 'string':
      return value.kind === 'string';
    case 'integer':
      return value.kind === 'integer';
    case 'number':
      return value.kind === 'integer' || value.kind === 'float';
    case 'boolean':
      return value.kind === 'boolean';
    case 'array':
      return value.kind === 'array';
    case 'size':
      return (value.kind === 'integer' && value.value >= 0) || (value.kind === 'string' && /^[0-9]{1,5}$/.test(value.value));
  }
}

function toZolaValue(value: ParsedValue): ZolaValue {
  return value.kind === 'array' ? value.items.map(toZolaValue) : value.value;
}

export const typeNames: Record<ShortcodeArgumentType, string> = {
  string: 'a string in quotes',
  integer: 'a whole number',
  number: 'a number',
  boolean: '`true` or `false`',
  array: 'an array [ … ]',
  size: 'a whole number of pixels',
};

/** The call as the author would write it, for messages. */
function callText(form: 'inline' | 'body', name: string): string {
  return form === 'inline' ? `{{ ${name}(…) }}` : `{% ${name}(…) %}`;
}

export function argumentList(shortcode: ShortcodeSignature): string {
  const entries = Object.entries(shortcode.arguments);
  if (entries.length === 0) return 'It takes no arguments.';
  const described = entries.map(([name, { type, required }]) => `${name} (${typeNames[type]}${required ? ', required' : ''})`);
  return `Its arguments: ${described.join(', ')}.`;
}

/** The body a shortcode receives: without blank first and last lines, and without the indentation its lines share. */
function shortcodeBody(text: string): string {
  const lines = text.split('\n');
  while (lines.length > 0 && !/\S/.test(lines[0] ?? '')) lines.shift();
  while (lines.length > 0 && !/\S/.test(lines.at(-1) ?? '')) lines.pop();
  const indents = lines.filter((line) => /\S/.test(line)).map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const shared = indents.length === 0 ? 0 : indents.reduce((least, indent) => Math.min(least, indent));
  return lines.map((line) => line.slice(shared).trimEnd()).join('\n');
}

/**
 * Replaces the call at [start, end) with `expansion` on lines of its own, so that the text after the call keeps
 * its line numbers (errors found later name lines of the file). Text before the call on its line and after it on
 * its last line stay on those lines; when the expansion is shorter than the call, blank lines follow it; when a
 * fenced block is longer, it takes blank lines next to the call (none before `firstFreeLine`: the lines above it
 * are already written). Returns the range replaced and its new text, or undefined when the expansion does not fit.
 */
function placeAsBlock(
  lines: LineIndex,
  start: number,
  end: number,
  expansion: string,
  firstFreeLine: number,
  isMarked: boolean,
): { start: number; end: number; text: string } | undefined {
  const text = lines.text;
  let firstLine = lines.lineOf(start);
  let lastLine = lines.lineOf(end);
  const before = text.slice(lines.lineStart(firstLine), start);
  const spaceAfter = /^[ \t]*/.exec(text.slice(end, lines.lineEnd(lastLine)))?.[0].length ?? 0;
  const textAfter = /\S/.test(text.slice(end, lines.lineEnd(lastLine)));
  const textBefore = /\S/.test(before);
  // Indented like the call, so that a call inside a list item stays in it.
  const indent = textBefore ? '' : before;
  const blockLines = expansion.split('\n').map((line) => (line === '' ? line : indent + line));
  const breaksNeeded = (textBefore ? 1 : 0) + blockLines.length - 1 + (textAfter ? 1 : 0);
  // A fence interrupts a paragraph and ends at its closing line, so the blank lines around it can go; so does an
  // element's marker, an HTML comment on a line of its own (CommonMark's HTML block of type 2, which ends at the
  // line holding `-->`). Other Markdown (a paragraph, a block quote) could run into the text next to it.
  const fence = /^(`{3,}|~{3,})/.exec(expansion)?.[1];
  const canTakeBlankLines = isMarked || (fence !== undefined && expansion.trimEnd().endsWith(`\n${fence}`));
  // One line below, then one above, and so on: the block stays where the call was, and leaves the blank lines
  // farther away to the calls next to it.
  for (let below = true; lastLine - firstLine < breaksNeeded; below = !below) {
    const canTakeBelow = canTakeBlankLines && !textAfter && lastLine < lines.lineCount && lines.isBlank(lastLine + 1);
    const canTakeAbove = canTakeBlankLines && !textBefore && firstLine > firstFreeLine && lines.isBlank(firstLine - 1);
    if (canTakeBelow && (below || !canTakeAbove)) lastLine++;
    else if (canTakeAbove) firstLine--;
    else return undefined;
  }
  const padding = '\n'.repeat(lastLine - firstLine - breaksNeeded);
  return {
    // Text around the call stays where it is, and so do the pieces of it the scanner found.
    start: textBefore ? start : lines.lineStart(firstLine),
    end: textAfter ? end + spaceAfter : lines.lineEnd(lastLine),
    text: (textBefore ? '\n' : '') + blockLines.join('\n') + padding + (textAfter ? '\n' : ''),
  };
}

/** A body with its shortcodes expanded, the element calls its markers stand for, and every problem found. */
export interface ExpandedBody {
  body: string;
  errors: ContentError[];
  /** The nonce of the markers, and the element calls by their index in the markers. */
  nonce: string;
  elements: ElementCall[];
}

/**
 * The body of an element call as the lines it had, so that lines after it keep their numbers: the rest of the
 * opening tag's line and the start of the `{% end %}` line go when blank, the indentation the lines share goes,
 * blank lines stay.
 */
function elementBody(text: string): string {
  const lines = text.split('\n');
  if (lines.length > 1 && !/\S/.test(lines[0] ?? '')) lines.shift();
  if (lines.length > 1 && !/\S/.test(lines.at(-1) ?? '')) lines.pop();
  const indents = lines.filter((line) => /\S/.test(line)).map((line) => /^[ \t]*/.exec(line)?.[0].length ?? 0);
  const shared = indents.length === 0 ? 0 : indents.reduce((least, indent) => Math.min(least, indent));
  return lines.map((line) => line.slice(shared).trimEnd()).join('\n');
}

/**
 * Expands the Zola shortcodes of a .md body. Escaped calls are printed unescaped, other template syntax stays as
 * written, and every line after a call keeps its number. All the body's problems are returned together, each naming
 * its line in the file; a call with a problem stays in the body as written.
 */
export function expandZolaShortcodes(
  body: string,
  where: { file: string; bodyStartLine: number },
  shortcodes: ReadonlyMap<string, ZolaShortcode> = zolaShortcodes,
): ExpandedBody {
  const lines = new LineIndex(body);
  const elements: ElementCall[] = [];
  // New for every compile, so that no text an author writes can be taken for a marker.
  const nonce = crypto.randomBytes(16).toString('hex');
  const errors: ContentError[] = [];
  const place = (offset: number): SourceLocation => ({
    file: where.file,
    line: where.bodyStartLine + lines.lineOf(offset) - 1,
    column: lines.columnOf(offset),
  });
  const supported = [...shortcodes.keys()].sort().map((name) => `\`${name}\``).join(', ') || 'none';
  const escapeHint = (form: 'inline' | 'body', name: string) =>
    `To show it as text, write it as \`${form === 'inline' ? `{{/* ${name}(…) */}}` : `{%/* ${name}(…) */%}`}\`.`;
  const unknown = (form: 'inline' | 'body', start: number, name: string) =>
    errors.push(
      new ContentError(
        place(start),
        `\`${callText(form, name)}\` calls a Zola shortcode the engine does not have.`,
        `The shortcodes it supports: ${supported}. Replace the call with Markdown. ${escapeHint(form, name)}`,
      ),
    );

  let output = '';
  let copied = 0;
  // The next `{% end %}` after an opening tag that does not parse is that tag's end, not a stray one.
  let malformedTagOpen = false;
  for (const piece of scan(body)) {
    if (piece.kind === 'escape') {
      output += body.slice(copied, piece.start) + piece.text;
      copied = piece.end;
      continue;
    }
    if (piece.kind === 'stray-end') {
      if (!malformedTagOpen) {
        errors.push(
          new ContentError(place(piece.start), '`{% end %}` closes no shortcode.', 'Remove it, or write `{%/* end */%}` to show it as text.'),
        );
      }
      malformedTagOpen = false;
      continue;
    }
    if (piece.kind === 'malformed') {
      const { name, at, expected } = piece.failure;
      if (piece.form === 'body') malformedTagOpen = true;
      const shortcode = name === undefined ? undefined : shortcodes.get(name);
      // A malformed call to a shortcode we do not have is text to Zola too: Tera in a code sample, say
      // `{{ get_url(path=page.path) }}`. One to a shortcode we have is a mistake worth naming.
      if (name === undefined || !shortcode) continue;
      errors.push(
        new ContentError(
          place(at),
          `\`${callText(piece.form, name)}\` cannot be read: expected ${expected}.`,
          `Write arguments as name=value, separated by commas, strings in quotes. ${argumentList(shortcode)}`,
        ),
      );
      continue;
    }
    const { name, args } = piece.tag;
    const shortcode = shortcodes.get(name);
    if (!shortcode) {
      unknown(piece.kind === 'call' ? piece.form : 'body', piece.start, name);
      continue;
    }
    if (piece.kind === 'unclosed') {
      errors.push(
        new ContentError(
          place(piece.start),
          `\`${callText('body', name)}\` is never closed.`,
          shortcode.body === 'none'
            ? `\`${name}\` takes no body: write it as \`{{ ${name}(…) }}\`.`
            : `End its body with \`{% end %}\`. ${escapeHint('body', name)}`,
        ),
      );
      continue;
    }
    const problems: ContentError[] = [];
    if (piece.form === 'inline' && shortcode.body === 'required') {
      problems.push(
        new ContentError(
          place(piece.start),
          `\`${name}\` needs a body.`,
          `Write it as \`{% ${name}(…) %}\`, the body on the lines below, then \`{% end %}\`.`,
        ),
      );
    }
    if (piece.form === 'body' && shortcode.body === 'none') {
      problems.push(
        new ContentError(place(piece.start), `\`${name}\` takes no body.`, `Write it as \`{{ ${name}(…) }}\`, without \`{% end %}\`.`),
      );
    }
    const values = new Map<string, ZolaValue>();
    for (const argument of args) {
      const spec = Object.hasOwn(shortcode.arguments, argument.name) ? shortcode.arguments[argument.name] : undefined;
      if (!spec) {
        problems.push(new ContentError(place(argument.at), `\`${name}\` has no argument \`${argument.name}\`.`, argumentList(shortcode)));
      } else if (values.has(argument.name)) {
        problems.push(new ContentError(place(argument.at), `\`${name}\` is given \`${argument.name}\` twice.`, 'Keep one of them.'));
      } else if (!hasType(argument.value, spec.type)) {
        problems.push(
          new ContentError(
            place(argument.at),
            `\`${name}\`'s argument \`${argument.name}\` is ${describeValue(argument.value)}, not ${typeNames[spec.type]}.`,
            argumentList(shortcode),
          ),
        );
      } else {
        values.set(argument.name, toZolaValue(argument.value));
      }
    }
    for (const [argumentName, spec] of Object.entries(shortcode.arguments)) {
      if (spec.required && !args.some((argument) => argument.name === argumentName)) {
        problems.push(new ContentError(place(piece.start), `\`${name}\` needs the argument \`${argumentName}\`.`, argumentList(shortcode)));
      }
    }
    const shortcodeText = piece.body ? shortcodeBody(body.slice(piece.body.start, piece.body.end)) : undefined;
    if (shortcode.body === 'required' && piece.form === 'body' && !shortcodeText) {
      problems.push(new ContentError(place(piece.start), `\`${name}\`'s body is empty.`, 'Put its content between the tags, or remove the call.'));
    }
    if (problems.length === 0) {
      for (const { argument, problem, hint } of shortcode.check?.(values) ?? []) {
        const at = argument === undefined ? undefined : args.find((each) => each.name === argument)?.at;
        problems.push(new ContentError(place(at ?? piece.start), `\`${name}\`${argument === undefined ? '' : `'s \`${argument}\``}: ${problem}`, hint));
      }
    }
    if (problems.length > 0) {
      errors.push(...problems);
      continue;
    }
    let expansion: string;
    if ('expand' in shortcode) {
      expansion = shortcode.expand(values, shortcodeText);
    } else {
      const markers = elementMarkers(nonce, elements.length);
      elements.push({ name, args: values, hasBody: piece.body !== undefined, line: lines.lineOf(piece.start) });
      expansion = piece.body ? `${markers.open}\n${elementBody(body.slice(piece.body.start, piece.body.end))}\n${markers.close}` : markers.open;
    }
    const placed = placeAsBlock(lines, piece.start, piece.end, expansion, copied === 0 ? 1 : lines.lineOf(copied) + 1, !('expand' in shortcode));
    if (!placed) {
      errors.push(
        new ContentError(
          place(piece.start),
          `\`${callText(piece.form, name)}\` becomes a block of ${expansion.split('\n').length} lines, which does not fit where it is.`,
          piece.form === 'body'
            ? `Put \`{% ${name}(…) %}\` and \`{% end %}\` each on a line of its own, the body on the lines between.`
            : 'Put the call on a line of its own, with a blank line above or below it.',
        ),
      );
      continue;
    }
    output += body.slice(copied, placed.start) + placed.text;
    copied = placed.end;
  }
  output += body.slice(copied);
  return { body: output, errors, nonce, elements };
}
