import type { NextConfig } from 'next';
import { exportFolderVariable } from './lib/export/output-folder';

// `npm run build` exports into a staging folder and swaps it in as out/ only when every step succeeded
// (lib/export/output-folder.ts). Unset, as in `next dev` (which would put its files under a distDir), Next
// keeps .next and exports to out/.
const exportFolder = process.env[exportFolderVariable];

const nextConfig: NextConfig = {
  // The engine's product is a folder of static files (out/) that any static host serves.
  output: 'export',
  ...(exportFolder ? { distDir: exportFolder } : {}),
  // Every URL is a folder with an index.html, so /about/ works on hosts that do not rewrite URLs.
  trailingSlash: true,
  // next/image's optimizer needs a server; in an export its URLs would 404.
  images: { unoptimized: true },
  // The root layout lives under app/[[...slug]]/ so that each page can set <html lang>;
  // with no app/layout.tsx, the site-wide 404 needs its own document.
  experimental: { globalNotFound: true },
  // `npm test` type-checks the whole project (tsc --noEmit) and the site config is validated by its schema
  // at build time, so Next's second type check would only add a second or two to every build.
  typescript: { ignoreBuildErrors: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
