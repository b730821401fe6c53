/** Starts scripts/serve.ts on a port for a script's own use, and resolves once it answers. */
import { spawn } from 'node:child_process';

export async function startPreviewServer(port: number, folder = 'out'): Promise<{ url: string; stop: () => void }> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', folder], { env: { ...process.env, PORT: String(port) }, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await fetch(`${url}/`).then(() => true, () => false)) return { url, stop: () => server.kill() };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  server.kill();
  throw new Error(`The preview server did not answer on port ${port} within 10 s.`);
}
