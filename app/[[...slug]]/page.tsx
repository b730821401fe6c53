import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorJsonLd } from '@/components/author-json-ld';
import { ContentProblems, toContentProblems } from '@/components/content-problems';
import { MdxContent } from '@/components/mdx-content';
import { PageList } from '@/components/page-list';
import { PageSocial } from '@/components/page-social';
import { ProseLayout } from '@/components/prose-layout';
import { getRouteData, getStaticSlugs } from '@/lib/content';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { seoPageFor } from '@/lib/seo/seo-page';
import { absoluteUrl, site } from '@/lib/site';

interface Props {
  params: Promise<{ slug?: string[] }>;
}

export const dynamicParams = false;

export async function generateStaticParams(): Promise<{ slug: string[] }[]> {
  return (await getStaticSlugs()).map((slug) => ({ slug }));
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug = [] } = await params;
  const { page, problems } = await getRouteData(slug);
  if (problems.length > 0) return { title: 'Content problems' };
  return pageMetadata(seoPageFor(page, site), { site, absoluteUrl });
}

export default async function Route({ params }: Props) {
  const { slug = [] } = await params;
  const { page, pages, problems } = await getRouteData(slug);
  if (problems.length > 0) return <ContentProblems problems={toContentProblems(problems)} />;
  const isHome = slug.length === 0;
  if (!page && !isHome) notFound();

  const listed = pages.filter((candidate) => candidate.slug.length > 0);
  return (
    <>
      {/* KaTeX's stylesheet (and through it, its fonts) only where there is math; React hoists it into <head>. */}
      {page?.options.math && <link rel="stylesheet" href="/katex/katex.min.css" precedence="default" />}
      {/* Code colours and the copy button's look (lib/build/code-styles.ts) only where there is code. */}
      {page && page.body.codeBlocks > 0 && <link rel="stylesheet" href="/styles/code-blocks.css" precedence="default" />}
      {page?.body.format === 'html' ? (
        <ProseLayout heading={page.heading} html={page.body.html} />
      ) : (
        <ProseLayout heading={page ? page.heading : site.name}>
          {page?.body.format === 'mdx' ? <MdxContent code={page.body.code} /> : <p>{site.description}</p>}
        </ProseLayout>
      )}
      {isHome && <PageList pages={listed} />}
      {page && <PageSocial page={page} />}
      {page && <AuthorJsonLd page={page} />}
      {/* Copy buttons only where the page asks for them and has code to copy. */}
      {page?.options.copy && page.body.codeBlocks > 0 && <script data-enhancement src="/enhance/copy-code.js" defer />}
    </>
  );
}
