/**
 * The content build's inputs named cheaply: the compiler's version and every content file's path, size and time.
 * Its own module, light, because Next's renderers check the manifest against it without reading any page.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { contentDirectory, listCollectionSources, listContentFiles } from './content-files';

const siteConfigFile = path.join(process.cwd(), 'site.config.ts');

/** Packages whose version changes what a page compiles to. */
const pipelinePackages = [
  '@mdx-js/mdx',
  'katex',
  'rehype-katex',
  'remark-math',
  'remark-gfm',
  'remark-parse',
  'remark-rehype',
  'rehype-stringify',
  'rehype-slug',
  'rehype-autolink-headings',
  'mermaid',
  'rehype-highlight',
  'lowlight',
  'highlight.js',
];

let pipelineVersionMemo: string | undefined;

/**
 * A fingerprint of the compiler: the Markdown plugins' and the diagram renderer's own source, the MDX component
 * map, the versions of the packages they use, and the mode (development output differs). A change to any of
 * them invalidates every cached page.
 */
export function pipelineVersion(): string {
  if (pipelineVersionMemo) return pipelineVersionMemo;
  const hash = crypto.createHash('sha256').update(process.env.NODE_ENV === 'production' ? 'production' : 'development');
  for (const directory of ['markdown', 'diagrams'].map((name) => path.join(process.cwd(), 'lib', name))) {
    for (const file of fs.readdirSync(directory).sort()) {
      if (file.endsWith('.ts') && !file.endsWith('.test.ts')) hash.update(fs.readFileSync(path.join(directory, file)));
    }
  }
  // The component map decides which JSX names an .mdx page may use (lib/markdown/remark-content-safety.ts).
  hash.update(fs.readFileSync(path.join(process.cwd(), 'components', 'mdx-components.tsx')));
  for (const name of pipelinePackages) {
    const manifest = path.join(process.cwd(), 'node_modules', name, 'package.json');
    hash.update(`${name}@${fs.existsSync(manifest) ? (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version?: string }).version : '?'}`);
  }
  pipelineVersionMemo = hash.digest('hex').slice(0, 16);
  return pipelineVersionMemo;
}

/** Names every input of the content build cheaply (paths, sizes, times), to tell a current manifest from a stale one. */
export function contentFingerprint(): string {
  const hash = crypto.createHash('sha256').update(pipelineVersion());
  for (const file of [...listContentFiles(), ...listCollectionSources(contentDirectory), siteConfigFile]) {
    // A broken symbolic link has no target to stat; the content build reports it, this only must not crash.
    const stat = fs.statSync(file, { throwIfNoEntry: false }) ?? fs.lstatSync(file);
    hash.update(`${file}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

