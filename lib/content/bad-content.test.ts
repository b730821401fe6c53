import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultTimeLimitMs, runCorpus, type CorpusResult } from '@/lib/testing/content-corpus';
import { cases } from './bad-content.corpus';

let results: Map<string, CorpusResult>;
beforeAll(async () => {
  results = await runCorpus(path.join(import.meta.dirname, 'bad-content.corpus.ts'), cases);
}, 300_000);

describe('the bad-content corpus', () => {
  it('has a case for every kind of bad input the engine promises to handle, each named once', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    expect(new Set(cases.map((corpusCase) => corpusCase.name)).size).toBe(cases.length);
  });

  it.each(cases)('$name: $outcome', (corpusCase) => {
    const result = results.get(corpusCase.name);
    expect(result, 'the case ran').toBeDefined();
    if (!result) return;
    expect(result.hung, `finished within ${corpusCase.timeLimitMs ?? defaultTimeLimitMs} ms`).toBeUndefined();
    expect(result.crash, 'no crash: only content errors').toBeUndefined();
    // Every problem is one line that starts with the file and line, as editors and CI annotations read them.
    for (const error of result.errors) expect(error).toMatch(/^content\/[^\n:]+:\d+(:\d+)?: [^\n]+$/);
    corpusCase.check(result, expect);
  });
});
