import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ExpectStatic } from 'vitest';
import type { SiteConfig } from '@/lib/site-config-schema';

/**
 * A content corpus: small sites, each built by the real content build (buildContent) and, when that finds no
 * problem, the photos step (prepareSiteImages), in a child process that a watchdog kills when a case overruns its
 * time, so that a page that hangs the compiler (or a pathological regular expression, or a picture that makes the
 * decoder spin, which no in-process timeout can interrupt) fails its test instead of hanging the suite.
 */
export interface CorpusCase {
  name: string;
  /** The input, in a few words, for the table in the notes. */
  input: string;
  /** The expected outcome, in a few words, for the same table. */
  outcome: string;
  /** Files of the throwaway project: `content/x.md` are pages, `public/…` the site's own files, anything else sits beside them. */
  files: Record<string, string | Buffer>;
  /** Symbolic links to make: link path → target (absolute, or relative to the link's folder); `content` itself may be one. */
  symlinks?: Record<string, string>;
  /** How long the build of this case may take; 10 s unless said. */
  timeLimitMs?: number;
  /** Content-build settings of the site config for this case, over site.config.ts's (checked by its schema). */
  siteConfig?: Pick<SiteConfig, 'pageCompileTimeLimitSeconds'>;
  check: (result: CorpusResult, expect: ExpectStatic) => void;
}

export interface CorpusPage {
  file: string;
  url: string;
  title: string;
  heading: string | null;
  description: string;
  /** The body as a reader's browser gets it: the Markdown's HTML, or the MDX rendered by React on the server. */
  html: string;
}

export interface CorpusResult {
  name: string;
  ms: number;
  pages: CorpusPage[];
  /** Every problem as the build prints it, with the throwaway folder shown as the author sees it: `content/x.md:3: …`. */
  errors: string[];
  /** Set when the build threw something other than a content error: a crash, never acceptable. */
  crash?: string;
  /** Set when the watchdog killed the build. */
  hung?: boolean;
}

export const defaultTimeLimitMs = 10_000;

/** Runs the cases of a corpus module (which exports `cases: CorpusCase[]`) in one child process, each time-bound. */
export function runCorpus(moduleFile: string, cases: readonly CorpusCase[], env: Record<string, string> = {}): Promise<Map<string, CorpusResult>> {
  const results = new Map<string, CorpusResult>();
  const limits = new Map(cases.map((corpusCase) => [corpusCase.name, corpusCase.timeLimitMs ?? defaultTimeLimitMs]));
  const child = spawn(
    process.execPath,
    [path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(import.meta.dirname, 'content-corpus-child.ts'), moduleFile],
    { cwd: process.cwd(), env: { ...process.env, ...env, DEBUG: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new Promise((resolve, reject) => {
    let watchdog: NodeJS.Timeout | undefined;
    let buffered = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        if (line.startsWith('START ')) {
          const name = line.slice('START '.length);
          clearTimeout(watchdog);
          // Child start-up (tsx, the first import of the compiler) is not the case's fault: a second of grace.
          watchdog = setTimeout(() => {
            results.set(name, { name, ms: limits.get(name) ?? defaultTimeLimitMs, pages: [], errors: [], hung: true });
            child.kill('SIGKILL');
          }, (limits.get(name) ?? defaultTimeLimitMs) + 1000);
        } else if (line.startsWith('RESULT ')) {
          clearTimeout(watchdog);
          const result = JSON.parse(line.slice('RESULT '.length)) as CorpusResult;
          results.set(result.name, result);
        }
      }
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(watchdog);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`corpus runner exited with ${code}:\n${stderr}`));
      else resolve(results);
    });
  });
}

/** Writes a case's throwaway project and returns its folder. */
export function writeCase(corpusCase: CorpusCase): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'corpus-'));
  for (const [name, content] of Object.entries(corpusCase.files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true });
    fs.writeFileSync(path.join(root, name), content);
  }
  for (const [link, target] of Object.entries(corpusCase.symlinks ?? {})) {
    fs.mkdirSync(path.dirname(path.join(root, link)), { recursive: true });
    fs.symlinkSync(target, path.join(root, link));
  }
  // Made last, so that a case may make content/ itself a link.
  if (!fs.lstatSync(path.join(root, 'content'), { throwIfNoEntry: false })) fs.mkdirSync(path.join(root, 'content'));
  return root;
}
