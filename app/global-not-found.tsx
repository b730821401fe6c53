import type { Metadata } from 'next';
import { ProseLayout } from '@/components/prose-layout';
import { SiteShell } from '@/components/site-shell';
import { feedAlternates } from '@/lib/seo/page-metadata';
import { absoluteUrl, site } from '@/lib/site';
import './globals.css';

// Exported as out/404.html, which static hosts (and `npm start`) serve for any unknown URL.

export const metadata: Metadata = {
  title: `Page not found · ${site.name}`,
  description: 'There is no page at this address.',
  alternates: { types: feedAlternates({ site, absoluteUrl }) },
};

export default function GlobalNotFound() {
  return (
    <html lang={site.lang}>
      <SiteShell currentUrl={undefined}>
        <ProseLayout heading={null}>
          <p className="text-sm font-semibold uppercase tracking-widest text-gray-500 dark:text-gray-400">Error 404</p>
          <h1>Page not found</h1>
          <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
          <p>
            <a href="/">Go to the home page</a> to see every page on this site.
          </p>
        </ProseLayout>
      </SiteShell>
    </html>
  );
}
