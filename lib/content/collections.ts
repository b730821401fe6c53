/**
 * The collection files a page names (serene's `{{ collection(file="projects.toml") }}`, `<Collection file="…" />`),
 * read with the page and checked item by item (lib/markdown/collection-items.ts), every mistake an error at its line
 * of the TOML file. The checked items go to the compile with the page, and into its compile key.
 *
 * A file is read only from the page's folder or below it, inside content/, not through a symbolic link and not
 * larger than 1 MB: a page cannot make the build read (and publish) a file from elsewhere on the machine.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as parseToml, TomlError } from 'smol-toml';
import type { z } from 'zod';
import { ContentError, ContentErrors } from '@/lib/errors';
import {
  collectionFileProblem,
  collectionItemSchema,
  collectionItemTypes,
  collectionUrlProblem,
  isRequiredField,
  itemFields,
  type CollectionItem,
  type CollectionItemType,
} from '@/lib/markdown/collection-items';
import { urlHint } from '@/lib/markdown/content-policy';
import { findCallArguments } from '@/lib/markdown/zola-shortcodes';
import { closestWord } from './closest-word';
import { decodeContent } from './source-file';

/** Far above a real collection (serene's demo's is 3 KB); what keeps a pasted dump from slowing every build. */
export const maxCollectionBytes = 1024 * 1024;

/** A page as the collections need it: where it is, its format, and its body with the file line the body starts on. */
export interface CollectionPage {
  absolutePath: string;
  file: string;
  format: 'md' | 'mdx';
  body: string;
  bodyStartLine: number;
}

/** Every `file` a page's calls name, with the file line of the call. */
function collectionCalls(page: CollectionPage): { file: unknown; line: number }[] {
  const toFileLine = (bodyLine: number) => page.bodyStartLine + bodyLine - 1;
  if (page.format === 'md') {
    return findCallArguments(page.body, 'collection').flatMap(({ line, args }) => (args.has('file') ? [{ file: args.get('file'), line: toFileLine(line) }] : []));
  }
  // In .mdx, a component outside fenced code with a literal file (the compile reports any it could not read).
  const calls: { file: unknown; line: number }[] = [];
  let fence: string | undefined;
  page.body.split('\n').forEach((line, index) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence !== undefined) {
      if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length && line.trim() === opening) fence = undefined;
      return;
    }
    if (opening !== undefined) {
      fence = opening;
      return;
    }
    for (const match of line.matchAll(/<Collection\b[^>]*?\bfile\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*(?:"([^"]*)"|'([^']*)')\s*\})/g)) {
      calls.push({ file: match[1] ?? match[2] ?? match[3] ?? match[4], line: toFileLine(index + 1) });
    }
  });
  return calls;
}

/**
 * The checked items of every collection file the page names, by the name it gives them. Throws ContentErrors
 * listing every problem of every file.
 */
export function readCollections(page: CollectionPage, contentRoot: string): Record<string, CollectionItem[]> {
  const collections: Record<string, CollectionItem[]> = {};
  const errors: ContentError[] = [];
  for (const { file, line } of collectionCalls(page)) {
    // Another type is the compile's to report, at the argument.
    if (typeof file !== 'string' || Object.hasOwn(collections, file)) continue;
    const problem = collectionFileProblem(file);
    if (problem) {
      errors.push(new ContentError({ file: page.file, line }, `the collection file ${problem.problem}`, problem.hint));
      continue;
    }
    try {
      collections[file] = readCollectionFile(path.join(path.dirname(page.absolutePath), file), contentRoot, { file: page.file, line });
    } catch (error) {
      if (error instanceof ContentError) errors.push(error);
      else if (error instanceof ContentErrors) errors.push(...error.errors);
      else throw error;
    }
  }
  if (errors.length > 0) throw new ContentErrors(errors);
  return collections;
}

