/**
 * `npm start [-- folder]`: serves the exported site (out/, or the folder given) the way its static host
 * does; see lib/preview-server/server.ts. HOST (default 127.0.0.1) and PORT (default 3000; 0 picks a
 * free one) choose where; BASE_PATH=/docs serves the folder under /docs/. Prints the URL once listening.
 */
import path from 'node:path';
import { createPreviewServer, folderProblems, listen } from '@/lib/preview-server/server';
import { parseBasePath } from '@/lib/base-path';

const root = path.resolve(process.argv[2] ?? 'out');
const host = process.env.HOST || '127.0.0.1';
const port = Number(process.env.PORT || 3000);

let basePath: string;
try {
  basePath = parseBasePath(process.env.BASE_PATH);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 to 65535), got "${process.env.PORT}".`);
  process.exit(1);
}
const problems = folderProblems(root);
if (problems.length > 0) {
  for (const problem of problems) console.error(problem);
  process.exit(1);
}

const server = createPreviewServer({ root, basePath });
try {
  const url = await listen(server, port, host);
  console.log(`Serving ${path.relative(process.cwd(), root) || '.'}/ at ${url}${basePath}/`);
} catch (error) {
  const inUse = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
  console.error(inUse ? `Port ${port} on ${host} is in use: set PORT to another port.` : String(error));
  process.exit(1);
}
