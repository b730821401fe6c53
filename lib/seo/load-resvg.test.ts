import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadResvg } from './load-resvg';

describe('loadResvg', () => {
  it('loads resvg and leaves the environment as it was', () => {
    const before = process.env.MIMALLOC_PURGE_DELAY;
    expect(typeof loadResvg().renderAsync).toBe('function');
    expect(process.env.MIMALLOC_PURGE_DELAY).toBe(before);
  });

  it('gives resvg’s allocator the longer purge delay, unless the user chose one', () => {
    // A fresh process, since the allocator reads its options once; MIMALLOC_VERBOSE makes it print them.
    const purgeDelay = (userValue?: string) => {
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `(await import(${JSON.stringify(path.join(import.meta.dirname, 'load-resvg.ts'))})).loadResvg();`], {
        encoding: 'utf8',
        env: { ...process.env, MIMALLOC_VERBOSE: '1', MIMALLOC_PURGE_DELAY: userValue },
      });
      expect(child.status, child.stderr).toBe(0);
      return /option 'purge_delay': (-?\d+)/.exec(child.stderr)?.[1];
    };
    expect(purgeDelay()).toBe('1000');
    expect(purgeDelay('25')).toBe('25');
  }, 30_000);
});
