import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ContentError } from '@/lib/errors';
import { MemoFile } from '@/lib/memo-file';
import { runtimeInlineScript } from '@/lib/next-adapter/strip-runtime';
import { formatTable } from '@/lib/text-table';
import { sitePathOf } from './base-path';
import { listFiles } from './list-files';

/**
 * What a first visit to each exported page transfers: the HTML, the stylesheets and scripts it links
 * (gzip, as static hosts send them), and separately the web fonts its content makes the browser fetch and the
 * pictures a phone fetches.
 */

/**
 * What a first visit to a page may transfer before fonts and pictures (gzip). `page` is the page's own: its HTML
 * and the site's stylesheet. Whatever else the page links (KaTeX's stylesheet, the code and element stylesheets,
 * the engine's scripts, Next's runtime when the site keeps it, with the page's data for it inline in the HTML) came
 * with a feature the page or the site turned on, and adds what it weighs; so do its drawings. Formulas add an allowance each rather than what they weigh, so that
 * heavy math markup is what goes over.
 */
export const budgets = { page: 8 * 1024, perFormula: 768 } as const;

/** The site's budgets, in bytes: every page's own (`budgets.page` unless the site raises it), and those raised for named pages. */
export interface BudgetSettings {
  page: number;
  pages: Readonly<Record<string, number>>;
}

export interface PageWeight {
  /** URL path of the page: `/about/`, `/404.html`. */
  url: string;
  html: number;
  css: number;
  js: number;
  /** Font files (woff2; already compressed) the page's content uses, with their sizes. */
  fonts: { file: string; bytes: number }[];
  hasMath: boolean;
  /** KaTeX formulas on the page; each adds `budgets.perFormula` to its budget. */
  formulas: number;
  /** Of `html`, the bytes the page's inline drawings add (gzip): diagrams and a profile's link icons; the budget grows by as much. */
  drawings: number;
  /** Of `html`, the bytes of Next's runtime scripts inline (gzip): the page again as data for the kept runtime; the budget grows by as much. */
  inlineRuntime: number;
  /** html + css + js, what the budget limits. */
  total: number;
  /** The page's own budget (BudgetSettings), plus what its features link and draw, plus its formulas' allowance. */
  budget: number;
  /** The bytes of the pictures a phone (phoneScreen) fetches for the page: all of them, and those of the first screen. */
  images: { all: number; firstScreen: number };
}

/** The phone the pictures are weighed for: a window 390 CSS pixels wide at 2 device pixels per CSS pixel. */
export const phoneScreen = { width: 390, density: 2 } as const;

const gzipSize = (data: Buffer | string) => zlib.gzipSync(data, { level: 9 }).length;

