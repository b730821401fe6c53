import { isAboutPage, profilePageJsonLd } from '@/lib/seo/json-ld';
import type { SeoPage } from '@/lib/seo/seo-page';
import { absoluteUrl, site } from '@/lib/site';
import { JsonLd } from './json-ld';

/** On about pages (lib/seo/json-ld.ts says which), the site's author as schema.org data; elsewhere nothing. */
export function AuthorJsonLd({ page }: { page: SeoPage }) {
  return isAboutPage(page) ? <JsonLd data={profilePageJsonLd(page, site, absoluteUrl)} /> : null;
}
