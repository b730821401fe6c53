import { toHtml } from 'hast-util-to-html';
import type { ReactNode } from 'react';

/**
 * Long-form text (app/prose.css), in both colour schemes. The body comes as React children (MDX) or as
 * finished HTML (Markdown, compiled at build time). `meta` (a post's date and terms) goes between the heading
 * and the body: the two then sit in blocks of their own, since the HTML body fills its block whole (spaced by
 * app/elements.css, which the layouts that pass `meta` load).
 */
export function ProseLayout({ heading, html, children, meta }: { heading: string | null; html?: string; children?: ReactNode; meta?: ReactNode }) {
  if (meta !== undefined) {
    return (
      <article>
        <div className="prose">
          {heading !== null && <h1>{heading}</h1>}
          {meta}
        </div>
        {html !== undefined ? <div className="prose post-body" dangerouslySetInnerHTML={{ __html: html }} /> : <div className="prose post-body">{children}</div>}
      </article>
    );
  }
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
