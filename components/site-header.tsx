import { site } from '@/lib/site';

/** The site name and navigation on every page. `currentUrl` marks the page being read for screen readers. */
export function SiteHeader({ currentUrl }: { currentUrl: string | undefined }) {
  return (
    <header className="border-b border-gray-200 dark:border-gray-800">
      <div className="mx-auto flex max-w-3xl flex-wrap items-baseline justify-between gap-x-6 gap-y-2 px-5 py-4">
        <a href="/" className="text-lg font-semibold tracking-tight text-gray-900 no-underline dark:text-gray-100">
          {site.name}
        </a>
        <nav aria-label="Main">
          <ul className="flex flex-wrap gap-x-4 gap-y-1 text-[0.95rem] text-gray-700 dark:text-gray-300">
            {site.nav.map((link) => (
              <li key={link.href}>
                <a
                  href={link.href}
                  aria-current={link.href === currentUrl ? 'page' : undefined}
                  className="underline-offset-4 hover:underline aria-[current=page]:font-semibold"
                >
                  {link.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