/** Reads and checks one collection file; `call` is where the page names it. */
function readCollectionFile(absolutePath: string, contentRoot: string, call: { file: string; line: number }): CollectionItem[] {
  const file = path.relative(process.cwd(), absolutePath).split(path.sep).join('/');
  const refuse = (problem: string, hint: string) => new ContentError(call, `the collection file ${file} ${problem}`, hint);
  const stat = fs.lstatSync(absolutePath, { throwIfNoEntry: false });
  if (!stat) throw refuse('does not exist.', 'Create it beside the page, or correct the name the call gives.');
  if (stat.isSymbolicLink()) throw refuse('is a symbolic link, which the build does not follow.', 'Copy the file into the page’s folder instead of linking to it.');
  if (!stat.isFile()) throw refuse('is not a regular file.', 'Name a .toml file beside the page.');
  if (stat.size > maxCollectionBytes) throw refuse(`is ${(stat.size / 1024 / 1024).toFixed(1)} MB; a collection file may be at most 1 MB.`, 'Split the collection into several files, one call each.');
  // A folder on the way may itself be a link out of content/.
  const inside = path.relative(fs.realpathSync(contentRoot), fs.realpathSync(absolutePath));
  if (inside.startsWith('..') || path.isAbsolute(inside)) throw refuse('is outside the content folder (through a linked folder).', 'Keep the collection file in the page’s own folder.');
  const source = decodeContent(fs.readFileSync(absolutePath), file);
  let data: Record<string, unknown>;
  try {
    data = parseToml(source);
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    throw new ContentError(
      { file, line: error.line, column: error.column },
      `does not parse as TOML: ${(error.message.split('\n')[0] ?? error.message).replace(/^Invalid TOML document: /, '')}.`,
      'Check the quoting and the `key = value` form; each item starts with a [[collection]] line.',
    );
  }
  return checkItems(data, source, file, call);
}

