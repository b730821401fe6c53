import type { ComponentPropsWithoutRef } from 'react';
import * as devRuntime from 'react/jsx-dev-runtime';
import * as runtime from 'react/jsx-runtime';
import { getDevPhotos } from '@/lib/content';
import { mdxComponents } from './mdx-components';
import { PhotoImage } from './photo-image';

/**
 * Renders a page body that lib/markdown compiled ahead of time. Running the compiled code is cheap;
 * the expensive part (parsing, KaTeX) happened once, in the content build, and is cached.
 * On the dev server, an `<img>` of a photo renders as the `<picture>` a build's finish step makes of it.
 */
export async function MdxContent({ code, pageUrl = '/' }: { code: string; pageUrl?: string }) {
  // Loaded by the first MDX page: @mdx-js/mdx brings its whole compiler along, which every process that renders
  // pages then loaded for sites of .md pages alone.
  const { run } = await import('@mdx-js/mdx');
  // The dev server compiles in development mode (jsxDEV), a build in production mode (jsx/jsxs).
  const { default: Content } = await run(code, { ...runtime, jsxDEV: devRuntime.jsxDEV, baseUrl: import.meta.url });
  const photos = await getDevPhotos();
  if (!photos || photos.size === 0) return <Content components={mdxComponents} />;
  // Rendered in the page's order: the first picture is the one the finish step would make eager.
  const order = { shown: 0 };
  const img = (props: ComponentPropsWithoutRef<'img'>) => <PhotoImage {...props} pageUrl={pageUrl} photos={photos} first={order.shown++ === 0} />;
  return <Content components={{ ...mdxComponents, img }} />;
}
