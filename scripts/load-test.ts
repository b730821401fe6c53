/**
 * `npm run loadtest [-- --amount N --connections N --encoding gzip|identity]`: a bounded load test of the
 * preview server. Starts the real server (scripts/serve.ts) on a free loopback port against the built
 * out/, sends N requests (default 20,000) over 50 connections, cycling through every page, asking for
 * gzip as a browser does (or, with `--encoding identity`, for the bytes as stored), and prints
 * requests/s, latency, failures, the server's CPU time per request and its peak memory. Exits 1 on any
 * error, timeout or non-2xx answer. Loopback only: the target is always the server it started itself.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { formatTable } from '@/lib/text-table';
import { startPreviewServer } from './preview-server';

const { values } = parseArgs({
  options: {
    amount: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '50' },
    encoding: { type: 'string', default: 'gzip' },
  },
});
const amount = Number(values.amount);
const connections = Number(values.connections);
if (!Number.isInteger(amount) || amount < 1 || !Number.isInteger(connections) || connections < 1) {
  console.error('--amount and --connections must be positive whole numbers.');
  process.exit(1);
}
const encoding = values.encoding;
if (encoding !== 'gzip' && encoding !== 'identity') {
  console.error(`--encoding must be gzip or identity, got "${encoding}".`);
  process.exit(1);
}

const root = 'out';
if (!fs.existsSync(path.join(root, 'index.html'))) {
  console.error('No exported site in out/: run `npm run build` first.');
  process.exit(1);
}
const pages = pageUrls(root);

const server = await startPreviewServer(0, root, { BASE_PATH: '' });
let result: autocannon.Result;
let serverCpuMs: number | undefined;
let serverPeakKiB: number | undefined;
try {
  const cpuBefore = processCpuMs(server.pid);
  result = await autocannon({
    url: server.url,
    connections,
    amount,
    timeout: 10,
    // autocannon ends a run with a fixed amount at its next sample: at its default of one per second,
    // the duration (and so requests/s) of a short run would be rounded up to whole seconds.
    sampleInt: 10,
    headers: { 'accept-encoding': encoding === 'gzip' ? 'gzip, deflate, br' : 'identity' },
    requests: pages.map((page) => ({ method: 'GET', path: page })),
  });
  const cpuAfter = processCpuMs(server.pid);
  if (cpuBefore !== undefined && cpuAfter !== undefined) serverCpuMs = cpuAfter - cpuBefore;
  serverPeakKiB = processPeakKiB(server.pid);
} finally {
  server.stop();
}

const completed = result['1xx'] + result['2xx'] + result.non2xx;
const requestsPerSecond = completed / result.duration;
console.log(`Load test: ${amount} requests, ${connections} connections, ${pages.length} pages (${pages.join(' ')}), ${encoding}, ${server.url}`);
console.log(
  formatTable(
    ['requests', 'seconds', 'requests/s', 'latency p50', 'p99', 'max', 'errors', 'timeouts', 'non-2xx', 'server CPU/request', 'server peak RSS'],
    [[
      String(completed),
      result.duration.toFixed(2),
      requestsPerSecond.toFixed(0),
      `${result.latency.p50} ms`,
      `${result.latency.p99} ms`,
      `${result.latency.max} ms`,
      String(result.errors),
      String(result.timeouts),
      String(result.non2xx),
      serverCpuMs === undefined ? '-' : `${Math.round((serverCpuMs * 1000) / Math.max(1, completed))} µs`,
      serverPeakKiB === undefined ? '-' : `${(serverPeakKiB / 1024).toFixed(0)} MiB`,
    ]],
  ),
);
const failed = result.errors > 0 || result.timeouts > 0 || result.non2xx > 0 || completed < amount;
if (failed) {
  console.error(`Load test failed: ${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx answers, ${completed} of ${amount} requests answered.`);
  process.exit(1);
}

/**
 * CPU time (user + system, all threads) a process has used, from Linux's /proc; undefined elsewhere.
 * The load generator shares the machine's cores with the server, so requests/s depends on what else
 * runs; the server's CPU time per request does much less.
 */
function processCpuMs(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    // Fields after the command name; utime and stime are the 12th and 13th, in clock ticks (USER_HZ = 100).
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** A process's peak resident memory in KiB (VmHWM, Linux's /proc); undefined elsewhere. */
function processPeakKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] === undefined ? undefined : Number(match[1]);
  } catch {
    return undefined;
  }
}

/** Every page of the export (folders with an index.html), as URLs: /, /about/, … */
function pageUrls(folder: string): string[] {
  const urls: string[] = [];
  const visit = (relative: string) => {
    const here = path.join(folder, relative);
    if (fs.existsSync(path.join(here, 'index.html'))) urls.push(`/${relative ? `${relative.split(path.sep).join('/')}/` : ''}`);
    for (const entry of fs.readdirSync(here, { withFileTypes: true })) {
      if (entry.isDirectory() && !entry.name.startsWith('.') && !entry.name.startsWith('_')) visit(path.join(relative, entry.name));
    }
  };
  visit('');
  return urls.map((url) => url.split('/').map(encodeURIComponent).join('/'));
}
