import { toHtml } from 'hast-util-to-html';
import type { ReactNode } from 'react';

const articleClass = 'prose max-w-prose prose-headings:tracking-tight prose-a:underline-offset-2 dark:prose-invert sm:text-lg/relaxed';

/**
 * Long-form text with the typography plugin's rhythm, in both colour schemes. Wider screens get a larger
 * font size; the plugin's spacing is in em, so it scales with it (cheaper than shipping a second size of
 * every rule). The body comes as React children (MDX) or as finished HTML (Markdown, compiled at build time).
 */
export function ProseLayout({ heading, html, children }: { heading: string | null; html?: string; children?: ReactNode }) {
  if (html !== undefined) {
    const headingHtml = heading === null ? '' : toHtml({ type: 'element', tagName: 'h1', properties: {}, children: [{ type: 'text', value: heading }] });
    // The HTML is the engine's own compiler output (lib/markdown), in which raw HTML from content is dropped.
    return <article className={articleClass} dangerouslySetInnerHTML={{ __html: headingHtml + html }} />;
  }
  return (
    <article className={articleClass}>
      {heading !== null && <h1>{heading}</h1>}
      {children}
    </article>
  );
}