function attributes(tag: string): Record<string, string> {
  const result: Record<string, string> = {};
  for (const match of tag.matchAll(/([\w:-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    if (match[1]) result[match[1].toLowerCase()] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return result;
}

/** `/a/b.css?x` (`/docs/a/b.css` under a base path) → `a/b.css`, for a local URL; undefined for another site's. */
function localPath(url: string, basePath: string): string | undefined {
  const sitePath = sitePathOf(url, basePath);
  return sitePath === undefined ? undefined : decodeURIComponent(sitePath).replace(/^\//, '');
}

interface FontFace {
  family: string;
  style: string;
  weight: string;
  file: string;
}

/**
 * KaTeX picks each glyph's font by class (`mathnormal` → KaTeX_Math italic, `delimsizing size2` →
 * KaTeX_Size2 …). The rules and @font-face blocks of the stylesheet itself give that mapping, so the
 * prediction follows whatever KaTeX version is installed.
 */
class KatexFonts {
  private readonly faces: FontFace[] = [];
  private readonly rules: { classes: string[]; family?: string; style?: string; weight?: string }[] = [];
  private readonly baseFamily: string | undefined;

  constructor(
    css: string,
    private readonly cssFolder: string,
  ) {
    for (const match of css.matchAll(/@font-face\{([^}]*)\}/g)) {
      const block = match[1] ?? '';
      const family = block.match(/font-family:([^;]+)/)?.[1]?.trim();
      const file = block.match(/url\(([^)]+\.woff2)\)/)?.[1];
      if (family && file) {
        this.faces.push({
          family,
          style: block.match(/font-style:([^;]+)/)?.[1]?.trim() ?? 'normal',
          weight: block.match(/font-weight:([^;]+)/)?.[1]?.trim() ?? '400',
          file,
        });
      }
    }
    for (const match of css.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
      const declarations = match[2] ?? '';
      const family = declarations.match(/font-family:(KaTeX_\w+)/)?.[1];
      const style = declarations.match(/font-style:(\w+)/)?.[1];
      const weightText = declarations.match(/font-weight:(\w+)/)?.[1];
      const weight = weightText === 'bold' ? '700' : weightText === 'normal' ? '400' : weightText;
      if (!family && !style && !weight) continue;
      for (const selector of (match[1] ?? '').split(',')) {
        const last = selector.trim().split(/\s+/).at(-1) ?? '';
        if (!/^(\.[\w-]+)+$/.test(last)) continue;
        const classes = last.split('.').filter(Boolean);
        if (classes.length === 1 && classes[0] === 'katex' && selector.trim() === '.katex') continue;
        this.rules.push({ classes, family, style, weight });
      }
    }
    this.baseFamily = css.match(/\.katex\{font:[^;]*?(KaTeX_\w+)/)?.[1];
  }

  /** The woff2 files a browser would fetch for the KaTeX markup in a page. */
  fontsFor(html: string): string[] {
    if (!html.includes('class="katex"')) return [];
    const files = new Set<string>();
    const add = (family: string | undefined, style = 'normal', weight = '400') => {
      const face = this.faces.find((each) => each.family === family && each.style === style && each.weight === weight);
      if (face) files.add(path.posix.join(this.cssFolder, face.file));
    };
    add(this.baseFamily);
    // Only glyph-bearing elements of the visual rendering matter; MathML is for assistive technology.
    const visual = html.replace(/<span class="katex-mathml">[\s\S]*?<\/math><\/span>/g, '');
    for (const match of visual.matchAll(/<span class="([^"]+)"[^>]*>(?=[^<\s])/g)) {
      const classes = new Set((match[1] ?? '').split(/\s+/));
      let family: string | undefined;
      let style: string | undefined;
      let weight: string | undefined;
      for (const rule of this.rules) {
        if (!rule.classes.every((name) => classes.has(name))) continue;
        family = rule.family ?? family;
        style = rule.style ?? style;
        weight = rule.weight ?? weight;
      }
      if (family || style || weight) add(family ?? this.baseFamily, style, weight);
    }
    return [...files].sort();
  }
}

/** A length of `sizes` in CSS pixels at a window `viewport` pixels wide: `728px`, `100vw`, `calc(100vw - 40px)`; undefined when it is none of these. */
function cssPixels(length: string, viewport: number): number | undefined {
  const term = (text: string): number | undefined => {
    const match = /^(-?[\d.]+)(px|vw|r?em)$/.exec(text.trim());
    if (!match) return undefined;
    const value = Number(match[1]);
    return match[2] === 'vw' ? (value * viewport) / 100 : match[2] === 'px' ? value : value * 16;
  };
  const sum = /^calc\((.*)\)$/.exec(length.trim())?.[1];
  if (sum === undefined) return term(length);
  let total = 0;
  let sign = 1;
  for (const part of sum.split(/\s+([+-])\s+/)) {
    if (part === '+' || part === '-') {
      sign = part === '+' ? 1 : -1;
      continue;
    }
    const value = term(part);
    if (value === undefined) return undefined;
    total += sign * value;
  }
  return total;
}

/** Whether a media condition of `sizes` (`(min-width: 768px)`, `(max-width: 600px) and (min-width: 300px)`) holds at a window `viewport` pixels wide. */
function mediaMatches(condition: string, viewport: number): boolean {
  return condition.split(/\s+and\s+/).every((feature) => {
    const match = /^\(\s*(min|max)-width\s*:\s*([^)]+)\)$/.exec(feature.trim());
    const width = match?.[2] === undefined ? undefined : cssPixels(match[2], viewport);
    if (width === undefined) return false;
    return match?.[1] === 'min' ? viewport >= width : viewport <= width;
  });
}

/** The width `sizes` gives a picture at a window `viewport` pixels wide: the first entry whose condition holds, as browsers read it; 100vw without one. */
export function sizesWidth(sizes: string | undefined, viewport: number): number {
  for (const entry of (sizes ?? '').split(',')) {
    const match = /^(.*?)\s*((?:calc\([^)]*\)|[-\d.]+(?:px|vw|r?em)))\s*$/.exec(entry.trim());
    if (!match?.[2]) continue;
    const width = cssPixels(match[2], viewport);
    if (width !== undefined && (match[1] === '' || mediaMatches(match[1] ?? '', viewport))) return width;
  }
  return viewport;
}

/**
 * The URL a browser takes from a srcset on `screen`: with width descriptors, the narrowest candidate at least as
 * wide as the picture's width from `sizes` times the density, else the widest; with density descriptors, the
 * lowest at least the screen's, else the highest.
 */
export function chosenCandidate(srcset: string, sizes: string | undefined, screen: { width: number; density: number }): string | undefined {
  const candidates = srcset
    .split(/,\s+|,(?=\S+\s+\d)/)
    .map((candidate) => {
      const [url, descriptor = '1x'] = candidate.trim().split(/\s+/);
      const match = /^([\d.]+)([wx])$/.exec(descriptor);
      return url && match ? { url, value: Number(match[1]), kind: match[2] } : undefined;
    })
    .filter((candidate) => candidate !== undefined);
  if (candidates.length === 0) return undefined;
  const wanted = candidates.some((candidate) => candidate.kind === 'w') ? sizesWidth(sizes, screen.width) * screen.density : screen.density;
  const sorted = candidates.sort((a, b) => a.value - b.value);
  return (sorted.find((candidate) => candidate.value >= wanted) ?? sorted.at(-1))?.url;
}

/**
 * The files a phone (phoneScreen) fetches for a page's pictures, each once, and whether it fetches it before any
 * scrolling. For a `<picture>`, the candidate of its AVIF source (every current browser reads AVIF), as the browser
 * chooses it; for a plain `<img>`, its srcset's candidate or its src. "Before any scrolling" is every picture not
 * marked loading="lazy": the browser fetches those as it reads the page, wherever they are placed, so they are what
 * the first screen costs (the page's first picture is the eager one, lib/images/picture-markup.ts).
 */
function fetchedPictures(html: string): { url: string; eager: boolean }[] {
  const fetched: { url: string; eager: boolean }[] = [];
  const add = (url: string | undefined, img: Record<string, string>) => {
    if (url) fetched.push({ url: url.replaceAll('&amp;', '&'), eager: img.loading?.toLowerCase() !== 'lazy' });
  };
  const candidateOf = (element: Record<string, string>) => (element.srcset ? chosenCandidate(element.srcset, element.sizes, phoneScreen) : element.src);
  const withoutPictures = html.replace(/<picture\b[^>]*>([\s\S]*?)<\/picture>/gi, (_picture, inner: string) => {
    const img = attributes(/<img\b[^>]*>/i.exec(inner)?.[0] ?? '');
    const sources = [...inner.matchAll(/<source\b[^>]*>/gi)].map((match) => attributes(match[0])).filter((source) => source.srcset);
    const source = sources.find((each) => each.type === 'image/avif') ?? sources[0];
    add(candidateOf(source ?? img), img);
    return '';
  });
  for (const match of withoutPictures.matchAll(/<img\b[^>]*>/gi)) {
    const img = attributes(match[0]);
    add(candidateOf(img), img);
  }
  return fetched;
}

/**
 * What weighing reads from a page's own markup: its gzip sizes, what it links and the pictures a phone fetches for
 * it. Worked out once per distinct page (a memo of earlier builds' keeps them, keyed by the markup): gzipping every
 * page of a 1000-page site took 0.6 s of every build, most pages the same as the build before.
 */
export interface PageMarkup {
  html: number;
  drawings: number;
  inlineRuntime: number;
  formulas: number;
  /** Local files (export-relative) that the page links as stylesheets, and loads as scripts. */
  stylesheets: string[];
  scripts: string[];
  /** The KaTeX fonts its formulas make a browser fetch (export-relative). */
  katexFonts: string[];
  /** Local pictures a phone fetches for it, each once, and whether before any scrolling. */
  pictures: { file: string; eager: boolean }[];
}

function readPageMarkup(html: string, url: string, basePath: string, katexFonts: KatexFonts | undefined): PageMarkup {
  const local = (attribute: string | undefined) => (attribute ? localPath(attribute, basePath) : undefined);
  const stylesheets = [...html.matchAll(/<link\b[^>]*>/g)]
    .map((match) => attributes(match[0]))
    .filter((link) => link.rel?.split(/\s+/).includes('stylesheet'))
    .flatMap((link) => local(link.href) ?? []);
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].flatMap((match) => local(attributes(match[0]).src) ?? []);
  const htmlBytes = gzipSize(html);
  const hasKatex = html.includes('class="katex"');
  const formulas = hasKatex ? html.split('<span class="katex">').length - 1 : 0;
  // Diagrams and a profile's link icons are content, like images: what they weigh is the author's choice (how
  // many diagrams, which links), not the engine's overhead.
  const withoutDrawings = html
    .replace(/<figure class="diagram"[^>]*>[\s\S]*?<details>/g, '<figure><details>')
    .replace(/<svg class="profile-icon"[^>]*>[\s\S]*?<\/svg>/g, '<svg></svg>');
  const drawings = withoutDrawings === html ? 0 : Math.max(0, htmlBytes - gzipSize(withoutDrawings));
  // With the runtime kept, Next inlines the page's React payload: the page a second time, as the runtime's data.
  const withoutRuntime = html.replace(/(<script\b[^>]*>)([\s\S]*?)<\/script>/g, (script, _open, body: string) => (runtimeInlineScript.test(body) ? '' : script));
  const inlineRuntime = withoutRuntime === html ? 0 : Math.max(0, htmlBytes - gzipSize(withoutRuntime));
  const pictures = new Map<string, boolean>();
  for (const picture of fetchedPictures(html)) {
    let file: string | undefined;
    try {
      const resolved = new URL(picture.url, `https://site.invalid${basePath}${url}`);
      file = resolved.origin === 'https://site.invalid' ? localPath(resolved.pathname, basePath) : undefined;
    } catch {
      file = undefined;
    }
    if (file !== undefined) pictures.set(file, (pictures.get(file) ?? false) || picture.eager);
  }
  return {
    html: htmlBytes,
    drawings,
    inlineRuntime,
    formulas,
    stylesheets,
    scripts,
    katexFonts: hasKatex ? (katexFonts?.fontsFor(html) ?? []) : [],
    pictures: [...pictures].map(([file, eager]) => ({ file, eager })),
  };
}

