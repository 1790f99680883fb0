import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const exec = promisify(execFile);
const child = fileURLToPath(new URL('./memory-flat-child.ts', import.meta.url));

/**
 * The low-memory setting (warehouse.memoryLimit 256MB, warehouse.serialMerges). The buffer pool
 * keeps blocks of the growing raw table cached up to its limit, so below that the peak grows with
 * the table: with the defaults (512MB, MERGEs in parallel) 200k lines peaked at 1.5x the 50k
 * figure, with this setting at 1.25x (bench/RESULTS.md).
 */
const MEMORY_LIMIT = 'low-memory';

/** Peak RSS of a fresh process that pushes `lines` GL lines through parse, stage and MERGE. */
async function peakRss(lines: number): Promise<number> {
  const { stdout } = await exec(process.execPath, ['--import', 'tsx', child, String(lines), MEMORY_LIMIT], {
    cwd: fileURLToPath(new URL('../..', import.meta.url)),
  });
  const result = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { lines: number; maxRssMb: number };
  expect(result.lines).toBe(lines);
  return result.maxRssMb;
}

describe('backfill memory', () => {
  // A ratio, not a figure, so it holds on a noisy machine; the figures are in bench/RESULTS.md.
  it('with the low-memory setting, peak RSS for 200k GL lines is at most 1.3x that for 50k', async () => {
    const small = await peakRss(50_000);
    const large = await peakRss(200_000);
    expect(large / small, `peak RSS ${small} MB at 50k lines, ${large} MB at 200k`).toBeLessThanOrEqual(1.3);
  }, 600_000);
});
