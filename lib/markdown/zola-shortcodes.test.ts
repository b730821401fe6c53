import { describe, expect, it } from 'vitest';
import { ContentError, ContentErrors } from '@/lib/errors';
import { compileMarkdown } from './index';
import { expandZolaShortcodes, findShortcodeCalls, zolaShortcodes, type ZolaShortcode, type ZolaValue } from './zola-shortcodes';

const where = { file: 'content/post.md', bodyStartLine: 5 };

function expand(body: string, shortcodes?: ReadonlyMap<string, ZolaShortcode>) {
  return expandZolaShortcodes(body, where, shortcodes);
}

/** The body, expecting no errors. */
function expanded(body: string, shortcodes?: ReadonlyMap<string, ZolaShortcode>): string {
  const result = expand(body, shortcodes);
  expect(result.errors.map((error) => error.message)).toEqual([]);
  return result.body;
}

function errorMessages(body: string, shortcodes?: ReadonlyMap<string, ZolaShortcode>): string[] {
  return expand(body, shortcodes).errors.map((error) => error.message);
}

/** What a test shortcode was called with, to check argument parsing. */
let lastCall: { args: ReadonlyMap<string, ZolaValue>; body: string | undefined } | undefined;

const figure: ZolaShortcode = {
  arguments: {
    src: { type: 'string', required: true },
    width: { type: 'integer', required: false },
    scale: { type: 'number', required: false },
    lazy: { type: 'boolean', required: false },
    tags: { type: 'array', required: false },
  },
  body: 'none',
  expand: (args, body) => {
    lastCall = { args, body };
    return `![figure](${String(args.get('src'))})`;
  },
};

const note: ZolaShortcode = {
  arguments: { title: { type: 'string', required: false } },
  body: 'optional',
  expand: (args, body) => {
    lastCall = { args, body };
    return `> **${String(args.get('title') ?? 'Note')}**\n>\n> ${body ?? ''}`;
  },
};

const testShortcodes: ReadonlyMap<string, ZolaShortcode> = new Map([...zolaShortcodes, ['figure', figure], ['note', note]]);

describe('mermaid', () => {
  it('becomes a ```mermaid fence holding its body, on the lines the call took', () => {
    const body = 'Before.\n\n{% mermaid() %}\ngraph TD\n  A --> B\n{% end %}\n\nAfter.\n';
    expect(expanded(body)).toBe('Before.\n\n```mermaid\ngraph TD\n  A --> B\n```\n\nAfter.\n');
  });

  it('takes the whitespace Zola allows inside the tags', () => {
    expect(expanded('{%mermaid()%}\ngraph TD\n{%end%}')).toBe('```mermaid\ngraph TD\n```');
    expect(expanded('{%   mermaid (  )   %}\ngraph TD\n{%  end\t%}')).toBe('```mermaid\ngraph TD\n```');
  });

  it('keeps the indentation of a call inside a list item, and the body’s own indentation relative to it', () => {
    const body = '- Item\n\n  {% mermaid() %}\n  mindmap\n    root\n  {% end %}\n';
    expect(expanded(body)).toBe('- Item\n\n  ```mermaid\n  mindmap\n    root\n  ```\n');
  });

  it('uses a longer fence when the body holds backticks', () => {
    expect(expanded('{% mermaid() %}\nA["```"]\n{% end %}')).toBe('````mermaid\nA["```"]\n````');
  });

  it('is an error when called inline, without its body', () => {
    const [message] = errorMessages('Text\n{{ mermaid() }}\n');
    expect(message).toBe(
      'content/post.md:6:1: `mermaid` needs a body. Write it as `{% mermaid(…) %}`, the body on the lines below, then `{% end %}`.',
    );
  });

  it('is an error with an empty body, or with an argument it does not take', () => {
    expect(errorMessages('{% mermaid() %}\n\n{% end %}')).toEqual([expect.stringContaining("content/post.md:5:1: `mermaid`'s body is empty.")]);
    expect(errorMessages('{% mermaid(theme="dark") %}\ngraph\n{% end %}')).toEqual([
      'content/post.md:5:12: `mermaid` has no argument `theme`. It takes no arguments.',
    ]);
  });
});