let weighVersionMemo: string | undefined;

/** What a page's PageMarkup depends on besides the page: this module, and the pattern of Next's inline runtime. */
function weighVersion(): string {
  weighVersionMemo ??= MemoFile.key([fs.readFileSync(path.join(process.cwd(), 'lib', 'export', 'page-weight.ts'), 'utf8'), String(runtimeInlineScript)]);
  return weighVersionMemo;
}

/** The URL path an exported HTML file is served at: `index.html` → `/`, `a/index.html` → `/a/`, `404.html` → `/404.html`. */
export function pageUrlOfFile(file: string): string {
  return file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
}

/** KaTeX's stylesheet in an export (export-relative), whose rules say which fonts formulas fetch; undefined without one. */
export function findKatexStylesheet(files: readonly string[]): string | undefined {
  return files.find((file) => /(^|\/)katex(\.min)?\.css$/.test(file));
}

/** A page's PageMarkup, with the key it is remembered under (MemoFile). */
export interface KeyedPageMarkup {
  key: string;
  markup: PageMarkup;
}

/**
 * Reads PageMarkup from the pages of one export: its base path and KaTeX stylesheet (`katexCss`, export-relative)
 * are the same for every page. The finishing step's threads read each page as they finish it (lib/export/finish-pool.ts),
 * and weighPages takes what they read for the pages they wrote, keeping it in its memo under the page's key.
 */
