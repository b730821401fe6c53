/**
 * Photographs every exported page at phone and desktop widths, for a person to look at.
 * Usage: npm run build && npm run screenshots [-- output-folder]. Serves out/ itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumArgs, findChromium } from '../e2e/chromium';
import { startPreviewServer } from './preview-server';

const outputDirectory = path.resolve(process.argv[2] ?? 'screenshots');
const port = 3199;
const pages = ['/', ...fs.readdirSync('out', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && fs.existsSync(path.join('out', entry.name, 'index.html')) && !['404', '_not-found'].includes(entry.name))
  .map((entry) => `/${entry.name}/`), '/no-such-page/'];

const server = await startPreviewServer(port);
const browser = await chromium.launch({ executablePath: findChromium(), args: chromiumArgs });
fs.mkdirSync(outputDirectory, { recursive: true });
try {
  for (const width of [390, 1280]) {
    for (const scheme of ['light', 'dark'] as const) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: scheme, deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const url of pages) {
        await page.goto(`${server.url}${url}`);
        const name = `${url.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home'}-${width}-${scheme}.png`;
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
