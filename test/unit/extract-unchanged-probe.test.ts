import { describe, expect, it } from 'vitest';
import { type StreamTask, TOP_LEVEL, planStreams, stateKey } from '../../src/extract/plan.ts';
import { judgeProbe, planProbe } from '../../src/extract/unchanged-probe.ts';
import { ClassifiedError } from '../../src/core/errors.ts';
import type { WindowProbeAnswer } from '../../src/intacct/client.ts';
import { findObject } from '../../src/intacct/objects/index.ts';
import { parseResponse, readCountedFirst } from '../../src/intacct/response.ts';
import { tableSpecFromDescriptor } from '../../src/warehouse/table-spec.ts';

const gl = findObject('GLDETAIL')!;
const customers = findObject('CUSTOMER')!;
const departments = findObject('DEPARTMENT')!;
const RUN = Date.parse('2026-11-20T12:00:00.250Z');
const STORED = '2026-11-20T10:00:00.000Z';
const TZ = 'America/Los_Angeles';

function incremental(object = gl, entity = 'US1'): StreamTask {
  const [task] = planStreams({
    objects: [object],
    entities: [entity],
    states: new Map([[stateKey(object.object, object.entityScope === 'top' ? TOP_LEVEL : entity), STORED]]),
    runStart: RUN,
    safetyLagMs: 0,
  });
  return task!;
}

const ok = (totalCount: number | undefined, watermark?: string | null): WindowProbeAnswer => ({
  ok: true,
  totalCount,
  first: watermark === undefined ? undefined : { RECORDNO: '7', WHENMODIFIED: watermark },
});

const judge = (answer: WindowProbeAnswer, warehouseCount: number | undefined) =>
  judgeProbe({
    answer,
    warehouseCount,
    storedWatermark: STORED,
    watermarkField: 'WHENMODIFIED',
    timeZone: TZ,
  });

describe('judging a probe answer', () => {
  // 10:00:00 UTC is 02:00:00 in Los Angeles (PST).
  it('is unchanged only with equal counts and nothing newer than the stored watermark', () => {
    expect(judge(ok(5, '11/20/2026 02:00:00'), 5)).toEqual({ unchanged: true });
    expect(judge(ok(5, '11/20/2026 01:59:59'), 5)).toEqual({ unchanged: true });
    expect(judge(ok(0), 0)).toEqual({ unchanged: true });
  });

  it('reads when the counts differ (a late commit, a delete) or a record is newer (an edit)', () => {
    expect(judge(ok(6, '11/20/2026 01:00:00'), 5)).toMatchObject({
      unchanged: false,
      reason: 'counts differ (Intacct 6, warehouse 5)',
    });
    expect(judge(ok(4, '11/20/2026 01:00:00'), 5)).toMatchObject({ unchanged: false });
    expect(judge(ok(5, '11/20/2026 02:00:01'), 5)).toMatchObject({
      unchanged: false,
      reason: expect.stringMatching(/newer/),
    });
  });

  it('reads whenever the answer leaves a doubt', () => {
    const failed: WindowProbeAnswer = {
      ok: false,
      error: new ClassifiedError('query failed', { kind: 'terminal' }),
    };
    expect(judge(failed, 5)).toMatchObject({
      unchanged: false,
      reason: expect.stringMatching(/probe failed/),
    });
    expect(judge(ok(undefined, '11/20/2026 01:00:00'), 5)).toMatchObject({ unchanged: false });
    expect(judge(ok(5, '11/20/2026 01:00:00'), undefined)).toMatchObject({ unchanged: false });
    // Nulls sort first when descending: a null newest watermark says nothing about the others.
    expect(judge(ok(5, null), 5)).toMatchObject({ unchanged: false });
    expect(judge(ok(5), 5)).toMatchObject({ unchanged: false });
    expect(judge(ok(5, 'yesterday'), 5)).toMatchObject({ unchanged: false });
  });
});

