import { describe, expect, it } from 'vitest';
import { completeLockfile, type Lockfile } from './complete-lockfile';

/** A registry holding the Linux build of 1.0.1 and only older macOS builds, as the development machines' does. */
const registry: Record<string, { version: string; os?: string[]; cpu?: string[]; libc?: string[]; license?: string; dist?: { integrity: string } }> = {
  'tool-linux-x64@1.0.1': { version: '1.0.1', os: ['linux'], cpu: ['x64'], libc: ['glibc'], license: 'MIT', dist: { integrity: 'sha512-linux' } },
  'tool-darwin-arm64': { version: '1.0.0', os: ['darwin'], cpu: ['arm64'], license: 'MIT' },
  'tool-darwin-arm64@1.0.0': { version: '1.0.0', os: ['darwin'], cpu: ['arm64'], license: 'MIT', dist: { integrity: 'sha512-darwin' } },
};
const lookUp = (spec: string) => registry[spec];

function lockWith(tool: Record<string, unknown>, extra: Lockfile['packages'] = {}): Lockfile {
  return {
    lockfileVersion: 3,
    packages: {
      '': { name: 'site', dependencies: { tool: '^1.0.0' } },
      'node_modules/tool': { version: '1.0.1', ...tool },
      'node_modules/tool-linux-x64': { version: '1.0.1', integrity: 'sha512-linux', optional: true, os: ['linux'], cpu: ['x64'] },
      ...extra,
    },
  };
}

describe('completeLockfile', () => {
  it('adds the platform package the registry lacks, with its platform fields and without integrity', () => {
    const lock = lockWith({ optionalDependencies: { 'tool-linux-x64': '1.0.1', 'tool-darwin-arm64': '1.0.1' } });
    expect(completeLockfile(lock, lookUp)).toEqual(['node_modules/tool-darwin-arm64@1.0.1 (no integrity: not on this registry)']);
    expect(lock.packages['node_modules/tool-darwin-arm64']).toEqual({ version: '1.0.1', cpu: ['arm64'], license: 'MIT', optional: true, os: ['darwin'] });
    // npm's order: the new key sits between its neighbours, so a later `npm install` leaves the file alone.
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/tool', 'node_modules/tool-darwin-arm64', 'node_modules/tool-linux-x64']);
  });

  it('takes integrity from the registry when it has the exact version, and marks dev dependencies dev', () => {
    const lock = lockWith({ dev: true, optionalDependencies: { 'tool-darwin-arm64': '1.0.0' } });
    completeLockfile(lock, lookUp);
    expect(lock.packages['node_modules/tool-darwin-arm64']).toMatchObject({ version: '1.0.0', integrity: 'sha512-darwin', dev: true, optional: true });
  });

  it('nests the entry when another version holds the top-level name', () => {
    const lock = lockWith(
      { optionalDependencies: { 'tool-darwin-arm64': '1.0.1' } },
      { 'node_modules/tool-darwin-arm64': { version: '0.9.0', optional: true, os: ['darwin'], cpu: ['arm64'] } },
    );
    completeLockfile(lock, lookUp);
    expect(lock.packages['node_modules/tool/node_modules/tool-darwin-arm64']).toMatchObject({ version: '1.0.1' });
  });

  it('changes nothing on a complete lockfile', () => {
    const lock = lockWith({ optionalDependencies: { 'tool-linux-x64': '1.0.1' } });
    const before = JSON.stringify(lock);
    expect(completeLockfile(lock, lookUp)).toEqual([]);
    expect(JSON.stringify(lock)).toBe(before);
  });

  it('refuses what it cannot write faithfully: ranges and packages that are not platform builds', () => {
    expect(() => completeLockfile(lockWith({ optionalDependencies: { 'tool-darwin-arm64': '^1.0.0' } }), lookUp)).toThrow(
      'node_modules/tool: optional dependency tool-darwin-arm64@^1.0.0 is missing from the lockfile and is not pinned to one version',
    );
    expect(() => completeLockfile(lockWith({ optionalDependencies: { 'no-such-tool': '1.0.0' } }), lookUp)).toThrow('no-such-tool: the registry has no version');
  });
});