describe('where calls are found', () => {
  it('finds calls in prose, fenced code and inline code, as Zola does', () => {
    const body = [
      'Prose {{ youtube(id="a") }} here.',
      '```',
      '{{ gist(url="b") }}',
      '```',
      'Inline `{% quote() %}` code.',
      '{% end %}',
    ].join('\n');
    expect(findShortcodeCalls(body)).toEqual([
      { name: 'youtube', line: 1, form: 'inline' },
      { name: 'gist', line: 3, form: 'inline' },
      { name: 'quote', line: 5, form: 'body' },
    ]);
  });

  it('expands a call inside a fenced code block too (Zola reads shortcodes before Markdown)', () => {
    const { errors } = expand('```text\n{{ gallery(id="a") }}\n```\n');
    expect(errors.map((error) => error.location)).toEqual([{ file: 'content/post.md', line: 6, column: 1 }]);
  });

  it('lists unclosed body calls, and leaves out escaped ones and the text between escaped tags', () => {
    const body = '{{/* youtube() */}}\n{%/* note() */%}\n{{ hidden() }}\n{%/* end */%}\n{% figure() %}\n';
    expect(findShortcodeCalls(body)).toEqual([{ name: 'figure', line: 5, form: 'body' }]);
  });

  it('takes `{{name()}}` without spaces and calls spread over lines', () => {
    expect(findShortcodeCalls('a{{youtube()}}b\n{{ gist(\n  url="x",\n  lines=[1, 2]\n) }}')).toEqual([
      { name: 'youtube', line: 1, form: 'inline' },
      { name: 'gist', line: 2, form: 'inline' },
    ]);
  });
});

describe('escapes', () => {
  it('print an escaped inline call as the call, in prose and in code', () => {
    const body = 'Write {{/* youtube(id="x") */}} to embed.\n```\n{{/*youtube()*/}}\n```\n`{{/* mermaid() */}}`';
    expect(expanded(body)).toBe('Write {{ youtube(id="x") }} to embed.\n```\n{{youtube()}}\n```\n`{{ mermaid() }}`');
  });

  it('print an escaped body call as the call, leaving what is between the escaped tags alone', () => {
    const body = '```\n{%/* mermaid() */%}\ngraph TD {{ not_a_call() }}\n{%/* end */%}\n```';
    expect(expanded(body)).toBe('```\n{% mermaid() %}\ngraph TD {{ not_a_call() }}\n{% end %}\n```');
  });

  it('print a lone escaped tag unescaped too', () => {
    expect(expanded('Open with `{%/* mermaid() */%}`, close with `{%/* end */%}`.')).toBe(
      'Open with `{% mermaid() %}`, close with `{% end %}`.',
    );
  });
});

describe('template syntax that is not a call', () => {
  it('stays exactly as written', () => {
    const body = [
      '{% for page in section.pages %}',
      '  {{ page.title }} {{ page.date | date(format="%Y") }}',
      '{% endfor %}',
      '{% if x %}{% endif %}',
      '{{ x | safe }} {{ }} {% %} {{',
      '{%- block content -%}{% endblock %}',
      '{{ get_url(path=page.path) }}',
      '{{{ a }}} }} %}',
    ].join('\n');
    expect(expanded(body)).toBe(body);
    expect(findShortcodeCalls(body)).toEqual([]);
  });
});

