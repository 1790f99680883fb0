/**
 * A backfill's memory stays flat as it grows: the peak RSS of the backfill's memory path at 200k GL
 * lines is at most 1.3× the peak at 50k. The path is bench/memory-flat-child.ts: Intacct record
 * pages parsed, converted, staged and merged by four concurrent streams of 20,000-line slices with
 * the job's DuckDB defaults, each run in a fresh process. A ratio, not a figure, so a slower or
 * busier machine does not fail it; each size is the mean of two runs, because one run's peak moves
 * by tens of MB with when the garbage collector happens to run. The absolute figures are bench rows
 * (bench/RESULTS.md).
 */
import { describe, expect, it } from 'vitest';
import { SIZES, peakRssMb } from '../../bench/memory-flat.ts';

describe('backfill memory', () => {
  it('peaks at no more than 1.3× the 50k-line RSS when loading 200k lines', async () => {
    const small: number[] = [];
    const large: number[] = [];
    for (let run = 0; run < 2; run++) {
      small.push(await peakRssMb(SIZES[0]));
      large.push(await peakRssMb(SIZES[1]));
    }
    const mean = (runs: number[]) => runs.reduce((a, b) => a + b, 0) / runs.length;
    // Printed so a CI log shows how close to the limit a run came.
    console.log(
      `peak RSS: ${small.join(', ')} MB at ${SIZES[0]} lines; ${large.join(', ')} MB at ${SIZES[1]}`,
    );
    expect(mean(large) / mean(small)).toBeLessThanOrEqual(1.3);
  }, 900_000);
});
