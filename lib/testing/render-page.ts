import { renderToStaticMarkup } from 'react-dom/server';
import { MdxContent } from '@/components/mdx-content';
import { loadPages } from '@/lib/content/pages';
import { compileMarkdown, type CompiledBody } from '@/lib/markdown';
import { tempFolder } from './temp-folder';
import { site } from '@/lib/site';

/** Compiles one content file (name → source) as a build would. */
export async function compilePage(fileName: string, source: string): Promise<CompiledBody> {
  const [page] = await loadPages(tempFolder('markdown', { [fileName]: source }));
  if (!page) throw new Error('no page');
  return compileMarkdown(page, { siteUrl: site.baseUrl });
}

/** The HTML a content file's body becomes on its page, for .md and .mdx alike. */
export async function renderPage(fileName: string, source: string): Promise<string> {
  const body = await compilePage(fileName, source);
  return body.format === 'html' ? body.html : renderToStaticMarkup(await MdxContent({ code: body.code }));
}
