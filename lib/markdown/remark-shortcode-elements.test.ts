import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import type { UnsafeContent } from './remark-content-safety';
import { remarkShortcodeElements } from './remark-shortcode-elements';
import { element, stringArgument, type ElementShortcode } from './shortcode-elements';
import { expandZolaShortcodes, zolaShortcodes, type ZolaShortcode } from './zola-shortcodes';

/** A test element: `<section class="box" data-title>` around its body, or an empty `<hr class="rule">`. */
const box: ElementShortcode = {
  component: 'Box',
  arguments: { title: { type: 'string', required: false }, caption: { type: 'string', required: false } },
  body: 'optional',
  check: (args) => (stringArgument(args, 'title') === 'bad' ? [{ argument: 'title', problem: 'is bad.', hint: 'Be good.' }] : []),
  build: (args, children, tools) =>
    element('section', { className: ['box'], title: stringArgument(args, 'title') }, [
      ...children,
      ...(args.has('caption') ? [element('p', { className: ['caption'] }, tools.inline(stringArgument(args, 'caption') ?? ''))] : []),
    ]),
};
const definitions = new Map([['box', box]]);
const shortcodes: ReadonlyMap<string, ZolaShortcode> = new Map<string, ZolaShortcode>([
  ...zolaShortcodes,
  ['box', { arguments: box.arguments, body: box.body, check: box.check, element: true }],
]);

/** The HTML a .md body compiles to with the test element, and every problem (expansion and placing) by body line. */
function compile(body: string): { html: string; problems: string[] } {
  const expanded = expandZolaShortcodes(body, { file: 'content/x.md', bodyStartLine: 1 }, shortcodes);
  const problems = expanded.errors.map((error) => error.message);
  const html = String(
    unified()
      .use(remarkParse)
      .use(remarkShortcodeElements, {
        format: 'md',
        markers: { nonce: expanded.nonce, calls: expanded.elements },
        definitions,
        onProblem: (problem: UnsafeContent) => problems.push(`${problem.line}: ${problem.problem} ${problem.hint}`),
      })
      .use(remarkGfm)
      .use(remarkRehype)
      .use(rehypeStringify)
      .processSync(expanded.body),
  );
  return { html, problems };
}

describe('elements from shortcode calls in .md', () => {
  it('put the body, read as the page’s Markdown, inside the element, with no blank lines needed around the tags', () => {
    const { html, problems } = compile('Before.\n{% box(title="T") %}\n*Body* and [a link](/x/).\n\n- one\n{% end %}\nAfter.\n');
    expect(problems).toEqual([]);
    expect(html).toBe('<p>Before.</p>\n<section class="box" title="T"><p><em>Body</em> and <a href="/x/">a link</a>.</p><ul>\n<li>one</li>\n</ul></section>\n<p>After.</p>');
  });

  it('make an element of a call without a body, in the line’s place', () => {
    const { html, problems } = compile('Text.\n\n{{ box() }}\n\nMore.\n');
    expect(problems).toEqual([]);
    expect(html).toBe('<p>Text.</p>\n<section class="box"></section>\n<p>More.</p>');
  });

  it('keep the lines of the file: the body and what follows the call keep their numbers', () => {
    const body = '{% box() %}\n  Indented body.\n\n  Second.\n{% end %}\nAfter.\n';
    const expanded = expandZolaShortcodes(body, { file: 'content/x.md', bodyStartLine: 1 }, shortcodes);
    expect(expanded.body.split('\n')).toHaveLength(body.split('\n').length);
    expect(expanded.body.split('\n')[3]).toBe('Second.');
  });

  it('put arguments into properties and text, never markup, and read Markdown arguments as Markdown without raw HTML', () => {
    const { html, problems } = compile(`{{ box(title='"><script>alert(1)</script>', caption="**Bold** <img src=x onerror=alert(1)>") }}\n`);
    expect(problems).toEqual([]);
    expect(html).toBe('<section class="box" title="&#x22;><script>alert(1)</script>"><p class="caption"><strong>Bold</strong> </p></section>');
  });

  it('cannot be forged: a comment that looks like a marker is a comment, dropped', () => {
    const { html } = compile('{{ box() }}\n\n<!--zola-shortcode 00000000000000000000000000000000 0-->\n\n<!--/zola-shortcode 00000000000000000000000000000000 0-->\n');
    expect(html).toBe('<section class="box"></section>');
  });

  it('report a call inside code, and a body split by an unclosed fence, at the call’s line', () => {
    expect(compile('Text.\n\n```\n{{ box() }}\n```\n').problems).toEqual([
      expect.stringMatching(/^4: `\{\{ box\(…\) \}\}` makes an element, which cannot stand here: the call is inside code\. Put the call on a line of its own\. To show the call as text, write it as `\{\{\/\* box\(…\) \*\/\}\}`\.$/),
    ]);
    expect(compile('Intro.\n\n{% box() %}\n```\nunclosed\n{% end %}\n').problems).toEqual([expect.stringMatching(/^3: `\{% box\(…\) %\}` makes an element, which cannot stand here: /)]);
  });

  it('report the problems of arguments beyond their types at the argument', () => {
    expect(compile('{{ box(title="bad") }}\n').problems).toEqual(['content/x.md:1:8: `box`\'s `title`: is bad. Be good.']);
  });
});
