/**
 * Runs before every build: reads and validates all of content/ and the site config, and prints each
 * problem as one `file:line: message` line instead of letting the build fail deep inside Next.js.
 */
import { ContentErrors, getPages } from '@/lib/content';
import { site } from '@/lib/site';

try {
  const urls = new Set(getPages().map((page) => page.url));
  urls.add('/');
  const brokenNav = site.nav.filter((link) => !urls.has(link.href.split('#')[0] ?? ''));
  if (brokenNav.length > 0) {
    for (const link of brokenNav) {
      console.error(`site.config.ts: nav link "${link.label}" points to ${link.href}, which is not a page. Pages: ${[...urls].sort().join(', ')}.`);
    }
    process.exit(1);
  }
  console.log(`Content checked: ${urls.size - 1} pages and the home page.`);
} catch (error) {
  if (error instanceof ContentErrors) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof Error && process.env.DEBUG !== '1') {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