/** The file lines of the `[[collection]]` headers, and the line of a key in the item below one. */
function itemLines(source: string): { item(index: number): number | undefined; key(index: number, key: string): number | undefined } {
  const lines = source.split('\n');
  const headers = lines.flatMap((line, index) => (/^\s*\[\[\s*(?:collection|"collection"|'collection')\s*\]\]/.test(line) ? [index] : []));
  return {
    item: (index) => (headers[index] === undefined ? undefined : (headers[index] ?? 0) + 1),
    key: (index, key) => {
      const header = headers[index];
      if (header === undefined) return undefined;
      for (let at = header + 1; at < lines.length && !/^\s*\[/.test(lines[at] ?? ''); at++) {
        const written = /^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=/.exec(lines[at] ?? '');
        if (written && (written[1] ?? written[2] ?? written[3]) === key) return at + 1;
      }
      return header + 1;
    },
  };
}

const describeType = (type: CollectionItemType) => `${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;

/** A type's fields for a hint: `A card's fields: type, title (required), subtitle, …`. */
function fieldList(type: CollectionItemType): string {
  return `${/^[aeiou]/.test(type) ? 'An' : 'A'} ${type}'s fields: ${itemFields(type).map((field) => (field !== 'type' && isRequiredField(type, field) ? `${field} (required)` : field)).join(', ')}.`;
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}…` : value);
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Date) return 'a date';
  if (value !== null && typeof value === 'object') return 'a table';
  return String(value);
}

/** What a field must hold, in an author's words. */
function expected(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_type' && issue.code !== 'invalid_union') return issue.message;
  if (issue.path.at(-1) === 'tags' || issue.path.length > 1) return 'a list of texts in quotes, tags = ["rust", "cli"]';
  if (issue.code === 'invalid_type' && issue.expected === 'boolean') return 'true or false';
  return 'text in quotes';
}

function checkItems(data: Record<string, unknown>, source: string, file: string, call: { file: string; line: number }): CollectionItem[] {
  const lines = itemLines(source);
  const errors: ContentError[] = [];
  const at = (line: number | undefined) => (line === undefined ? call : { file, line });
  for (const key of Object.keys(data).filter((key) => key !== 'collection')) {
    const line = source.split('\n').findIndex((text) => new RegExp(`^\\s*\\[*\\s*["']?${key.replace(/[^\w-]/g, '\\$&')}["']?\\s*[=\\]]`).test(text));
    errors.push(new ContentError({ file, line: line === -1 ? 1 : line + 1 }, `\`${key}\` is not read: a collection file holds [[collection]] items.`, 'Start each item with a [[collection]] line, its fields below it.'));
  }
  const list = data.collection;
  if (!Array.isArray(list)) {
    errors.push(
      new ContentError(
        list === undefined ? { file, line: 1 } : at(lines.item(0)),
        list === undefined ? 'has no [[collection]] items.' : '`collection` is not a list of items.',
        `Write each item as a [[collection]] line with its fields below it: type (${collectionItemTypes.join(', ')}), title, …`,
      ),
    );
    throw new ContentErrors(errors);
  }
  const items: CollectionItem[] = [];
  list.forEach((item: unknown, index) => {
    const label = `item ${index + 1}`;
    const itemLine = at(lines.item(index));
    if (item === null || typeof item !== 'object' || Array.isArray(item) || item instanceof Date) {
      errors.push(new ContentError(itemLine, `${label} is not a table of fields.`, 'Write each item as a [[collection]] line with its fields below it.'));
      return;
    }
    const type = 'type' in item ? item.type : undefined;
    if (typeof type !== 'string' || !(collectionItemTypes as string[]).includes(type)) {
      const meant = typeof type === 'string' ? closestWord(type, collectionItemTypes) : undefined;
      errors.push(
        new ContentError(
          at(lines.key(index, 'type')),
          type === undefined ? `${label} has no \`type\`.` : `${label}: \`type = ${describeValue(type)}\` is not a type of collection item.`,
          meant ? `Did you mean "${meant}"?` : `The types: ${collectionItemTypes.join(', ')}.`,
        ),
      );
      return;
    }
    const itemType = type as CollectionItemType;
    const fields: Record<string, unknown> = { ...item };
    const parsed = collectionItemSchema.safeParse(item);
    for (const issue of parsed.error?.issues ?? []) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const meant = closestWord(key, itemFields(itemType));
          const elsewhere = collectionItemTypes.filter((other) => itemFields(other).includes(key));
          errors.push(
            new ContentError(
              at(lines.key(index, key)),
              `${label}: \`${key}\` is not a field of ${describeType(itemType)}.`,
              meant ? `Did you mean \`${meant}\`?` : elsewhere.length > 0 ? `\`${key}\` is a field of ${elsewhere.join(', ')}. ${fieldList(itemType)}` : fieldList(itemType),
            ),
          );
        }
        continue;
      }
      const field = String(issue.path[0] ?? 'type');
      const missing = issue.code === 'invalid_type' && issue.path.length === 1 && !(field in fields);
      errors.push(
        new ContentError(
          at(missing ? lines.item(index) : lines.key(index, field)),
          missing ? `${label}: ${describeType(itemType)} needs \`${field}\`.` : `${label}: \`${field}\` must be ${expected(issue)}, got ${describeValue(fields[field])}.`,
          fieldList(itemType),
        ),
      );
    }
    // Addresses are checked whatever else is wrong with the item, so that every mistake shows at once.
    let urlProblems = false;
    for (const [field, use] of [['link', 'link'], ['icon', 'image'], ['img', 'image']] as const) {
      const url = fields[field];
      const problem = typeof url === 'string' ? collectionUrlProblem(url, use) : undefined;
      if (!problem) continue;
      urlProblems = true;
      errors.push(
        new ContentError(
          at(lines.key(index, field)),
          `${label}: \`${field}\` ${problem}`,
          use === 'link' ? urlHint.link : 'Name a picture in public/ from its root (/img/logo.png) or beside the page (logo.png), or use an https:// address.',
        ),
      );
    }
    if (parsed.success && !urlProblems) items.push(parsed.data);
  });
  if (errors.length > 0) throw new ContentErrors(errors);
  return items;
}