describe('errors', () => {
  it('names an unknown shortcode with the file line and the shortcodes supported', () => {
    const supported = [...zolaShortcodes.keys()].sort().map((name) => `\`${name}\``).join(', ');
    const [error] = expand('Intro.\n\n{{ gallery(id="dQw4w9WgXcQ") }}\n').errors;
    expect(error).toBeInstanceOf(ContentError);
    expect(error?.location).toEqual({ file: 'content/post.md', line: 7, column: 1 });
    expect(error?.message).toBe(
      `content/post.md:7:1: \`{{ gallery(…) }}\` calls a Zola shortcode the engine does not have. The shortcodes it supports: ${supported}. ` +
        'Replace the call with Markdown. To show it as text, write it as `{{/* gallery(…) */}}`.',
    );
  });

  it('names an unclosed body call', () => {
    expect(errorMessages('Text.\n{% mermaid() %}\ngraph TD\n')).toEqual([
      'content/post.md:6:1: `{% mermaid(…) %}` is never closed. End its body with `{% end %}`. To show it as text, write it as `{%/* mermaid(…) */%}`.',
    ]);
  });

  it('names a stray `{% end %}`', () => {
    expect(errorMessages('{% mermaid() %}\ngraph\n{% end %}\n\n{% end %}\n')).toEqual([
      'content/post.md:9:1: `{% end %}` closes no shortcode. Remove it, or write `{%/* end */%}` to show it as text.',
    ]);
  });

  it('reports every problem of a body at once, in order', () => {
    const body = [
      '{{ gallery() }}', // 5
      '{{ mermaid() }}', // 6
      '{% end %}', // 7
      '{{ figure(src=1, size=2) }}', // 8
      '{% figure(src="a") %}x{% end %}', // 9
      '{% mermaid() %}', // 10
    ].join('\n');
    const errors = expand(body, testShortcodes).errors;
    expect(errors.map(({ location: { line }, problem }) => `${line}: ${problem}`)).toEqual([
      '5: `{{ gallery(…) }}` calls a Zola shortcode the engine does not have.',
      '6: `mermaid` needs a body.',
      '7: `{% end %}` closes no shortcode.',
      "8: `figure`'s argument `src` is the number 1, not a string in quotes.",
      '8: `figure` has no argument `size`.',
      '9: `figure` takes no body.',
      '10: `{% mermaid(…) %}` is never closed.',
    ]);
    // The calls with problems stay as written, so no line moves.
    expect(expand(body, testShortcodes).body).toBe(body);
  });

  it('names a missing required argument, a repeated one and a wrong type, each at its place', () => {
    expect(errorMessages('{{ figure(width=2) }}', testShortcodes)).toEqual([
      'content/post.md:5:1: `figure` needs the argument `src`. Its arguments: src (a string in quotes, required), width (a whole number), ' +
        'scale (a number), lazy (`true` or `false`), tags (an array [ … ]).',
    ]);
    expect(expand('{{ figure(src="a", src="b") }}', testShortcodes).errors.map((error) => error.problem)).toEqual([
      '`figure` is given `src` twice.',
    ]);
    expect(
      expand('{{ figure(src="a",\n  width=2.5, lazy="yes", tags=true, scale=[]) }}', testShortcodes).errors.map(
        ({ location, problem }) => `${location.line}:${location.column} ${problem}`,
      ),
    ).toEqual([
      "6:3 `figure`'s argument `width` is the number 2.5, not a whole number.",
      '6:14 `figure`\'s argument `lazy` is the string "yes", not `true` or `false`.',
      "6:26 `figure`'s argument `tags` is `true`, not an array [ … ].",
      "6:37 `figure`'s argument `scale` is an array, not a number.",
    ]);
  });
});

