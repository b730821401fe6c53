import type { Program } from 'estree';
import type { Nodes, Root } from 'mdast';
import type { MdxJsxAttribute, MdxJsxAttributeValueExpression, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx';
import type { Processor } from 'unified';
import type { Position } from 'unist';
import { SKIP, visit } from './visit';
import {
  allowedHtmlElements,
  forbiddenAttributeReason,
  isAllowedHtmlAttribute,
  urlHint,
  urlProblem,
  urlUseOfAttribute,
  type UrlUse,
} from './content-policy';

export interface UnsafeContent {
  /** Line and column in the body, 1-based. */
  line: number | undefined;
  column: number | undefined;
  problem: string;
  hint: string;
}

export interface ContentSafetyOptions {
  format: 'md' | 'mdx';
  /** Names of the components .mdx pages may use (components/mdx-components.tsx). */
  components: readonly string[];
  onProblem: (problem: UnsafeContent) => void;
}

/**
 * Checks a page against the content policy (content-policy.ts) before anything else sees its tree, and
 * reports every breach; the caller fails the build with them. Nothing is removed here: a page either
 * passes whole or does not build, so no author is surprised by a silently missing part.
 *
 * MDX compiles to JavaScript that the build runs to render the page, so in .mdx only data may appear:
 * no import/export, no `{…}` expression that is not a comment or a literal, no JSX element or attribute
 * outside the allowed set. In both formats, link and image URLs must use a safe scheme. (Raw HTML in .md
 * never reaches the page: remark-rehype drops it.)
 */
export function remarkContentSafety(this: Processor, options: ContentSafetyOptions) {
  const components = new Set(options.components);
  const report = (position: Position | undefined, problem: string, hint: string) =>
    options.onProblem({ line: position?.start.line, column: position?.start.column, problem, hint });
  // The depth check runs as the parser's own last step, before remark-gfm's (its search for bare URLs walks
  // the tree recursively, and 10,000 nested quotes overflowed the stack there, before any plugin ran).
  const data = this.data();
  (data.fromMarkdownExtensions ??= []).push({ transforms: [(tree: Root) => checkNestingDepth(tree, options.format, report)] });
  return (tree: Root) => {
    const checkUrl = (url: string, use: UrlUse, position: Position | undefined) => {
      const problem = urlProblem(url, use);
      if (problem) report(position, problem, urlHint[use]);
    };

    visit(tree, (node: Nodes) => {
      switch (node.type) {
        case 'link':
        case 'definition':
          checkUrl(node.url, 'link', node.position);
          return;
        case 'image':
          checkUrl(node.url, 'image', node.position);
          return;
      }
      if (node.type === 'html' && /^\s*<!--/.test(node.value) && !node.value.includes('-->')) {
        // CommonMark runs an unclosed comment to the end of the page; everything after it would vanish unseen.
        report(node.position, 'this HTML comment is never closed, so everything after it would be hidden.', 'End the comment with -->.');
        return;
      }
      if ((node.type === 'inlineMath' || node.type === 'math') && untrustedTex.test(node.value)) {
        const command = untrustedTex.exec(node.value)?.[0] ?? '';
        report(
          node.position,
          `\`${command}\` in math: links and HTML inside math are off (KaTeX runs untrusted), so it would show as red text.`,
          'Write the link outside the math, as [text](https://…).',
        );
        return;
      }
      if (options.format !== 'mdx') return;
      switch (node.type) {
        case 'mdxjsEsm':
          report(
            node.position,
            `\`${excerpt(node.value)}\`: import and export statements are not allowed in content, because they run code on the machine that builds the site.`,
            `Remove it. The site's components${components.size > 0 ? ` (${[...components].join(', ')})` : ''} need no import; a page's title and other values belong in its front matter.`,
          );
          return;
        case 'mdxFlowExpression':
        case 'mdxTextExpression':
          if (!isStaticProgram(node.data?.estree)) {
            report(
              node.position,
              `\`{${excerpt(node.value)}}\` is a JavaScript expression; content may not run code (it would run on the machine that builds the site).`,
              'Write the text itself. For a literal brace write \\{, for a comment {/* … */}.',
            );
          }
          return;
        case 'mdxJsxFlowElement':
        case 'mdxJsxTextElement':
          // Inside a refused element (an <svg> holding a <script>), one error says enough.
          return checkElement(node, components, report, checkUrl) ? undefined : SKIP;
      }
    });
  };
}

/**
 * How deep a page's tree may nest, in tree levels (a level of list is two: the list and its item; a quote is
 * one). Real pages stay within a dozen.
 *
 * .md: the compile's later steps (mdast-util-to-hast, hast-util-to-html, unist-util-visit) recurse once or
 * more per level, and 1,450 nested quotes ran out of a main thread's stack. 500 levels stay three times below
 * that and keep 200 levels of list or quote working.
 *
 * .mdx: React's server renderer, past its stack depth, moves the rest of the tree to a new task that a
 * synchronous render never runs: in a 120-level nested list, rendered with renderToStaticMarkup, levels
 * 113-116 went missing without an error (React 19.3). 120 tree levels are about 60 levels of list.
 */
export const maxNestingDepth = { md: 500, mdx: 120 } as const;

/**
 * Reports the first node (in reading order) deeper than the format allows, and cuts every branch off at the
 * limit, so that no later step recurses into it; the page fails with the report. Iterative, so that the
 * check itself cannot run out of stack.
 */
function checkNestingDepth(tree: Root, format: 'md' | 'mdx', report: Report): void {
  const limit = maxNestingDepth[format];
  let reported = false;
  const stack: [Nodes, number][] = [[tree, 0]];
  let next: [Nodes, number] | undefined;
  while ((next = stack.pop())) {
    const [node, depth] = next;
    if (!('children' in node) || node.children.length === 0) continue;
    if (depth === limit) {
      if (!reported) {
        reported = true;
        report(
          node.children[0]?.position,
          `the page nests lists, quotes or elements more than ${limit} levels deep here; ${format === 'mdx' ? "React's server renderer silently loses content that deep." : 'the compiler would run out of stack that deep.'}`,
          format === 'mdx' ? `Flatten the nesting, or rename the page to .md, which allows ${maxNestingDepth.md} levels.` : 'Flatten the nesting.',
        );
      }
      node.children.length = 0;
      continue;
    }
    // Children pushed last-first, so that the first node too deep in reading order is found first.
    for (let index = node.children.length - 1; index >= 0; index--) {
      const child = node.children[index];
      if (child) stack.push([child, depth + 1]);
    }
  }
}

/** KaTeX commands that make links or raw HTML; with `trust` off (the default) KaTeX renders them as red text. */
const untrustedTex = /\\(?:href|url|includegraphics|htmlClass|htmlId|htmlStyle|htmlData)(?![A-Za-z])/;

type Report = (position: Position | undefined, problem: string, hint: string) => void;
type CheckUrl = (url: string, use: UrlUse, position: Position | undefined) => void;

/** Checks an element and its attributes; false when the element itself is refused. */
function checkElement(element: MdxJsxFlowElement | MdxJsxTextElement, components: ReadonlySet<string>, report: Report, checkUrl: CheckUrl): boolean {
  const { name } = element;
  if (name === null) return true; // a fragment, <>…</>
  const componentList = components.size > 0 ? [...components].join(', ') : 'none yet';
  const isComponent = /^[A-Z]/.test(name);
  if (isComponent ? !components.has(name) : !allowedHtmlElements.has(name)) {
    report(
      element.position,
      isComponent
        ? `\`<${name}>\` is not a component this site offers (its components: ${componentList}).`
        : `\`<${name}>\` is not an element content may use${dangerousElements.has(name) ? ': it could run script or load other content into the page' : ''}.`,
      isComponent
        ? 'Check the spelling, or add the component to components/mdx-components.tsx.'
        : `Write it in Markdown, or use one of the allowed elements: ${[...allowedHtmlElements].join(', ')}.`,
    );
    return false;
  }
  if (voidElements.has(name) && element.children.length > 0) {
    // React refuses to render it, which would stop the build with no file or line.
    report(element.position, `\`<${name}>\` cannot have content: it is an empty element.`, `Write it as <${name} … /> and put the text outside it.`);
  }
  for (const attribute of element.attributes) {
    const position = attribute.position ?? element.position;
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      report(position, `\`<${name} {${excerpt(attribute.value)}}>\`: spread attributes are expressions, and content may not run code.`, 'Write each attribute with a plain value: name="value".');
      continue;
    }
    checkAttribute(name, isComponent, attribute, position, report, checkUrl);
  }
  return true;
}

