/**
 * Where a content file lands, as Zola places it: a file's URL comes from its folders and name, a date at the
 * front of the name (`2024-05-01-title.md`, `2024-05-01_title/index.md`) is the page's date and not part of
 * its URL, `slug` replaces the last segment and `path` the whole path. Every result passes the same name
 * rules as a file name (page-urls.ts): no front-matter value reaches `/_next/`, `/_headers` or out of out/.
 */
import { ContentError } from '@/lib/errors';
import { pageFilePattern, slugProblem, urlForSlug, urlSegment } from './page-urls';

/** A date, optionally with a time, then `-` or `_`, at the start of a file or bundle folder name. */
const datedName = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?[-_](.+)$/;
/** What a dated name looks like before the date is checked, so that `2024-13-45-x.md` is an error and not a slug. */
const dateLikeName = /^\d{4}-\d{1,2}-\d{1,2}[-_T ]/;

/** Whether `yyyy-mm-dd` names a day of the calendar. */
export function isCalendarDate(date: string): boolean {
  const [year, month, day] = date.split('-').map(Number);
  if (year === undefined || month === undefined || day === undefined) return false;
  const parsed = new Date(Date.UTC(year, month - 1, day));
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** `2024-05-01-hello` → date 2024-05-01, name `hello`; other names as they are. Throws for a date-like prefix that is no date. */
function splitDatedName(name: string, file: string): { date: string | undefined; name: string } {
  const dated = datedName.exec(name);
  if (dated?.[1] !== undefined && dated[2] !== undefined) {
    if (!isCalendarDate(dated[1])) {
      throw new ContentError(
        { file, line: 1 },
        `the name ${JSON.stringify(name)} starts with ${dated[1]}, which is not a date.`,
        'Write the date as YYYY-MM-DD (2024-05-01-title.md), or rename the file so that it does not start with digits and dashes.',
      );
    }
    return { date: dated[1], name: dated[2] };
  }
  if (dateLikeName.test(name)) {
    throw new ContentError(
      { file, line: 1 },
      `the name ${JSON.stringify(name)} starts like a date but is not one.`,
      'Write the date as YYYY-MM-DD followed by `-` or `_` (2024-05-01-title.md), or rename the file.',
    );
  }
  return { date: undefined, name };
}

export interface PagePlace {
  slug: string[];
  url: string;
  /** The date the file or bundle folder name carries, when it carries one. */
  dateFromName: string | undefined;
}

export interface PlaceFields {
  slug?: string | undefined;
  path?: string | undefined;
}

/**
 * The URL of a page file (`relative` inside content/, `/`-separated). A page bundle (`x/index.md`) takes its
 * name from its folder. `lineOf` names the front-matter line of a field, for errors.
 */
export function placePage(relative: string, fields: PlaceFields, file: string, lineOf: (key: string) => number): PagePlace {
  const names = relative.replace(pageFilePattern, '').split('/').filter(Boolean);
  const isBundle = names.at(-1) === 'index' && names.length > 1;
  if (isBundle) names.pop();
  const last = names.pop();
  let dateFromName: string | undefined;
  const segments = names.map(urlSegment);
  if (last !== undefined && last !== 'index') {
    const dated = splitDatedName(last, file);
    dateFromName = dated.date;
    segments.push(urlSegment(dated.name));
  }
  let slug = segments;
  if (fields.slug !== undefined) {
    const segment = urlSegment(fields.slug);
    if (segment === '' || /^\.+$/.test(segment)) {
      throw new ContentError({ file, line: lineOf('slug') }, `\`slug\` ${JSON.stringify(fields.slug)} makes no URL segment.`, 'Use letters or digits: `slug = "my-post"`.');
    }
    slug = [...segments.slice(0, -1), segment];
  }
  if (fields.path !== undefined) {
    const written = fields.path.split('/').filter((name) => name !== '');
    const pathSegments = written.map(urlSegment);
    if (written.some((name) => name === '.' || name === '..' || name.includes('\\')) || pathSegments.some((segment) => segment === '' || /^\.+$/.test(segment))) {
      throw new ContentError(
        { file, line: lineOf('path') },
        `\`path\` ${JSON.stringify(fields.path)} is not a path on this site.`,
        'Write it as segments of letters and digits separated by `/`, such as `path = "notes/first"`; `.`, `..` and `\\` are not allowed.',
      );
    }
    slug = pathSegments;
  }
  const problem = slugProblem(slug);
  if (problem) {
    const line = fields.path !== undefined ? lineOf('path') : fields.slug !== undefined ? lineOf('slug') : 1;
    throw new ContentError({ file, line }, problem.problem, problem.hint);
  }
  return { slug, url: urlForSlug(slug), dateFromName };
}

/** The URL of the section a folder's `_index.md` makes: `posts/_index.md` → /posts/. */
export function placeSection(relativeFolder: string): { slug: string[]; url: string } {
  const slug = relativeFolder.split('/').filter(Boolean).map(urlSegment);
  return { slug, url: urlForSlug(slug) };
}
