import type { Page } from '@/lib/content';
import type { Site } from '@/lib/site-config-schema';

const listed = 10;

function fileList(pages: readonly Pick<Page, 'file'>[]): string {
  const files = pages.map((page) => page.file);
  return files.length <= listed ? files.join(', ') : `${files.slice(0, listed).join(', ')} and ${files.length - listed} more`;
}

/**
 * The build's one notice about `comment` and `reaction` flags that do nothing because site.config.ts names
 * no provider for them, naming the pages; undefined when every flag takes effect.
 */
export function ineffectiveFlagsNotice(pages: readonly Pick<Page, 'file' | 'options'>[], site: Pick<Site, 'comments' | 'reactions'>): string | undefined {
  const lines: string[] = [];
  const commenting = pages.filter((page) => page.options.comment);
  if (site.comments === undefined && commenting.length > 0) {
    lines.push(
      `  comment: true on ${fileList(commenting)}: no comments provider. Add \`comments: { provider: 'giscus', repo, repoId, category, categoryId }\` to site.config.ts, or remove the flag.`,
    );
  }
  const reacting = pages.filter((page) => page.options.reaction);
  if (site.reactions === undefined && reacting.length > 0) {
    lines.push(`  reaction: true on ${fileList(reacting)}: no reactions endpoint. Add \`reactions: { endpoint: 'https://…' }\` to site.config.ts, or remove the flag.`);
  }
  return lines.length === 0 ? undefined : `Notice: some page flags have no effect.\n${lines.join('\n')}`;
}
