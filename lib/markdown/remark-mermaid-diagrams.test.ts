import { renderToStaticMarkup } from 'react-dom/server';
import { afterAll, describe, expect, it } from 'vitest';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import { loadPages } from '@/lib/content/pages';
import { closeDiagramBrowser } from '@/lib/diagrams/mermaid-renderer';
import { tempFolder } from '@/lib/testing/temp-folder';
import { compileMarkdown } from './index';
import { defaultDiagramName } from './remark-mermaid-diagrams';
import { site } from '@/lib/site';

afterAll(closeDiagramBrowser);

async function render(fileName: string, source: string): Promise<string> {
  const [page] = await loadPages(tempFolder('diagrams', { [fileName]: source }));
  if (!page) throw new Error('no page');
  const body = await compileMarkdown(page, { siteUrl: site.baseUrl });
  return body.format === 'html' ? body.html : renderToStaticMarkup(await MdxContent({ code: body.code }));
}

async function problems(fileName: string, source: string): Promise<ContentError[]> {
  try {
    await render(fileName, source);
  } catch (error) {
    if (error instanceof ContentError) return [error];
    if (error instanceof ContentErrors) return [...error.errors];
    throw error;
  }
  return [];
}

const flowchart = '```mermaid\nflowchart LR\n  a[Write] --> b[Ship]\n```\n';
const on = '---\ntitle: T\nmermaid: true\n---\n';

