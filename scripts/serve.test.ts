/** `npm start` as a process: where it listens, what it says, and how it refuses to start. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { startPreviewServer } from './preview-server';

// Each test starts a tsx process: seconds on a busy machine.
describe('scripts/serve.ts', { timeout: 30_000 }, () => {
  it('listens on 127.0.0.1 by default, on a free port with PORT=0, under BASE_PATH', async () => {
    const site = tempFolder('serve-script', { 'out/index.html': '<h1>Home</h1>', 'out/404.html': '<h1>Missing</h1>' });
    const server = await startPreviewServer(0, path.join(site, 'out'), { HOST: '', BASE_PATH: '/docs' });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/docs$/);
      const home = await fetch(`${server.url}/`);
      expect(home.status).toBe(200);
      expect(await home.text()).toBe('<h1>Home</h1>');
      expect(home.headers.get('x-frame-options')).toBe('DENY');
      expect((await fetch(new URL('/', server.url))).status).toBe(404);
    } finally {
      server.stop();
    }
  });

  it.each([
    [{}, 'empty', /No exported site in .*: run `npm run build` first\./],
    [{ BASE_PATH: 'docs' }, 'site', /BASE_PATH must be a path such as \/docs, got "docs"/],
    [{ PORT: '70000' }, 'site', /PORT must be a port number/],
  ])('refuses to start with %j and says why', (env, folder, message) => {
    const parent = tempFolder('serve-script', { 'site/index.html': '<h1>Home</h1>', 'empty/about.html': 'x' });
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', path.join(parent, folder)], {
      encoding: 'utf8',
      env: { ...process.env, PORT: '0', BASE_PATH: '', ...env },
      timeout: 20_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
