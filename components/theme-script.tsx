import { themeScript } from '@/lib/theme/theme-script';

/**
 * The inline script that sets the theme before first paint (lib/theme/theme-script.ts). Marked
 * data-enhancement so the zero-JS export keeps it and the page's Content Security Policy hashes it.
 */
export function ThemeScript() {
  return <script data-enhancement="" dangerouslySetInnerHTML={{ __html: themeScript }} />;
}
