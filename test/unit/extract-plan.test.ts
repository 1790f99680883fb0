import { describe, expect, it } from 'vitest';
import {
  MAX_SLICES,
  ROWS_PER_SLICE,
  TOP_LEVEL,
  keySliceFilter,
  planStreams,
  splitKeys,
  stateKey,
  windowFilter,
} from '../../src/extract/plan.ts';
import { findObject } from '../../src/intacct/objects/index.ts';

const gl = findObject('GLDETAIL')!;
// GLBATCH has a creation timestamp; GLDETAIL's WHENCREATED is only a date.
const batches = findObject('GLBATCH')!;
const accounts = findObject('GLACCOUNT')!;
const invoices = findObject('ARINVOICE')!;
const RUN = Date.parse('2026-11-20T12:00:00Z');

describe('stream planning', () => {
  it('reads objects without state whole, company-wide lists once at the top level', () => {
    const tasks = planStreams({
      objects: [gl, accounts],
      entities: [TOP_LEVEL, 'US1', 'UK1'],
      states: new Map(),
      runStart: RUN,
      safetyLagMs: 60_000,
    });
    expect(tasks.map((t) => `${t.object.object}/${t.entity}/${t.mode}`)).toEqual([
      'GLDETAIL//full',
      'GLDETAIL/US1/full',
      'GLDETAIL/UK1/full',
      'GLACCOUNT//full',
    ]);
    expect(tasks[0]!.window).toEqual({ from: null, to: RUN - 60_000 });
  });

  it('windows incremental reads from watermark minus lookback to run start minus lag', () => {
    const states = new Map([[stateKey('GLDETAIL', 'US1'), '2026-11-19T00:00:00.000Z']]);
    const [task] = planStreams({
      objects: [gl],
      entities: ['US1'],
      states,
      runStart: RUN,
      safetyLagMs: 120_000,
    });
    expect(task!.mode).toBe('incremental');
    expect(task!.window.from).toBe(Date.parse('2026-11-19T00:00:00Z') - gl.lookbackMinutes * 60_000);
    expect(task!.window.to).toBe(RUN - 120_000);
    const [override] = planStreams({
      objects: [gl],
      entities: ['US1'],
      states,
      runStart: RUN,
      safetyLagMs: 0,
      lookbackMinutes: 0,
    });
    expect(override!.window.from).toBe(Date.parse('2026-11-19T00:00:00Z'));
  });

  it('slices large objects in a backfill into adjoining windows covering the range exactly', () => {
    const from = Date.parse('2026-01-01T00:00:00Z');
    const to = Date.parse('2026-03-31T23:59:59.999Z');
    const tasks = planStreams({
      objects: [gl, invoices],
      entities: ['US1'],
      states: new Map(),
      runStart: RUN,
      safetyLagMs: 0,
      backfill: { from, to, sliceDays: 31 },
    });
    const slices = tasks.filter((t) => t.object === gl);
    expect(slices.length).toBe(3);
    expect(slices[0]!.window.from).toBe(from);
    expect(slices.at(-1)!.window.to).toBe(to);
    for (let i = 1; i < slices.length; i++)
      expect(slices[i]!.window.from).toBe(slices[i - 1]!.window.to! + 1);
    expect(tasks.filter((t) => t.object === invoices).map((t) => t.window)).toEqual([{ from, to }]);
  });

  it('bounds the slices of a long backfill and ends it at the run start', () => {
    const from = Date.parse('2000-01-01T00:00:00Z');
    const tasks = planStreams({
      objects: [gl],
      entities: ['US1'],
      states: new Map(),
      runStart: RUN,
      safetyLagMs: 0,
      backfill: { from, to: Date.parse('2099-12-31T23:59:59.999Z'), sliceDays: 31 },
    });
    expect(tasks).toHaveLength(MAX_SLICES);
    expect(tasks[0]!.window.from).toBe(from);
    expect(tasks.at(-1)!.window.to).toBe(RUN);
    for (let i = 1; i < tasks.length; i++) expect(tasks[i]!.window.from).toBe(tasks[i - 1]!.window.to! + 1);
  });

  it('slices only as much as the counted records need', () => {
    const plan = (rows: number) =>
      planStreams({
        objects: [gl],
        entities: ['US1'],
        states: new Map(),
        runStart: RUN,
        safetyLagMs: 0,
        backfill: { from: Date.parse('2024-01-01T00:00:00Z'), to: RUN, sliceDays: 31 },
        counts: new Map([[stateKey('GLDETAIL', 'US1'), rows]]),
      }).length;
    expect(plan(0)).toBe(1);
    expect(plan(ROWS_PER_SLICE)).toBe(1);
    expect(plan(ROWS_PER_SLICE * 3 + 1)).toBe(4);
    expect(plan(ROWS_PER_SLICE * 1000)).toBe(35); // the months in the range
  });

  it('splits a counted key range into adjoining key slices, open at both ends, whatever the time range', () => {
    const slices = splitKeys('101', '1100', 4)!;
    expect(slices).toEqual([
      { upTo: '350' },
      { after: '350', upTo: '600' },
      { after: '600', upTo: '850' },
      { after: '850' },
    ]);
    // Every key in the range, and any outside it, falls in exactly one slice.
    const within = (k: bigint, s: (typeof slices)[number]) =>
      (s.after === undefined || k > BigInt(s.after)) && (s.upTo === undefined || k <= BigInt(s.upTo));
    for (const k of [1n, 101n, 350n, 351n, 999n, 1100n, 5000n])
      expect(slices.filter((s) => within(k, s))).toHaveLength(1);
    expect(splitKeys('1', '3', 4)).toBeUndefined();
    expect(splitKeys('A1', 'Z9', 2)).toBeUndefined();
    expect(splitKeys('1', '99999999999999999999', 2)).toEqual([
      { upTo: '49999999999999999999' },
      { after: '49999999999999999999' },
    ]);
    expect(keySliceFilter(gl, { after: '350', upTo: '600' })).toEqual({
      op: 'and',
      filters: [
        { op: 'gt', field: 'RECORDNO', value: { type: 'number', value: '350' } },
        { op: 'le', field: 'RECORDNO', value: { type: 'number', value: '600' } },
      ],
    });

    // A one-month backfill of many records: sliced by key (time alone would allow one slice).
    const tasks = planStreams({
      objects: [gl],
      entities: ['US1'],
      states: new Map(),
      runStart: RUN,
      safetyLagMs: 0,
      backfill: {
        from: Date.parse('2026-10-01T00:00:00Z'),
        to: Date.parse('2026-10-31T23:59:59Z'),
        sliceDays: 31,
        sliceRows: 1000,
      },
      counts: new Map([[stateKey('GLDETAIL', 'US1'), 2500]]),
      keyRanges: new Map([[stateKey('GLDETAIL', 'US1'), { first: '1', last: '9000' }]]),
    });
    expect(tasks.map((t) => t.keys)).toEqual([
      { upTo: '3000' },
      { after: '3000', upTo: '6000' },
      { after: '6000' },
    ]);
    expect(new Set(tasks.map((t) => JSON.stringify(t.window))).size).toBe(1);
  });

  it('catches records with a null watermark by their creation time', () => {
    const filter = windowFilter(batches, { from: 1000, to: 2000 });
    expect(filter).toEqual({
      op: 'or',
      filters: [
        {
          op: 'and',
          filters: [
            { op: 'ge', field: 'WHENMODIFIED', value: { type: 'timestamp', value: 1000 } },
            { op: 'le', field: 'WHENMODIFIED', value: { type: 'timestamp', value: 2000 } },
          ],
        },
        {
          op: 'and',
          filters: [
            { op: 'isnull', field: 'WHENMODIFIED' },
            { op: 'ge', field: 'WHENCREATED', value: { type: 'timestamp', value: 1000 } },
            { op: 'le', field: 'WHENCREATED', value: { type: 'timestamp', value: 2000 } },
          ],
        },
      ],
    });
    expect(windowFilter(batches, { from: null, to: null })).toBeUndefined();
  });
});
