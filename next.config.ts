import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  // The engine's product is a folder of static files (out/) that any static host serves.
  output: 'export',
  // Every URL is a folder with an index.html, so /about/ works on hosts that do not rewrite URLs.
  trailingSlash: true,
  // next/image's optimizer needs a server; in an export its URLs would 404.
  images: { unoptimized: true },
  // The root layout lives under app/[[...slug]]/ so that each page can set <html lang>;
  // with no app/layout.tsx, the site-wide 404 needs its own document.
  experimental: { globalNotFound: true },
  poweredByHeader: false,
  reactStrictMode: true,
};

export default nextConfig;
