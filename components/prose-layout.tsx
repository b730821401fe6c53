import { toHtml } from 'hast-util-to-html';
import type { ReactNode } from 'react';

/**
 * Long-form text (app/prose.css), in both colour schemes. The body comes as React children (MDX) or as
 * finished HTML (Markdown, compiled at build time).
 */
export function ProseLayout({ heading, html, children }: { heading: string | null; html?: string; children?: ReactNode }) {
  if (html !== undefined) {
    const headingHtml = heading === null ? '' : toHtml({ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: heading }] });
    // The HTML is the engine's own compiler output (lib/markdown), in which raw HTML from content is dropped.
    return <article className="prose" dangerouslySetInnerHTML={{ __html: headingHtml + html }} />;
  }
  return (
    <article className="prose">
      {heading !== null && <h1>{heading}</h1>}
      {children}
    </article>
  );
}