describe('arguments', () => {
  it('reads every kind of value Zola reads', () => {
    const body = `{{ figure(src="a 'b'", width=-3, scale=0.5, lazy=false, tags=["x", 'y', \`z\`, 1, -2.25, true, [], [[false]],]) }}`;
    expanded(body, testShortcodes);
    expect(lastCall?.args).toEqual(
      new Map<string, ZolaValue>([
        ['src', "a 'b'"],
        ['width', -3],
        ['scale', 0.5],
        ['lazy', false],
        ['tags', ['x', 'y', 'z', 1, -2.25, true, [], [[false]]]],
      ]),
    );
  });

  it('takes an integer where a number is asked for, strings over several lines, and arguments without commas (as Zola does)', () => {
    expanded('{{ figure(src="line one\nline two" scale=2) }}', testShortcodes);
    expect(lastCall?.args).toEqual(new Map<string, ZolaValue>([['src', 'line one\nline two'], ['scale', 2]]));
  });

  it('names the place a call to a supported shortcode stops parsing', () => {
    const problems = (body: string) => expand(body, testShortcodes).errors.map(({ location, problem }) => `${location.line}:${location.column} ${problem}`);
    expect(errorMessages('\n{{ figure(src=a.png) }}', testShortcodes)).toEqual([
      'content/post.md:6:15: `{{ figure(…) }}` cannot be read: expected a value: a string in quotes, a number, true, false or an array [ … ]. ' +
        'Write arguments as name=value, separated by commas, strings in quotes. Its arguments: src (a string in quotes, required), ' +
        'width (a whole number), scale (a number), lazy (`true` or `false`), tags (an array [ … ]).',
    ]);
    expect(problems('{{ figure(src=a.png) }}')).toEqual([
      '5:15 `{{ figure(…) }}` cannot be read: expected a value: a string in quotes, a number, true, false or an array [ … ].',
    ]);
    expect(problems('{{ figure(src="a",) }}')).toEqual(['5:19 `{{ figure(…) }}` cannot be read: expected an argument name.']);
    expect(problems('{{ figure("a") }}')).toEqual(['5:11 `{{ figure(…) }}` cannot be read: expected an argument name.']);
    expect(problems('{{ figure(src "a") }}')).toEqual(['5:15 `{{ figure(…) }}` cannot be read: expected `=` after the argument name.']);
    expect(problems('{{ figure(src="a) }}\n')).toEqual(['5:15 `{{ figure(…) }}` cannot be read: expected a closing ".']);
    expect(problems('{{ figure(src="a", width=007) }}')).toEqual(['5:27 `{{ figure(…) }}` cannot be read: expected `,` or `)`.']);
    expect(problems('{{ figure(tags=[1 2]) }}')).toEqual(['5:19 `{{ figure(…) }}` cannot be read: expected `,` or `]`.']);
    expect(problems('{{ figure(src="a") }')).toEqual(['5:20 `{{ figure(…) }}` cannot be read: expected `}}`.']);
    // The `{% end %}` of a body call that cannot be read is not reported again.
    expect(problems('{% note(title=x) %}\nbody\n{% end %}')).toEqual([
      '5:15 `{% note(…) %}` cannot be read: expected a value: a string in quotes, a number, true, false or an array [ … ].',
    ]);
  });

  it('passes a body call its body without blank edges and shared indentation, and an inline call none', () => {
    expanded('{% note(title="Hi") %}\n\n    first\n      second\n\n{% end %}', testShortcodes);
    expect(lastCall?.body).toBe('first\n  second');
    expanded('{{ note(\n  title="T"\n) }}', testShortcodes);
    expect(lastCall?.body).toBeUndefined();
  });
});

describe('line numbers', () => {
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;

  it('keep every line after an expansion where it was, padding a shorter expansion with blank lines', () => {
    const body = [
      'Intro.',
      '',
      '{% mermaid() %}',
      '',
      '',
      'graph TD',
      '',
      '{% end %}',
      'MARK-A',
      'A figure: {{ figure(',
      '  src="a.png",',
      '  width=2',
      ') }} MARK-B',
      'MARK-C',
    ].join('\n');
    const result = expanded(body, testShortcodes);
    for (const mark of ['MARK-A', 'MARK-B', 'MARK-C']) expect(lineOf(result, mark)).toBe(lineOf(body, mark));
    expect(result.split('\n').length).toBe(body.split('\n').length);
    expect(result).toContain('```mermaid\ngraph TD\n```\n\n\n\nMARK-A');
    // Text before and after the call stays on its line; the expansion gets lines of its own between them.
    expect(result).toContain('A figure: \n![figure](a.png)\n\nMARK-B');
  });

  it('lets a one-line call take the blank lines around it for its fence', () => {
    const body = 'Para.\n\n{% mermaid() %}graph LR; A-->B{% end %}\n\nAfter.';
    const result = expanded(body);
    expect(result).toBe('Para.\n```mermaid\ngraph LR; A-->B\n```\nAfter.');
    expect(lineOf(result, 'After.')).toBe(lineOf(body, 'After.'));
  });

  it('refuses an expansion that cannot fit without moving the lines after it', () => {
    expect(errorMessages('Para.\nText {% mermaid() %}graph LR; A-->B{% end %} more.\nNext.')).toEqual([
      'content/post.md:6:6: `{% mermaid(…) %}` becomes a block of 3 lines, which does not fit where it is. ' +
        'Put `{% mermaid(…) %}` and `{% end %}` each on a line of its own, the body on the lines between.',
    ]);
  });

  it('are kept when a fence takes a blank line, but not one an expansion before it took', () => {
    const body = '\n{% mermaid() %}A{% end %}\n\n{% mermaid() %}B{% end %}\n\nEND';
    const result = expand(body);
    expect(result.body).toBe('```mermaid\nA\n```\n{% mermaid() %}B{% end %}\n\nEND');
    expect(result.errors.map((error) => error.location.line)).toEqual([8]);
    expect(expanded('\n{% mermaid() %}A{% end %}\n\n\n{% mermaid() %}B{% end %}\n\nEND')).toBe(
      '```mermaid\nA\n```\n```mermaid\nB\n```\nEND',
    );
  });

  it('are kept when a call shares its line with an escape before it', () => {
    expect(expanded('Text {{/* x() */}} {% mermaid() %}\nA\n{% end %}\n\nEND')).toBe('Text {{ x() }} \n```mermaid\nA\n```\nEND');
  });

  it('leave no room for a shortcode other than a fence to take the blank lines around it', () => {
    expect(expand('Para.\n\n{{ note() }}\n\nNext.', testShortcodes).errors.map((error) => error.problem)).toEqual([
      '`{{ note(…) }}` becomes a block of 3 lines, which does not fit where it is.',
    ]);
  });
});

