import type { Root } from 'hast';
import { all, common, type LanguageFn } from 'lowlight';
import rehypeHighlight, { type Options } from 'rehype-highlight';
import type { Pluggable } from 'unified';
import type { VFile } from 'vfile';

function grammar(languages: Record<string, LanguageFn>, name: string): LanguageFn {
  const found = languages[name];
  if (!found) throw new Error(`lowlight no longer ships a \`${name}\` grammar: update lib/markdown/code-highlight.ts.`);
  return found;
}

/**
 * highlight.js calls its shell-session grammar (`$ ` prompts, then output) `shell`, but authors mean a
 * script when they write ```shell, as GitHub reads it. The session grammar keeps its `console` name.
 */
const commonLanguages = Object.fromEntries(Object.entries(common).filter(([name]) => name !== 'shell'));

/** Fences whose language is named but which are text to show as written. */
const plainTextLanguages = ['text', 'txt', 'plain', 'plaintext', 'mermaid'];

const highlightOptions: Options = {
  languages: { ...commonLanguages, shellsession: grammar(common, 'shell'), dockerfile: grammar(all, 'dockerfile') },
  aliases: { bash: ['shell'] },
  plainText: plainTextLanguages,
  detect: false,
};

type Highlight = (tree: Root, file: VFile) => undefined;
let sharedHighlight: Highlight | undefined;

/**
 * rehype-highlight, set up once per process. Each page compiles with a processor of its own (its options and
 * error callbacks differ), and rehype-highlight's setup registers every grammar in a new highlighter whose
 * grammars highlight.js then compiles again on first use: 3 ms a page, a quarter of a 1000-page site's
 * compile. The transformer it returns keeps no state between pages.
 */
function rehypeHighlightOnce(): Highlight {
  sharedHighlight ??= rehypeHighlight(highlightOptions) as Highlight;
  return sharedHighlight;
}

/**
 * Syntax highlighting at build time: highlight.js's grammars (through lowlight) turn code into spans with
 * classes (`hljs-keyword`, …) that app/code-blocks.css colours for both themes. Classes, not inline styles: a
 * page stays small and needs no `style` allowance in its Content Security Policy. Only fences that name a
 * language are highlighted (guessing mislabels short snippets); an unknown language stays plain text, and
 * ```mermaid is left for the diagram step.
 */
export const codeHighlightPlugin: Pluggable = rehypeHighlightOnce;
