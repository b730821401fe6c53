import type { Site } from '@/lib/site-config-schema';

/** OpenGraph's recommended size for large link previews (also X's summary_large_image, at 1.91:1). */
export const ogImageSize = { width: 1200, height: 630 } as const;

/**
 * The site path of a page's preview image: `/` → `/og/index.png`, `/about/` → `/og/about.png`,
 * `/notes/x/` → `/og/notes/x.png`. No page can be `/index/` (content/index.md is the home page), so names never clash.
 */
export function ogImagePath(pageUrl: string): string {
  const trimmed = pageUrl.replace(/^\/|\/$/g, '');
  return `/og/${trimmed === '' ? 'index' : trimmed}.png`;
}

/** The image's alternative text, for screen readers in the apps that show the preview. */
export function ogImageAlt(title: string, site: Pick<Site, 'name'>): string {
  return title === site.name ? site.name : `${title} · ${site.name}`;
}
