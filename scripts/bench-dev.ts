/**
 * `npm run bench -- --dev [--runs R]`: how long `npm run dev` takes to show the site's home page. In a throwaway
 * clone of the repository's committed tree, content included, built once first (as an author's project is after `npm run build`),
 * `npm run dev` is started R times (default 5) after one start that is not counted, each time until `/` answers
 * 200, then stopped with Ctrl-C as an author stops it (so that Next keeps its dev cache). Prints each run, the
 * median, and the median of what Next's own request line says of the first request.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { listFiles } from '../lib/export/list-files';
import { median } from '../lib/export/page-weight';
import { buildArguments, repository } from './project-copy';

const port = 3900;

/** Next's line for a request, `GET / 200 in 2.2s (next.js: 300ms, generate-params: 1.0s, application-code: 850ms)`, as seconds by name. */
function requestParts(log: string): Record<string, number> {
  const line = log.split('\n').find((each) => /GET \/ 200 in /.test(each)) ?? '';
  const seconds = (value: string, unit: string) => Number(value) / (unit === 'ms' ? 1000 : 1);
  const parts: Record<string, number> = {};
  const total = /in ([\d.]+)(m?s) /.exec(line);
  if (total?.[1] && total[2]) parts.request = seconds(total[1], total[2]);
  for (const [, name, value, unit] of line.matchAll(/([a-z.-]+): ([\d.]+)(m?s)/g)) if (name && value && unit) parts[name] = seconds(value, unit);
  return parts;
}

interface DevStart {
  seconds: number;
  parts: Record<string, number>;
}

async function firstPage(directory: string): Promise<DevStart> {
  const log: string[] = [];
  const started = performance.now();
  const server = spawn('npm', ['run', 'dev'], {
    cwd: directory,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  server.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const exited = new Promise((resolve) => server.on('exit', resolve));
  try {
    for (;;) {
      const answered = await fetch(`http://127.0.0.1:${port}/`).then((response) => response.status === 200, () => false);
      if (answered) break;
      if (server.exitCode !== null) throw new Error(`npm run dev stopped:\n${log.join('')}`);
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    // Next prints its request line after the answer.
    await sleep(300);
    return { seconds, parts: requestParts(log.join('')) };
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid, 'SIGINT');
    await Promise.race([exited, sleep(20_000)]);
    if (server.exitCode === null && server.signalCode === null && server.pid !== undefined) {
      try {
        process.kill(-server.pid, 'SIGKILL');
      } catch {
        // The group is gone already.
      }
    }
    // Next finishes writing its cache after its processes exit.
    await sleep(1000);
  }
}

export async function benchDevServer(runs: number): Promise<void> {
  // A clone of the committed tree, as an author's project is one.
  const directory = path.join(os.tmpdir(), 'engine-bench-dev');
  fs.rmSync(directory, { recursive: true, force: true });
  execFileSync('git', ['clone', '--quiet', repository, directory]);
  execFileSync('cp', ['-al', path.join(repository, 'node_modules'), path.join(directory, 'node_modules')]);
  const build = spawnSync(process.execPath, buildArguments, { cwd: directory, env: { ...process.env, NODE_ENV: 'production' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`npm run build failed in ${directory}:\n${build.stdout}${build.stderr}`);
  console.log(`npm run dev in ${directory} (a clone of the committed tree), ${runs} runs after one not counted; each until / answers 200:`);
  await firstPage(directory);
  const results: DevStart[] = [];
  for (let run = 1; run <= runs; run++) {
    const result = await firstPage(directory);
    results.push(result);
    console.log(`  run ${run}: ${result.seconds.toFixed(2)} s; Next's line: ${Object.entries(result.parts).map(([name, value]) => `${name} ${value.toFixed(2)} s`).join(', ')}`);
  }
  const seconds = results.map((result) => result.seconds);
  console.log(`first page: median ${median(seconds).toFixed(2)} s (${Math.min(...seconds).toFixed(2)}–${Math.max(...seconds).toFixed(2)} s)`);
  const names = [...new Set(results.flatMap((result) => Object.keys(result.parts)))];
  // Without it (a stopped next dev that does not write it: lib/next-adapter/next-dev.ts) every start compiles the
  // route from nothing, 2.5–4 s more than a start that finds it.
  const cacheFolder = path.join(directory, '.next', 'dev', 'cache', 'turbopack');
  const cacheBytes = fs.existsSync(cacheFolder) ? listFiles(cacheFolder).reduce((sum, file) => sum + fs.statSync(path.join(cacheFolder, file)).size, 0) : 0;
  console.log(`Next's dev compile cache in that clone: ${(cacheBytes / 1024 ** 2).toFixed(1)} MB${cacheBytes < 1024 ** 2 ? ' (not written: every start above compiled from nothing)' : ''}`);
  console.log(`of which Next's first request, medians: ${names.map((name) => `${name} ${median(results.map((result) => result.parts[name] ?? 0)).toFixed(2)} s`).join(', ')}`);
}
