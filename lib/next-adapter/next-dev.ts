/**
 * What the engine assumes about running `next dev` (scripts/dev.ts), checked on the version in next-build.ts.
 *
 * On Ctrl-C, Next 16.4's `next dev` gives its server process 100 ms to exit before it kills it
 * (next/dist/cli/next-dev.js, CHILD_EXIT_TIMEOUT_MS), and the server only tells Turbopack the process is ending
 * (`project.onExit()`, server/dev/hot-reloader-turbopack.js). Turbopack writes its compile cache
 * (.next/dev/cache/turbopack) in the background of a long session only, so after a short one the next start compiled
 * from nothing: 10.4–12.7 s to the first page of the shipped site instead of 8.4–8.5 s. With this variable the server
 * shuts Turbopack down, which writes the cache, and `next dev` waits for it: Ctrl-C takes about a second longer.
 */
export const nextDevEnvironment: Readonly<Record<string, string>> = { __NEXT_DEV_WAIT_FOR_TURBOPACK_SHUTDOWN: '1' };

/** How long a stopped `next dev` may take to write its cache and exit before the dev script kills it. */
export const nextDevStopTimeoutMs = 15_000;
