/**
 * `npm run bench [-- --pages 100,1000,5000 --runs R --sectioned --photos P]`: builds a generated site at each page
 * count (default 100, 1000 and 5000) cold, warm (nothing changed) and after editing one page, R times each (default
 * 3, and 1 above 1000 pages), in throwaway projects under the system's temp folder (deleted when it has finished; each
 * cold build starts with no inode freed in the last minute: see settleBeforeColdBuild), and prints medians: wall time,
 * ms per page, size of out/, the per-page first-visit transfer, and each phase's time in the cold builds; and, from
 * one more cold, warm and edited build whose memory is sampled (the timed builds are not watched: see measure),
 * the peak memory of all the build's processes together (proportional set size, and the plain sum of resident
 * sizes), overall and per phase, so that the growth with the page count shows (and in our warm and one-edit builds). Three sites are built from the same generated pages:
 * ours, ours with Next.js's client runtime kept (clientRuntime: true, the plain Next.js export), and an Astro 5 site
 * through the same Markdown plugins (scripts/bench-astro.ts). --sectioned adds the same pages as a Zola site of
 * sections and tags. With --photos P, the flat corpus is built beside itself with P generated 12-megapixel camera
 * JPEGs shown on its first P pages instead, the flat build being the baseline. `--dev` times `npm run dev` to its
 * first page instead (scripts/bench-dev.ts). The repository is only read.
 */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { median, weighPages } from '../lib/export/page-weight';
