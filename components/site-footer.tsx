import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="mt-16 border-t border-gray-200 dark:border-gray-800">
      <div className="mx-auto max-w-3xl px-5 py-6 text-sm text-gray-600 dark:text-gray-400">
        <p>© {site.author}</p>
      </div>
    </footer>
  );
}
