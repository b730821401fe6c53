import type { ReactNode } from 'react';

/** Long-form text with the typography plugin's rhythm, in both colour schemes. */
export function ProseLayout({ heading, children }: { heading: string | null; children: ReactNode }) {
  return (
    <article className="prose max-w-prose prose-headings:scroll-mt-6 prose-headings:tracking-tight prose-a:underline-offset-2 dark:prose-invert sm:prose-lg">
      {heading !== null && <h1>{heading}</h1>}
      {children}
    </article>
  );
}
