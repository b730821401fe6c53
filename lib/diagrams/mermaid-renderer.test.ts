import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { cleanMermaidMessage, closeDiagramBrowser, diagramCacheKey, diagramCounts, mermaidVersion, NoBrowserForDiagramsError, renderDiagrams } from './mermaid-renderer';

afterAll(closeDiagramBrowser);

describe('diagramCacheKey', () => {
  it('depends on the source and on Mermaid’s version, and on nothing else', () => {
    const source = 'flowchart LR\n  a --> b';
    expect(diagramCacheKey(source)).toBe(diagramCacheKey(source));
    expect(diagramCacheKey(source)).toBe(diagramCacheKey(source, mermaidVersion()));
    expect(diagramCacheKey(`${source} --> c`)).not.toBe(diagramCacheKey(source));
    expect(diagramCacheKey(source, '0.0.1')).not.toBe(diagramCacheKey(source));
  });
});

describe('cleanMermaidMessage', () => {
  it('keeps what is wrong and drops the echoed source and caret', () => {
    const jison = "Parse error on line 2:\nflowchart LR A --> --> B\n-------------------^\nExpecting 'AMP', 'COLON', got 'LINK'";
    expect(cleanMermaidMessage(jison)).toBe("Expecting 'AMP', 'COLON', got 'LINK'");
  });

  it('says that a line number of Mermaid’s own counts from the fence', () => {
    expect(cleanMermaidMessage('Parsing failed: Parse error on line 3, column 15: Expecting token')).toBe(
      'Parsing failed: Parse error on line 3 of the diagram, column 15: Expecting token',
    );
  });
});

describe('renderDiagrams', { timeout: 180_000 }, () => {
  it('draws each diagram light and dark once; a second build takes them from the cache without a browser', async () => {
    const cacheFile = path.join(tempFolder('diagrams', {}), 'diagrams.json');
    const sources = ['flowchart LR\n  a[Start] --> b[End]', 'sequenceDiagram\n  A->>B: hello'];
    const before = diagramCounts();
    const first = await renderDiagrams(sources, cacheFile);
    await closeDiagramBrowser();
    expect(first.map((result) => (result.ok ? result.diagram.diagramType : result.error.message))).toEqual(['flowchart-v2', 'sequence']);
    for (const result of first) {
      if (!result.ok) continue;
      expect(result.diagram.svg.light).toMatch(new RegExp(`^<svg id="${result.diagram.token}-light"`));
      expect(result.diagram.svg.dark).toMatch(new RegExp(`^<svg id="${result.diagram.token}-dark"`));
      expect(result.diagram.svg.light).not.toBe(result.diagram.svg.dark.replaceAll('-dark', '-light'));
    }
    const afterFirst = diagramCounts();
    expect(afterFirst.rendered - before.rendered).toBe(2);
    expect(afterFirst.browserLaunches - before.browserLaunches).toBe(1);

    const second = await renderDiagrams(sources, cacheFile);
    expect(second).toEqual(first);
    const afterSecond = diagramCounts();
    expect(afterSecond.browserLaunches).toBe(afterFirst.browserLaunches);
    expect(afterSecond.fromCache - afterFirst.fromCache).toBe(2);
    expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as object)).toHaveLength(2);
  });

  it('returns Mermaid’s message and the diagram’s line for a syntax error, and does not cache it', async () => {
    const cacheFile = path.join(tempFolder('diagrams', {}), 'diagrams.json');
    const [jison, langium, unknown] = await renderDiagrams(
      ['flowchart LR\n  a --> b\n  b --> --> c', 'pie title Pets\n  "Dogs" : 3\n  "Cats" : many', 'not a diagram at all'],
      cacheFile,
    );
    expect(jison).toEqual({ ok: false, error: { line: 3, message: expect.stringContaining("got 'LINK'") } });
    expect(langium).toEqual({ ok: false, error: { line: 3, message: expect.stringContaining('Expecting token') } });
    expect(unknown).toEqual({ ok: false, error: { line: undefined, message: expect.stringContaining('No diagram type detected') } });
    expect(fs.existsSync(cacheFile) ? Object.keys(JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as object) : []).toEqual([]);
  });

  it('explains how to provide a browser when none starts', async () => {
    await closeDiagramBrowser();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/bin/false';
    try {
      const failure = renderDiagrams(['flowchart LR\n  a --> only-without-a-cache'], path.join(tempFolder('diagrams', {}), 'diagrams.json'));
      await expect(failure).rejects.toThrow(NoBrowserForDiagramsError);
      await expect(failure).rejects.toThrow(/CHROMIUM_PATH/);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
  });

  it('reaches no address a diagram names, and its error is the same whether the address answers or not', async () => {
    const requests: string[] = [];
    const server = http.createServer((request, response) => {
      requests.push(request.url ?? '');
      response.writeHead(200, { 'Content-Type': 'image/png' }).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const cacheFile = path.join(tempFolder('diagrams', {}), 'diagrams.json');
      const image = (address: string) => `flowchart TD\n  A@{ img: "${address}/image.png", label: "x", pos: "t", h: 60 }`;
      const remoteCss = `%%{init: {"themeCSS": ".node rect{fill:url(http://127.0.0.1:${port}/css)}", "fontFamily": "x;background:url(http://127.0.0.1:${port}/font)"}}%%\nflowchart TD\n  A --> B`;
      const classStyle = `flowchart TD\n  A --> B\n  style A fill:#f00,stroke:url(http://127.0.0.1:${port}/style)`;
      const [answering, closed, css] = await renderDiagrams(
        [image(`http://127.0.0.1:${port}`), image('http://127.0.0.1:1'), remoteCss, classStyle],
        cacheFile,
      );
      expect(requests).toEqual([]);
      expect(answering).toEqual({ ok: false, error: { line: undefined, message: expect.stringMatching(/^images in diagrams \(`img:`\) are not drawn: the build draws diagrams with the network off/) } });
      expect(closed).toEqual(answering);
      // Locked settings: the directive's CSS and font never reach the drawing.
      expect(css?.ok && css.diagram.svg.light).not.toMatch(/127\.0\.0\.1/);
    } finally {
      server.close();
    }
  });
});
