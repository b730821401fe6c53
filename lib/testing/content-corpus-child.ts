/**
 * The child half of runCorpus (content-corpus.ts): builds each case of a corpus module with the real
 * content build, then, when the content has no problem, the photos step of `npm run build` (the pictures the pages
 * show, decoded by sharp), and prints `START name` before and `RESULT {json}` after it, one line each.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderToStaticMarkup } from 'react-dom/server';
import { MdxContent } from '@/components/mdx-content';
import { ContentError, ContentErrors } from '@/lib/errors';
import { buildContent } from '@/lib/content/site-build';
import { prepareSiteImages } from '@/lib/images/site-images';
import { siteConfigSchema } from '@/lib/site-config-schema';
import siteConfig from '@/site.config';
import { writeCase, type CorpusCase, type CorpusResult } from './content-corpus';

const [moduleFile] = process.argv.slice(2);
if (!moduleFile) throw new Error('usage: content-corpus-child.ts CORPUS_MODULE');
const { cases } = (await import(pathToFileURL(moduleFile).href)) as { cases: CorpusCase[] };

for (const corpusCase of cases) {
  console.log(`START ${corpusCase.name}`);
  const root = writeCase(corpusCase);
  // Errors name files relative to the working folder; show them as the author of the case sees them.
  const shown = `${path.relative(process.cwd(), path.join(root, 'content'))}/`;
  const asAuthorSees = (text: string) => text.replaceAll(shown, 'content/');
  const started = performance.now();
  const result: CorpusResult = { name: corpusCase.name, ms: 0, pages: [], errors: [] };
  try {
    const settings = siteConfigSchema.parse({ ...siteConfig, ...corpusCase.siteConfig });
    const build = await buildContent(path.join(root, 'content'), path.join(root, 'compiled-pages'), settings);
    result.errors = build.errors.map((error) => asAuthorSees(error.message));
    // As in `npm run build`, photos are read only once the content has no problem; the cache is the case's own.
    if (build.errors.length === 0) {
      const photos = await prepareSiteImages(build.pages, {
        contentDirectory: path.join(root, 'content'),
        publicDirectory: path.join(root, 'public'),
        cacheDirectory: path.join(root, 'image-cache'),
      });
      result.errors = photos.errors.map((error) => asAuthorSees(error.message));
    }
    for (const page of build.pages) {
      const html = page.body.format === 'html' ? page.body.html : renderToStaticMarkup(await MdxContent({ code: page.body.code }));
      result.pages.push({
        file: asAuthorSees(page.file),
        url: page.url,
        title: page.title,
        heading: page.heading,
        description: page.description,
        html,
      });
    }
  } catch (error) {
    if (error instanceof ContentError || error instanceof ContentErrors) result.errors = [asAuthorSees(error.message)];
    else result.crash = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  result.ms = Math.round(performance.now() - started);
  fs.rmSync(root, { recursive: true, force: true });
  console.log(`RESULT ${JSON.stringify(result)}`);
}
