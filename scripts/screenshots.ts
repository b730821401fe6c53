/**
 * Photographs every exported page at phone and desktop widths, for a person to look at: in the light and
 * dark themes as the system setting picks them, and in the dark theme chosen with the header's toggle
 * while the system asks for light (the stored choice must win, before first paint).
 * Usage: npm run build && npm run screenshots [-- output-folder] [--site FOLDER] [--pages /a/,/b/c/].
 * Serves out/ (or FOLDER, another export such as .e2e/serene/out) itself, on SCREENSHOTS_PORT (3199 unless
 * set); photographs the home page and each top-level page, or the pages given.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { themeStorageKey } from '../lib/theme/theme-script';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { startPreviewServer } from './preview-server';

const { values: options, positionals } = parseArgs({ allowPositionals: true, options: { site: { type: 'string', default: 'out' }, pages: { type: 'string' } } });
const outputDirectory = path.resolve(positionals[0] ?? 'screenshots');
const siteFolder = options.site;
const port = Number(process.env.SCREENSHOTS_PORT ?? 3199);
const pages = options.pages?.split(',').filter(Boolean) ?? ['/', ...fs.readdirSync(siteFolder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(siteFolder, entry.name, 'index.html')) && !['404', '_not-found'].includes(entry.name))
  .map((entry) => `/${entry.name}/`), '/no-such-page/'];

/** How each theme is reached: the system setting alone, or the toggle's stored choice against it. */
const themes = [
  { name: 'light', colorScheme: 'light', stored: undefined },
  { name: 'dark', colorScheme: 'dark', stored: undefined },
  { name: 'dark-chosen', colorScheme: 'light', stored: 'dark' },
] as const;

const server = await startPreviewServer(port, siteFolder);
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
fs.mkdirSync(outputDirectory, { recursive: true });
try {
  for (const width of [390, 1280]) {
    for (const theme of themes) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme.colorScheme, deviceScaleFactor: 1 });
      if (theme.stored) {
        await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [themeStorageKey, theme.stored] as const);
      }
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(`${server.url}${url}`);
        const name = `${url.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${theme.name}.png`;
        await page.screenshot({ path: path.join(outputDirectory, name), fullPage: true });
        // The first screen alone, at the size a reader sees it.
        await page.screenshot({ path: path.join(outputDirectory, name.replace(/\.png$/, '-top.png')) });
      }
      await context.close();
    }
  }
  console.log(`Screenshots of ${pages.length} pages in ${outputDirectory}`);
} finally {
  await browser.close();
  server.stop();
}
