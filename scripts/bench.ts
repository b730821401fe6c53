/**
 * `npm run bench [-- --pages N --runs R --photos P]`: builds a generated site of N pages (default 1000) cold, warm
 * (nothing changed) and after editing one page, R times each (default 3), in throwaway copies of this
 * project under the system's temp folder, and prints medians: wall time, ms per page, peak memory of all
 * the build's processes together (proportional set size, and the plain sum of resident sizes), size of
 * out/, and the per-page first-visit transfer. The same corpus is built with Next.js's client runtime kept
 * (clientRuntime: true), the plain Next.js export, as the baseline for the ratios, and as a Zola site of
 * sections and tags (its lists, term pages and redirects on top of the same pages). With --photos P, the flat
 * corpus is built beside itself with P generated 12-megapixel camera JPEGs shown on its first P pages instead, the
 * flat build being the baseline of the ratios. The repository is only read.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, weighPages } from '../lib/export/page-weight';
import { listFiles } from '../lib/export/finish-export';
import { formatTable } from '../lib/text-table';
import { corpusSiteConfig, writeCorpus, writeCorpusPhotos } from './bench-corpus';
import { buildArguments, syncProjectCopy } from './project-copy';

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index === -1 ? undefined : Number(process.argv[index + 1]);
  return value !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}
const pageCount = option('pages', 1000);
const runs = option('runs', 3);
const photoCount = process.argv.includes('--photos') ? option('photos', 200) : 0;

interface Variant {
  name: string;
  clientRuntime: boolean;
  /** The same pages as a Zola site: 10 sections listing 100 dated pages each, 20 a page, 50 tags (bench-corpus.ts). */
  sectioned: boolean;
  /** Camera photos shown on the first pages, one each. */
  photos: number;
}
const flat: Variant = { name: 'zero-JS export (default)', clientRuntime: false, sectioned: false, photos: 0 };
const variants: Variant[] =
  photoCount > 0
    ? [flat, { ...flat, name: `zero-JS, ${photoCount} photos of 12 MP`, photos: photoCount }]
    : [flat, { name: 'Next.js runtime kept', clientRuntime: true, sectioned: false, photos: 0 }, { name: 'sectioned: 10 sections, 50 tags, 20 a page', clientRuntime: false, sectioned: true, photos: 0 }];

/** A copy of the project with a generated content folder and site config. */
async function makeProject(variant: Variant): Promise<string> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  syncProjectCopy(directory);
  fs.writeFileSync(path.join(directory, 'site.config.ts'), corpusSiteConfig(variant.clientRuntime, variant.sectioned));
  writeCorpus(path.join(directory, 'content'), pageCount, variant.sectioned);
  if (variant.photos > 0) await writeCorpusPhotos(directory, variant.photos, path.join(os.tmpdir(), 'engine-bench-photos'));
  return directory;
}

