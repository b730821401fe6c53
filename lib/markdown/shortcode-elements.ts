/**
 * The shortcodes whose output is an element (serene's callouts, quote, detail, figure, youtube, collection): what
 * each takes and the markup it makes, once for both formats. A .md page calls them as Zola shortcodes
 * (`{% note(title="…") %}`, zola-shortcodes.ts), an .mdx page as components (`<Note title="…">`);
 * remark-shortcode-elements.ts turns either into the mdast built here.
 *
 * The markup is mdast, not HTML text: elements are nodes carrying `data.hName`/`hProperties` (which
 * mdast-util-to-hast applies), every value goes into a property or a text node (escaped when the page is
 * written), links and images are mdast `link` and `image` nodes, and arguments written in Markdown are parsed into
 * mdast. So the rest of the compile (the content policy, external links, images, raw HTML dropped in .md) treats
 * what a shortcode makes like the page's own text.
 */
import type { BlockContent } from 'mdast';
import { collection } from './collection';
import { isSchemeRelative, urlHint, urlProblem, urlScheme, type UrlUse } from './content-policy';
import { element, hastElement, stringArgument, type BuildTools, type ShortcodeElementNode } from './element-node';
import type { ArgumentProblem, ShortcodeArgument, ShortcodeSignature, ZolaValue } from './zola-shortcodes';

export { element, hastElement, stringArgument, type BuildTools, type ShortcodeElementNode };

/** An argument of an element shortcode; `prop` is its name as an MDX prop when that differs (`defaultOpen`). */
export interface ElementArgument extends ShortcodeArgument {
  prop?: string;
}

export interface ElementShortcode extends ShortcodeSignature {
  /** The component an .mdx page writes (`Note` for `note`). */
  component: string;
  arguments: Readonly<Record<string, ElementArgument>>;
  /** Whether GitHub's alert of the same name (`> [!NOTE]`) makes it too, without arguments. */
  alert?: boolean;
  /** The element for a call whose arguments passed `arguments` and `check`, around `children` (its body). */
  build(args: ReadonlyMap<string, ZolaValue>, children: BlockContent[], tools: BuildTools): ShortcodeElementNode;
}


// ---------------------------------------------------------------------------------------------------------------
// Callouts: serene's note, tip, important, warning and caution, and GitHub's alerts of the same names

/**
 * The callouts' icons: 16-unit drawings in strokes of the text's colour (app/prose.css colours each callout), hidden
 * from assistive technology, since the title says the same.
 */
const calloutIcons = {
  // A circle with an i.
  note: ['M8 1.75a6.25 6.25 0 1 0 0 12.5 6.25 6.25 0 0 0 0-12.5Z', 'M8 7.25v4', 'M8 4.75v.01'],
  // A light bulb.
  tip: ['M6 14.25h4', 'M6.25 11.75h3.5c0-1.75 2.5-2.75 2.5-5.5a4.25 4.25 0 0 0-8.5 0c0 2.75 2.5 3.75 2.5 5.5Z'],
  // A speech bubble with an exclamation mark.
  important: ['M2.25 2.75h11.5v8.5h-6l-3.25 2.5v-2.5H2.25Z', 'M8 4.75v3.5', 'M8 9.75v.01'],
  // A triangle with an exclamation mark.
  warning: ['M8 1.75 14.75 13.75H1.25Z', 'M8 6.25v3.5', 'M8 11.75v.01'],
  // An octagon with an exclamation mark.
  caution: ['M5.5 1.75h5l3.75 3.75v5l-3.75 3.75h-5L1.75 10.5v-5Z', 'M8 4.75v3.75', 'M8 11v.01'],
} as const;

export type CalloutKind = keyof typeof calloutIcons;

const calloutTitles: Record<CalloutKind, string> = { note: 'Note', tip: 'Tip', important: 'Important', warning: 'Warning', caution: 'Caution' };

function calloutIcon(kind: CalloutKind): ShortcodeElementNode {
  return element(
    'svg',
    {
      className: ['callout-icon'],
      viewBox: '0 0 16 16',
      width: 16,
      height: 16,
      fill: 'none',
      stroke: 'currentColor',
      strokeWidth: '1.5',
      strokeLinecap: 'round',
      strokeLinejoin: 'round',
      ariaHidden: 'true',
    },
    [],
    calloutIcons[kind].map((d) => hastElement('path', { d })),
  );
}

