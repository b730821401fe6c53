import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { MdxContent } from '@/components/mdx-content';
import { PageList } from '@/components/page-list';
import { ProseLayout } from '@/components/prose-layout';
import { getPage, getPages } from '@/lib/content';
import { site } from '@/lib/site';

interface Props {
  params: Promise<{ slug?: string[] }>;
}

export const dynamicParams = false;

export async function generateStaticParams(): Promise<{ slug: string[] }[]> {
  const params = (await getPages()).map((page) => ({ slug: page.slug }));
  // The home page exists with or without a content/index.md.
  return params.some((param) => param.slug.length === 0) ? params : [{ slug: [] }, ...params];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug = [] } = await params;
  const page = await getPage(slug);
  if (!page) return { title: site.name, alternates: { canonical: '/' } };
  return {
    title: slug.length === 0 ? page.title : `${page.title} · ${site.name}`,
    description: page.description,
    alternates: { canonical: page.url },
  };
}

export default async function Route({ params }: Props) {
  const { slug = [] } = await params;
  const page = await getPage(slug);
  const isHome = slug.length === 0;
  if (!page && !isHome) notFound();

  const listed = (await getPages()).filter((candidate) => candidate.slug.length > 0);
  return (
    <>
      {/* KaTeX's stylesheet (and through it, its fonts) only where there is math; React hoists it into <head>. */}
      {page?.options.math && <link rel="stylesheet" href="/katex/katex.min.css" precedence="default" />}
      {page?.body.format === 'html' ? (
        <ProseLayout heading={page.heading} html={page.body.html} />
      ) : (
        <ProseLayout heading={page ? page.heading : site.name}>
          {page?.body.format === 'mdx' ? <MdxContent code={page.body.code} /> : <p>{site.description}</p>}
        </ProseLayout>
      )}
      {isHome && <PageList pages={listed} />}
    </>
  );
}
