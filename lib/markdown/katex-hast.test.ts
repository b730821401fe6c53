import type { Element, ElementContent, Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { katexHast } from './katex-hast';

/** Formulas across KaTeX's node kinds: spans, symbols with italic correction, SVG paths and lines, MathML. */
const formulas = [
  'x',
  'E = mc^2',
  'e^{i\\pi} + 1 = 0',
  '\\mathbb{E}[X] = \\sum_x x\\,p(x)',
  '\\nabla \\cdot \\mathbf{E} = \\frac{\\rho}{\\varepsilon_0}',
  'f(x) = \\frac{1}{\\sigma\\sqrt{2\\pi}} e^{-\\frac{(x-\\mu)^2}{2\\sigma^2}}',
  '\\begin{pmatrix} a & b \\\\ c & d \\end{pmatrix}',
  '\\lim_{h \\to 0} \\frac{f(x+h) - f(x)}{h}',
  '\\hat{y} = \\operatorname{softmax}(W x + b)',
  '\\|x\\|_2 = \\sqrt{\\textstyle\\sum_i x_i^2}',
  '\\sum_{i=1}^{12} \\frac{x_i}{\\sqrt{3}} = \\int_0^1 f(t)\\,dt',
  '\\sqrt[3]{x^3 + y^3}',
  '\\sqrt{\\frac{\\frac{a}{b}}{\\frac{c}{d}}}',
  '\\left( \\frac{a}{b} \\right\\rangle \\Bigg\\{ \\bigl[ x \\bigr]',
  '\\overbrace{a + b + c}^{\\text{three}} \\underbrace{x y}_{2}',
  '\\xrightarrow[below]{above} \\xleftarrow{x} \\xLeftrightarrow{}',
  '\\widehat{abc} \\widetilde{xyz} \\overrightarrow{AB} \\overleftarrow{C} \\overline{z} \\underline{w}',
  '\\cancel{5} \\bcancel{x} \\xcancel{y} \\sout{abc} \\boxed{E=mc^2} \\fbox{box}',
  '\\colorbox{yellow}{hi} \\fcolorbox{red}{blue}{x} \\color{#c00}{red} \\textcolor{teal}{t}',
  '\\text{a text, with spaces: } \\textbf{bold} \\textit{it} \\mathrm{d}x \\mathit{ab} \\mathsf{S} \\mathtt{tt} \\mathcal{C} \\mathfrak{F} \\mathscr{L}',
  '\\begin{aligned} a &= b + c \\\\ &= d \\end{aligned}',
  '\\begin{cases} 1 & x > 0 \\\\ 0 & \\text{otherwise} \\end{cases}',
  '\\begin{array}{|c|l|} \\hline a & b \\\\ \\hline c & d \\\\ \\hline \\end{array}',
  '\\begin{bmatrix} 1 & 0 \\\\ 0 & 1 \\end{bmatrix} \\begin{vmatrix} a \\end{vmatrix} \\begin{Bmatrix} x \\end{Bmatrix}',
  '\\binom{n}{k} \\tbinom{a}{b} \\dbinom{c}{d} \\genfrac{(}{)}{0pt}{}{x}{y}',
  '\\not= \\neq \\notin \\ne \\leq \\geq \\approx \\sim \\cong \\equiv',
  '\\alpha\\beta\\gamma\\Gamma\\delta\\Delta\\epsilon\\varepsilon\\zeta\\eta\\theta\\vartheta\\iota\\kappa\\lambda\\mu\\nu\\xi\\pi\\varpi\\rho\\sigma\\tau\\upsilon\\phi\\varphi\\chi\\psi\\omega\\Omega',
  'f\\colon A \\to B, \\quad g \\qquad h \\; i \\: j \\, k \\! l \\ m \\enspace n \\hspace{1em} o \\kern3mu p',
  'a \\mskip 3mu b \\mkern-2mu c \\hskip 1em d \\phantom{x} e \\hphantom{yy} f \\vphantom{z} g',
  '\\int\\!\\!\\int_D \\oint_C \\iint \\iiint \\prod_{k=1}^n \\coprod \\bigcup_i \\bigcap_j \\bigoplus \\bigotimes',
  '\\vec{v} \\dot{x} \\ddot{y} \\tilde{z} \\bar{w} \\breve{u} \\check{c} \\acute{a} \\grave{g} \\mathring{A}',
  "f'(x) f''(x) f^{\\prime}(x) x^{2^{3}} x_{i_{j}} {}^{14}_{6}\\mathrm{C}",
  '\\underset{x}{\\arg\\max} \\overset{!}{=} \\stackrel{def}{=} \\mathop{\\mathrm{lim\\,sup}}_{n} \\limsup_{n\\to\\infty} \\max_{i}',
  '\\left. \\frac{d}{dx} \\right|_{x=0} \\middle| \\big| \\Big\\| \\bigg/ \\Bigg\\backslash',
  '\\langle x, y \\rangle \\lceil a \\rceil \\lfloor b \\rfloor \\lvert c \\rvert \\lVert d \\rVert',
  '\\mathbb{R}^n \\mathbb{N} \\mathbb{Z} \\mathbb{Q} \\mathbb{C} \\emptyset \\varnothing \\infty \\aleph_0 \\hbar \\ell \\wp \\Re \\Im',
  '\\forall x \\exists y \\nexists z : x \\in A \\land y \\lor \\neg z \\implies w \\iff v \\Rightarrow \\Leftarrow',
  '\\tfrac{1}{2} \\dfrac{3}{4} \\cfrac{1}{1 + \\cfrac{1}{x}} \\frac12 \\over 3',
  '\\displaystyle \\sum_{n=1}^\\infty \\frac{1}{n^2} = \\frac{\\pi^2}{6} \\scriptstyle a \\scriptscriptstyle b',
  '\\tiny a \\small b \\normalsize c \\large d \\Large e \\LARGE f \\huge g \\Huge h',
  '\\rule{1em}{2pt} \\raisebox{0.5em}{up} \\smash{\\frac{a}{b}} \\mathclap{x} \\llap{/}= \\rlap{\\,/}a',
  '\\overleftrightarrow{AB} \\underleftarrow{x} \\utilde{y} \\overgroup{abc} \\undergroup{def} \\overlinesegment{AB}',
  '\\xrightleftharpoons[a]{b} \\xhookrightarrow{c} \\xmapsto{d} \\xlongequal{e} \\xtwoheadrightarrow{f}',
  '\\sqrt{\\sqrt{\\sqrt{\\sqrt{x}}}} \\sqrt{\\dfrac{\\dfrac{1}{2}}{\\dfrac{3}{4}}}',
  '\\left( \\begin{matrix} \\left[ \\frac{\\frac{a}{b}}{c} \\right] \\end{matrix} \\right)',
  '\\boldsymbol{\\alpha} \\bm{x} \\pmb{y} \\mathbf{\\Omega}',
  '\\tag{1} x = y',
  '\\verb|a < b & c > "d"|',
  '\\text{<tag> \\& "quotes" \'apos\'}',
  '\\text{Ünïcödé — “quotes” ∀∃ 日本語}',
  'a < b > c',
  '\\char"263a \\#\\$\\%\\&\\_\\{\\}',
  '\\operatorname*{argmin}_{x \\in X} f(x) \\operatorname{Tr}(A)',
  '\\begin{gathered} a \\\\ b \\end{gathered} \\begin{smallmatrix} 1 & 2 \\end{smallmatrix}',
  '\\begin{CD} A @>a>> B \\\\ @VbVV @AAcA \\\\ C @= D \\end{CD}',
  '\\ce{H2O}',
  '\\href{https://example.com}{link} \\url{https://example.com}',
  '\\includegraphics[height=1em]{https://example.com/a.png}',
  '\\htmlClass{foo}{x} \\htmlId{bar}{y} \\htmlStyle{color: red}{z} \\htmlData{a=b}{w}',
  // Refused: KaTeX's error markup and rehype-katex's message.
  '\\frac{',
  '\\unknownmacro{x}',
  '\\textcolor{#zzz}{x}',
  '}',
  '',
  ' ',
  'a\r\nb',
];

/** What KaTeX refuses (with \\middle outside \\left…\\right, without mhchem), and text with a carriage return. */
const leftToRehypeKatex = [
  '\\left. \\frac{d}{dx} \\right|_{x=0} \\middle| \\big| \\Big\\| \\bigg/ \\Bigg\\backslash',
  '\\ce{H2O}',
  '\\frac{',
  '\\unknownmacro{x}',
  '\\textcolor{#zzz}{x}',
  '}',
  'a\r\nb',
];
/** What KaTeX renders only in display mode. */
const inlineRefused = ['\\tag{1} x = y', '\\begin{CD} A @>a>> B \\\\ @VbVV @AAcA \\\\ C @= D \\end{CD}'];

/** rehype-katex's hast for a formula, as the engine gets it, without parse positions; and its messages. */
function throughRehypeKatex(value: string, display: boolean): { markup: ElementContent[]; messages: string[] } {
  const code: Element = { type: 'element', tagName: 'code', properties: { className: ['language-math', display ? 'math-display' : 'math-inline'] }, children: [{ type: 'text', value }] };
  const tree: Root = { type: 'root', children: [display ? { type: 'element', tagName: 'pre', properties: {}, children: [code] } : code] };
  const file = new VFile();
  (rehypeKatex() as unknown as (tree: Root, file: VFile) => void)(tree, file);
  return { markup: withoutPositions(tree.children as ElementContent[]), messages: file.messages.map(String) };
}

function withoutPositions(nodes: ElementContent[]): ElementContent[] {
  return nodes.map((node) => {
    const { position: _position, ...rest } = node;
    return rest.type === 'element' ? { ...rest, children: withoutPositions(rest.children) } : rest;
  }) as ElementContent[];
}

describe('katexHast', () => {
  for (const display of [false, true]) {
    it(`gives rehype-katex's markup for every formula it renders itself (${display ? 'display' : 'inline'})`, () => {
      let own = 0;
      for (const formula of formulas) {
        const ours = katexHast(formula, display);
        if (ours === undefined) continue;
        own++;
        const theirs = throughRehypeKatex(formula, display);
        expect({ formula, markup: ours }).toEqual({ formula, markup: theirs.markup });
        expect({ formula, messages: theirs.messages }).toEqual({ formula, messages: [] });
      }
      // Every formula but those KaTeX refuses (here, or inline only) and the carriage return.
      expect(own).toBe(formulas.length - leftToRehypeKatex.length - (display ? 0 : inlineRefused.length));
    });
  }

  it('leaves to rehype-katex what KaTeX refuses, and text that HTML parsing would rewrite', () => {
    for (const formula of leftToRehypeKatex) expect(katexHast(formula, true)).toBeUndefined();
    for (const formula of [...leftToRehypeKatex, ...inlineRefused]) expect(katexHast(formula, false)).toBeUndefined();
  });
});
