import type { ReactNode } from 'react';
import { LiveReload } from './live-reload';
import { SiteFooter } from './site-footer';
import { SiteHeader } from './site-header';
import { ThemeScript } from './theme-script';
import { site } from '@/lib/site';

/**
 * The frame of every page, the 404 included: the theme script in <head> (Next.js adds its metadata
 * beside it), then skip link, header, main content, footer (which a serene home page may leave out). A site
 * whose config fixes the theme needs no theme script: <html data-theme> (themeAttribute) holds it.
 */
export function SiteShell({ currentUrl, children, footer = true }: { currentUrl: string | undefined; children: ReactNode; footer?: boolean }) {
  return (
    <>
      <head>
        {site.theme === 'auto' && <ThemeScript />}
        {/* The config's accent colour for links' underlines, only on sites that set one (every other page's
            stylesheet stays as it is); the page's Content Security Policy hashes the element. */}
        {site.accentColor !== undefined && <style>{`:root{--accent:${site.accentColor}}.prose a{text-decoration-color:var(--accent)}`}</style>}
      </head>
      <body className="flex min-h-screen flex-col font-sans antialiased">
        <a href="#content" className="skip-link">
          Skip to content
        </a>
        <SiteHeader currentUrl={currentUrl} />
        <main id="content" className="mx-auto w-full max-w-3xl flex-1 px-5 pt-10">
          {children}
        </main>
        {footer && <SiteFooter />}
        {process.env.NODE_ENV === 'development' && process.env.NEXT_PUBLIC_LIVE_RELOAD_URL && <LiveReload url={process.env.NEXT_PUBLIC_LIVE_RELOAD_URL} />}
      </body>
    </>
  );
}

/** <html data-theme> for a site whose config fixes the theme; undefined leaves it to the theme script. */
export function themeAttribute(): 'light' | 'dark' | undefined {
  return site.theme === 'auto' ? undefined : site.theme;
}