/**
 * `<div class="callout callout-note" role="note">`: its title (the `title` argument, else the kind's name) after
 * the icon, then the body. A `div` with the note role, not an `aside`: an aside inside `main` is a landmark of its
 * own, which axe reports.
 */
function callout(kind: CalloutKind): ElementShortcode {
  return {
    component: calloutTitles[kind],
    arguments: { title: { type: 'string', required: false } },
    body: 'required',
    alert: true,
    build: (args, children) =>
      element('div', { className: ['callout', `callout-${kind}`], role: 'note' }, [
        element('p', { className: ['callout-title'] }, [calloutIcon(kind), { type: 'text', value: stringArgument(args, 'title') ?? calloutTitles[kind] }]),
        ...children,
      ]),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// quote, detail, figure, youtube

/** `<figure class="quote">`: the body as a quote, and `cite` (Markdown) under it after a dash. */
const quote: ElementShortcode = {
  component: 'Quote',
  arguments: { cite: { type: 'string', required: false } },
  body: 'required',
  build: (args, children, tools) => {
    const cite = stringArgument(args, 'cite');
    return element('figure', { className: ['quote'] }, [
      element('blockquote', {}, children),
      ...(cite === undefined || cite.trim() === '' ? [] : [element('figcaption', {}, [{ type: 'text', value: '— ' }, ...tools.inline(cite)])]),
    ]);
  },
};

/** `<details>`, open when `default_open` is true, its `title` as the summary (without one, the browser's "Details"). */
const detail: ElementShortcode = {
  component: 'Detail',
  arguments: { title: { type: 'string', required: false }, default_open: { type: 'boolean', required: false, prop: 'defaultOpen' } },
  body: 'required',
  build: (args, children) => {
    const title = stringArgument(args, 'title');
    return element('details', { className: ['detail'], open: args.get('default_open') === true }, [
      ...(title === undefined || title.trim() === '' ? [] : [element('summary', {}, [{ type: 'text', value: title }])]),
      ...children,
    ]);
  },
};

/** Why a URL an argument gives may not be used, in the words of the content policy, or undefined. */
function urlArgumentProblem(argument: string, url: string, use: UrlUse): ArgumentProblem[] {
  const problem = urlProblem(url, use);
  return problem ? [{ argument, problem: `${problem.replace(/^(?:image|link to) /, '')}`, hint: urlHint[use] }] : [];
}

/**
 * Whether an image's address is a file of this site (a path, or a name beside the page) rather than another
 * site's: a relative or root path, not `//host` or a scheme.
 */
export function isSiteFile(src: string): boolean {
  return urlScheme(src) === undefined && !isSchemeRelative(src);
}

/**
 * `src` is a picture of this site (a root path into public/, or a name beside a bundle's page) or an http(s)
 * address. A path may not climb with `..`: a picture beside the page is in its folder, one in public/ is named
 * from there.
 */
function figureSourceProblems(src: string): ArgumentProblem[] {
  if (src.trim() === '') return [{ argument: 'src', problem: 'is empty.', hint: urlHint.image }];
  if (!isSiteFile(src)) return urlArgumentProblem('src', src, 'image');
  const segments = src.split(/[/\\]/).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  });
  if (src.includes('\\') || segments.includes('..')) {
    return [
      {
        argument: 'src',
        problem: `${JSON.stringify(src)} climbs out of its folder with \`..\` or writes a backslash.`,
        hint: 'Name a picture beside the page (photo.jpg, in a bundle: content/x/index.md) or in public/ from its root (/images/photo.jpg).',
      },
    ];
  }
  return [];
}

/** A host to show for a `via` link: `example.com` for `https://www.example.com/x`. */
function viaText(via: string): string {
  try {
    return `via ${new URL(via).hostname.replace(/^www\./, '')}`;
  } catch {
    return 'via';
  }
}