import { listFiles } from '../lib/export/list-files';
import { formatTable } from '../lib/text-table';
import { astroBuildArguments, astroCaches, astroName, astroPagePath, astroPhase, makeAstroProject } from './bench-astro';
import { corpusPath, corpusSiteConfig, writeCorpus, writeCorpusPhotos } from './bench-corpus';
import { buildArguments, syncProjectCopy } from './project-copy';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? undefined : process.argv[index + 1];
}
function countOption(name: string): number | undefined {
  const value = Number(option(name));
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
if (process.argv.includes('--dev')) {
  const { benchDevServer } = await import('./bench-dev');
  await benchDevServer(countOption('runs') ?? 5);
  process.exit(0);
}
const pageCounts = (option('pages') ?? '100,1000,5000').split(',').map(Number).filter((count) => Number.isInteger(count) && count > 0);
const runsFor = (pages: number) => countOption('runs') ?? (pages > 1000 ? 1 : 3);
const photoCount = process.argv.includes('--photos') ? (countOption('photos') ?? 200) : 0;

interface Variant {
  name: string;
  /** Which generator builds it. */
  generator: 'engine' | 'astro';
  clientRuntime: boolean;
  /** The same pages as a Zola site: 10 sections listing 100 dated pages each, 20 a page, 50 tags (bench-corpus.ts). */
  sectioned: boolean;
  /** Camera photos shown on the first pages, one each. */
  photos: number;
}
const ours: Variant = { name: 'ours: zero-JS export (default)', generator: 'engine', clientRuntime: false, sectioned: false, photos: 0 };
const runtimeKept: Variant = { ...ours, name: 'ours, Next.js runtime kept', clientRuntime: true };
const astro: Variant = { ...ours, name: astroName, generator: 'astro' };
const sectioned: Variant = { ...ours, name: 'ours, sectioned: 10 sections, 50 tags', sectioned: true };
const variants: Variant[] =
  photoCount > 0
    ? [ours, { ...ours, name: `ours, ${photoCount} photos of 12 MP`, photos: photoCount }]
    : [ours, runtimeKept, astro, ...(process.argv.includes('--sectioned') ? [sectioned] : [])];

/**
 * A cold build starts on a file system that has freed no inode in the last minute, as after a fresh checkout.
 * This machine's ext4 has no journal, and there the kernel does not reuse an inode freed in the last minute, or
 * one whose inode table block is not yet written back: it checks each free inode it comes to against the inode
 * table (fs/ext4/ialloc.c, `recently_deleted`) and moves on to the next. Deleting a 1000-page build (about 20,000
 * files) just before a cold build made every file that build wrote walk past the freed ones: 28.1 s instead of
 * 23.9 s, with 9.3 s of system time instead of 4.0 s (medians of 3; perf put 8.7 % of all samples in that check).
 * Astro's build writes a twentieth as many files and took the same time either way. So the bench deletes
 * nothing while it measures: a cold build's caches and each finished project are moved into `trash` (a rename
 * frees no inode), which goes when the bench has finished. And since a build frees inodes itself (one that
 * renders again deletes Next's earlier pages), a cold build waits until the build before it ended a minute ago,
 * its writes flushed. A cold build right after `rm -rf .next out` on such a file system takes the longer time.
 */
const trash = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-trash-'));
let trashed = 0;
function moveToTrash(file: string): void {
  if (fs.existsSync(file)) fs.renameSync(file, path.join(trash, String(trashed++)));
}
let lastBuildEnded = 0;
async function settleBeforeColdBuild(): Promise<void> {
  execFileSync('sync');
  const wait = lastBuildEnded + 61_000 - performance.now();
  if (lastBuildEnded > 0 && wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** A project of `pages` generated pages: a copy of this one with generated content and site config, or Astro's. */
async function makeProject(variant: Variant, pages: number): Promise<string> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'engine-bench-'));
  if (variant.generator === 'astro') {
    makeAstroProject(directory, pages);
    return directory;
  }
  syncProjectCopy(directory);
  fs.writeFileSync(path.join(directory, 'site.config.ts'), corpusSiteConfig(variant.clientRuntime, variant.sectioned, pages));
  writeCorpus(path.join(directory, 'content'), pages, variant.sectioned);
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

/** One phase of a build: its time and the highest memory sampled while it ran. */
interface Phase {
  seconds: number;
  peakBytes: number;
  peakRssBytes: number;
}

interface Run {
  seconds: number;
  /** The highest sum of the build's processes' proportional set sizes (see pssBytes). */
  peakBytes: number;
  /** The highest sum of their resident set sizes, which counts shared pages more than once. */
  peakRssBytes: number;
  /** In the order they ran; before the first that the build names, 'start' (Node, loading the generator). */
  phases: Map<string, Phase>;
}

/**
 * Runs one build of the project in `directory` and watches it: ours names each step as it starts over an IPC
 * channel (lib/build/run-build.ts), Astro in the lines it prints (astroPhase).
 */
async function build(directory: string, variant: Variant, { sampled = false }: { sampled?: boolean } = {}): Promise<Run> {
  const started = performance.now();
  const child = spawn(process.execPath, variant.generator === 'astro' ? astroBuildArguments : buildArguments, {
    cwd: directory,
    env: { ...process.env, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const phases = new Map<string, Phase>();
  let phase: Phase = { seconds: 0, peakBytes: 0, peakRssBytes: 0 };
  let phaseStarted = started;
  phases.set('start', phase);
  const enter = (name: string) => {
    const now = performance.now();
    phase.seconds += (now - phaseStarted) / 1000;
    phaseStarted = now;
    phase = phases.get(name) ?? { seconds: 0, peakBytes: 0, peakRssBytes: 0 };
    phases.set(name, phase);
  };
  child.on('message', (message: { buildStep?: string }) => {
    if (typeof message.buildStep === 'string') enter(message.buildStep);
  });
  let output = '';
  let pending = '';
  const { stdout, stderr } = child;
  if (!stdout || !stderr) throw new Error('The build was started without its output piped.');
  stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (variant.generator !== 'astro') return;
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const named = astroPhase(line);
      if (named && !phases.has(named)) enter(named);
    }
  });
  stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakBytes = 0;
  let peakRssBytes = 0;
  let samples = 0;
  const sample = () => {
    if (!child.pid) return;
    const tree = processTree(child.pid);
    const rssSum = tree.reduce((sum, member) => sum + member.rssBytes, 0);
    peakRssBytes = Math.max(peakRssBytes, rssSum);
    phase.peakRssBytes = Math.max(phase.peakRssBytes, rssSum);
    // Every 500 ms: the kernel walks a process's page tables to add up its PSS, holding the lock the process
    // needs to map memory. A sample of a 1000-page build's processes took about 22 ms; sampled every 100 ms,
    // cold builds took 49–56 s, against 39–45 s unobserved.
    if (samples++ % 5 === 0) {
      const pssSum = tree.reduce((sum, member) => sum + pssBytes(member.pid), 0);
      peakBytes = Math.max(peakBytes, pssSum);
      phase.peakBytes = Math.max(phase.peakBytes, pssSum);
    }
  };
  // Only in the sampled round (see measure): reading the processes' memory costs the build time, and more to ours.
  const sampler = sampled ? setInterval(sample, 100) : undefined;
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearInterval(sampler);
  lastBuildEnded = performance.now();
  enter('start');
  if (code !== 0) throw new Error(`build failed in ${directory}:\n${output.slice(-3000)}`);
  return { seconds: (performance.now() - started) / 1000, peakBytes, peakRssBytes, phases };
}

/** The kinds of build the bench makes of each site. */
type BuildKind = 'cold' | 'warm' | 'edited';

interface Result {
  variant: Variant;
  pages: number;
  cold: Run[];
  warm: Run[];
  /** A build after one page was edited: what an author waits for. */
  edited: Run[];
  /** One more cold, warm and edited build, each watched for its memory: the only runs that memory figures come from. */
  sampled: Record<BuildKind, Run>;
  outBytes: number;
  outFiles: number;
  transferMedian: number;
  transferMax: number;
}

async function measure(variant: Variant, pages: number): Promise<Result> {
  const directory = await makeProject(variant, pages);
  try {
    const cold: Run[] = [];
    const warm: Run[] = [];
    const edited: Run[] = [];
    const editedPage = variant.generator === 'astro' ? astroPagePath(directory, 7) : path.join(directory, 'content', corpusPath(7));
    const caches = variant.generator === 'astro' ? astroCaches : ['.next', 'out'];
    const runs = runsFor(pages);
    /** A cold build (after the caches are moved aside), a warm one, and one after a page was edited. */
    const round = async (label: string, sampled: boolean): Promise<Record<BuildKind, Run>> => {
      for (const cache of caches) moveToTrash(path.join(directory, cache));
      await settleBeforeColdBuild();
      const coldRun = await build(directory, variant, { sampled });
      const warmRun = await build(directory, variant, { sampled });
      fs.appendFileSync(editedPage, `\nA sentence added in ${label}.\n`);
      return { cold: coldRun, warm: warmRun, edited: await build(directory, variant, { sampled }) };
    };
    for (let run = 1; run <= runs; run++) {
      const timed = await round(`run ${run}`, false);
      cold.push(timed.cold);
      warm.push(timed.warm);
      edited.push(timed.edited);
      console.error(
        `  ${pages} pages, ${variant.name}, run ${run}/${runs}: cold ${timed.cold.seconds.toFixed(1)} s, warm ${timed.warm.seconds.toFixed(1)} s, one page edited ${timed.edited.seconds.toFixed(1)} s`,
      );
    }
    // Memory in a round of its own. Reading a process's proportional set size walks its page tables under the lock
    // its allocations need: sampled every 500 ms, a cold 1000-page build of ours took about 0.85 s longer and
    // Astro's about 0.3 s, so the timed runs above are not watched at all.
    const sampled = await round('the sampled round', true);
    console.error(`  ${pages} pages, ${variant.name}, memory sampled: cold ${sampled.cold.seconds.toFixed(1)} s, peak ${(sampled.cold.peakBytes / 1024 ** 3).toFixed(2)} GB`);
    const out = path.join(directory, 'out');
    const files = listFiles(out);
    const weights = weighPages(out).map((weight) => weight.total);
    return {
      variant,
      pages,
      cold,
      warm,
      edited,
      sampled,
      outBytes: files.reduce((sum, file) => sum + fs.statSync(path.join(out, file)).size, 0),
      outFiles: files.length,
      transferMedian: median(weights),
      transferMax: Math.max(...weights),
    };
  } finally {
    moveToTrash(directory);
  }
}

const seconds = (runsList: Run[]) => median(runsList.map((run) => run.seconds));
const peak = (run: Run) => run.peakBytes;
const peakRss = (run: Run) => run.peakRssBytes;
/** The highest over the kinds of build, in the sampled round. */
const highest = (result: Result, measure: (run: Run) => number) => Math.max(measure(result.sampled.cold), measure(result.sampled.warm), measure(result.sampled.edited));
const fixed = (value: number, digits = 1) => value.toFixed(digits);
const gigabytes = (bytes: number) => `${fixed(bytes / 1024 ** 3, 2)} GB`;
const ratio = (a: number, b: number) => `${fixed(a / b, 2)}×`;

/** The table of one page count: a row per variant, then each comparison's ratios. */
function resultTable(results: Result[], comparisons: [label: string, Result | undefined, Result | undefined][]): string {
  const header = ['variant', 'cold', 'ms/page', 'warm', 'ms/page', 'one edited', 'peak memory', 'RSS sum', 'out/', 'files', 'transfer median', 'max'];
  const rows = results.map((result) => [
    result.variant.name,
    `${fixed(seconds(result.cold))} s`,
    fixed((seconds(result.cold) * 1000) / result.pages, 0),
    `${fixed(seconds(result.warm))} s`,
    fixed((seconds(result.warm) * 1000) / result.pages, 0),
    `${fixed(seconds(result.edited))} s`,
    gigabytes(highest(result, peak)),
    gigabytes(highest(result, peakRss)),
    `${fixed(result.outBytes / 1024 ** 2)} MB`,
    String(result.outFiles),
    `${fixed(result.transferMedian / 1024)} KB`,
    `${fixed(result.transferMax / 1024)} KB`,
  ]);
  for (const [label, a, b] of comparisons) {
    if (!a || !b) continue;
    rows.push([
      label,
      ratio(seconds(a.cold), seconds(b.cold)),
      '',
      ratio(seconds(a.warm), seconds(b.warm)),
      '',
      ratio(seconds(a.edited), seconds(b.edited)),
      ratio(highest(a, peak), highest(b, peak)),
      ratio(highest(a, peakRss), highest(b, peakRss)),
      ratio(a.outBytes, b.outBytes),
      ratio(a.outFiles, b.outFiles),
      ratio(a.transferMedian, b.transferMedian),
      ratio(a.transferMax, b.transferMax),
    ]);
  }
  return formatTable(header, rows);
}

const buildKindName: Record<BuildKind, string> = { cold: 'cold', warm: 'warm', edited: 'one page edited' };

/** A phase of one kind of build at one page count: the median of its times, and its peak memory in the sampled round. */
function phaseOf(result: Result | undefined, kind: BuildKind, name: string): { seconds: number; peakBytes: number } | undefined {
  const found = result?.[kind].map((run) => run.phases.get(name)).filter((phase) => phase !== undefined) ?? [];
  if (!result || found.length === 0) return undefined;
  return { seconds: median(found.map((phase) => phase.seconds)), peakBytes: result.sampled[kind].phases.get(name)?.peakBytes ?? 0 };
}

/**
 * One kind of build phase by phase, a column per page count: time and peak memory (PSS; 'start' and steps shorter
 * than the 500 ms between samples may show none), and how the time per page grew from the second-largest count
 * to the largest. Phases under 0.3 s at every count are added up as 'other steps'.
 */
function phaseTable(variant: Variant, byCount: Result[], kind: BuildKind): string {
  const names = [...new Set(byCount.flatMap((result) => result[kind].flatMap((run) => [...run.phases.keys()])))];
  const large = (name: string) => byCount.some((result) => (phaseOf(result, kind, name)?.seconds ?? 0) >= 0.3);
  const [smaller, largest] = byCount.slice(-2);
  const growthLabel = smaller && largest && smaller !== largest ? `per page, ${largest.pages} / ${smaller.pages}` : '';
  const header = [`${variant.name}, ${buildKindName[kind]}`, ...byCount.map((result) => `${result.pages} pages`), ...(growthLabel ? [growthLabel] : [])];
  const cell = (phase: { seconds: number; peakBytes: number } | undefined) =>
    phase ? `${fixed(phase.seconds)} s${phase.peakBytes > 0 ? ` · ${gigabytes(phase.peakBytes)}` : ''}` : '–';
  const growth = (time: (result: Result) => number) => (smaller && largest && growthLabel ? [ratio(time(largest) / largest.pages, time(smaller) / smaller.pages)] : []);
  const rows = names.filter(large).map((name) => [name, ...byCount.map((result) => cell(phaseOf(result, kind, name))), ...growth((result) => phaseOf(result, kind, name)?.seconds ?? 0)]);
  const small = names.filter((name) => !large(name));
  if (small.length > 0) {
    const otherSeconds = (result: Result) => small.reduce((sum, name) => sum + (phaseOf(result, kind, name)?.seconds ?? 0), 0);
    rows.push([`other steps (${small.length})`, ...byCount.map((result) => `${fixed(otherSeconds(result))} s`), ...growth(otherSeconds)]);
  }
  rows.push(['whole build', ...byCount.map((result) => `${fixed(seconds(result[kind]))} s · ${gigabytes(peak(result.sampled[kind]))}`), ...growth((result) => seconds(result[kind]))]);
  return formatTable(header, rows);
}

console.error(
  `Building ${pageCounts.join(', ')} generated pages (${variants.map((variant) => variant.name).join('; ')}), each cold, warm and after one edit…`,
);
const results: Result[] = [];
// A build that fails (Astro out of memory at a page count, say) is reported, and the others still measured.
const failures: string[] = [];
for (const pages of pageCounts) {
  for (const variant of variants) {
    try {
      results.push(await measure(variant, pages));
    } catch (error) {
      const lines = (error instanceof Error ? error.message : String(error)).trim().split('\n');
      console.error(`  ${pages} pages, ${variant.name}: failed\n${lines.slice(-15).join('\n')}`);
      failures.push(`${variant.name} at ${pages} pages failed: ${lines.filter((line) => line.trim() !== '').at(-1) ?? 'no output'}`);
    }
  }
}

console.log(`${os.cpus().length} cores, ${fixed(os.totalmem() / 1024 ** 3, 0)} GB, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
for (const pages of pageCounts) {
  const at = results.filter((result) => result.pages === pages);
  if (at.length === 0) continue;
  const of = (variant: Variant) => at.find((result) => result.variant === variant);
  console.log(`\n${pages} pages, median of ${runsFor(pages)} ${runsFor(pages) === 1 ? 'run' : 'runs'}:`);
  console.log(
    resultTable(
      at,
      photoCount > 0
        ? [['ratio (photos / flat)', at[1], at[0]]]
        : [
            ['ratio (ours / runtime kept)', of(ours), of(runtimeKept)],
            [`ratio (ours / ${astroName})`, of(ours), of(astro)],
          ],
    ),
  );
  if (photoCount > 0 && at[0] && at[1]) {
    const [flat, withPhotos] = [at[0], at[1]];
    const added = (pick: (result: Result) => Run[]) => `${fixed(seconds(pick(withPhotos)) - seconds(pick(flat)))} s`;
    console.log(`${photoCount} photos add: cold ${added((result) => result.cold)}, warm ${added((result) => result.warm)}, one page edited ${added((result) => result.edited)}.`);
  }
  console.log(`Memory from a round of its own; cold then, its memory sampled: ${at.map((result) => `${result.variant.name} ${fixed(result.sampled.cold.seconds)} s`).join(', ')}.`);
}
for (const variant of variants) {
  const measured = results.filter((result) => result.variant === variant);
  if (measured.length === 0) continue;
  console.log(`\n${phaseTable(variant, measured, 'cold')}`);
  // Where an author waits: our warm and one-edit builds, step by step.
  if (variant === ours) for (const kind of ['warm', 'edited'] as const) console.log(`\n${phaseTable(variant, measured, kind)}`);
}
if (failures.length > 0) console.log(`\n${failures.join('\n')}`);
fs.rmSync(trash, { recursive: true, force: true });
