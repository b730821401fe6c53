import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findChromium } from './e2e/chromium';
import { fixtureBasePath, fixtureOutFolder } from './e2e/fixture-site/fixture-site';
import { sereneOutFolder } from './e2e/serene-site/serene-site';
import { zolaOutFolder } from './e2e/zola-site/zola-site';

const port = Number(process.env.E2E_PORT ?? 3107);
const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? port + 1);
const zolaPort = Number(process.env.E2E_ZOLA_PORT ?? port + 2);
const serenePort = Number(process.env.E2E_SERENE_PORT ?? port + 3);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: findChromium(), args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    // The dev-server test edits content files and needs one run only.
    { name: 'phone', use: { ...devices['Pixel 7'], defaultBrowserType: 'chromium' }, testIgnore: /dev-server\.spec/ },
  ],
  // Tests read the exported sites exactly as a static host serves them; `npm test` builds all four first:
  // the shipped site (out/), the fixture site (`npm run build:fixture`), reached through fixtureUrl(), and
  // the imported Zola and serene sites (`npm run build:zola-fixture`, `build:serene-fixture`), each at its
  // host's root, read by e2e/zola-site.spec.ts and e2e/serene-site.spec.ts.
  webServer: [
    {
      command: `node --import tsx scripts/serve.ts out`,
      env: { PORT: String(port) },
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx scripts/serve.ts ${fixtureOutFolder}`,
      env: { PORT: String(fixturePort), BASE_PATH: fixtureBasePath },
      url: `http://127.0.0.1:${fixturePort}${fixtureBasePath}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx scripts/serve.ts ${zolaOutFolder}`,
      env: { PORT: String(zolaPort) },
      url: `http://127.0.0.1:${zolaPort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `node --import tsx scripts/serve.ts ${sereneOutFolder}`,
      env: { PORT: String(serenePort) },
      url: `http://127.0.0.1:${serenePort}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
