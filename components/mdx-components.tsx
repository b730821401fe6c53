import type { ComponentPropsWithoutRef } from 'react';
import type { MDXComponents } from 'mdx/types';

/** The one map from Markdown elements to components. All server components: they only render markup. */
export const mdxComponents: MDXComponents = {
  // Images below the fold should not compete with the text for bandwidth.
  img: ({ alt = '', ...props }: ComponentPropsWithoutRef<'img'>) => <img alt={alt} loading="lazy" decoding="async" {...props} />,
  // A wide table scrolls on its own instead of widening the page on a phone.
  table: (props: ComponentPropsWithoutRef<'table'>) => (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Table">
      <table {...props} />
    </div>
  ),
};
