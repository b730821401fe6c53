import type { ComponentPropsWithoutRef } from 'react';
import { linkRel } from '@/lib/markdown/external-links';
import { site } from '@/lib/site';

/**
 * A link in an .mdx page whose href is only known when the page renders (an `{expression}`, spread
 * props). Links with literal attributes were settled when the page compiled (lib/markdown/external-links.ts);
 * this applies the same rule to the rest, so that no link to another site goes without its `rel`.
 */
export function ContentLink(props: ComponentPropsWithoutRef<'a'>) {
  const rel = props.href === undefined ? undefined : linkRel(props.href, props.rel, props.target, site.baseUrl);
  return <a {...props} rel={rel ?? props.rel} />;
}
