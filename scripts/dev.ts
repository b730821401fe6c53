/**
 * `npm run dev`: the author's server. Starts `next dev` behind a small front server on 127.0.0.1 (HOST and PORT
 * change that; the front server serves the files of page bundles) and a small live-reload channel beside it: when a file in content/ or site.config.ts changes, every open page
 * re-renders in place (components/live-reload.tsx), keeping its scroll position. One command, one terminal.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ContentErrors } from '@/lib/errors';
import { projectFolderProblems } from '@/lib/content/project-folders';
import { buildPageStyles } from '@/lib/build/page-styles';
import { copyKatexAssets } from '@/lib/build/katex-assets';
import { nextDevEnvironment, nextDevStopTimeoutMs } from '@/lib/next-adapter/next-dev';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 3000);
const livePort = Number(process.env.LIVE_RELOAD_PORT ?? port + 1);
// Next listens behind the front server (dev-front-server.ts), which also serves the files of page bundles.
const nextPort = Number(process.env.NEXT_DEV_PORT ?? port + 2);
// `next dev` serves public/ following symbolic links, and the two steps below write into it: as in the build,
// a linked content/ or public/, or a link out of public/, stops here (lib/content/project-folders.ts).
const folderProblems = projectFolderProblems(process.cwd());
if (folderProblems.length > 0) {
  console.error(new ContentErrors(folderProblems).message);
  process.exit(1);
}
// Next starts first: its start and the compile of the route are most of the wait for the first page, and they
// overlap what this process loads and prepares below. The author's requests reach it through the front server, which
// holds them until the KaTeX assets and the page stylesheets are in public/.
const next = spawn(process.execPath, [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'dev', '--hostname', host, '--port', String(nextPort)], {
  stdio: 'inherit',
  // Stopped, Next writes its compile cache before it exits, so that the next start does not compile from nothing.
  env: { ...process.env, ...nextDevEnvironment, NEXT_PUBLIC_LIVE_RELOAD_URL: `http://${host}:${livePort}/events` },
});
const publicFilesReady = (async () => {
  copyKatexAssets();
  await buildPageStyles();
})();
publicFilesReady.catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  next.kill('SIGTERM');
  process.exit(1);
});

const listeners = new Set<http.ServerResponse>();
const live = http.createServer((request, response) => {
  if (request.url !== '/events') {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, {
    'Content-Type': 'text/event-stream',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    // The page is served from the dev server's origin, this stream from the port beside it.
    'Access-Control-Allow-Origin': '*',
  });
  response.write('retry: 500\n\n');
  listeners.add(response);
  request.on('close', () => listeners.delete(response));
});
live.listen(livePort, host);

let pending: NodeJS.Timeout | undefined;
function announce(file: string): void {
  // Editors save in bursts (write, rename, chmod): tell the pages once the burst is over.
  clearTimeout(pending);
  pending = setTimeout(() => {
    for (const listener of listeners) listener.write(`data: ${JSON.stringify({ changed: file })}\n\n`);
  }, 60);
}
/**
 * Watches folders, not files: editors that save by writing a new file and renaming it over the old one
 * would silently end a watch on the file itself (and Node 20's recursive watch on Linux watches files).
 */
const watched = new Set<string>();
function watchFolder(folder: string): void {
  if (watched.has(folder)) return;
  watched.add(folder);
  const watcher = fs.watch(folder, (_event, name) => {
    const changed = path.join(folder, name ?? '');
    if (fs.existsSync(changed) && fs.statSync(changed).isDirectory()) watchFolder(changed);
    announce(path.relative(process.cwd(), changed));
  });
  watcher.on('error', () => watched.delete(folder));
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) watchFolder(path.join(folder, entry.name));
  }
}
const contentDirectory = path.join(process.cwd(), 'content');
fs.mkdirSync(contentDirectory, { recursive: true });
watchFolder(contentDirectory);
fs.watch(process.cwd(), (_event, name) => {
  if (name === 'site.config.ts') announce(name);
});

// Loaded after Next's start: it reads pages (for their bundles' files), which loads the front-matter reader.
const { startDevFrontServer } = await import('./dev-front-server');
const front = startDevFrontServer({ host, port, nextPort, contentDirectory, ready: publicFilesReady });
front.on('listening', () => console.log(`The site: http://${host}:${port}/ (Next.js's own dev server, below, answers behind it on port ${nextPort}).`));
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    next.kill(signal);
    live.close();
    front.close();
    // Next waits for its cache to be written, with no limit of its own.
    setTimeout(() => next.kill('SIGKILL'), nextDevStopTimeoutMs).unref();
  });
}
next.on('exit', (code) => process.exit(code ?? 0));
