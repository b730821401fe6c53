import type { Metadata } from 'next';
import { ProseLayout } from '@/components/prose-layout';
import { SiteShell, themeAttribute } from '@/components/site-shell';
import { feedAlternates } from '@/lib/seo/page-metadata';
import { absoluteUrl, site } from '@/lib/site';
import './globals.css';

// Exported as out/404.html, which static hosts (and `npm start`) serve for any unknown URL.

export const metadata: Metadata = {
  title: `${site.notFound.heading} · ${site.name}`,
  description: 'There is no page at this address.',
  alternates: { types: feedAlternates({ site, absoluteUrl }) },
};

export default function GlobalNotFound() {
  return (
    // The theme script sets data-theme before React hydrates (on the dev server, and where the runtime is kept).
    <html lang={site.lang} data-theme={themeAttribute()} suppressHydrationWarning>
      <SiteShell currentUrl={undefined}>
        <ProseLayout heading={null}>
          <p className="text-sm font-semibold uppercase tracking-widest text-ink-muted">Error 404</p>
          <h1>{site.notFound.heading}</h1>
          <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
          <p>
            <a href="/">{site.notFound.homeLinkText}</a>
          </p>
        </ProseLayout>
      </SiteShell>
    </html>
  );
}
