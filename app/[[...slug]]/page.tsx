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
import type { ReactNode } from 'react';
import { DatedPostList } from '@/components/dated-post-list';
import { groupPosts } from '@/lib/content/post-groups';
import { HomeProfileHeader } from '@/components/home-profile';
import { OutdateAlert, PostHeader } from '@/components/post-header';
import { getRouteData, getStaticSlugs, taxonomyTitle, type BuiltPage, type SiteRoute } from '@/lib/content';
import { homeProfile, isHomeSection, postSettings, type HomeProfile } from '@/lib/content/serene-fields';
import { defaultDateFormat } from '@/lib/date-format';
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

/**
 * A page's or a section's own text, with the stylesheets only its content needs. `heading` replaces the page's
 * (null: none, when a layout shows its own h1), `meta` goes between the heading and the text.
 */
function PageBody({ page, heading = page.heading, meta, layoutElements = false }: { page: BuiltPage; heading?: string | null; meta?: ReactNode; layoutElements?: boolean }) {
  return (
    <>
      {/* KaTeX's stylesheet (and through it, its fonts) only where there is math; React hoists it into <head>. */}
      {page.options.math && <link rel="stylesheet" href="/katex/katex.min.css" precedence="default" />}
      {/* Code colours and the copy button's look (lib/build/page-styles.ts) only where there is code. */}
      {page.body.codeBlocks > 0 && <link rel="stylesheet" href="/styles/code-blocks.css" precedence="default" />}
      {/* Callouts, quotes, collections and serene's lists (app/elements.css) only where the page or its layout shows one. */}
      {(layoutElements || (page.body.styledElements ?? 0) > 0) && <link rel="stylesheet" href="/styles/elements.css" precedence="default" />}
      {page.body.format === 'html' ? (
        <ProseLayout heading={heading} html={page.body.html} meta={meta} />
      ) : (
        <ProseLayout heading={heading} meta={meta}>
          <MdxContent code={page.body.code} pageUrl={page.url} />
        </ProseLayout>
      )}
      {/* Copy buttons only where the page asks for them and has code to copy. */}
      {page.options.copy && page.body.codeBlocks > 0 && <script data-enhancement src="/enhance/copy-code.js" defer />}
    </>
  );
}

/** Whether the home section has what serene's home.html shows: a profile or the newest posts. */
function showsHomeLayout(route: Extract<SiteRoute, { kind: 'section' }>): boolean {
  if (route.url !== '/' || !isHomeSection(route.page)) return false;
  const profile = homeProfile(route.page.homeExtra ?? {});
  return hasProfile(profile) || route.recent !== undefined;
}

const hasProfile = (profile: HomeProfile) => profile.name !== undefined || profile.bio !== undefined || profile.avatar !== undefined || (profile.links?.length ?? 0) > 0;

/** serene's home page (home.html): the profile, the page's text, the newest posts. */
function HomeLayout({ route }: { route: Extract<SiteRoute, { kind: 'section' }> }) {
  const profile = homeProfile(route.page.homeExtra ?? {});
  return (
    <>
      {hasProfile(profile) && <HomeProfileHeader profile={profile} />}
      <PageBody page={route.page} heading={hasProfile(profile) ? null : route.page.heading} layoutElements />
      {route.recent && route.recent.pages.length > 0 && (
        <section aria-labelledby="recent-posts" className="post-group">
          <h2 id="recent-posts">
            Recent posts
          </h2>
          <DatedPostList posts={route.recent.pages} dateFormat={profile.date_format ?? defaultDateFormat} />
          <p className="more-posts">
            <a href={route.recent.url}>
              {profile.recent_more_text ?? 'All posts'}
            </a>
          </p>
        </section>
      )}
      <PageList pages={route.items} lang={route.page.lang} />
      <PageSocial page={route.page} />
      <AuthorJsonLd page={route.page} />
    </>
  );
}

/** serene's blog list (blog.html): the title and subtitle, then the posts by year, or by category when `categorized`. */
function BlogLayout({ route }: { route: Extract<SiteRoute, { kind: 'section' }> }) {
  const settings = postSettings(route.page.extra);
  const pageNumber = route.paginator && route.paginator.number > 1 ? `, page ${route.paginator.number}` : '';
  return (
    <>
      {route.feed !== undefined && <link rel="alternate" type="application/atom+xml" href={route.feed} title={`${route.page.title} · ${site.name}`} />}
      <PageBody
        page={route.page}
        layoutElements
        heading={`${route.page.heading ?? route.page.title}${pageNumber}`}
        meta={
          settings.subtitle !== undefined || route.feed !== undefined ? (
            <p className="text-ink-muted">
              {settings.subtitle}
              {settings.subtitle !== undefined && route.feed !== undefined && ' · '}
              {route.feed !== undefined && <a href={route.feed}>Atom feed</a>}
            </p>
          ) : undefined
        }
      />
      {groupPosts(route.items, settings.categorized ? 'category' : 'year').map((group) => (
        <section key={group.heading} className="post-group">
          <h2>{group.heading}</h2>
          <DatedPostList posts={group.posts} dateFormat={settings.date_format ?? defaultDateFormat} />
        </section>
      ))}
      <ListPagination paginator={route.paginator} />
    </>
  );
}

/** serene's post (post.html): back to its list, the title with date and terms, the outdate alert, the text, back to top. */
function PostLayout({ route }: { route: Extract<SiteRoute, { kind: 'page' }> }) {
  const { page } = route;
  const settings = postSettings(page.extra);
  const dateFormat = settings.date_format ?? defaultDateFormat;
  return (
    <>
      {route.section && (
        <p id="top" className="back-link">
          <a href={route.section.url}>
            ← {settings.back_link_text ?? route.section.title}
          </a>
        </p>
      )}
      <PageBody
        page={page}
        layoutElements
        heading={page.heading ?? null}
        meta={
          <>
            <PostHeader page={page} dateFormat={dateFormat} />
            {route.outdated && <OutdateAlert lastUpdate={route.outdated.lastUpdate} age={route.outdated.days} before={settings.outdate_alert_text_before} after={settings.outdate_alert_text_after} dateFormat={dateFormat} />}
          </>
        }
      />
      {settings.back_to_top && route.section && (
        <p className="back-to-top">
          <a href="#top">
            ↑ Back to top
          </a>
        </p>
      )}
      <PageNeighbours section={route.section} earlier={route.earlier} later={route.later} />
      <PageSocial page={page} />
      <AuthorJsonLd page={page} />
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
      if (route.page.templateName === 'post.html') return <PostLayout route={route} />;
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
      if (showsHomeLayout(route)) return <HomeLayout route={route} />;
      if (route.page.templateName === 'blog.html') return <BlogLayout route={route} />;
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
          {route.datedList ? (
            <>
              <link rel="stylesheet" href="/styles/elements.css" precedence="default" />
              <DatedPostList posts={route.items} dateFormat={route.datedList.dateFormat ?? defaultDateFormat} />
            </>
          ) : (
            <PageList pages={route.items} lang={site.lang} />
          )}
          <ListPagination paginator={route.paginator} />
        </>
      );
  }
}
