import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SiteShell, themeAttribute } from '@/components/site-shell';
import { getRouteData, urlForSlug } from '@/lib/content';
import { homeProfile, isHomeSection } from '@/lib/content/serene-fields';
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
  // serene's home.html shows the footer only with `footer = true`; a home page without that template keeps it unless `footer = false`.
  const homeFooter = route?.kind === 'section' && route.url === '/' && isHomeSection(route.page) ? homeProfile(route.page.homeExtra ?? {}).footer : undefined;
  const footer = homeFooter ?? !(route?.kind === 'section' && route.url === '/' && route.page.templateName === 'home.html');
  return (
    // The theme script sets data-theme before React hydrates (on the dev server, and where the runtime is kept).
    <html lang={route && 'page' in route && route.page ? route.page.lang : site.lang} data-theme={themeAttribute()} suppressHydrationWarning>
      <SiteShell currentUrl={urlForSlug(slug)} footer={footer}>
        {children}
      </SiteShell>
    </html>
  );
}
