import { site } from '@/lib/site';
import { isExternalHref } from '@/lib/site-config-schema';
import { ThemeToggle } from './theme-toggle';

/**
 * The site name, navigation and theme toggle on every page. `currentUrl` marks the page being read for
 * screen readers. On phones the navigation takes a line of its own under the name and the toggle; the
 * toggle stays last in focus order. A link to another site says so; the toggle is left out when the site
 * config fixes the theme.
 */
export function SiteHeader({ currentUrl }: { currentUrl: string | undefined }) {
  return (
    <header className="border-b border-rule">
      <div className="mx-auto flex max-w-3xl flex-wrap items-center gap-x-6 gap-y-2 px-5 py-4">
        <a href="/" className="mr-auto text-lg font-semibold tracking-tight text-ink-strong no-underline">
          {site.name}
        </a>
        <nav aria-label="Main" className="order-1 basis-full sm:order-none sm:basis-auto">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-[0.95rem] text-ink">
            {site.nav.map((link) => (
              <li key={link.href}>
                {isExternalHref(link.href) ? (
                  <a href={link.href} aria-label={`${link.label} (another site)`} className="underline-offset-4 hover:underline">
                    {link.label}
                    <span aria-hidden="true"> ↗</span>
                  </a>
                ) : (
                  <a
                    href={link.href}
                    aria-current={link.href === currentUrl ? 'page' : undefined}
                    className="underline-offset-4 hover:underline aria-[current=page]:font-semibold"
                  >
                    {link.label}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
        {site.theme === 'auto' && <ThemeToggle />}
      </div>
    </header>
  );
}
