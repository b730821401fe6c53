/**
 * Starts the real preview server (scripts/serve.ts, as `npm start` runs it) in a child process for a
 * script's own use, and resolves with its URL once it listens. Port 0 lets the server pick a free port.
 */
import { spawn } from 'node:child_process';
import readline from 'node:readline';

export interface RunningPreviewServer {
  /** e.g. http://127.0.0.1:3199 (with the base path when one is set). */
  url: string;
  /** The server's process id. */
  pid: number | undefined;
  stop: () => void;
}

export async function startPreviewServer(port: number, folder = 'out', env: Record<string, string> = {}): Promise<RunningPreviewServer> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts', folder], {
    env: { ...process.env, HOST: '127.0.0.1', ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => server.kill();
  let errors = '';
  server.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  const lines = readline.createInterface({ input: server.stdout });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`The preview server did not start within 20 s. ${errors}`)), 20_000);
      // serve.ts prints "Serving out/ at http://127.0.0.1:PORT/…" once it listens.
      lines.on('line', (line) => {
        const match = /\bat (http:\/\/\S+?)\/?$/.exec(line);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      server.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`The preview server exited (${code}) before listening: ${errors.trim()}`));
      });
    });
    // Keep reading its output so a chatty server never blocks on a full pipe.
    server.stdout.resume();
    return { url, pid: server.pid, stop };
  } catch (error) {
    stop();
    throw error;
  }
}
