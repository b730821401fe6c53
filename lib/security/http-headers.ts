/**
 * The HTTP security headers every response of the site carries: one list for the preview server
 * (`npm start`) and the deploy targets' header files, so that what is tested is what is deployed.
 * The Content Security Policy is added beside these by the export step (it depends on the pages).
 */
export const securityHeaders: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};
