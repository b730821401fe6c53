import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AuthorJsonLd } from '@/components/author-json-ld';
import { ContentProblems, toContentProblems } from '@/components/content-problems';
import { ListPagination } from '@/components/list-pagination';
import { MdxContent } from '@/components/mdx-content';
import { PageFacts } from '@/components/page-facts';
import { PageList } from '@/components/page-list';
import { PageNeighbours } from '@/components/page-neighbours';
import { PageSocial } from '@/components/page-social';
import { ProseLayout } from '@/components/prose-layout';
import { TermList } from '@/components/term-list';
import { getRouteData, getStaticSlugs, taxonomyTitle, type BuiltPage } from '@/lib/content';
import { pageMetadata } from '@/lib/seo/page-metadata';
import { seoPageForRoute } from '@/lib/seo/seo-page';
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
  const { route, problems } = await getRouteData(slug);
  if (problems.length > 0) return { title: 'Content problems' };
  return pageMetadata(seoPageForRoute(route, site), { site, absoluteUrl });
}

/** A page's or a section's own text, with the stylesheets only its content needs. */
function PageBody({ page }: { page: BuiltPage }) {
  return (
    <>
      {/* KaTeX's stylesheet (and through it, its fonts) only where there is math; React hoists it into <head>. */}
      {page.options.math && <link rel="stylesheet" href="/katex/katex.min.css" precedence="default" />}
      {/* Code colours and the copy button's look (lib/build/code-styles.ts) only where there is code. */}
      {page.body.codeBlocks > 0 && <link rel="stylesheet" href="/styles/code-blocks.css" precedence="default" />}
      {page.body.format === 'html' ? (
        <ProseLayout heading={page.heading} html={page.body.html} />
      ) : (
        <ProseLayout heading={page.heading}>
          <MdxContent code={page.body.code} />
        </ProseLayout>
      )}
      {/* Copy buttons only where the page asks for them and has code to copy. */}
      {page.options.copy && page.body.codeBlocks > 0 && <script data-enhancement src="/enhance/copy-code.js" defer />}
    </>
  );
}

export default async function Route({ params }: Props) {
  const { slug = [] } = await params;
  const { route, problems } = await getRouteData(slug);
  if (problems.length > 0) return <ContentProblems problems={toContentProblems(problems)} />;
  if (!route) notFound();
  switch (route.kind) {
    case 'page':
      return (
        <>
          <PageBody page={route.page} />
          <PageFacts page={route.page} />
          <PageNeighbours section={route.section} earlier={route.earlier} later={route.later} />
          <PageSocial page={route.page} />
          <AuthorJsonLd page={route.page} />
        </>
      );
    case 'section':
      return (
        <>
          {route.feed !== undefined && <link rel="alternate" type="application/atom+xml" href={route.feed} title={`${route.page.title} · ${site.name}`} />}
          {route.paginator && route.paginator.number > 1 ? (
            <ProseLayout heading={`${route.page.title}, page ${route.paginator.number}`} />
          ) : (
            <PageBody page={route.page} />
          )}
          {route.subsections.length > 0 && (!route.paginator || route.paginator.number === 1) && <PageList pages={route.subsections.map((link) => ({ ...link, description: '', date: undefined, readingMinutes: 0 }))} lang={route.page.lang} />}
          <PageList pages={route.items} lang={route.page.lang} />
          <ListPagination paginator={route.paginator} />
        </>
      );
    case 'home':
      return (
        <>
          {route.page ? (
            <PageBody page={route.page} />
          ) : (
            <ProseLayout heading={site.name}>
              <p>{site.description}</p>
            </ProseLayout>
          )}
          <PageList pages={route.items} lang={route.page?.lang ?? site.lang} />
          {route.page && <PageSocial page={route.page} />}
          {route.page && <AuthorJsonLd page={route.page} />}
        </>
      );
    case 'taxonomy':
      return (
        <>
          <ProseLayout heading={taxonomyTitle(route.taxonomy.name)} />
          <TermList terms={route.terms} />
        </>
      );
    case 'term':
      return (
        <>
          {route.feed !== undefined && <link rel="alternate" type="application/atom+xml" href={route.feed} title={`${route.term.name} · ${site.name}`} />}
          <ProseLayout heading={`${taxonomyTitle(route.taxonomy.name)}: ${route.term.name}${route.paginator && route.paginator.number > 1 ? `, page ${route.paginator.number}` : ''}`}>
            <p>
              {route.term.count === 1 ? 'One page' : `${route.term.count} pages`}. <a href={`/${route.taxonomy.name}/`}>All {route.taxonomy.name}</a>
            </p>
          </ProseLayout>
          <PageList pages={route.items} lang={site.lang} />
          <ListPagination paginator={route.paginator} />
        </>
      );
  }
}
