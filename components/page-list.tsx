import type { BuiltPage } from '@/lib/content';

/** Every published page with its title and description, as the home page lists them. */
export function PageList({ pages }: { pages: readonly Pick<BuiltPage, 'url' | 'title' | 'description'>[] }) {
  return (
    <ul className="not-prose mt-8 space-y-6">
      {pages.map((page) => (
        <li key={page.url}>
          <h2 className="text-xl font-semibold tracking-tight">
            <a href={page.url} className="text-stone-900 underline decoration-stone-300 underline-offset-4 hover:decoration-stone-700 dark:text-stone-100 dark:decoration-stone-600">
              {page.title}
            </a>
          </h2>
          <p className="mt-1 text-stone-600 dark:text-stone-400">{page.description}</p>
        </li>
      ))}
    </ul>
  );
}
