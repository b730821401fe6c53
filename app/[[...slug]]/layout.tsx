import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell, themeAttribute } from '@/components/site-shell';
import { getRouteData, urlForSlug } from '@/lib/content';
import { site } from '@/lib/site';
import '../globals.css';

// The root layout sits in the page segment so that <html lang> can be each page's own language.

export const metadata: Metadata = {
  metadataBase: new URL(site.baseUrl),
  description: site.description,
  authors: [{ name: site.author }],
};

export default async function RootLayout({ children, params }: { children: ReactNode; params: Promise<{ slug?: string[] }> }) {
  const { slug = [] } = await params;
  const { route } = await getRouteData(slug);
  return (
    <html lang={route && 'page' in route && route.page ? route.page.lang : site.lang} data-theme={themeAttribute()}>
      <SiteShell currentUrl={urlForSlug(slug)}>{children}</SiteShell>
    </html>
  );
}
