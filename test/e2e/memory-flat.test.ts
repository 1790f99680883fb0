/**
 * A backfill's memory stays flat as it grows: the peak RSS of the backfill's memory path at 200k GL
 * lines is at most 1.3× the peak at 50k. The path is bench/memory-flat-child.ts: Intacct record
 * pages parsed, converted, staged and merged by four concurrent streams of 20,000-line slices with
 * the job's DuckDB defaults, each size in a fresh process. A ratio, not a figure, so a slower or
 * busier machine does not fail it; the absolute figures are bench rows (bench/RESULTS.md).
 */
import { describe, expect, it } from 'vitest';
import { SIZES, peakRssMb } from '../../bench/memory-flat.ts';

describe('backfill memory', () => {
  it('peaks at no more than 1.3× the 50k-line RSS when loading 200k lines', async () => {
    const small = await peakRssMb(SIZES[0]);
    const large = await peakRssMb(SIZES[1]);
    // Printed so a CI log shows how close to the limit a run came.
    console.log(`peak RSS: ${small} MB at ${SIZES[0]} lines, ${large} MB at ${SIZES[1]} lines`);
    expect(large / small).toBeLessThanOrEqual(1.3);
  }, 600_000);
});
