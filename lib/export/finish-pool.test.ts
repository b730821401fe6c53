import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '@/lib/testing/temp-folder';
import { fixtureScripts } from './fixtures/fixture-scripts';
import { finishPageFile, finishPageFiles, finishWorkerCount, outcomeError } from './finish-pool';
import { PageMarkupReader } from './page-weight';

const fixtures = path.join(import.meta.dirname, 'fixtures');
const options = { basePath: '/docs', clientRuntime: false, scripts: fixtureScripts };

describe('finishPageFiles', () => {
  it('gives, with workers beside this thread, exactly the outcomes one thread gives, in the order of the pages', async () => {
    // Next's real pages (the adapter's fixtures), pages that are refused, and one the export does not understand.
    const real = fs.readdirSync(fixtures).filter((name) => name.endsWith('.next.html'));
    const files: Record<string, string> = {};
    for (let index = 0; index < 60; index++) {
      const fixture = real[index % real.length] ?? '';
      files[`page-${index}/index.html`] = fs.readFileSync(path.join(fixtures, fixture), 'utf8');
    }
    files['refused/index.html'] = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><a href="javascript:alert(1)">x</a></body></html>';
    files['unknown/index.html'] = '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><script>unknown()</script></body></html>';
    const out = tempFolder('finish-pool', files);
    const pages = Object.keys(files).sort();
    const alone = pages.map((file) => finishPageFile(out, file, options));
    const pooled = await finishPageFiles(out, pages, options, { workers: 1 });
    expect(pooled).toEqual(alone);
    // Read for weighing as they are finished, with the same outcome in a worker too.
    const weighedAlone = pages.map((file) => finishPageFile(out, file, options, new PageMarkupReader(out, options.basePath, undefined)));
    const weighedPooled = await finishPageFiles(out, pages, options, { workers: 1, weigh: { katexCss: undefined } });
    expect(weighedPooled).toEqual(weighedAlone);
    expect(weighedPooled.filter((outcome) => outcome.kind === 'finished').every((outcome) => outcome.markup !== undefined)).toBe(true);
    expect(weighedPooled.map((outcome) => (outcome.kind === 'finished' ? { ...outcome, markup: undefined } : outcome))).toEqual(alone.map((outcome) => (outcome.kind === 'finished' ? { ...outcome, markup: undefined } : outcome)));
    expect(new Set(pooled.map((outcome) => outcome.kind))).toEqual(new Set(['finished', 'refused', 'failed']));
    const failed = pooled.find((outcome) => outcome.kind === 'failed');
    if (failed?.kind !== 'failed') throw new Error('expected a failed outcome');
    expect(outcomeError(failed).message).toMatch(/^out\/unknown\/index\.html: a <script> the zero-JS export does not recognise/);
    expect(outcomeError(failed).name).toBe('ExportError');
  });

  it('starts workers only for sites large enough to pay for their start, and never more than the other cores', () => {
    expect(finishWorkerCount(20, 2)).toBe(0);
    expect(finishWorkerCount(1000, 1)).toBe(0);
    expect(finishWorkerCount(1000, 2)).toBe(1);
    expect(finishWorkerCount(1000, 8)).toBe(6);
  });
});
