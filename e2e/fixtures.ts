import { test as base, expect } from '@playwright/test';
import { fixtureBasePath } from './fixture-site/fixture-site';

/**
 * Every test page records what a visitor's browser would complain about: console errors, uncaught
 * exceptions, failed requests and HTTP errors. A test ends by asserting there were none.
 */
export const test = base.extend<{ problems: string[]; thirdPartyStandIns: undefined }>({
  // The machine has no network, and a test must not depend on one: the third parties the fixture site
  // names (e2e/fixture-site/site.config.ts) answer with stand-ins, quietly, unless a test routes them
  // itself (page routes win over these context routes); any other request off 127.0.0.1 is refused and
  // shows up as a failed request.
  thirdPartyStandIns: [
    async ({ context }, use) => {
      await context.route(
        (url) => url.hostname !== '127.0.0.1',
        async (route) => {
          const url = new URL(route.request().url());
          const cors = { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': 'Content-Type' };
          if (url.origin === 'https://giscus.app' && url.pathname === '/client.js') return route.fulfill({ contentType: 'text/javascript', body: '' });
          if (url.origin === 'https://reactions.fixture.example') {
            if (route.request().method() === 'OPTIONS') return route.fulfill({ status: 204, headers: cors });
            return route.fulfill({ headers: cors, contentType: 'application/json', body: JSON.stringify({ counts: {} }) });
          }
          return route.abort('blockedbyclient');
        },
      );
      await use(undefined);
    },
    { auto: true },
  ],
  problems: async ({ page }, use) => {
    const problems: string[] = [];
    // Tests visit /no-such-… addresses on purpose: their 404 answer (and the browser's note of it) is expected.
    const isDeliberatelyMissing = (url: string) =>
      URL.canParse(url) && (new URL(url).pathname.startsWith('/no-such') || new URL(url).pathname.startsWith(`${fixtureBasePath}/no-such`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !isDeliberatelyMissing(message.location().url)) {
        problems.push(`console: ${message.text()} (${message.location().url})`);
      }
    });
    page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A request the browser cancels because the visitor navigated on (a favicon still loading) did not fail.
      if (request.failure()?.errorText === 'net::ERR_ABORTED') return;
      problems.push(`failed: ${request.url()} ${request.failure()?.errorText ?? ''}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !isDeliberatelyMissing(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await use(problems);
  },
});

export { expect };

/** The pages the shipped content makes, as a visitor finds them on the home page. */
export const contentPages = [
  { url: '/about/', title: 'About', heading: 'About', math: false },
  { url: '/about-me/', title: 'About me', heading: 'About', math: true },
  { url: '/education/', title: 'Education & Origins', heading: 'Education & Origins', math: false },
  { url: '/software-philosophy/', title: 'Building Software My Way', heading: 'About me', math: false },
] as const;

const fixturePort = Number(process.env.E2E_FIXTURE_PORT ?? Number(process.env.E2E_PORT ?? 3107) + 1);

/** The address of a fixture-site page (e2e/fixture-site/, built by `npm run build:fixture`), e.g. fixtureUrl('/code/'). */
export function fixtureUrl(sitePath: string): string {
  return `http://127.0.0.1:${fixturePort}${fixtureBasePath}${sitePath.startsWith('/') ? sitePath : `/${sitePath}`}`;
}
