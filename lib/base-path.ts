/**
 * BASE_PATH, the path a site is served under: '' (the host's root) or a path such as '/docs' (GitHub
 * project pages, a sub-folder of another site), without a trailing slash. One rule for the build
 * (lib/site.ts) and the preview server, which must not load the site config to serve a folder.
 */
export function parseBasePath(value: string | undefined): string {
  const trimmed = (value ?? '').trim().replace(/\/+$/, '');
  if (trimmed === '') return '';
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(trimmed) || trimmed.includes('//') || /\/\.\.?(\/|$)/.test(trimmed)) {
    throw new Error(`BASE_PATH must be a path such as /docs, got "${value}".`);
  }
  return trimmed;
}
