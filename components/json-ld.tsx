import { jsonLdText } from '@/lib/seo/json-ld';

/** Structured data for search engines; the export keeps exactly this script type (lib/next-adapter/strip-runtime.ts). */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(data) }} />;
}
