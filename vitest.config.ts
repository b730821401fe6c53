import path from 'node:path';
import { defineConfig } from 'vitest/config';

// Two projects: `unit` (seconds; `npm run test:unit`) and `build`, the tests that run real builds in a copy of
// the project (about a minute; `npm run test:build`). `npx vitest run` runs both.
const buildTests = ['scripts/build.test.ts'];

export default defineConfig({
  resolve: { alias: { '@': path.resolve(import.meta.dirname) } },
  test: {
    environment: 'node',
    projects: [
      { extends: true, test: { name: 'unit', include: ['lib/**/*.test.ts', 'scripts/**/*.test.ts'], exclude: buildTests } },
      // One build at a time: each already keeps both cores busy.
      { extends: true, test: { name: 'build', include: buildTests, testTimeout: 600_000, hookTimeout: 120_000, fileParallelism: false } },
    ],
  },
});