export class PageMarkupReader {
  private readonly katexFonts: KatexFonts | undefined;
  private readonly contextParts: readonly string[];
  private contextKey: string | undefined;

  constructor(
    outDirectory: string,
    private readonly basePath: string,
    katexCss: string | undefined,
  ) {
    const katexCssText = katexCss === undefined ? undefined : fs.readFileSync(path.join(outDirectory, katexCss), 'utf8');
    this.katexFonts = katexCss !== undefined && katexCssText !== undefined ? new KatexFonts(katexCssText, path.posix.dirname(katexCss)) : undefined;
    this.contextParts = [basePath, katexCss ?? '', katexCssText ?? ''];
  }

  /** The key a page's markup is remembered under: its URL and bytes, and what is common to the export. */
  keyOf(url: string, bytes: Uint8Array): string {
    // Worked out on first use: weighing without a memo needs no key, nor this module's source for one.
    this.contextKey ??= MemoFile.key([weighVersion(), ...this.contextParts]);
    return MemoFile.contentKey([this.contextKey, url], bytes);
  }

  read(url: string, html: string): PageMarkup {
    return readPageMarkup(html, url, this.basePath, this.katexFonts);
  }

  /** The page's markup and its key, from its text as it is written to the export. */
  keyed(url: string, html: string): KeyedPageMarkup {
    return { key: this.keyOf(url, Buffer.from(html)), markup: this.read(url, html) };
  }
}

