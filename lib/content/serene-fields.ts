/**
 * The `[extra]` fields serene's templates read (isunjn/serene USAGE.md), checked when a file is read so that a
 * mistake is an error at its line, and read back typed by the layouts. Fields only serene uses are checked on
 * every file; the home page's profile (`name`, `links`, …: words other themes use for other things) only on
 * a home page with `template = "home.html"`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { dateFormatProblem, defaultDateFormat } from '@/lib/date-format';
import { ContentError } from '@/lib/errors';
import { iconNames, isIconName } from '@/lib/icons';

/** A `link` of a profile: another site, a mail address, or a path of this one. */
const linkUrlSchema = z.string().refine((url) => /^(?:https?:\/\/|mailto:|\/(?![/\\]))/i.test(url.trim()), {
  error: 'an https://, mailto: or /site/path address',
});

const profileLinkSchema = z.strictObject({
  name: z.string().min(1),
  icon: z.string().min(1),
  url: linkUrlSchema,
  rel_me: z.boolean().optional(),
});

/** serene's home.html fields. */
const homeFields = {
  name: z.string().min(1).optional(),
  id: z.string().min(1).optional(),
  bio: z.string().min(1).optional(),
  avatar: z.string().min(1).optional(),
  links: z.array(profileLinkSchema).max(50).optional(),
  recent: z.boolean().optional(),
  footer: z.boolean().optional(),
};

/** Fields of the blog section and its posts (a section's are its posts' defaults), and the home page's list. */
const listAndPostFields = {
  recent_max: z.number().int().positive().optional(),
  recent_more_text: z.string().min(1).optional(),
  date_format: z.string().min(1).optional(),
  subtitle: z.string().min(1).optional(),
  categorized: z.boolean().optional(),
  back_to_top: z.boolean().optional(),
  back_link_text: z.string().min(1).optional(),
  featured: z.boolean().optional(),
  outdate_alert: z.boolean().optional(),
  outdate_alert_days: z.number().int().nonnegative().optional(),
  outdate_alert_text_before: z.string().optional(),
  outdate_alert_text_after: z.string().optional(),
  og_image: z.string().min(1).optional(),
};

/** serene's own field names, long and particular enough that a key one letter away from one is a slip. */
export const sereneFieldNames: readonly string[] = Object.keys(listAndPostFields);

const homeSchema = z.looseObject({ ...homeFields, ...listAndPostFields });
const listAndPostSchema = z.looseObject(listAndPostFields);

export type HomeProfile = z.output<typeof homeSchema>;
export type PostSettings = z.output<typeof listAndPostSchema>;

/**
 * Whether a file is the home page serene's home.html shows: content/_index.md without another template.
 * `explicitly`: only with `template = "home.html"`, the pages whose profile fields are checked (another theme's
 * home page may use `footer` or `links` otherwise; the layout then shows what it can read).
 */
export function isHomeSection(file: { kind: 'page' | 'section'; folder: string; templateName: string | undefined }, explicitly = false): boolean {
  return file.kind === 'section' && file.folder === '' && (file.templateName === 'home.html' || (!explicitly && file.templateName === undefined));
}

const imageExtensions = /\.(?:png|jpe?g|gif|webp|avif|svg)$/i;

/**
 * The site path of an avatar: `img/avatar.webp` or `/img/avatar.webp` names public/img/avatar.webp (serene
 * reads it from static/), a name beside content/_index.md names that file. Undefined with a reason otherwise.
 */
export function avatarPath(written: string, projectDirectory: string = process.cwd()): { url: string } | { problem: string; hint: string } {
  const segments = written.split('/').filter((segment) => segment !== '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) || written.startsWith('//') || written.includes('\\') || segments.some((segment) => segment === '..' || segment === '.')) {
    return { problem: `the avatar \`${written}\` is not a path inside public/ or content/.`, hint: 'Put the picture in public/ (public/img/avatar.webp) and write `avatar = "img/avatar.webp"`.' };
  }
  if (!imageExtensions.test(written)) {
    return { problem: `the avatar \`${written}\` is not a picture.`, hint: 'Use a .webp, .avif, .jpg, .png, .gif or .svg file.' };
  }
  const relative = segments.join('/');
  for (const folder of ['public', 'content']) {
    const file = path.join(projectDirectory, folder, relative);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.lstatSync(file);
    } catch {
      continue;
    }
    if (stat.isFile()) return { url: `/${relative}` };
  }
  return { problem: `the avatar \`${written}\` does not exist.`, hint: `Put the picture at public/${relative}, or fix the path.` };
}

/**
 * Every problem with the serene fields of one file's own `[extra]`, each at its line. `isHome` adds the home
 * page's profile fields.
 */
export function sereneFieldProblems(
  extra: Readonly<Record<string, unknown>>,
  { file, isHome, lineOf }: { file: string; isHome: boolean; lineOf: (keyPath: readonly string[]) => number },
): ContentError[] {
  const problems: ContentError[] = [];
  const result = (isHome ? homeSchema : listAndPostSchema).safeParse(extra);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const keyPath = ['extra', ...issue.path.map(String)];
      problems.push(new ContentError({ file, line: lineOf(keyPath) }, `\`${keyPath.join('.')}\`: ${issue.message}.`, "See serene's fields in docs/writing.md (Zola sites)."));
    }
    return problems;
  }
  const fields = result.data as HomeProfile;
  if (fields.date_format !== undefined) {
    const problem = dateFormatProblem(fields.date_format);
    if (problem) problems.push(new ContentError({ file, line: lineOf(['extra', 'date_format']) }, `\`extra.date_format\`: ${problem}.`, `Write a pattern such as "${defaultDateFormat}" or "%Y-%m-%d".`));
  }
  if (!isHome) return problems;
  if (fields.avatar !== undefined) {
    const avatar = avatarPath(fields.avatar);
    if ('problem' in avatar) problems.push(new ContentError({ file, line: lineOf(['extra', 'avatar']) }, avatar.problem, avatar.hint));
  }
  for (const [index, link] of (fields.links ?? []).entries()) {
    if (!isIconName(link.icon)) {
      problems.push(
        new ContentError(
          { file, line: lineOf(['extra', 'links', String(index), 'icon']) },
          `the link "${link.name}" names the icon \`${link.icon}\`, which the engine does not draw.`,
          `Icons: ${iconNames.join(', ')}.`,
        ),
      );
    }
  }
  return problems;
}

/**
 * The fields of `shape` that `extra` sets with a valid value. A file's own fields were checked when it was read;
 * the site config's [extra] (config.toml's, carried as data) was not, and a value there of another type is left out.
 */
function validFields<T extends z.ZodRawShape>(shape: T, extra: Readonly<Record<string, unknown>>): Partial<z.output<z.ZodObject<T>>> {
  const fields: Record<string, unknown> = {};
  for (const [key, schema] of Object.entries(shape)) {
    if (!Object.hasOwn(extra, key)) continue;
    const parsed = (schema as z.ZodType).safeParse(extra[key]);
    if (parsed.success && parsed.data !== undefined) fields[key] = parsed.data;
  }
  return fields as Partial<z.output<z.ZodObject<T>>>;
}

/** A home page's profile and recent-posts settings. */
export function homeProfile(extra: Readonly<Record<string, unknown>>): HomeProfile {
  return validFields({ ...homeFields, ...listAndPostFields }, extra) as HomeProfile;
}

/** A post's or list's settings (its own, then its sections', then the site's). */
export function postSettings(extra: Readonly<Record<string, unknown>>): PostSettings {
  return validFields(listAndPostFields, extra) as PostSettings;
}
