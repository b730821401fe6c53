import type { PageLink } from '@/lib/content';

/** A dated page's way on: the section it belongs to, and the earlier and later pages of that section. */
export function PageNeighbours({ section, earlier, later }: { section: PageLink | undefined; earlier: PageLink | undefined; later: PageLink | undefined }) {
  if (!section && !earlier && !later) return null;
  const linkClass = 'text-ink-strong underline decoration-rule-strong underline-offset-4 hover:decoration-ink';
  return (
    <nav aria-label="More pages" className="mt-10 max-w-prose border-t border-rule pt-10">
      {(earlier || later) && (
        <ul className="flex flex-wrap gap-x-6 gap-y-2">
          {earlier && (
            <li>
              <span className="block text-sm text-ink-muted">Earlier</span>
              <a href={earlier.url} rel="prev" className={linkClass}>{earlier.title}</a>
            </li>
          )}
          {later && (
            <li>
              <span className="block text-sm text-ink-muted">Later</span>
              <a href={later.url} rel="next" className={linkClass}>{later.title}</a>
            </li>
          )}
        </ul>
      )}
      {section && (
        <p className="mt-10">
          <a href={section.url} className={linkClass}>All of {section.title}</a>
        </p>
      )}
    </nav>
  );
}
