import { describe, expect, it } from 'vitest';
import { buildArguments } from '@/scripts/project-copy';
import { nodeOptionsWithHelperThreads, v8HelperThreadsFlag } from './v8-helper-threads';

describe('V8 helper threads', () => {
  it("is a flag of npm run build's own process", () => {
    expect(buildArguments.slice(0, -1)).toContain(v8HelperThreadsFlag);
  });

  it("keeps the parent's NODE_OPTIONS for a child", () => {
    expect(nodeOptionsWithHelperThreads(undefined)).toBe('--v8-pool-size=0');
    expect(nodeOptionsWithHelperThreads('')).toBe('--v8-pool-size=0');
    expect(nodeOptionsWithHelperThreads('--max-old-space-size=4096')).toBe('--max-old-space-size=4096 --v8-pool-size=0');
  });
});
