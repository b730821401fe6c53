import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-rule">
      <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-ink-muted">
        <p>© {site.author}</p>
      </div>
    </footer>
  );
}
