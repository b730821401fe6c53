/**
 * Node's flag for V8's helper threads (concurrent marking, parallel scavenges, background compiles) sized to the
 * machine, one fewer than its cores and at least one, instead of Node's fixed four. Every process of a build keeps
 * the cores busy with threads of its own: the content step a compile worker per core, the finish step a thread per
 * core, Next's renderers a process per core. Four helpers per process on top of those only took turns with them
 * (sampled per thread during the content step, they had a third of the CPU on two cores). `npm run build` gives the
 * flag to the build's process (package.json), and the build to the processes it starts: the preview images' child
 * (lib/seo/og-images.ts) and `next build`, whose own processes inherit it through NODE_OPTIONS
 * (lib/next-adapter/next-build.ts). Figures: docs/benchmarks.md.
 */
export const v8HelperThreadsFlag = '--v8-pool-size=0';

/** NODE_OPTIONS for a child process: the parent's, with the helper threads sized to the machine. */
export function nodeOptionsWithHelperThreads(nodeOptions: string | undefined): string {
  return [nodeOptions, v8HelperThreadsFlag].filter((option) => option !== undefined && option !== '').join(' ');
}