/** serene's figure: the picture, its size, and under it the caption (Markdown) and where it comes from. */
const figure: ElementShortcode = {
  component: 'Figure',
  arguments: {
    src: { type: 'string', required: true },
    alt: { type: 'string', required: false },
    caption: { type: 'string', required: false },
    via: { type: 'string', required: false },
    width: { type: 'size', required: false },
    height: { type: 'size', required: false },
  },
  body: 'none',
  check: (args) => [...figureSourceProblems(stringArgument(args, 'src') ?? ''), ...urlArgumentProblem('via', stringArgument(args, 'via') ?? '', 'link')],
  build: (args, _children, tools) => {
    const src = stringArgument(args, 'src') ?? '';
    if (isSiteFile(src)) tools.showsFile(src);
    const size = (name: string) => (args.has(name) ? { [name]: String(args.get(name)) } : {});
    const caption = stringArgument(args, 'caption');
    const via = stringArgument(args, 'via');
    const captionParts: ShortcodeElementNode['children'] = [
      ...(caption === undefined || caption.trim() === '' ? [] : tools.inline(caption)),
      ...(via === undefined || via === '' ? [] : [{ type: 'text' as const, value: caption ? ' ' : '' }, { type: 'link' as const, url: via, children: [{ type: 'text' as const, value: viaText(via) }] }]),
    ];
    return element('figure', { className: ['figure'] }, [
      { type: 'image', url: src, alt: stringArgument(args, 'alt') ?? '', data: { hProperties: { ...size('width'), ...size('height') } } },
      ...(captionParts.length === 0 ? [] : [element('figcaption', {}, captionParts)]),
    ]);
  },
};

/** A YouTube video's id, as YouTube writes them (11 characters today); anything else could not be one. */
const youtubeId = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * A YouTube video as a link to it showing its thumbnail: no frame and no script (the page's policy allows neither),
 * only an image from i.ytimg.com, whose origin the page's policy then names. `autoplay` is taken for serene's sake;
 * a link cannot start a video.
 */
const youtube: ElementShortcode = {
  component: 'YouTube',
  arguments: { id: { type: 'string', required: true }, autoplay: { type: 'boolean', required: false } },
  body: 'none',
  check: (args) => {
    const id = stringArgument(args, 'id') ?? '';
    return youtubeId.test(id)
      ? []
      : [{ argument: 'id', problem: `${JSON.stringify(id.length > 40 ? `${id.slice(0, 37)}…` : id)} is not a YouTube video id.`, hint: 'Give the id from the video’s address, youtube.com/watch?v=ID: letters, digits, - and _.' }];
  },
  build: (args) => {
    const id = stringArgument(args, 'id') ?? '';
    return element('figure', { className: ['youtube'] }, [
      {
        type: 'link',
        url: `https://www.youtube.com/watch?v=${id}`,
        children: [{ type: 'image', url: `https://i.ytimg.com/vi/${id}/hqdefault.jpg`, alt: 'Play the video on YouTube', data: { hProperties: { width: '480', height: '360' } } }],
      },
    ]);
  },
};

/** A code block's name over it: `<figure class="code-figure"><figcaption>main.rs</figcaption><pre>…</pre></figure>`. */
export function namedCode(name: string, children: ShortcodeElementNode['children']): ShortcodeElementNode {
  return element('figure', { className: ['code-figure'] }, [element('figcaption', { className: ['code-name'] }, [{ type: 'text', value: name }]), ...children]);
}

/** A file name over the code blocks of its body, as a fence's `name=` annotation shows one (code-annotations.ts). */
const codeblock: ElementShortcode = {
  component: 'CodeBlock',
  arguments: { name: { type: 'string', required: true } },
  body: 'required',
  build: (args, children) => namedCode(stringArgument(args, 'name') ?? '', children),
};

/** The element shortcodes by their Zola name. */
export const elementShortcodes: ReadonlyMap<string, ElementShortcode> = new Map<string, ElementShortcode>([
  ...(Object.keys(calloutIcons) as CalloutKind[]).map((kind): [string, ElementShortcode] => [kind, callout(kind)]),
  ['quote', quote],
  ['detail', detail],
  ['figure', figure],
  ['youtube', youtube],
  ['codeblock', codeblock],
  ['collection', collection],
]);

export type { ArgumentProblem };