describe('reading a probe result', () => {
  const result = (data: string) =>
    parseResponse(
      `<response><control><status>success</status></control><operation><result><status>success</status><function>query</function><controlid>probe-1</controlid>${data}</result></operation></response>`,
    ).results[0]!;

  it('takes totalcount in any case, and the first record', () => {
    expect(
      readCountedFirst(
        result(
          '<data listtype="GLDETAIL" totalcount="12" offset="0" count="1" numremaining="11"><GLDETAIL><RECORDNO>9</RECORDNO><WHENMODIFIED></WHENMODIFIED></GLDETAIL></data>',
        ),
      ),
    ).toEqual({ totalCount: 12, first: { RECORDNO: '9', WHENMODIFIED: null } });
    expect(readCountedFirst(result('<data totalCount="3" count="1"/>')).totalCount).toBe(3);
  });

  it('adds count and numremaining when totalcount is missing; otherwise leaves it undefined', () => {
    expect(readCountedFirst(result('<data count="1" numremaining="4"/>')).totalCount).toBe(5);
    expect(readCountedFirst(result('<data offset="0" count="0" numremaining="0"/>'))).toEqual({
      totalCount: 0,
      first: undefined,
    });
    expect(readCountedFirst(result('<data count="1"/>')).totalCount).toBeUndefined();
    expect(readCountedFirst(result('<data totalcount="many" count="1"/>')).totalCount).toBeUndefined();
    expect(readCountedFirst(result(''))).toEqual({ totalCount: undefined, first: undefined });
  });
});

describe('planning a probe', () => {
  it('probes an incremental stream with the read window, the warehouse bounds in whole seconds', () => {
    const task = incremental();
    const probe = planProbe(task, tableSpecFromDescriptor(gl), undefined, TZ)!;
    expect(probe.request).toMatchObject({ object: 'GLDETAIL', key: 'RECORDNO', watermark: 'WHENMODIFIED' });
    expect(probe.request.filter).toBeDefined();
    expect(probe.count.entity).toBe('US1');
    expect(probe.count.watermark.from).toEqual({
      kind: 'timestamp',
      at: new Date(Date.parse(STORED) - gl.lookbackMinutes * 60_000),
    });
    // The run start's milliseconds are dropped, as Intacct's filter drops them.
    expect(probe.count.watermark.to).toEqual({ kind: 'timestamp', at: new Date('2026-11-20T12:00:00.000Z') });
    // GLDETAIL's WHENCREATED is a date: null watermarks are counted by day, a day wider each side.
    expect(probe.count.createdWhenNull).toMatchObject({
      from: { kind: 'date' },
      to: { kind: 'date', day: '2026-11-21' },
    });
  });

  it('starts the probe before a daylight-saving change near the window start, and skips one near its end', () => {
    // Los Angeles falls back at 2026-11-01T09:00Z: 01:00-02:00 local happens twice.
    const spec = tableSpecFromDescriptor(gl);
    const task = { ...incremental(), window: { from: Date.parse('2026-11-01T09:30:00Z'), to: RUN } };
    const probe = planProbe(task, spec, undefined, TZ)!;
    const from = probe.count.watermark.from as { at: Date };
    expect(from.at.getTime()).toBeLessThanOrEqual(Date.parse('2026-11-01T07:00:00Z'));
    expect(probe.window.from).toBe(from.at.getTime());
    // Far from a change, the read's window is probed as it is.
    expect(planProbe(incremental(), spec, undefined, TZ)?.window).toEqual(incremental().window);
    const late = {
      ...task,
      window: { from: Date.parse('2026-10-31T09:30:00Z'), to: Date.parse('2026-11-01T08:45:00Z') },
    };
    expect(planProbe(late, spec, undefined, TZ)).toBeUndefined();
  });

  it('top-level lists are probed with showprivate, as they are read', () => {
    const probe = planProbe(
      incremental(customers, TOP_LEVEL),
      tableSpecFromDescriptor(customers),
      undefined,
      TZ,
    );
    expect(probe?.request.showPrivate).toBe(true);
  });

  it('does not probe full reads, backfills, sliced streams, full-refresh objects or missing fields', () => {
    const spec = tableSpecFromDescriptor(gl);
    const task = incremental();
    expect(planProbe({ ...task, mode: 'full' }, spec, undefined, TZ)).toBeUndefined();
    expect(planProbe({ ...task, mode: 'backfill' }, spec, undefined, TZ)).toBeUndefined();
    expect(planProbe({ ...task, slices: 4, slice: 1 }, spec, undefined, TZ)).toBeUndefined();
    expect(planProbe({ ...task, previousWatermark: null }, spec, undefined, TZ)).toBeUndefined();
    expect(planProbe(task, undefined, undefined, TZ)).toBeUndefined();
    // The company's object lacks WHENMODIFIED: nothing to order or compare by.
    expect(planProbe(task, spec, ['RECORDNO', 'ACCOUNTNO'], TZ)).toBeUndefined();
    const dept = { ...incremental(departments, TOP_LEVEL), mode: 'incremental' as const };
    expect(departments.deletes).toBe('full-refresh');
    expect(planProbe(dept, tableSpecFromDescriptor(departments), undefined, TZ)).toBeUndefined();
  });
});
