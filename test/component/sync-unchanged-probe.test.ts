import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor } from '../../src/cli/job.ts';
import type { JobConfig } from '../../src/config/schema.ts';
import { createLogger, silentLogger } from '../../src/core/logger.ts';
import { type RunReport, runJob } from '../../src/extract/sync.ts';
import { type Transport, UndiciTransport } from '../../src/intacct/transport.ts';
import { OBJECTS } from '../../src/intacct/objects/index.ts';
import { updateRecord } from '../../src/sandbox/books.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { Capture } from '../support/capture.ts';
import {
  differencesFromTruth,
  runOnce,
  sandboxConfig,
  tempDuckDbPath,
  withWarehouse,
} from '../support/sync-harness.ts';

// The unchanged-stream probe (src/extract/unchanged-probe.ts): an incremental sync asks Intacct, one
// request per entity, for each window's count and newest record, and reads only the streams that differ.

const post = (sandbox: RunningSandbox, path: string, body: unknown) =>
  fetch(`${sandbox.adminUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A sync with a debug log and, when given, a transport between the client and the sandbox. */
async function runLogged(
  config: JobConfig,
  transport?: Transport,
): Promise<{ report: RunReport; log: Record<string, unknown>[] }> {
  const capture = new Capture();
  const logger = createLogger({ level: 'debug', stream: capture, format: 'json' });
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  const client = clientFor(config, silentLogger, transport ? { transport } : {});
  try {
    await warehouse.migrate();
    const report = await runJob({ command: 'sync', config, client, warehouse, logger });
    const log = capture.text
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    return { report, log };
  } finally {
    await client.close();
    await warehouse.close();
  }
}

const stream = (report: RunReport, object: string, entity: string) =>
  report.streams.find((s) => s.object === object && s.entity === entity && s.mode === 'incremental');

describe('incremental sync: the unchanged-stream probe', () => {
  let sandbox: RunningSandbox;
  const path = tempDuckDbPath();
  const config = () => sandboxConfig(sandbox, path);
  const withoutProbe = (): JobConfig => ({ ...config(), sync: { ...config().sync, probeUnchanged: false } });

  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.05, seed: 7 });
    const first = await runOnce(config());
    expect(first.status).toBe('succeeded');
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('with nothing changed it sends at most one request per object and entity, fewer than reading every stream', async () => {
    sandbox.resetStats();
    const before = await runOnce(withoutProbe());
    const reading = sandbox.stats().requests;
    expect(before.status).toBe('succeeded');

    const states = await withWarehouse(config(), (w) => w.listState());
    sandbox.resetStats();
    const { report, log } = await runLogged(config());
    const requests = sandbox.stats().requests;
    expect(report.status).toBe('succeeded');
    const pairs = OBJECTS.reduce((n, o) => n + (o.entityScope === 'top' ? 1 : report.entities.length), 0);
    expect(requests).toBeLessThanOrEqual(pairs);
    expect(requests).toBeLessThan(reading);
    // Every incremental stream was proven unchanged: nothing read, its watermark kept.
    const incremental = report.streams.filter((s) => s.mode === 'incremental' && s.object !== '_audit');
    const skipped = log.filter((l) => l.msg === 'unchanged (probe)');
    expect(skipped.length).toBeGreaterThan(40);
    for (const line of skipped) {
      const s = stream(
        report,
        line.object as string,
        line.entity === '(top level)' ? '' : (line.entity as string),
      );
      expect(s?.rowsRead, `${line.object}@${line.entity}`).toBe(0);
      expect(s?.pages).toBe(0);
      const state = states.find((r) => r.object === s?.object && r.entity === s?.entity);
      expect(s?.watermark).toBe(state?.watermark);
    }
    expect(incremental.length).toBeGreaterThanOrEqual(skipped.length);
    // Their state rows were written by this load all the same: freshness counts from the last state write.
    const after = await withWarehouse(config(), (w) => w.listState());
    for (const line of skipped) {
      const entity = line.entity === '(top level)' ? '' : String(line.entity);
      const row = after.find((r) => r.object === line.object && r.entity === entity);
      expect(row?.loadId).toBe(report.loadId);
    }
    expect(report.objects.filter((o) => o.inserted + o.updated + o.deleted > 0)).toEqual([]);
    // One request per session entity carries every probe of it.
    const probeRequests = log.find((l) => typeof l.msg === 'string' && l.msg.startsWith('probe:'));
    expect(probeRequests?.requests).toBe(new Set(skipped.map((l) => l.entity)).size);
    console.log(`unchanged incremental sync: ${requests} requests with the probe, ${reading} without`);
  });

  it('an edited record, newly created records and an edit inside the lookback are all read', async () => {
    const store = sandbox.store;
    // An edit of the newest customer: already inside the window, its WHENMODIFIED moves past the watermark.
    await post(sandbox, '/clock', { advanceMinutes: 2 });
    const newest = store
      .list('CUSTOMER')
      .filter((c) => c.WHENMODIFIED)
      .sort((a, b) => (a.WHENMODIFIED as string).localeCompare(b.WHENMODIFIED as string))
      .at(-1)!;
    expect(
      updateRecord(store, null, 'CUSTOMER', { RECORDNO: newest.RECORDNO, NAME: 'Edited Again' }).ok,
    ).toBe(true);
    let run = await runLogged(config());
    expect(run.report.status).toBe('succeeded');
    expect(stream(run.report, 'CUSTOMER', '')?.pages).toBeGreaterThan(0);
    expect(run.report.objects.find((o) => o.object === 'CUSTOMER')?.updated).toBe(1);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);

    // Records created in every entity by the sandbox's activity generator.
    const created = await post(sandbox, '/advance', { minutes: 5, creates: 6, edits: 0, deletes: 0 });
    expect(created.ok).toBe(true);
    run = await runLogged(config());
    expect(run.report.status).toBe('succeeded');
    expect(run.report.objects.reduce((n, o) => n + o.inserted, 0)).toBeGreaterThan(0);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);

    // A late commit: an old customer edited with a WHENMODIFIED inside the lookback but before the
    // stored watermark. Only the count shows it (the newest watermark does not move).
    const stored = await withWarehouse(config(), (w) => w.getState('CUSTOMER', ''));
    const watermark = Date.parse(stored!.watermark!);
    const oldest = store
      .list('CUSTOMER')
      .filter((c) => c.WHENMODIFIED)
      .sort((a, b) => (a.WHENMODIFIED as string).localeCompare(b.WHENMODIFIED as string))[0]!;
    const lookbackMs = OBJECTS.find((o) => o.object === 'CUSTOMER')!.lookbackMinutes * 60_000;
    expect(Date.parse(oldest.WHENMODIFIED!), 'the old version is outside the window').toBeLessThan(
      watermark - lookbackMs,
    );
    const now = store.clock.now();
    await post(sandbox, '/clock', { setMs: watermark - 10 * 60_000 });
    expect(updateRecord(store, null, 'CUSTOMER', { RECORDNO: oldest.RECORDNO, NAME: 'Late Commit' }).ok).toBe(
      true,
    );
    await post(sandbox, '/clock', { setMs: now });
    run = await runLogged(config());
    expect(run.report.status).toBe('succeeded');
    const reason = run.log.find((l) => l.object === 'CUSTOMER' && typeof l.reason === 'string');
    expect(reason?.reason).toMatch(/counts differ/);
    expect(stream(run.report, 'CUSTOMER', '')?.pages).toBeGreaterThan(0);
    // The watermark stays where it was: the late record is older than it.
    expect(stream(run.report, 'CUSTOMER', '')?.watermark).toBe(stored!.watermark);
    const [row] = await withWarehouse(config(), (w) =>
      w.query<{ name: string }>(
        `SELECT name FROM intacct_raw.customer WHERE record_no = ${Number(oldest.RECORDNO)}`,
      ),
    );
    expect(row?.name).toBe('Late Commit');
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
  });

  it('a probe function that fails reads its stream in full; the other probes still skip', async () => {
    // Each ARINVOICE probe names an object Intacct does not have: the sandbox answers that function
    // with a failure inside an otherwise successful response. Reads are left alone.
    const inner = new UndiciTransport();
    const transport: Transport = {
      post: (url, xml, signal) =>
        inner.post(
          url,
          xml.replace(
            /(<function controlid="probe-\d+"><query><select>(?:(?!<\/select>).)*<\/select><object>)ARINVOICE</g,
            '$1ARINVOICE_NOPE<',
          ),
          signal,
        ),
      close: () => inner.close(),
    };
    sandbox.resetStats();
    const { report, log } = await runLogged(config(), transport);
    expect(report.status).toBe('succeeded');
    const failed = log.filter((l) => l.object === 'ARINVOICE' && /probe failed/.test(String(l.reason)));
    // One per entity with an ARINVOICE watermark (the read streams come first in the report).
    expect(failed.length).toBeGreaterThanOrEqual(3);
    for (const line of failed) {
      const entity = line.entity === '(top level)' ? '' : String(line.entity);
      const s = stream(report, 'ARINVOICE', entity);
      // Read in full: its window (the lookback before the watermark) holds records, so a page came.
      expect(s?.pages, `ARINVOICE@${entity}`).toBeGreaterThan(0);
      expect(s?.rowsRead).toBeGreaterThan(0);
      expect(s?.error).toBeUndefined();
    }
    expect(log.filter((l) => l.msg === 'unchanged (probe)' && l.object === 'ARINVOICE')).toEqual([]);
    expect(log.filter((l) => l.msg === 'unchanged (probe)').length).toBeGreaterThan(40);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
  });

  it('a probe request that fails reads every stream of it', async () => {
    // The gateway refuses a request without a sender: every probe of the run fails at once.
    const inner = new UndiciTransport();
    const transport: Transport = {
      post: (url, xml, signal) =>
        inner.post(
          url,
          xml.includes('controlid="probe-') ? xml.replace(/<senderid>[^<]*</, '<senderid><') : xml,
          signal,
        ),
      close: () => inner.close(),
    };
    const { report, log } = await runLogged(config(), transport);
    expect(report.status).toBe('succeeded');
    expect(log.filter((l) => l.msg === 'unchanged (probe)')).toEqual([]);
    expect(log.some((l) => /probe failed; these streams are read in full/.test(String(l.msg)))).toBe(true);
    const incremental = report.streams.filter((s) => s.mode === 'incremental' && s.pages > 0);
    expect(incremental.length).toBeGreaterThan(40);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
  });
});
