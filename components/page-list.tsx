import type { BuiltPage } from '@/lib/content';

/** Every published page with its title and description, as the home page lists them. */
export function PageList({ pages }: { pages: readonly Pick<BuiltPage, 'url' | 'title' | 'description'>[] }) {
  return (
    <ul className="mt-10 max-w-prose space-y-6">
      {pages.map((page) => (
        <li key={page.url}>
          <h2 className="text-xl font-semibold tracking-tight">
            <a href={page.url} className="text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink">
              {page.title}
            </a>
          </h2>
          <p className="mt-1 text-ink-muted">{page.description}</p>
        </li>
      ))}
    </ul>
  );
}