/** A written page's markup, kept in `memo` under its key: a later build that reuses the page finds it there. */
function writtenMarkup({ key, markup }: KeyedPageMarkup, memo: MemoFile<PageMarkup> | undefined): PageMarkup {
  return memo ? memo.get(key, () => markup) : markup;
}

/**
 * Weighs every HTML page of an exported site; `basePath` is the one the site was built with. With `memo`, a page
 * whose markup was weighed before (by the same code, with the same KaTeX stylesheet) is not read for it again.
 * `written` holds the markup of pages the caller wrote itself, read from the very text it wrote (the finish step's,
 * FinishReport.markups), by file: those files are not read at all, and with `memo` their markup is kept under its key.
 */
export function weighPages(
  outDirectory: string,
  basePath = '',
  settings: BudgetSettings = { page: budgets.page, pages: {} },
  memo?: MemoFile<PageMarkup>,
  written: Readonly<Record<string, KeyedPageMarkup>> = {},
): PageWeight[] {
  const files = listFiles(outDirectory);
  const exported = new Set(files);
  const sizeCache = new Map<string, number>();
  const gzipOf = (relative: string) => {
    let size = sizeCache.get(relative);
    if (size === undefined) {
      size = gzipSize(fs.readFileSync(path.join(outDirectory, relative)));
      sizeCache.set(relative, size);
    }
    return size;
  };
  const fileBytes = (file: string) => fs.statSync(path.join(outDirectory, file)).size;
  const katexCss = findKatexStylesheet(files);
  const reader = new PageMarkupReader(outDirectory, basePath, katexCss);
  const readMarkup = (url: string, file: string) => {
    const bytes = fs.readFileSync(path.join(outDirectory, file));
    const read = () => reader.read(url, bytes.toString('utf8'));
    return memo ? memo.get(reader.keyOf(url, bytes), read) : read();
  };

  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const url = pageUrlOfFile(file);
      const known = Object.hasOwn(written, file) ? written[file] : undefined;
      const markup = known ? writtenMarkup(known, memo) : readMarkup(url, file);
      const stylesheets = markup.stylesheets.filter((target) => exported.has(target));
      const css = stylesheets.reduce((sum, target) => sum + gzipOf(target), 0);
      // Next's stylesheet (the site's own) is part of the page's budget; every other linked file a feature's.
      const siteCss = stylesheets.filter((target) => target.startsWith('_next/')).reduce((sum, target) => sum + gzipOf(target), 0);
      const hasMath = katexCss !== undefined && stylesheets.includes(katexCss);
      const js = markup.scripts.filter((target) => exported.has(target)).reduce((sum, target) => sum + gzipOf(target), 0);
      const fonts = (hasMath ? markup.katexFonts : []).map((font) => ({ file: font, bytes: fileBytes(font) }));
      const formulas = hasMath ? markup.formulas : 0;
      // Pictures are sent as they are stored (they are compressed already), each once however often the page shows it.
      const pictures = markup.pictures.filter((picture) => exported.has(picture.file));
      const picturesBytes = (list: typeof pictures) => list.reduce((sum, picture) => sum + fileBytes(picture.file), 0);
      return {
        url,
        html: markup.html,
        css,
        js,
        fonts,
        hasMath,
        drawings: markup.drawings,
        inlineRuntime: markup.inlineRuntime,
        total: markup.html + css + js,
        formulas,
        budget: (settings.pages[url] ?? settings.page) + (css - siteCss) + js + markup.drawings + markup.inlineRuntime + formulas * budgets.perFormula,
        images: { all: picturesBytes(pictures), firstScreen: picturesBytes(pictures.filter((picture) => picture.eager)) },
      };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table `npm run build` ends with: every page on a small site, the heaviest `limit` on a large one. */
export function formatWeightTable(weights: readonly PageWeight[], limit = 40): string {
  // A drawings column only for sites that have drawings: of html, what diagrams and icons weigh (added to the budget).
  const hasDrawings = weights.some((weight) => weight.drawings > 0);
  // Picture columns only for sites whose pages show pictures; pictures are outside the budget, which is the engine's.
  const hasImages = weights.some((weight) => weight.images.all > 0);
  const header = ['page', 'html', ...(hasDrawings ? ['drawings'] : []), 'css', 'js', 'total', 'budget', 'fonts', ...(hasImages ? [`images ${phoneScreen.width}px`, 'first screen'] : [])];
  const shown = weights.length <= limit ? weights : [...weights].sort((a, b) => b.total - a.total).slice(0, limit);
  const rows = shown.map((weight) => [
    weight.url,
    kilobytes(weight.html),
    ...(hasDrawings ? [weight.drawings > 0 ? kilobytes(weight.drawings) : '-'] : []),
    kilobytes(weight.css),
    kilobytes(weight.js),
    kilobytes(weight.total),
    `${weight.total <= weight.budget ? 'ok' : 'OVER'} ${kilobytes(weight.budget)}`,
    weight.fonts.length === 0
      ? '-'
      : `${weight.fonts.length} files, ${kilobytes(weight.fonts.reduce((sum, font) => sum + font.bytes, 0))}`,
    ...(hasImages ? (weight.images.all === 0 ? ['-', '-'] : [kilobytes(weight.images.all), kilobytes(weight.images.firstScreen)]) : []),
  ]);
  return [
    weights.length === shown.length
      ? 'First-visit transfer per page (gzip; fonts separate):'
      : `First-visit transfer of the ${limit} heaviest of ${weights.length} pages (gzip; fonts separate):`,
    formatTable(header, rows),
    ...(hasImages
      ? [
          `images ${phoneScreen.width}px: what a phone ${phoneScreen.width} px wide at ${phoneScreen.density}× density fetches for the page's pictures (outside the budget).`,
          'first screen: of those, what it fetches before any scrolling (every picture not marked loading="lazy").',
        ]
      : []),
  ].join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One line: how many pages, the median and largest transfer, how many are over budget, and the heaviest pictures. */
export function summariseWeights(weights: readonly PageWeight[]): string {
  const totals = weights.map((weight) => weight.total);
  const over = weights.filter((weight) => weight.total > weight.budget).length;
  const pictures = weights.filter((weight) => weight.images.all > 0);
  const heaviest = pictures.reduce<PageWeight | undefined>((most, weight) => (most === undefined || weight.images.all > most.images.all ? weight : most), undefined);
  const images = heaviest
    ? `; pictures on ${pictures.length} ${pictures.length === 1 ? 'page' : 'pages'}, at most ${kilobytes(heaviest.images.all)} on a ${phoneScreen.width} px phone (${heaviest.url}, first screen ${kilobytes(heaviest.images.firstScreen)})`
    : '';
  return `${weights.length} pages: median ${kilobytes(median(totals))}, largest ${kilobytes(Math.max(0, ...totals))}, ${over === 0 ? 'all within budget' : `${over} OVER budget`}${images}.`;
}

/**
 * A problem for each page over its budget, at its content file (`fileOf`; the config for pages no file makes),
 * with its weights and how far to raise its budget in site.config.ts; and one for each page `settings.pages` names
 * that the site does not have (a budget raised for a page that moved would silently stop applying).
 */
export function budgetProblems(weights: readonly PageWeight[], settings: BudgetSettings, fileOf: (url: string) => string | undefined): ContentError[] {
  const problems: ContentError[] = [];
  for (const weight of weights) {
    if (weight.total <= weight.budget) continue;
    const own = settings.pages[weight.url] ?? settings.page;
    const raised = Math.ceil((own + weight.total - weight.budget) / 1024);
    const features = weight.budget - own;
    problems.push(
      new ContentError(
        { file: fileOf(weight.url) ?? 'site.config.ts' },
        `the page ${weight.url} transfers ${kilobytes(weight.total)} on a first visit (HTML ${kilobytes(weight.html)}, CSS ${kilobytes(weight.css)}, JavaScript ${kilobytes(weight.js)}, gzip), ` +
          `${weight.total - weight.budget < 1024 ? `${weight.total - weight.budget} bytes` : kilobytes(weight.total - weight.budget)} over its budget of ${kilobytes(weight.budget)} (${kilobytes(own)} of its own${features > 0 ? `, ${kilobytes(features)} for its math, code, elements, drawings and scripts` : ''}).`,
        `Make it lighter (split a long page, list fewer pages on one, use fewer or simpler formulas), or raise its budget in site.config.ts: budgets: { pages: { '${weight.url}': ${raised} } }.`,
      ),
    );
  }
  const urls = new Set(weights.map((weight) => weight.url));
  for (const url of Object.keys(settings.pages).filter((named) => !urls.has(named)).sort()) {
    problems.push(new ContentError({ file: 'site.config.ts' }, `budgets.pages names ${url}, which is not a page of this site.`, 'Name a page by its URL, such as /posts/first/, or remove the entry.'));
  }
  return problems;
}