describe('mermaid fences', { timeout: 180_000 }, () => {
  it('stay code blocks on a page without the mermaid flag', async () => {
    const html = await render('off.md', `---\ntitle: T\n---\n\n${flowchart}`);
    expect(html).toContain('<pre tabindex="0"><code class="language-mermaid">flowchart LR');
    expect(html).not.toContain('<svg');
    expect(html).not.toContain('<figure');
  });

  it('become a figure with a light and a dark SVG, named for screen readers, and the source in a details element', async () => {
    const html = await render('on.md', `${on}\nBefore.\n\n${flowchart}\nAfter.\n`);
    expect(html).toMatch(/^<p>Before.<\/p>\n<figure class="diagram"><div class="overflow-x-auto" tabindex="0" role="group" aria-label="Diagram">/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toMatch(/<svg id="mermaidDiagram1-light"[^>]*class="flowchart dark:hidden"[^>]*role="img" aria-label="Flowchart diagram"/);
    expect(html).toMatch(/<svg id="mermaidDiagram1-dark"[^>]*class="flowchart hidden dark:block"[^>]*role="img" aria-label="Flowchart diagram"/);
    expect(html).toMatch(/style="max-width:[\d.]+px;min-width:\d+px"/);
    expect(html).toContain('<details><summary>Diagram source</summary><pre tabindex="0"><code class="language-mermaid">flowchart LR\n  a[Write] --> b[Ship]</code></pre></details></figure>');
    expect(html).not.toContain('aria-roledescription');
    expect(html).not.toMatch(/<script|\son\w+=/i);
    expect(html).toContain('<p>After.</p>');
  });

  it('take their name from accTitle and their description from accDescr', async () => {
    const html = await render(
      'named.md',
      `${on}\n\`\`\`mermaid\nsequenceDiagram\n  accTitle: Publishing\n  accDescr: The author uploads the site.\n  Author->>Host: upload\n\`\`\`\n`,
    );
    expect(html).toMatch(/<svg id="mermaidDiagram1-light"[^>]*role="img" aria-label="Publishing" aria-describedby="chart-desc-mermaidDiagram1-light"/);
    expect(html).toContain('<desc id="chart-desc-mermaidDiagram1-light">The author uploads the site.</desc>');
  });

  it('get ids unique on the page, also when one diagram appears twice', async () => {
    const html = await render('several.md', `${on}\n${flowchart}\n${flowchart}\n\`\`\`mermaid\npie\n  "a" : 1\n  "b" : 2\n\`\`\`\n`);
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(6);
    expect(new Set(ids).size).toBe(ids.length);
    expect(html).toContain('id="mermaidDiagram3-dark"');
    expect(html).toContain('aria-label="Pie chart"');
  });

  it('without accTitle, are named by their kind and visible title', async () => {
    const html = await render('titled.md', `${on}\n\`\`\`mermaid\npie title Pets\n  "Dogs" : 3\n  "Cats" : 2\n\`\`\`\n`);
    expect(html).toContain('role="img" aria-label="Pie chart: Pets"');
  });

  it('become diagrams in MDX pages too', async () => {
    const html = await render('on.mdx', `${on}\n${flowchart}`);
    expect(html).toMatch(/<svg id="mermaidDiagram1-light"[^>]*role="img" aria-label="Flowchart diagram"/);
    expect(html).toContain('<summary>Diagram source</summary>');
  });

  it('fail the build at the file line Mermaid names, with its message', async () => {
    // Line 1-4 front matter, 5 blank, 6 text, 7 blank, 8 the fence, 9 `flowchart LR`, 10 fine, 11 broken.
    const found = await problems('broken.md', `${on}\nText.\n\n\`\`\`mermaid\nflowchart LR\n  a --> b\n  b --> --> c\n\`\`\`\n`);
    expect(found.map((error) => error.message)).toEqual([expect.stringMatching(/broken\.md:11: Mermaid cannot draw this diagram: Expecting .*got 'LINK'\. Fix the diagram/)]);
  });

  it('name the fence’s line when Mermaid names none, and report every broken diagram of a page', async () => {
    const found = await problems('two.mdx', `${on}\n\`\`\`mermaid\nnot a diagram\n\`\`\`\n\n\`\`\`mermaid\npie\n  "a" : x\n\`\`\`\n`);
    expect(found.map((error) => [error.location.line, error.problem])).toEqual([
      [6, expect.stringContaining('No diagram type detected')],
      [12, expect.stringContaining('Expecting token')],
    ]);
  });
});

describe('diagrams written to attack the page', { timeout: 180_000 }, () => {
  // Entity-escaped markup in Mermaid's theme CSS survived its sanitiser as text inside the SVG's <style>, and
  // became real elements once the page was parsed and written out: a script the export then trusted.
  const smuggled = '&lt;script data-enhancement&gt;alert(1)&lt;/script&gt;&lt;meta http-equiv=refresh content=0;url=https://evil.example&gt;';
  const attacks = {
    'an init directive': `%%{init: {"themeCSS": ".x{fill:red}.y::after{content:\\"${smuggled}\\"}"}}%%\nflowchart LR\n  a --> b`,
    'a config block': `---\nconfig:\n  themeCSS: ".x{fill:red}.y::after{content:'${smuggled}'}"\n---\nflowchart LR\n  a --> b`,
  };
  for (const [how, diagram] of Object.entries(attacks)) {
    for (const fileName of ['attack.md', 'attack.mdx']) {
      it(`cannot put markup on the page through ${how} (${fileName})`, async () => {
        const html = await render(fileName, `${on}\n\`\`\`mermaid\n${diagram}\n\`\`\`\n`);
        const drawing = html.replace(/<details>[^]*<\/details>/, '');
        expect(drawing.match(/<svg /g)).toHaveLength(2);
        expect(drawing).not.toMatch(/<script|<meta|evil\.example|&lt;|alert/);
      });
    }
  }

  it("keeps a diagram's links to web pages (click)", async () => {
    const found = await problems('link.md', `${on}\n\`\`\`mermaid\nflowchart LR\n  a --> b\n  click a "https://example.com/" "Go"\n\`\`\`\n`);
    expect(found).toEqual([]);
  });
});

describe('defaultDiagramName', () => {
  it('names a diagram by its kind', () => {
    expect(defaultDiagramName('flowchart-v2')).toBe('Flowchart diagram');
    expect(defaultDiagramName('stateDiagram')).toBe('State diagram');
    expect(defaultDiagramName('er')).toBe('Entity relationship diagram');
    expect(defaultDiagramName('something-new')).toBe('Diagram');
  });
});
