/**
 * Dates written with a strftime pattern, as Zola's `date` filter writes them (chrono's directives:
 * https://docs.rs/chrono/latest/chrono/format/strftime/index.html). serene's users set `date_format` to patterns
 * such as `%b %-d, %Y` (Dec 13, 2025) or `%Y-%-m-%-d`; the subset here covers a date and a time of day, in
 * English as chrono writes them. A pattern is checked once, when the content is read, so that a typo is an
 * error at its line rather than a `%Q` on every page.
 */

const monthNames = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const dayNames = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Padding = 'zero' | 'space' | 'none';

interface Directive {
  /** A number, padded to `width` unless a flag says otherwise, or text. */
  value(date: Date): number | string;
  width?: number;
  /** chrono pads `%e` with a space by default. */
  padding?: Padding;
}

const dayOfYear = (date: Date) => Math.floor((date.getTime() - Date.UTC(date.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
const hour12 = (date: Date) => date.getUTCHours() % 12 || 12;

const directives: Readonly<Record<string, Directive>> = {
  Y: { value: (date) => date.getUTCFullYear() },
  C: { value: (date) => Math.floor(date.getUTCFullYear() / 100), width: 2 },
  y: { value: (date) => date.getUTCFullYear() % 100, width: 2 },
  m: { value: (date) => date.getUTCMonth() + 1, width: 2 },
  b: { value: (date) => monthNames[date.getUTCMonth()]!.slice(0, 3) },
  h: { value: (date) => monthNames[date.getUTCMonth()]!.slice(0, 3) },
  B: { value: (date) => monthNames[date.getUTCMonth()]! },
  d: { value: (date) => date.getUTCDate(), width: 2 },
  e: { value: (date) => date.getUTCDate(), width: 2, padding: 'space' },
  a: { value: (date) => dayNames[date.getUTCDay()]!.slice(0, 3) },
  A: { value: (date) => dayNames[date.getUTCDay()]! },
  u: { value: (date) => date.getUTCDay() || 7 },
  w: { value: (date) => date.getUTCDay() },
  j: { value: dayOfYear, width: 3 },
  H: { value: (date) => date.getUTCHours(), width: 2 },
  k: { value: (date) => date.getUTCHours(), width: 2, padding: 'space' },
  I: { value: hour12, width: 2 },
  l: { value: hour12, width: 2, padding: 'space' },
  M: { value: (date) => date.getUTCMinutes(), width: 2 },
  S: { value: (date) => date.getUTCSeconds(), width: 2 },
  p: { value: (date) => (date.getUTCHours() < 12 ? 'AM' : 'PM') },
  P: { value: (date) => (date.getUTCHours() < 12 ? 'am' : 'pm') },
};

/** Directives that stand for a pattern of others (chrono's `%F`, `%D`, `%T`, `%R`). */
const shorthands: Readonly<Record<string, string>> = { F: '%Y-%m-%d', D: '%m/%d/%y', x: '%m/%d/%y', T: '%H:%M:%S', R: '%H:%M' };

type Piece = { text: string } | { directive: Directive; padding: Padding | undefined };

const flagPaddings: Readonly<Record<string, Padding>> = { '-': 'none', _: 'space', '0': 'zero' };

/** A pattern's pieces, or the first thing in it that is not a directive this module knows. */
function parsePattern(pattern: string): { pieces: Piece[] } | { unknown: string } {
  const pieces: Piece[] = [];
  for (let at = 0; at < pattern.length; ) {
    const percent = pattern.indexOf('%', at);
    if (percent === -1) {
      pieces.push({ text: pattern.slice(at) });
      break;
    }
    if (percent > at) pieces.push({ text: pattern.slice(at, percent) });
    let next = percent + 1;
    const flag = pattern[next];
    const padding = flag === undefined ? undefined : flagPaddings[flag];
    if (padding !== undefined) next++;
    const letter = pattern[next] ?? '';
    if (letter === '%' && padding === undefined) pieces.push({ text: '%' });
    else if (letter === 'n' || letter === 't') pieces.push({ text: letter === 'n' ? '\n' : '\t' });
    else if (Object.hasOwn(shorthands, letter) && padding === undefined) {
      const expanded = parsePattern(shorthands[letter]!);
      if ('pieces' in expanded) pieces.push(...expanded.pieces);
    } else if (Object.hasOwn(directives, letter)) pieces.push({ directive: directives[letter]!, padding });
    else return { unknown: pattern.slice(percent, next + 1) };
    at = next + 1;
  }
  return { pieces };
}

/** What is wrong with a pattern, for an error message; undefined when every directive is known. */
export function dateFormatProblem(pattern: string): string | undefined {
  const parsed = parsePattern(pattern);
  if ('pieces' in parsed) return undefined;
  return `\`${parsed.unknown}\` is not a date directive this engine writes (it knows %Y %C %y %m %b %B %h %d %e %a %A %u %w %j %H %k %I %l %M %S %p %P %F %D %x %T %R %%, with the flags - _ 0 as in %-d)`;
}

/** `date` (an ISO date or date-time from front matter) written with `pattern`; the ISO day when the pattern is not valid. */
export function formatDate(date: string, pattern: string): string {
  const parsed = parsePattern(pattern);
  const day = date.slice(0, 10);
  const when = new Date(/T/.test(date) ? date : `${day}T00:00:00Z`);
  if (!('pieces' in parsed) || Number.isNaN(when.getTime())) return day;
  return parsed.pieces
    .map((piece) => {
      if ('text' in piece) return piece.text;
      const value = piece.directive.value(when);
      if (typeof value === 'string') return value;
      const width = piece.directive.width ?? 0;
      const padding = piece.padding ?? piece.directive.padding ?? 'zero';
      if (padding === 'none') return String(value);
      return String(value).padStart(width, padding === 'zero' ? '0' : ' ');
    })
    .join('');
}

/** serene's default: Dec 13, 2025. */
export const defaultDateFormat = '%b %-d, %Y';
