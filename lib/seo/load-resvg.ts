import { createRequire } from 'node:module';

/**
 * resvg-js, loaded with its allocator told to keep freed memory for a second.
 *
 * The native module allocates with its own mimalloc, which by default gives freed pages back to the system after
 * 10 ms. Every drawing is a fresh pixmap (a whole card's is 3 MB, and resvg-js copies it once more), and the next
 * card comes later than that, so each one faulted its pages in anew: when each card was drawn whole, about 1,000
 * page faults a card on the 2-core build machine, where a card took 36–49 ms of CPU from layout to PNG, and
 * 22–29 ms with the delay. With a delay of a second the pages carry over from card to card and still go back to
 * the system once the images are done.
 *
 * mimalloc reads its options from the environment once, when the module is loaded, so the variable is set only
 * for the synchronous `require` and restored at once: child processes (`next build`) do not inherit it. A value
 * the user set is left alone, and so is a resvg that something else in the process loaded first.
 * https://microsoft.github.io/mimalloc/environment.html
 */

const require = createRequire(import.meta.url);
type Resvg = typeof import('@resvg/resvg-js');

let loaded: Resvg | undefined;
export function loadResvg(): Resvg {
  if (loaded) return loaded;
  const variable = 'MIMALLOC_PURGE_DELAY';
  const userValue = process.env[variable];
  if (userValue === undefined) process.env[variable] = '1000';
  try {
    // The package's own type declarations describe what `require` (typed any) returns.
    const resvg: Resvg = require('@resvg/resvg-js');
    loaded = resvg;
  } finally {
    if (userValue === undefined) delete process.env[variable];
  }
  return loaded;
}