/** Allowed elements that are empty in HTML: React throws on one with children. */
const voidElements = new Set(['br', 'col', 'hr', 'img', 'wbr']);

const dangerousElements = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math', 'style', 'link', 'meta', 'base', 'form', 'input', 'button', 'template', 'portal', 'noscript']);

function checkAttribute(
  element: string,
  isComponent: boolean,
  attribute: MdxJsxAttribute,
  position: Position | undefined,
  report: Report,
  checkUrl: CheckUrl,
): void {
  const { name, value } = attribute;
  const forbidden = forbiddenAttributeReason(name);
  if (forbidden) {
    report(position, `\`${name}\` on \`<${element}>\` ${forbidden}, which content may not do.`, 'Remove the attribute.');
    return;
  }
  if (!isComponent && !isAllowedHtmlAttribute(element, name)) {
    report(position, `\`${name}\` is not an attribute content may set on \`<${element}>\`.`, 'Remove it; allowed everywhere are id, className, title, lang, dir, role and aria-*.');
    return;
  }
  let text: string | undefined;
  if (typeof value === 'string') text = value;
  else if (value !== null && value !== undefined) {
    const literal = staticValue(value);
    if (literal === notStatic) {
      report(position, `\`${name}={${excerpt(value.value)}}\` is a JavaScript expression; content may not run code.`, `Give a plain value: ${name}="…" (or a number or true/false in braces).`);
      return;
    }
    text = typeof literal === 'string' ? literal : undefined;
  }
  const use = urlUseOfAttribute(name);
  if (use && text !== undefined) checkUrl(text, use, position);
}

