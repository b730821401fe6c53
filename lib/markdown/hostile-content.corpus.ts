/**
 * The hostile-content corpus: pages written to run script in a reader's browser, or code on the machine
 * that builds the site. Each is either refused with a build error naming file, line and what to do, or
 * built with the hostile part neutralised (raw HTML in .md is dropped). hostile-content.test.ts builds
 * them through the real content build and also checks every page that built for anything executable.
 *
 * Build-time attacks try to write a marker file into CORPUS_MARKER_DIR, named after the case; the test
 * asserts that no marker exists afterwards (and, as a control, that the same MDX run without the content
 * policy does write one).
 */
import path from 'node:path';
import sharp from 'sharp';
import type { ExpectStatic } from 'vitest';
import type { CorpusCase, CorpusPage, CorpusResult } from '@/lib/testing/content-corpus';
import { pngFile } from '@/lib/testing/png-file';

const markerDirectory = process.env.CORPUS_MARKER_DIR ?? '/nonexistent-marker-directory';
/** A JavaScript expression that, if it ever runs in Node, writes the marker file `name`. */
export const writesMarker = (name: string) =>
  `process.getBuiltinModule('fs').writeFileSync(${JSON.stringify(path.join(markerDirectory, name))}, 'ran')`;

/** One blue pixel: a picture the photos step publishes. */
const tinyPng = pngFile(1, 1, Buffer.from([0, 0x33, 0x66, 0x99]));
/** A 66-byte file whose header claims 50,000 × 50,000 pixels (7.5 GB decoded as RGB): a decompression bomb. */
const bombPng = pngFile(50_000, 50_000, Buffer.alloc(1));
/** A real photo, for the files content must not reach. */
const privateJpeg = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#336699' } }).jpeg().toBuffer();
const scriptSvg = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>';

const mdx = (body: string) => `---\ntitle: Hostile\n---\n\n${body}\n`;
const md = (body: string) => `# Hostile\n\n${body}\n`;

function builtPage(result: CorpusResult, expect: ExpectStatic): CorpusPage {
  expect(result.errors).toEqual([]);
  expect(result.pages).toHaveLength(1);
  return result.pages[0] as CorpusPage;
}

/** Exactly one error, at this file line, matching the pattern. */
function refused(result: CorpusResult, expect: ExpectStatic, file: string, line: number, pattern: RegExp): void {
  expect(result.pages).toEqual([]);
  expect(result.errors).toHaveLength(1);
  expect(result.errors[0]).toMatch(new RegExp(`^content/${file.replace(/\./g, '\\.')}:${line}(:\\d+)?: `));
  expect(result.errors[0]).toMatch(pattern);
}

/** A case for a page that must not build: one file, one error at a line. */
function refusedCase(name: string, input: string, file: string, source: string, line: number, pattern: RegExp, outcome: string): CorpusCase {
  return {
    name,
    input,
    outcome: `error at line ${line}: ${outcome}`,
    files: { [`content/${file}`]: source },
    check: (result, expect) => refused(result, expect, file, line, pattern),
  };
}

/** A page that compiles, with a problem the build reports once every page is compiled (an alias, an `@/` link), at its line. */
function reportedCase(name: string, input: string, file: string, source: string, line: number, pattern: RegExp, outcome: string): CorpusCase {
  return {
    name,
    input,
    outcome: `error at line ${line}: ${outcome}`,
    files: { [`content/${file}`]: source },
    check: (result, expect) => {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(new RegExp(`^content/${file.replace(/\./g, '\\.')}:${line}: `));
      expect(result.errors[0]).toMatch(pattern);
    },
  };
}

/** A case for a page file whose name may not make a URL: one error at its line 1, whatever the name holds. */
function misnamedCase(name: string, input: string, file: string, pattern: RegExp, outcome: string): CorpusCase {
  return {
    name,
    input,
    outcome: `error at line 1: ${outcome}`,
    files: { [`content/${file}`]: md('Text.') },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.startsWith(`content/${file}:1: `), result.errors[0]).toBe(true);
      expect(result.errors[0]).toMatch(pattern);
    },
  };
}

const javascriptUrl = /`javascript:` URLs run script in the reader's browser/;
const code = /is a JavaScript expression; content may not run code/;
const importExport = /import and export statements are not allowed in content/;
const notAllowedElement = (name: string) => new RegExp(`\`<${name}>\` is not an element content may use`);

