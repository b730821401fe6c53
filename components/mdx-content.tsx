import { run } from '@mdx-js/mdx';
import * as devRuntime from 'react/jsx-dev-runtime';
import * as runtime from 'react/jsx-runtime';
import { mdxComponents } from './mdx-components';

/**
 * Renders a page body that lib/markdown compiled ahead of time. Running the compiled code is cheap;
 * the expensive part (parsing, KaTeX) happened once, in the content build, and is cached.
 */
export async function MdxContent({ code }: { code: string }) {
  // The dev server compiles in development mode (jsxDEV), a build in production mode (jsx/jsxs).
  const { default: Content } = await run(code, { ...runtime, jsxDEV: devRuntime.jsxDEV, baseUrl: import.meta.url });
  return <Content components={mdxComponents} />;
}
