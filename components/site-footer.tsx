import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-stone-200 dark:border-stone-800">
      <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-stone-600 dark:text-stone-400">
        <p>© {site.author}</p>
      </div>
    </footer>
  );
}
