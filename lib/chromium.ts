import fs from 'node:fs';
// playwright-core, not @playwright/test: the build (diagrams) uses this too, and the test runner is a dev dependency.
import { chromium } from 'playwright-core';

/**
 * Debian's Chromium stands in for Playwright's own download, which cannot reach its CDN here.
 * Order: CHROMIUM_PATH, then /usr/bin/chromium, then the browser `npx playwright install` fetched.
 */
export function findChromium(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const candidate of candidates) {
    if (candidate && fs.existsSync(candidate)) return candidate;
  }
  let bundled: string | undefined;
  try {
    bundled = chromium.executablePath();
  } catch {
    bundled = undefined;
  }
  if (bundled && fs.existsSync(bundled)) return bundled;
  throw new Error(
    'No Chromium found: install one (`apt-get install chromium` or `npx playwright install chromium`) or set CHROMIUM_PATH to its executable.',
  );
}

/** Flags that keep a headless Chromium quiet and working as root on a machine without a network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