const notStatic = Symbol('not static');

/** The value of an attribute written as `{…}` when it is a literal (`{300}`, `{"x"}`, `{true}`), else notStatic. */
function staticValue(value: MdxJsxAttributeValueExpression): string | number | boolean | null | typeof notStatic {
  const program = value.data?.estree;
  const statement = program?.body[0];
  if (!program || program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return notStatic;
  const expression = statement.expression;
  if (expression.type === 'Literal' && !('regex' in expression) && typeof expression.value !== 'bigint') return expression.value as string | number | boolean | null;
  if (expression.type === 'TemplateLiteral' && expression.expressions.length === 0) return expression.quasis.map((quasi) => quasi.value.cooked ?? '').join('');
  return notStatic;
}

/**
 * Whether a `{…}` block holds only data: nothing at all (a comment), or one literal such as {' '} or {"…"}.
 * Judged on the syntax tree MDX's parser gives (acorn's estree), never on the text, so no spelling slips through.
 */
function isStaticProgram(program: Program | null | undefined): boolean {
  if (!program) return false;
  if (program.body.length === 0) return true;
  const [statement] = program.body;
  if (program.body.length !== 1 || statement?.type !== 'ExpressionStatement') return false;
  const { expression } = statement;
  if (expression.type === 'Literal') return !('regex' in expression);
  return expression.type === 'TemplateLiteral' && expression.expressions.length === 0;
}

function excerpt(code: string): string {
  const oneLine = code.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 57)}…` : oneLine;
}