export const cases: CorpusCase[] = [
  // ——— Markdown: raw HTML is dropped, so markup from content never reaches the page ———
  {
    name: 'md: raw script',
    input: '`<script>` block in .md',
    outcome: 'page; the script is dropped, its text too',
    files: { 'content/script.md': md('Before.\n\n<script>alert("md-script")</script>\n\nAfter.') },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<p>Before.</p>\n<p>After.</p>');
      expect(page.html).not.toContain('md-script');
    },
  },
  {
    name: 'md: img onerror, iframe srcdoc, svg script inline',
    input: '`<img onerror>`, `<iframe srcdoc>`, `<svg><script>` inside a paragraph',
    outcome: 'page; the tags are dropped, the words kept',
    files: {
      'content/inline.md': md(
        'Look <img src=x onerror="alert(1)"> here, <iframe srcdoc="<script>alert(2)</script>"></iframe> there <svg onload=alert(3)><script>alert(4)</script></svg> end.',
      ),
    },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<p>Look  here,  there alert(4) end.</p>');
    },
  },
  {
    name: 'md: target=_blank without rel',
    input: '`<a href=… target=_blank>` as raw HTML in .md',
    outcome: 'page; the tag is dropped, its text kept',
    files: { 'content/blank.md': md('A <a href="https://example.com" target="_blank">new tab</a> link.') },
    check: (result, expect) => expect(builtPage(result, expect).html).toContain('<p>A new tab link.</p>'),
  },
  {
    name: 'md: a comment shaped like a body slot',
    input: 'an HTML comment as the build writes a body slot (lib/content/body-slots.ts), as a block, inline and in code',
    outcome: 'page; the comments are dropped, the one in code is text',
    files: {
      'content/slot.md': md(
        `<!--body-slot ${'0'.repeat(32)} ${'a'.repeat(64)}-->\n\nBefore <!--body-slot ${'0'.repeat(32)} ${'b'.repeat(64)}--> after, and \`<!--body-slot ${'0'.repeat(32)} ${'c'.repeat(64)}-->\`.`,
      ),
    },
    check: (result, expect) => {
      const { html } = builtPage(result, expect);
      expect(html).not.toContain('<!--');
      expect(html).toContain(`<p>Before  after, and <code>&#x3C;!--body-slot ${'0'.repeat(32)} ${'c'.repeat(64)}--></code>.</p>`);
    },
  },
  {
    name: 'md: HTML block with event handlers',
    input: '`<div onclick>` and `<details ontoggle>` blocks',
    outcome: 'page; the blocks are dropped',
    files: { 'content/blocks.md': md('<div onclick="alert(1)">\n\nInside.\n\n</div>\n\n<details open ontoggle=alert(2)>x</details>') },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<p>Inside.</p>');
      expect(page.html).not.toMatch(/<details|toggle|onclick/);
    },
  },
  {
    name: 'md: script in front matter',
    input: '`title: "<script>…</script>"`, the same in description',
    outcome: 'page; the title is text (escaped wherever shown)',
    files: { 'content/title.md': '---\ntitle: "<script>alert(1)</script>"\ndescription: "<img src=x onerror=alert(2)>"\n---\n\nText.\n' },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect([page.title, page.description]).toEqual(['<script>alert(1)</script>', '<img src=x onerror=alert(2)>']);
      expect(page.html).toBe('<p>Text.</p>');
    },
  },
  {
    name: 'md: script in a code block',
    input: '`<script>` inside a fenced code block',
    outcome: 'page; shown as code text',
    files: { 'content/code.md': md('```html\n<script>alert(1)</script>\n```') },
    check: (result, expect) => {
      const { html } = builtPage(result, expect);
      expect(html).not.toMatch(/<script/i);
      // Highlighting wraps the tag's parts in spans; the text a reader sees is the code as written.
      expect(html.replace(/<[^>]+>/g, '')).toContain('&#x3C;script>alert(1)&#x3C;/script>');
    },
  },
  {
    name: 'md: link title breaking out',
    input: '`[x](/a "t\\" onmouseover=alert(1)")`',
    outcome: 'page; the quote stays inside the title attribute',
    files: { 'content/title-attr.md': md('[x](/a "t\\" onmouseover=alert(1)")') },
    check: (result, expect) => expect(builtPage(result, expect).html).toContain('<a href="/a" title="t&#x22; onmouseover=alert(1)">x</a>'),
  },
  refusedCase(
    'md: KaTeX \\href',
    '`$\\href{javascript:alert(1)}{x}$` on a math page',
    'math-href.md',
    '---\ntitle: Math\nmath: true\n---\n\nA $\\href{javascript:alert(1)}{x}$.\n',
    6,
    /`\\href` in math: links and HTML inside math are off/,
    'no links inside math',
  ),
  refusedCase(
    'md: KaTeX \\htmlData in display math',
    '`$$\\htmlData{onclick=alert(1)}{x}$$`',
    'katex-html.md',
    '---\ntitle: Math\nmath: true\n---\n\n$$\n\\htmlData{onclick=alert(1)}{x}\n$$\n',
    6,
    /`\\htmlData` in math/,
    'no HTML inside math',
  ),
  {
    name: 'md: braces are text',
    input: '`{process.exit(1)}` and a marker-writing expression in .md',
    outcome: 'page; shown as text, nothing runs',
    files: { 'content/braces.md': md(`Text {${writesMarker('md-braces')}} {process.exit(1)}.`) },
    check: (result, expect) => expect(builtPage(result, expect).html).toContain('{process.exit(1)}'),
  },
  refusedCase('md: javascript: link', '`[x](javascript:alert(1))`', 'js-link.md', md('[x](javascript:alert(1))'), 3, javascriptUrl, 'javascript: URL'),
  refusedCase('md: javascript: autolink', '`<javascript:alert(1)>`', 'js-autolink.md', md('See <javascript:alert(1)>.'), 3, javascriptUrl, 'javascript: URL'),
  refusedCase('md: javascript: image', '`![x](javascript:alert(1))`', 'js-image.md', md('![x](javascript:alert(1))'), 3, /image "javascript:alert\(1\)": `javascript:` URLs run script/, 'javascript: URL'),
  refusedCase('md: javascript: reference', '`[x]` defined as `javascript:…`', 'js-reference.md', md('[x][evil]\n\n[evil]: javascript:alert(1)'), 5, javascriptUrl, 'javascript: URL'),
  refusedCase('md: upper-case JAVASCRIPT:', '`[x](JaVaScRiPt:alert(1))`', 'js-case.md', md('[x](JaVaScRiPt:alert(1))'), 3, javascriptUrl, 'javascript: URL'),
  refusedCase('md: entity-encoded javascript:', '`[x](&#x6A;avascript&colon;alert(1))`', 'js-entity.md', md('[x](&#x6A;avascript&colon;alert(1))'), 3, javascriptUrl, 'decoded, then refused'),
  refusedCase('md: vbscript: link', '`[x](vbscript:msgbox(1))`', 'vbscript.md', md('[x](vbscript:msgbox(1))'), 3, /`vbscript:` URLs run script/, 'vbscript: URL'),
  refusedCase('md: data:text/html link', '`[x](data:text/html;base64,…)`', 'data-link.md', md('[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'), 3, /`data:` URLs are not allowed/, 'data: URL'),
  refusedCase('md: data:image/svg+xml image', '`![x](data:image/svg+xml,<svg onload=…>)`', 'data-image.md', md('![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'), 3, /`data:` URLs are not allowed/, 'data: URL'),
  refusedCase('md: JavaScript front matter', '`---js` front matter (gray-matter would eval it)', 'js-front-matter.md', `---js\n{ title: ${writesMarker('front-matter')} }\n---\n\n# T\n`, 1, /front matter in `js` is not supported: front matter is data, never code\./, 'not evaluated'),

  {
    name: 'md: markup inside a formula',
    input: '`$\\text{<img src=x onerror=alert(1)>}$` and `$\\verb|</span><script>alert(2)</script>|$` (lib/markdown/katex-hast.ts builds their markup from KaTeX\'s tree)',
    outcome: 'page; the tags are the formula\'s text, escaped, never elements',
    files: { 'content/math-markup.md': '---\ntitle: Math\nmath: true\n---\n\nA $\\text{<img src=x onerror=alert(1)>}$ and $\\verb|</span><script>alert(2)</script>|$.\n' },
    check: (result, expect) => {
      const html = builtPage(result, expect).html;
      expect(html).not.toMatch(/<(img|script)\b/i);
      expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
      expect(html).toContain('&#x3C;/span>&#x3C;script>alert(2)&#x3C;/script>');
    },
  },
  {
    name: 'md: a look-alike of the math placeholder',
    input: 'raw `<span data-katex-formula="0">` beside a formula (lib/markdown/rehype-katex-cached.ts numbers its placeholders)',
    outcome: 'the raw tags dropped (their text kept, as for any raw HTML); the formula rendered once, in its place',
    files: { 'content/math-placeholder.md': '---\ntitle: Math\nmath: true\n---\n\n<span data-katex-formula="0">forged</span> and $x^2$.\n' },
    check: (result, expect) => {
      const html = builtPage(result, expect).html;
      expect(html).not.toContain('data-katex-formula');
      expect(html).toMatch(/^<p>forged and <span class="katex">/);
      expect(html.split('<span class="katex">')).toHaveLength(2);
    },
  },

  // ——— MDX: data only; no code, no elements or attributes outside the allowed set ———
  {
    name: 'mdx: allowed markup',
    input: 'allowed JSX (abbr, details, figure, img with width, a target=_blank), comments and literals',
    outcome: 'page rendered as written',
    files: {
      'content/allowed.mdx': mdx(
        '<abbr title="HyperText Markup Language">HTML</abbr>{" "}is fine{/* a comment */}.\n\n<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<figure>\n<img src="/photo.png" alt="A photo" width={300} />\n<figcaption>Caption</figcaption>\n</figure>\n\n<a href="https://example.com" target="_blank">External</a> and [mail](mailto:me@example.com).',
      ),
      // The picture the page shows: a local picture that is not there is an error (lib/content/shown-files.ts),
      // and one that is there is decoded by the photos step.
      'public/photo.png': tinyPng,
    },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<abbr title="HyperText Markup Language">HTML</abbr> is fine.');
      expect(page.html).toContain('<details><summary>More</summary><p>Hidden <em>text</em>.</p></details>');
      expect(page.html).toContain('<img src="/photo.png" alt="A photo" width="300"/>');
      expect(page.html).toContain('href="https://example.com" target="_blank"');
      expect(page.html).toContain('<a href="mailto:me@example.com">mail</a>');
    },
  },
  refusedCase('mdx: script element', '`<script>alert(1)</script>`', 'script.mdx', mdx('<script>alert(1)</script>'), 5, notAllowedElement('script'), '<script> not allowed'),
  refusedCase('mdx: img onError', '`<img src="x" onError="alert(1)" />`', 'onerror.mdx', mdx('<img src="x" alt="" onError="alert(1)" />'), 5, /`onError` on `<img>` is an event handler/, 'event handler'),
  refusedCase('mdx: lower-case onclick', '`<p onclick="…">`', 'onclick.mdx', mdx('<p onclick="alert(1)">Hi</p>'), 5, /`onclick` on `<p>` is an event handler/, 'event handler'),
  refusedCase('mdx: iframe srcDoc', '`<iframe srcDoc="…">`', 'iframe.mdx', mdx('<iframe srcDoc="<script>alert(1)</script>" />'), 5, notAllowedElement('iframe'), '<iframe> not allowed'),
  refusedCase('mdx: svg with script', '`<svg><script>…</script></svg>`', 'svg.mdx', mdx('<svg><script>alert(1)</script></svg>'), 5, notAllowedElement('svg'), '<svg> not allowed'),
  refusedCase('mdx: object', '`<object data="…">`', 'object.mdx', mdx('<object data="https://evil.example/x.swf" />'), 5, notAllowedElement('object'), '<object> not allowed'),
  refusedCase('mdx: meta refresh', '`<meta httpEquiv="refresh" …>`', 'meta.mdx', mdx('<meta httpEquiv="refresh" content="0;url=https://evil.example" />'), 5, notAllowedElement('meta'), '<meta> not allowed'),
  refusedCase('mdx: form', '`<form action="https://evil…">`', 'form.mdx', mdx('<form action="https://evil.example"><input name="password" /></form>'), 5, notAllowedElement('form'), '<form> not allowed'),
  refusedCase('mdx: javascript: href', '`<a href="javascript:alert(1)">`', 'js-href.mdx', mdx('<a href="javascript:alert(1)">x</a>'), 5, javascriptUrl, 'javascript: URL'),
  refusedCase('mdx: javascript: href in braces', '`<a href={"javascript:…"}>`', 'js-href-literal.mdx', mdx('<a href={"javascript:alert(1)"}>x</a>'), 5, javascriptUrl, 'javascript: URL'),
  refusedCase('mdx: javascript: href with a tab and an entity', '`<a href="jav&#x09;ascript:…">`', 'js-href-tab.mdx', mdx('<a href="jav&#x09;ascript:alert(1)">x</a>'), 5, javascriptUrl, 'javascript: URL (the browser drops the tab)'),
  refusedCase('mdx: Markdown javascript: link', '`[x](javascript:alert(1))` in .mdx', 'js-link.mdx', mdx('[x](javascript:alert(1))'), 5, javascriptUrl, 'javascript: URL'),
  refusedCase('mdx: dangerouslySetInnerHTML', '`<div dangerouslySetInnerHTML={…} />`', 'inner-html.mdx', mdx('<div dangerouslySetInnerHTML={{ __html: "<img src=x onerror=alert(1)>" }} />'), 5, /`dangerouslySetInnerHTML` on `<div>` inserts raw HTML/, 'raw HTML'),
  refusedCase('mdx: style attribute', '`<p style={{…}}>`', 'style.mdx', mdx('<p style={{ background: "url(javascript:alert(1))" }}>x</p>'), 5, /`style` on `<p>` sets inline styles/, 'inline style'),
  refusedCase('mdx: spread attributes', '`<div {...props} />`', 'spread.mdx', mdx(`<div {...(${writesMarker('mdx-spread')}, {})} />`), 5, /spread attributes are expressions/, 'spread'),
  refusedCase('mdx: unknown component', '`<Evil />`', 'component.mdx', mdx('<Evil />'), 5, /`<Evil>` is not a component this site offers/, 'unknown component'),
  refusedCase('mdx: member component', '`<motion.div>`', 'member.mdx', mdx('<motion.div>x</motion.div>'), 5, /`<motion\.div>` is not an element content may use/, 'not allowed'),
  refusedCase('mdx: expression writing a file', '`{process.getBuiltinModule("fs").writeFileSync(…)}`', 'process.mdx', mdx(`Hi {${writesMarker('mdx-process')}}.`), 5, code, 'expression'),
  refusedCase('mdx: require', '`{require("child_process").execSync("…")}`', 'require.mdx', mdx('{require("child_process").execSync("touch /tmp/pwned")}'), 5, code, 'expression'),
  refusedCase('mdx: globalThis', '`{globalThis.process.exit(1)}`', 'global.mdx', mdx('{globalThis.process.exit(1)}'), 5, code, 'expression'),
  refusedCase('mdx: Function constructor', '`{Function("return process")()…}`', 'function.mdx', mdx(`{Function("return process")().getBuiltinModule("fs").writeFileSync(${JSON.stringify(path.join(markerDirectory, 'mdx-function'))}, "ran")}`), 5, code, 'expression'),
  refusedCase('mdx: eval', '`{eval("…")}`', 'eval.mdx', mdx(`{eval(${JSON.stringify(writesMarker('mdx-eval'))})}`), 5, code, 'expression'),
  refusedCase(
    'mdx: a comment shaped like a body slot',
    'an HTML comment as the build writes a body slot (lib/content/body-slots.ts)',
    'slot.mdx',
    mdx(`Before.\n\n<!--body-slot ${'0'.repeat(32)} ${'a'.repeat(64)}-->`),
    7,
    /MDX does not compile: .* write HTML comments as \{\/\* … \*\/\}/,
    'MDX does not compile it',
  ),
  refusedCase('mdx: comment then code', '`{/* ok */ process.exit(1)}`', 'comment-code.mdx', mdx('{/* looks like a comment */ process.exit(1)}'), 5, code, 'expression'),
  refusedCase('mdx: template literal with code', '`{`${…}`}`', 'template.mdx', mdx(`{\`\${${writesMarker('mdx-template')}}\`}`), 5, code, 'expression'),
  refusedCase('mdx: expression in an attribute', '`<a href={(…write…, "/")}>`', 'attribute.mdx', mdx(`<a href={(${writesMarker('mdx-attribute')}, "/")}>x</a>`), 5, code, 'expression'),
  refusedCase('mdx: export', '`export const x = …write…`', 'export.mdx', mdx(`export const x = ${writesMarker('mdx-export')}`), 5, importExport, 'export'),
  refusedCase('mdx: import', '`import fs from "node:fs"`', 'import.mdx', mdx('import fs from "node:fs"'), 5, importExport, 'import'),

  // ——— Names and links that reach past the site's rules (security issue 14, findings 3 and 5) ———
  // A file name is read as its URL shows it, so no spelling gets a page past the `_`/`.` rule or onto a path
  // the engine or the host keeps (lib/content/page-urls.ts); content/ itself may not be a link out of the
  // project (lib/content/project-folders.ts); links that browsers read as another host are external.
  misnamedCase('names: a space before _headers', '` _headers.md` (would publish /_headers/)', ' _headers.md', /the file name " _headers\.md" starts with a space, which its URL \(\/_headers\/\) does not show\. Rename it to "_headers\.md" if it is not meant to be a page/, 'a space at the start of the name'),
  misnamedCase('names: a space before .well-known', '` .well-known.md` (would publish /.well-known/)', ' .well-known.md', /the file name " \.well-known\.md" starts with a space/, 'a space at the start of the name'),
  misnamedCase('names: a no-break space before _next', '`\u00a0_next.mdx`', '\u00a0_next.mdx', /starts with a space, which its URL \(\/_next\/\) does not show/, 'any Unicode space counts'),
  misnamedCase('names: a space after the extension', '`about.md ` (was silently no page)', 'about.md ', /the file name "about\.md " ends with a space.* Rename it to "about\.md"\./, 'a space at the end of the name'),
  misnamedCase('names: punctuation hiding _next', '`(_next).md` (the URL drops the brackets)', '(_next).md', /makes the URL \/_next\/, but \/_next\/ is reserved: it holds Next\.js's stylesheets and fonts\. Rename "\(_next\)\.md"\./, 'reserved URL'),
  misnamedCase('names: a zero-width space hiding _redirects', '`\u200b_redirects.md`', '\u200b_redirects.md', /makes the URL \/_redirects\/, but \/_redirects\/ is reserved/, 'reserved URL'),
  misnamedCase('names: a hyphen hiding a partial', '`-_partial.md` (the URL drops the leading hyphen)', '-_partial.md', /makes the URL \/_partial\/, whose segment `_partial` starts with `_`: such paths are not pages/, 'a segment starting with `_`'),
  misnamedCase('names: the preview images’ folder', '`OG.md`', 'OG.md', /makes the URL \/og\/, but \/og\/ is reserved: it holds the preview images\./, 'reserved URL'),
  misnamedCase('names: the 404 page', '`404.md` (the build deletes /404/)', '404.md', /\/404\/ is reserved: it holds Next\.js's copy of the 404 page/, 'reserved URL'),
  misnamedCase('names: the site’s scripts', '`enhance/copy-code.js.md`', 'enhance/copy-code.js.md', /\/enhance\/ is reserved: it holds the site's own scripts/, 'reserved URL'),
  misnamedCase('names: a folder with a space before _drafts', '` _drafts/secret.md`', ' _drafts/secret.md', /the folder name " _drafts" starts with a space, which its URL \(\/_drafts\/secret\/\) does not show/, 'a space at the start of a folder name'),
  {
    name: 'content/ itself a link out of the project',
    input: '`content` → a folder elsewhere on the machine',
    outcome: 'error naming content/; nothing is read through it',
    files: { 'elsewhere/leak.md': '# Leak\n\nPRIVATE KEY\n' },
    symlinks: { content: 'elsewhere' },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([
        'content/: is a symbolic link to elsewhere; the build reads content/ only as a folder of the project, so that a link cannot publish files from elsewhere on the machine. Replace the link with the folder itself (move or copy it into the project).',
      ]);
    },
  },
  {
    name: 'mdx: links to another host spelled with backslashes or a tab',
    input: '`<a href="\\\\evil.example/x">`, `/\\evil.example`, `\\/evil.example`, `/&#x09;/evil.example`, `{"\\\\evil.example"}`',
    outcome: 'page; every link marked rel="external noopener noreferrer": browsers read `\\` as `/` and drop the tab',
    files: {
      'content/backslash.mdx': mdx(
        '<a href="\\\\evil.example/x">a</a> <a href="/\\evil.example">b</a> <a href="\\/evil.example">c</a> <a href="/&#x09;/evil.example">d</a> <a href={"\\\\\\\\evil.example"}>e</a>',
      ),
    },
    check: (result, expect) => {
      const anchors = builtPage(result, expect).html.match(/<a [^>]*>/g) ?? [];
      expect(anchors).toHaveLength(5);
      for (const anchor of anchors) expect(anchor).toContain('rel="external noopener noreferrer"');
    },
  },
  {
    name: 'md: backslash links stay on the site',
    input: '`[a](\\\\\\\\evil.example/x)`, `[b](/\\\\evil.example)`',
    outcome: 'page; Markdown percent-encodes the backslashes, so both are paths of this site',
    files: { 'content/backslash.md': md('[a](\\\\\\\\evil.example/x) [b](/\\\\evil.example)') },
    check: (result, expect) => expect(builtPage(result, expect).html).toContain('<p><a href="%5C%5Cevil.example/x">a</a> <a href="/%5Cevil.example">b</a></p>'),
  },
  // ——— Zola's fields: no front-matter value makes a page, a redirect or a bundle file land outside out/, on the
  // engine's or the host's own paths, or run script from the site's address ———
  refusedCase('zola: path climbs out', '`path = "../../etc/cron.d/x"`', 'climb.md', '+++\ntitle = "T"\npath = "../../etc/cron.d/x"\n+++\nText.\n', 3, /`path` "\.\.\/\.\.\/etc\/cron\.d\/x" is not a path on this site\./, 'not a path on this site'),
  refusedCase('zola: path onto _next', '`path = "_next/static/chunks/main"`', 'next.md', '+++\ntitle = "T"\npath = "_next/static/chunks/main"\n+++\nText.\n', 3, /\/_next\/ is reserved|starts with `_`/, 'a reserved path'),
  refusedCase('zola: slug with a backslash climb', '`slug = "..\\..\\x"`', 'slug.md', '+++\ntitle = "T"\nslug = "..\\\\.."\n+++\nText.\n', 3, /`slug` "\.\.\\\\\.\." makes no URL segment\./, 'no URL segment'),
  reportedCase('zola: alias over _headers', '`aliases = ["_headers"]`', 'headers.md', '+++\ntitle = "T"\naliases = ["_headers"]\n+++\nText.\n', 3, /the alias "_headers" has a segment that is not a plain name/, 'not a plain name'),
  reportedCase('zola: alias climbing out', '`aliases = ["../../outside/index.html"]`', 'alias-climb.md', '+++\ntitle = "T"\naliases = ["../../outside/index.html"]\n+++\nText.\n', 3, /the alias "\.\.\/\.\.\/outside\/index\.html" has a segment that is not a plain name/, 'not a plain name'),
  reportedCase('zola: alias to another site', '`aliases = ["//evil.example/x"]`', 'alias-host.md', '+++\ntitle = "T"\naliases = ["//evil.example/x"]\n+++\nText.\n', 3, /the alias "\/\/evil\.example\/x" is not a path on this site\./, 'not a path on this site'),
  reportedCase('zola: alias over a preview image', '`aliases = ["og/index.png.html"]`', 'alias-og.md', '+++\ntitle = "T"\naliases = ["og/about.html"]\n+++\nText.\n', 3, /\/og\/ is reserved/, 'a reserved path'),
  {
    name: 'zola: redirect_to javascript',
    input: '`redirect_to = "javascript:alert(1)"` in a section',
    outcome: 'error at line 3: only site paths and http(s) URLs',
    files: { 'content/docs/_index.md': '+++\ntitle = "Docs"\nredirect_to = "javascript:alert(1)"\n+++\n' },
    check: (result, expect) => {
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]).toMatch(/^content\/docs\/_index\.md:3: `redirect_to` "javascript:alert\(1\)" is a javascript: URL\./);
    },
  },
  {
    name: 'zola: HTML and script files in a page bundle',
    input: 'an .html, a .js and an SVG with script beside a bundle’s index.md',
    outcome: 'one error per file: never copied to the site’s address',
    files: {
      'content/trip/index.md': '+++\ntitle = "Trip"\n+++\nText.\n',
      'content/trip/steal.html': '<script>fetch("/")</script>',
      'content/trip/app.js': 'alert(1)',
      'content/trip/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'content/trip/photo.jpg': 'not really a photo',
    },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([
        expect.stringMatching(/^content\/trip\/index\.md:1: carries app\.js, a \.js file;/),
        expect.stringMatching(/^content\/trip\/index\.md:1: carries logo\.svg, an SVG with script/),
        expect.stringMatching(/^content\/trip\/index\.md:1: carries steal\.html, a \.html file;/),
      ]);
    },
  },
  {
    name: 'zola: link out of a page bundle',
    input: 'a symbolic link beside a bundle’s index.md to a file outside the project',
    outcome: 'error naming the link: never followed',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\nText.\n' },
    symlinks: { 'content/trip/passwd.txt': '/etc/passwd' },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([expect.stringMatching(/^content\/trip\/index\.md:1: carries passwd\.txt, a symbolic link/)]);
    },
  },
  // ——— serene's fields: a profile's values reach the page as text and attributes, never as markup or script ———
  {
    name: 'serene: hostile profile fields',
    input: 'a link to `javascript:alert(1)`, an icon named `../../public/evil`, an avatar `../../../etc/passwd.png`, a bio with `<script>`',
    outcome: 'one error per field at its line; the bio would be text',
    files: {
      'content/_index.md': [
        '+++',
        'template = "home.html"',
        '[extra]',
        'name = "<img src=x onerror=alert(1)>"',
        'bio = "<script>alert(1)</script>"',
        'avatar = "../../../etc/passwd.png"',
        'links = [',
        '  { name = "Me", icon = "github", url = "javascript:alert(1)" },',
        '  { name = "Evil", icon = "../../public/evil", url = "https://example.com" },',
        ']',
        '+++',
        'Hi.',
      ].join('\n'),
    },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([
        expect.stringMatching(/^content\/_index\.md:8: `extra\.links\.0\.url`: an https:\/\/, mailto: or \/site\/path address\./),
      ]);
    },
  },
  {
    name: 'serene: icon and avatar that climb out',
    input: 'an icon named `../../public/evil` and an avatar `../../../etc/passwd.png` on a home.html page',
    outcome: 'an error at each line: icons come from the engine, avatars from public/ or content/',
    files: {
      'content/_index.md': '+++\ntemplate = "home.html"\n[extra]\navatar = "../../../etc/passwd.png"\nlinks = [\n  { name = "Evil", icon = "../../public/evil", url = "https://example.com" },\n]\n+++\nHi.\n',
    },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([
        expect.stringMatching(/^content\/_index\.md:4: the avatar `\.\.\/\.\.\/\.\.\/etc\/passwd\.png` is not a path inside public\/ or content\//),
        expect.stringMatching(/^content\/_index\.md:6: the link "Evil" names the icon `\.\.\/\.\.\/public\/evil`, which the engine does not draw\./),
      ]);
    },
  },
  // ——— Zola shortcodes and @/ links: markup in a call is text or an error, never markup; a link names content only ———
  {
    name: 'zola: markup in an escaped shortcode',
    input: '`{{/* x(a="<img src=x onerror=alert(1)>") */}}` in prose, `{%/* y(b="<script>…") */%}` in code',
    outcome: 'page; the calls shown as text, the markup in prose dropped as raw HTML is',
    files: { 'content/escaped.md': md('Show {{/* x(a="<img src=x onerror=alert(1)>") */}} here.\n\n```\n{%/* y(b="<script>alert(1)</script>") */%}\n```') },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<p>Show {{ x(a="") }} here.</p>');
      expect(page.html).toContain('<code>{% y(b="&#x3C;script>alert(1)&#x3C;/script>") %}');
      expect(page.html).not.toMatch(/<img|<script/);
    },
  },
  refusedCase('zola: markup in a site’s own shortcode', '`{{ gallery(src="<script>alert(1)</script>") }}`', 'call.md', md('{{ gallery(src="<script>alert(1)</script>") }}'), 3, /gallery/, 'not a shortcode the engine has'),
  reportedCase('zola: @/ link climbing out', '`[x](@/../../etc/passwd)`', 'climb-link.md', md('[x](@/../../etc/passwd)'), 3, /content\/\.\.\/\.\.\/etc\/passwd, which is not a page/, 'not a page'),
  reportedCase('zola: @/ link to a script URL', '`[x](@/javascript:alert(1))`', 'script-link.md', md('[x](@/javascript:alert(1))'), 3, /content\/javascript:alert\(1\), which is not a page/, 'not a page'),
  // ——— Shortcodes that make elements: arguments become properties and text; URLs are checked like the page's own ———
  refusedCase('shortcode: figure src javascript:', '`{{ figure(src="javascript:alert(1)") }}`', 'figure-js.md', md('{{ figure(src="javascript:alert(1)") }}'), 3, javascriptUrl, 'javascript: URL'),
  refusedCase('shortcode: figure src data:', '`{{ figure(src="data:image/svg+xml,<svg onload=alert(1)>") }}`', 'figure-data.md', md('{{ figure(src="data:image/svg+xml,<svg onload=alert(1)>") }}'), 3, /`data:` URLs are not allowed/, 'data: URL'),
  refusedCase('shortcode: figure via javascript:', '`{{ figure(src="/a.png", via="javascript:alert(1)") }}`', 'figure-via.md', md('{{ figure(src="/a.png", via="javascript:alert(1)") }}'), 3, javascriptUrl, 'javascript: URL'),
  refusedCase('mdx: Figure src data:', '`<Figure src="data:text/html,<script>alert(1)</script>" />`', 'figure-data.mdx', mdx('<Figure src="data:text/html,<script>alert(1)</script>" />'), 5, /`data:` URLs are not allowed/, 'data: URL'),
  refusedCase('shortcode: figure src climbing out', '`{{ figure(src="../../etc/passwd") }}`', 'figure-climb.md', md('{{ figure(src="../../etc/passwd") }}'), 3, /climbs out of its folder/, 'a path that climbs'),
  refusedCase('mdx: Figure src climbing out', '`<Figure src="/../../etc/passwd" />`', 'figure-climb.mdx', mdx('<Figure src="/../../etc/passwd" />'), 5, /climbs out of its folder/, 'a path that climbs'),
  refusedCase('shortcode: youtube id closing its attribute', `\`{{ youtube(id='x" onerror="alert(1)') }}\``, 'youtube.md', md(`{{ youtube(id='x" onerror="alert(1)') }}`), 3, /is not a YouTube video id/, 'not a video id'),
  refusedCase('mdx: YouTube id closing its attribute', '`<YouTube id="x&quot;><script>alert(1)</script>" />`', 'youtube.mdx', mdx('<YouTube id="x&quot;><script>alert(1)</script>" />'), 5, /is not a YouTube video id/, 'not a video id'),
  {
    name: 'shortcode: a javascript: link in a figure caption',
    input: '`caption="… [x](javascript:void(0))"`: Markdown in an argument, with raw HTML and a script link',
    outcome: 'error at the call’s line: the caption’s link is checked as the page’s own',
    files: { 'content/caption.md': md('{{ figure(src="https://example.com/a.png", alt="A", caption="A <img src=x onerror=alert(1)> <b>bold</b> [x](javascript:void(0) \'t\')") }}') },
    check: (result, expect) => {
      expect(result.pages).toEqual([]);
      expect(result.errors).toEqual([expect.stringMatching(/^content\/caption\.md:3:\d+: link to "javascript:void\(0\)": `javascript:` URLs run script/)]);
    },
  },
  {
    name: 'shortcode: markup in a caption and titles',
    input: '`caption` with raw HTML, a callout `title` and a `detail` title with `<script>`',
    outcome: 'page; the caption’s markup dropped, the titles shown as text',
    files: {
      'content/titles.md': md(
        '{{ figure(src="https://example.com/a.png", alt="A", caption="A <img src=x onerror=alert(1)> <b>bold</b>") }}\n\n{% note(title="<script>alert(1)</script>") %}\nBody.\n{% end %}\n\n{% detail(title="<img src=x onerror=alert(2)>") %}\nMore.\n{% end %}',
      ),
    },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('<figcaption>A  bold</figcaption>');
      expect(page.html).toContain('&#x3C;script>alert(1)&#x3C;/script></p>');
      expect(page.html).toContain('<summary>&#x3C;img src=x onerror=alert(2)></summary>');
    },
  },
  // ——— serene's collection: items are checked where the file is read; text stays text ———
  ...(
    [
      ['link = "javascript:alert(1)"', 'type = "entry"\ntitle = "X"\nlink = "javascript:alert(1)"', 4, javascriptUrl],
      ['img = "data:…"', 'type = "art_simple"\ntitle = "X"\nimg = "data:image/svg+xml,<svg onload=alert(1)>"', 4, /`img` "data:image\/svg\+xml,<svg onload=alert\(1\)>": `data:` URLs are not allowed/],
      ['img = "../../../etc/passwd"', 'type = "box"\ntitle = "X"\nimg = "../../../etc/passwd"', 4, /`img` "\.\.\/\.\.\/\.\.\/etc\/passwd" climbs out of its folder/],
    ] as const
  ).map(
    ([input, item, line, pattern]): CorpusCase => ({
      name: `collection: ${input}`,
      input: `an item with \`${input}\` in projects.toml`,
      outcome: `error at line ${line} of the TOML file`,
      files: { 'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="projects.toml") }}\n', 'content/projects/projects.toml': `[[collection]]\n${item}\n` },
      check: (result, expect) => refused(result, expect, 'projects/projects.toml', line, pattern),
    }),
  ),
  {
    name: 'collection: a file that climbs out',
    input: '`{{ collection(file="../../site.config.ts") }}`',
    outcome: 'error at the call’s line; nothing is read',
    files: { 'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="../../site.config.ts") }}\n' },
    check: (result, expect) => refused(result, expect, 'projects/_index.md', 5, /the collection file "\.\.\/\.\.\/site\.config\.ts" is not a path inside the page's folder/),
  },
  {
    name: 'collection: markup in a title',
    input: 'a card `title = "<script>alert(1)</script>"`, raw HTML in its content and tags',
    outcome: 'page; the title and tags shown as text, the content’s raw HTML dropped',
    files: {
      'content/projects/_index.md': '+++\ntitle = "Projects"\n+++\n\n{{ collection(file="projects.toml") }}\n',
      'content/projects/projects.toml': '[[collection]]\ntype = "card"\ntitle = "<script>alert(1)</script>"\ncontent = "A <img src=x onerror=alert(2)> b"\ntags = ["<b>t</b>"]\n',
    },
    check: (result, expect) => {
      const page = builtPage(result, expect);
      expect(page.html).toContain('&#x3C;script>alert(1)&#x3C;/script></h2>');
      expect(page.html).toContain('<div class="collection-content"><p>A  b</p></div>');
      expect(page.html).toContain('<li>&#x3C;b>t&#x3C;/b></li>');
    },
  },

  // ——— Photos: pictures are decoded on the build machine (sharp) and published from the site's address ———
  {
    name: 'photos: a decompression bomb',
    input: '`![A bomb](bomb.png)`, a 66-byte PNG whose header claims 50,000 × 50,000 pixels, in a bundle',
    outcome: 'error at line 5: too many pixels, refused from the header before anything is decoded',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![A bomb](bomb.png)\n', 'content/trip/bomb.png': bombPng },
    check: (result, expect) => {
      expect(result.errors).toEqual([expect.stringMatching(/^content\/trip\/index\.md:5: bomb\.png claims 50000 × 50000 pixels, over the 268 megapixels the build decodes\. /)]);
    },
  },
  {
    name: 'photos: an SVG with script in a bundle',
    input: '`![A logo](evil.svg)` beside a bundle’s index.md, the SVG holding `<script>`',
    outcome: 'error naming the file: an SVG with script is never served from the site’s address',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![A logo](evil.svg)\n', 'content/trip/evil.svg': scriptSvg },
    check: (result, expect) => refused(result, expect, 'trip/index.md', 1, /carries evil\.svg, an SVG with script/),
  },
  {
    name: 'photos: an SVG with script from public/',
    input: '`![A logo](/evil.svg)`, public/evil.svg holding `<script>` (public/ is trusted and published as it is)',
    outcome: 'page; the SVG shown through `<img src>`, where it runs no script, never inlined',
    files: { 'content/logo.md': md('![A logo](/evil.svg)'), 'public/evil.svg': scriptSvg },
    check: (result, expect) => {
      const { html } = builtPage(result, expect);
      expect(html).toMatch(/<img src="\/evil\.svg" alt="A logo"/);
      expect(html).not.toMatch(/<svg|<script|alert/);
    },
  },
  {
    name: 'photos: picture paths that climb out of the project',
    input: '`![](../../../../etc/passwd.jpg)`, `![](/../secret.jpg)`, `![](..%2F..%2Fsecret.jpg)` in a bundle, with secret.jpg beside content/',
    outcome: 'an error at each line: the paths stop at the site’s root, so no file outside content/ and public/ is read',
    files: {
      'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![a](../../../../etc/passwd.jpg)\n\n![b](/../secret.jpg)\n\n![c](..%2F..%2Fsecret.jpg)\n',
      'secret.jpg': privateJpeg,
    },
    check: (result, expect) => {
      expect(result.errors).toEqual([
        expect.stringMatching(/^content\/trip\/index\.md:5: the picture \.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd\.jpg does not exist beside the page \(as \/etc\/passwd\.jpg\)\./),
        expect.stringMatching(/^content\/trip\/index\.md:7: the picture \/\.\.\/secret\.jpg does not exist in public\/ \(as public\/secret\.jpg\)\./),
        expect.stringMatching(/^content\/trip\/index\.md:9: the picture \.\.%2F\.\.%2Fsecret\.jpg does not exist beside the page/),
      ]);
    },
  },
  {
    name: 'photos: a symbolic link in a bundle to a photo elsewhere',
    input: '`![A photo](photo.jpg)` where photo.jpg is a link to a JPEG outside content/ and public/',
    outcome: 'error naming the link: never followed, so the photo is neither decoded nor published',
    files: { 'content/trip/index.md': '+++\ntitle = "Trip"\n+++\n\n![A photo](photo.jpg)\n', 'elsewhere/photo.jpg': privateJpeg },
    symlinks: { 'content/trip/photo.jpg': '../../elsewhere/photo.jpg' },
    check: (result, expect) => refused(result, expect, 'trip/index.md', 1, /carries photo\.jpg, a symbolic link: the build does not follow links out of a bundle\./),
  },
  refusedCase('photos: a preview picture with a javascript: URL', '`image: "javascript:alert(1)"`', 'preview-js.md', '---\ntitle: T\nimage: "javascript:alert(1)"\n---\nText.\n', 3, /the preview picture "javascript:alert\(1\)" is neither a picture of this site nor an https URL/, 'not a picture of the site'),
  refusedCase('photos: a preview picture with a data: URL', '`og_image = "data:image/svg+xml,…"` in serene’s [extra]', 'preview-data.md', '+++\ntitle = "T"\n[extra]\nog_image = "data:image/svg+xml,<svg onload=alert(1)>"\n+++\nText.\n', 4, /the preview picture "data:image\/svg\+xml,<svg onload=alert\(1\)>" is neither/, 'not a picture of the site'),
  {
    name: 'photos: a preview picture that climbs out of the project',
    input: '`image: "../../../secret.jpg"`, with secret.jpg beside content/',
    outcome: 'error at line 3: the path stops at the site’s root, so the file outside is never read',
    files: { 'content/preview-climb.md': '---\ntitle: T\nimage: "../../../secret.jpg"\n---\nText.\n', 'secret.jpg': privateJpeg },
    check: (result, expect) => {
      expect(result.errors).toEqual([expect.stringMatching(/^content\/preview-climb\.md:3: the picture \.\.\/\.\.\/\.\.\/secret\.jpg does not exist/)]);
    },
  },
];

/** The cases' marker names, to check after the build that none was written. */
export const markerNames = ['md-braces', 'front-matter', 'mdx-spread', 'mdx-process', 'mdx-function', 'mdx-eval', 'mdx-template', 'mdx-attribute', 'mdx-export'];
