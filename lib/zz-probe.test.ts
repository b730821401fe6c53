import path from 'node:path';
import { it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { buildContent } from '@/lib/content/site-build';
const cases: Record<string, string> = {
  'comment.md': '# C\n\nBefore.\n\n<!-- draft note\n\nAfter one.\n\nAfter two.\n',
  'yaml.md': '---\ntitle: "Unclosed\ndate: 2024-01-01\n---\n# x\n',
  'toml.md': '+++\ntitle = "A"\nmath = yes\n+++\n',
  'lt.mdx': '---\ntitle: L\n---\n\nIf a < b then\n',
  'emptyfm.md': '---\n---\n# T\n',
  'nul.md': '# N\n\na\u0000b\n',
  'tabs.md': '# Tabs\n\n\tconst x = 1;\n\n-\tone\n-\ttwo\n',
};
it('probe', async () => {
  const root = tempFolder('probe', Object.fromEntries(Object.entries(cases).map(([k, v]) => [`content/${k}`, v])));
  const build = await buildContent(path.join(root, 'content'), path.join(root, 'cache.json'));
  for (const p of build.pages) console.log('PAGE', p.file.split('/').pop(), p.url, JSON.stringify(p.body).slice(0, 400));
  for (const e of build.errors) console.log('ERR', e.message.replace(/^.*content\//, ''));
});
