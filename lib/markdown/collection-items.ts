/**
 * serene's collections (isunjn/serene USAGE.md, "Collection"): a TOML file of `[[collection]]` items beside the
 * page that names it with `{{ collection(file="projects.toml") }}`. What the items may hold, checked where the
 * file is read (lib/content/collections.ts) so that a mistake is an error at its line of the TOML file; the
 * checked items are part of the page's compile input, from which collection.ts builds their markup.
 */
import { z } from 'zod';
import { isSchemeRelative, urlProblem, urlScheme, type UrlUse } from './content-policy';

/** Text in quotes; a TOML date written bare (`date = 2024-05-01`) is taken as it is written. */
const text = z.union([z.string(), z.date().transform((date) => date.toISOString())]);

const title = z.string();
const optional = {
  subtitle: z.string().optional(),
  date: text.optional(),
  link: z.string().optional(),
  icon: z.string().optional(),
  img: z.string().optional(),
  content: z.string().optional(),
  footer: z.string().optional(),
  tags: z.array(z.string()).max(100).optional(),
  featured: z.boolean().optional(),
};

/** Each type of item with its fields, as serene's templates/macros/collection.html reads them. */
const itemShapes = {
  card: { title, subtitle: optional.subtitle, date: optional.date, link: optional.link, icon: optional.icon, content: z.string(), tags: optional.tags, featured: optional.featured },
  card_simple: { title, date: optional.date, link: optional.link, icon: optional.icon, content: z.string(), featured: optional.featured },
  entry: { title: z.string().optional(), subtitle: optional.subtitle, link: optional.link, icon: optional.icon },
  // serene's box also reads `rotate`, which its demo uses though USAGE.md leaves it out: the picture tilted.
  box: { title, subtitle: optional.subtitle, link: optional.link, img: optional.img, rotate: z.boolean().optional() },
  art: { title, subtitle: optional.subtitle, link: optional.link, img: z.string(), content: optional.content, footer: optional.footer },
  art_simple: { title, subtitle: optional.subtitle, link: optional.link, img: z.string() },
  br: {},
} as const;

export type CollectionItemType = keyof typeof itemShapes;
export const collectionItemTypes = Object.keys(itemShapes) as CollectionItemType[];

/** The fields of each type, `type` first, for messages. */
export function itemFields(type: CollectionItemType): string[] {
  return ['type', ...Object.keys(itemShapes[type])];
}

/** Which fields of a type are required. */
export function isRequiredField(type: CollectionItemType, field: string): boolean {
  const shape: Record<string, z.ZodType> = itemShapes[type];
  const schema = shape[field];
  return schema !== undefined && !schema.safeParse(undefined).success;
}

export const collectionItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('card'), ...itemShapes.card }),
  z.strictObject({ type: z.literal('card_simple'), ...itemShapes.card_simple }),
  z.strictObject({ type: z.literal('entry'), ...itemShapes.entry }),
  z.strictObject({ type: z.literal('box'), ...itemShapes.box }),
  z.strictObject({ type: z.literal('art'), ...itemShapes.art }),
  z.strictObject({ type: z.literal('art_simple'), ...itemShapes.art_simple }),
  z.strictObject({ type: z.literal('br') }),
]);

export type CollectionItem = z.output<typeof collectionItemSchema>;

/** A file the page names: a .toml file in the page's folder or below it, named without `..`, a root or backslashes. */
export function collectionFileProblem(file: string): { problem: string; hint: string } | undefined {
  const hint = 'Name a .toml file beside the page, as serene does: file="projects.toml" for content/projects/projects.toml next to content/projects/_index.md.';
  if (file.trim() === '') return { problem: 'is empty.', hint };
  const segments = file.split('/');
  if (file.startsWith('/') || file.includes('\\') || /^[a-z]:/i.test(file) || segments.some((segment) => segment === '..' || segment === '.' || segment === '') || file.includes('\0')) {
    return { problem: `${JSON.stringify(file)} is not a path inside the page's folder (no \`..\`, leading \`/\`, backslash or empty part).`, hint };
  }
  if (!/\.toml$/i.test(file)) return { problem: `${JSON.stringify(file)} is not a .toml file.`, hint };
  return undefined;
}

/**
 * Why an item's `link` (`use` 'link') or `icon`/`img` ('image') may not be used, or undefined. Pictures of the site
 * are named from public/'s root or beside the page, without climbing; the content policy's schemes otherwise.
 */
export function collectionUrlProblem(url: string, use: UrlUse): string | undefined {
  if (url.trim() === '') return 'is empty.';
  const policy = urlProblem(url, use);
  if (policy) return policy.replace(/^(?:image|link to) /, '');
  if (use === 'image' && urlScheme(url) === undefined && !isSchemeRelative(url)) {
    const segments = url.split(/[/\\]/).map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
    if (url.includes('\\') || segments.includes('..')) return `${JSON.stringify(url)} climbs out of its folder with \`..\` or writes a backslash.`;
  }
  return undefined;
}