describe('hostile input', () => {
  // A backtracking parser takes seconds to minutes on these; the scanner reads each a few times at most.
  const hostile = [
    '{{ a('.repeat(40_000),
    '{{'.repeat(100_000),
    '{%'.repeat(100_000),
    '{% a() %}'.repeat(20_000),
    '{{ mermaid('.repeat(20_000),
    '{{/* a('.repeat(30_000),
    '{%/* a() */%}'.repeat(15_000),
    `{{ a(x="${'{{ a(x=\''.repeat(20_000)}`,
    `{{ a(x=${'['.repeat(100_000)}`,
    `{{ a(${' '.repeat(200_000)}`,
    `${'{% end %}'.repeat(20_000)}`,
    // Diagrams the expansion must not choke on: many backtick runs, many lines.
    `{% mermaid() %}\n${'`a'.repeat(200_000)}\n{% end %}`,
    `{% mermaid() %}\n${'  x\n'.repeat(200_000)}{% end %}`,
  ];

  it.each(hostile.map((body) => [body.slice(0, 20), body]))('reads %j… (%#) in linear time', (_name, body) => {
    const started = performance.now();
    const result = expand(body);
    findShortcodeCalls(body);
    expect(performance.now() - started).toBeLessThan(2_000);
    // Nothing was expanded, so nothing moved.
    expect(result.body.split('\n').length).toBe(body.split('\n').length);
  });
});

describe('in compileMarkdown', () => {
  const page = {
    file: 'content/post.md',
    format: 'md' as const,
    frontMatterFormat: 'toml' as const,
    options: { math: false, mermaid: false, toc: false, insert_anchor_links: 'none' as const },
    bodyStartLine: 5,
  };

  it('expands shortcodes in .md pages before Markdown reads them', async () => {
    const compiled = await compileMarkdown(
      { ...page, body: 'Text with `{{/* mermaid() */}}`.\n\n{% mermaid() %}\ngraph TD\n{% end %}\n' },
      { siteUrl: 'https://example.com' },
    );
    expect(compiled.format === 'html' && compiled.html).toMatch(/<code>\{\{ mermaid\(\) \}\}<\/code>/);
    // Without `mermaid: true` the diagram stays code, as any ```mermaid fence does.
    expect(compiled.format === 'html' && compiled.html).toMatch(/language-mermaid/);
  });

  it('reports shortcode errors with the compile’s other problems, by file line', async () => {
    const error = await compileMarkdown({ ...page, body: 'Intro.\n\n{{ gallery(id="x") }}\n' }, { siteUrl: 'https://example.com' }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ContentError);
    expect(error instanceof ContentError && error.location).toEqual({ file: 'content/post.md', line: 7, column: 1 });
    const errors = await compileMarkdown({ ...page, body: '{{ gallery() }}\n{% end %}\n' }, { siteUrl: 'https://example.com' }).catch(
      (caught: unknown) => caught,
    );
    expect(errors instanceof ContentErrors && errors.errors.map((each) => each.location.line)).toEqual([5, 6]);
  });

  it('leaves .mdx pages alone, where `{` starts an expression', async () => {
    const compiled = await compileMarkdown({ ...page, format: 'mdx', frontMatterFormat: 'yaml', body: 'Text {"{{ gallery() }}"}\n' }, {
      siteUrl: 'https://example.com',
    });
    expect(compiled.format).toBe('mdx');
  });
});