/** A process and all its descendants, from /proc (Linux). */
function processTree(rootPid: number): { pid: number; rssBytes: number }[] {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      rss.set(Number(entry), Number(fields[21]) * 4096);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const tree: { pid: number; rssBytes: number }[] = [];
  const queue = [rootPid];
  while (queue.length > 0) {
    const pid = queue.pop() ?? 0;
    tree.push({ pid, rssBytes: rss.get(pid) ?? 0 });
    queue.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/**
 * A process's proportional set size: its private pages, plus each shared page divided by the number of
 * processes that map it. Summed over the build's processes it is the memory they occupy together. The sum
 * of their resident sizes counts Node's own binary once per process, and a process that Next has just forked
 * (it starts one per renderer) briefly shows all of Next's 0.5 GB that it shares copy-on-write.
 */
function pssBytes(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
  } catch {
    return 0;
  }
}

interface Run {
  seconds: number;
  /** The highest sum of the build's processes' proportional set sizes (see pssBytes). */
  peakBytes: number;
  /** The highest sum of their resident set sizes, which counts shared pages more than once. */
  peakRssBytes: number;
}

async function build(directory: string): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, buildArguments, {
    cwd: directory,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakBytes = 0;
  let peakRssBytes = 0;
  let samples = 0;
  const sampler = setInterval(() => {
    if (!child.pid) return;
    const tree = processTree(child.pid);
    peakRssBytes = Math.max(peakRssBytes, tree.reduce((sum, member) => sum + member.rssBytes, 0));
    // Every 500 ms: the kernel walks a process's page tables to add up its PSS, holding the lock the process
    // needs to map memory. A sample of a 1000-page build's processes took about 22 ms; sampled every 100 ms,
    // cold builds took 49–56 s, against 39–45 s unobserved.
    if (samples++ % 5 === 0) peakBytes = Math.max(peakBytes, tree.reduce((sum, member) => sum + pssBytes(member.pid), 0));
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  if (code !== 0) throw new Error(`build failed in ${directory}:\n${output.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakBytes, peakRssBytes };
}

interface Result {
  variant: Variant;
  cold: Run[];
  warm: Run[];
  /** A build after one page was edited: what an author waits for. */
  edited: Run[];
  outBytes: number;
  outFiles: number;
  transferMedian: number;
  transferMax: number;
}

async function measure(variant: Variant): Promise<Result> {
  const directory = await makeProject(variant);
  try {
    const cold: Run[] = [];
    const warm: Run[] = [];
    const edited: Run[] = [];
    const editedPage = path.join(directory, 'content', 'section-0', 'page-7.md');
    for (let run = 1; run <= runs; run++) {
      fs.rmSync(path.join(directory, '.next'), { recursive: true, force: true });
      fs.rmSync(path.join(directory, 'out'), { recursive: true, force: true });
      cold.push(await build(directory));
      warm.push(await build(directory));
      fs.appendFileSync(editedPage, `\nA sentence added in run ${run}.\n`);
      edited.push(await build(directory));
      console.error(
        `  ${variant.name}, run ${run}/${runs}: cold ${cold.at(-1)?.seconds.toFixed(1)} s, warm ${warm.at(-1)?.seconds.toFixed(1)} s, one page edited ${edited.at(-1)?.seconds.toFixed(1)} s`,
      );
    }
    const out = path.join(directory, 'out');
    const files = listFiles(out);
    const weights = weighPages(out).map((weight) => weight.total);
    return {
      variant,
      cold,
      warm,
      edited,
      outBytes: files.reduce((sum, file) => sum + fs.statSync(path.join(out, file)).size, 0),
      outFiles: files.length,
      transferMedian: median(weights),
      transferMax: Math.max(...weights),
    };
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
}

const seconds = (runsList: Run[]) => median(runsList.map((run) => run.seconds));
const peak = (runsList: Run[]) => median(runsList.map((run) => run.peakBytes));
const peakRss = (runsList: Run[]) => median(runsList.map((run) => run.peakRssBytes));
/** The highest median over the kinds of build. */
const highest = (result: Result, measure: (runsList: Run[]) => number) => Math.max(measure(result.cold), measure(result.warm), measure(result.edited));
const fixed = (value: number, digits = 1) => value.toFixed(digits);

console.error(`Building ${pageCount} generated pages${photoCount > 0 ? ` (and again with ${photoCount} photos)` : ''}, ${runs} cold and ${runs} warm builds per variant…`);
const results: Result[] = [];
for (const variant of variants) results.push(await measure(variant));

const header = ['variant', 'cold', 'ms/page', 'warm', 'ms/page', 'one edited', 'peak memory', 'RSS sum', 'out/', 'files', 'transfer median', 'max'];
const rows = results.map((result) => [
  result.variant.name,
  `${fixed(seconds(result.cold))} s`,
  fixed((seconds(result.cold) * 1000) / pageCount, 0),
  `${fixed(seconds(result.warm))} s`,
  fixed((seconds(result.warm) * 1000) / pageCount, 0),
  `${fixed(seconds(result.edited))} s`,
  `${fixed(highest(result, peak) / 1024 ** 3, 2)} GB`,
  `${fixed(highest(result, peakRss) / 1024 ** 3, 2)} GB`,
  `${fixed(result.outBytes / 1024 ** 2)} MB`,
  String(result.outFiles),
  `${fixed(result.transferMedian / 1024)} KB`,
  `${fixed(result.transferMax / 1024)} KB`,
]);
// With photos, the flat build is the baseline: what the photos add.
const [ours, baseline] = photoCount > 0 ? [results[1], results[0]] : results;
if (ours && baseline) {
  const ratio = (a: number, b: number) => `${fixed(a / b, 2)}×`;
  rows.push([
    photoCount > 0 ? 'ratio (photos / flat)' : 'ratio (ours / baseline)',
    ratio(seconds(ours.cold), seconds(baseline.cold)),
    '',
    ratio(seconds(ours.warm), seconds(baseline.warm)),
    '',
    ratio(seconds(ours.edited), seconds(baseline.edited)),
    ratio(highest(ours, peak), highest(baseline, peak)),
    ratio(highest(ours, peakRss), highest(baseline, peakRss)),
    ratio(ours.outBytes, baseline.outBytes),
    ratio(ours.outFiles, baseline.outFiles),
    ratio(ours.transferMedian, baseline.transferMedian),
    ratio(ours.transferMax, baseline.transferMax),
  ]);
}
console.log(
  `${pageCount} pages, median of ${runs} runs; ${os.cpus().length} cores, ${fixed(os.totalmem() / 1024 ** 3, 0)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`,
);
console.log(formatTable(header, rows));
if (photoCount > 0 && ours && baseline) {
  const added = (pick: (result: Result) => Run[]) => `${fixed(seconds(pick(ours)) - seconds(pick(baseline)))} s`;
  console.log(`${photoCount} photos add: cold ${added((result) => result.cold)}, warm ${added((result) => result.warm)}, one page edited ${added((result) => result.edited)}.`);
}
