import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { formatTable } from '@/lib/text-table';
import { sitePathOf } from './base-path';
import { listFiles } from './finish-export';

/**
 * What a first visit to each exported page transfers: the HTML, the stylesheets and scripts it links
 * (gzip, as static hosts send them), and separately the web fonts its content makes the browser fetch.
 */

/** Bytes a page may transfer before fonts: text pages, and pages that carry KaTeX's stylesheet. */
export const budgets = { page: 8 * 1024, mathPage: 12 * 1024 } as const;

export interface PageWeight {
  /** URL path of the page: `/about/`, `/404.html`. */
  url: string;
  html: number;
  css: number;
  js: number;
  /** Font files (woff2; already compressed) the page's content uses, with their sizes. */
  fonts: { file: string; bytes: number }[];
  hasMath: boolean;
  /** Of `html`, the bytes the page's inline drawings add (gzip): diagrams and a profile's link icons; the budget grows by as much. */
  drawings: number;
  /** html + css + js, what the budget limits. */
  total: number;
  budget: number;
}

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

/** Weighs every HTML page of an exported site; `basePath` is the one the site was built with. */
export function weighPages(outDirectory: string, basePath = ''): PageWeight[] {
  const files = listFiles(outDirectory);
  const sizeCache = new Map<string, number>();
  const gzipOf = (relative: string) => {
    let size = sizeCache.get(relative);
    if (size === undefined) {
      size = gzipSize(fs.readFileSync(path.join(outDirectory, relative)));
      sizeCache.set(relative, size);
    }
    return size;
  };
  const katexCss = files.find((file) => /(^|\/)katex(\.min)?\.css$/.test(file));
  const katexFonts = katexCss
    ? new KatexFonts(fs.readFileSync(path.join(outDirectory, katexCss), 'utf8'), path.posix.dirname(katexCss))
    : undefined;

  return files
    .filter((file) => file.endsWith('.html'))
    .map((file) => {
      const html = fs.readFileSync(path.join(outDirectory, file), 'utf8');
      let css = 0;
      let js = 0;
      let hasMath = false;
      for (const match of html.matchAll(/<link\b[^>]*>/g)) {
        const link = attributes(match[0]);
        const target = link.href ? localPath(link.href, basePath) : undefined;
        if (link.rel?.split(/\s+/).includes('stylesheet') && target && files.includes(target)) {
          css += gzipOf(target);
          if (target === katexCss) hasMath = true;
        }
      }
      for (const match of html.matchAll(/<script\b[^>]*>/g)) {
        const target = attributes(match[0]).src;
        const local = target ? localPath(target, basePath) : undefined;
        if (local && files.includes(local)) js += gzipOf(local);
      }
      const fonts = (hasMath ? (katexFonts?.fontsFor(html) ?? []) : []).map((font) => ({
        file: font,
        bytes: fs.statSync(path.join(outDirectory, font)).size,
      }));
      const htmlBytes = gzipSize(html);
      // Diagrams and a profile's link icons are content, like images: what they weigh is the author's choice (how
      // many diagrams, which links), not the engine's overhead.
      const withoutDrawings = html
        .replace(/<figure class="diagram"[^>]*>[\s\S]*?<details>/g, '<figure><details>')
        .replace(/<svg class="profile-icon"[^>]*>[\s\S]*?<\/svg>/g, '<svg></svg>');
      const drawings = withoutDrawings === html ? 0 : Math.max(0, htmlBytes - gzipSize(withoutDrawings));
      const url = file === 'index.html' ? '/' : file.endsWith('/index.html') ? `/${file.slice(0, -'index.html'.length)}` : `/${file}`;
      return {
        url,
        html: htmlBytes,
        css,
        js,
        fonts,
        hasMath,
        drawings,
        total: htmlBytes + css + js,
        budget: (hasMath ? budgets.mathPage : budgets.page) + drawings,
      };
    })
    .sort((a, b) => a.url.localeCompare(b.url));
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** The table `npm run build` ends with: every page on a small site, the heaviest `limit` on a large one. */
export function formatWeightTable(weights: readonly PageWeight[], limit = 40): string {
  // A drawings column only for sites that have drawings: of html, what diagrams and icons weigh (added to the budget).
  const hasDrawings = weights.some((weight) => weight.drawings > 0);
  const header = ['page', 'html', ...(hasDrawings ? ['drawings'] : []), 'css', 'js', 'total', 'budget', 'fonts'];
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
  ]);
  return [
    weights.length === shown.length
      ? 'First-visit transfer per page (gzip; fonts separate):'
      : `First-visit transfer of the ${limit} heaviest of ${weights.length} pages (gzip; fonts separate):`,
    formatTable(header, rows),
  ].join('\n');
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One line: how many pages, the median and largest transfer, and how many are over budget. */
export function summariseWeights(weights: readonly PageWeight[]): string {
  const totals = weights.map((weight) => weight.total);
  const over = weights.filter((weight) => weight.total > weight.budget).length;
  return `${weights.length} pages: median ${kilobytes(median(totals))}, largest ${kilobytes(Math.max(0, ...totals))}, ${over === 0 ? 'all within budget' : `${over} OVER budget`}.`;
}
