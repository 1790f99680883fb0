import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OBJECTS } from '../../src/intacct/objects/index.ts';
import { updateRecord } from '../../src/sandbox/books.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import {
  differencesFromTruth,
  runOnce,
  sandboxConfig,
  tempDuckDbPath,
  withWarehouse,
} from '../support/sync-harness.ts';

const READ_FUNCTIONS = ['readByQuery', 'readMore', 'query'];

describe('sync against the sandbox', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.05, seed: 7 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  const config = () => sandboxConfig(sandbox, path);
  let path: string;

  it('a full sync equals the ground truth: counts per object and entity, trial balance per period', async () => {
    path = tempDuckDbPath();
    const report = await runOnce(config());
    expect(report.errors).toEqual([]);
    expect(report.status).toBe('succeeded');
    // The standard company has every descriptor field and the FUND dimension: nothing is skipped.
    expect(report.skippedObjects).toEqual([]);
    expect(report.skippedFields).toEqual([]);
    expect(report.objects.find((o) => o.object === 'FUND')?.inserted).toBeGreaterThan(0);
    expect(report.entities.length).toBeGreaterThanOrEqual(4);
    const gl = report.objects.find((o) => o.object === 'GLDETAIL');
    expect(gl?.inserted).toBeGreaterThan(1000);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
    // CUSTOMER's custom field is not in its descriptor: it was discovered by lookup and became a column.
    const [custom] = await withWarehouse(config(), (w) =>
      w.query<{ n: string }>('SELECT CAST(count(salesforce_id) AS VARCHAR) AS n FROM intacct_raw.customer'),
    );
    expect(Number(custom?.n)).toBeGreaterThan(0);
  });

  it('after adds, edits and deletes an incremental sync is exact again', async () => {
    const response = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 120, creates: 30, edits: 20, deletes: 8 }),
    });
    expect(response.ok).toBe(true);
    expect(await differencesFromTruth(config(), sandbox)).not.toEqual([]);
    const report = await runOnce(config());
    expect(report.status).toBe('succeeded');
    const totals = report.objects.reduce(
      (t, o) => ({ i: t.i + o.inserted, u: t.u + o.updated, d: t.d + o.deleted }),
      {
        i: 0,
        u: 0,
        d: 0,
      },
    );
    expect(totals.i).toBeGreaterThan(0);
    expect(totals.u).toBeGreaterThan(0);
    expect(totals.d).toBeGreaterThan(0);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
  });

  it('an incremental sync with no changes reads each object and entity with one request', async () => {
    sandbox.resetStats();
    const report = await runOnce(config());
    expect(report.status).toBe('succeeded');
    expect(report.objects.filter((o) => o.inserted + o.updated + o.deleted > 0)).toEqual([]);
    const stats = sandbox.stats();
    const reads = READ_FUNCTIONS.reduce((n, f) => n + (stats.byFunction[f] ?? 0), 0);
    const streams = OBJECTS.reduce((n, o) => n + (o.entityScope === 'top' ? 1 : report.entities.length), 0);
    // One read function per (object, entity) stream (a probe function or a read), one audit-trail
    // read per entity, and the one read of LOCATIONENTITY that discovers the entities.
    expect(reads).toBeLessThanOrEqual(streams + report.entities.length + 1);
    // The probe carries an entity's unchanged streams in one request: fewer requests than streams.
    expect(stats.requests).toBeLessThan(streams);
    for (const s of report.streams) expect(s.pages).toBeLessThanOrEqual(1);
  });

  it('an edited journal entry whose lines were replaced leaves no stale GL lines', async () => {
    const store = sandbox.store;
    const batch = store
      .list('GLBATCH')
      .find(
        (b) =>
          b.MEGAENTITYID === 'US1' &&
          b.MODULE === '2.GL' &&
          b.STATE === 'Posted' &&
          (b.BATCH_DATE ?? '') > '2026-07-01',
      );
    expect(batch, 'an editable posted journal entry in an open period').toBeDefined();
    const oldLines = store.lookup('GLENTRY', 'BATCHNO', batch!.RECORDNO!).map((e) => e.RECORDNO);
    expect(oldLines.length).toBeGreaterThan(1);
    await fetch(`${sandbox.adminUrl}/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMinutes: 5 }),
    });
    const lines = store.lookup('GLENTRY', 'BATCHNO', batch!.RECORDNO!).map((e) => ({
      ACCOUNTNO: e.ACCOUNTNO,
      TR_TYPE: e.TR_TYPE,
      TRX_AMOUNT: e.TRX_AMOUNT,
      CURRENCY: e.CURRENCY,
      DEPARTMENT: e.DEPARTMENT,
      LOCATION: e.LOCATION,
      DESCRIPTION: 'restated',
    }));
    const result = updateRecord(
      store,
      'US1',
      'GLBATCH',
      { RECORDNO: batch!.RECORDNO, BATCH_TITLE: 'Restated' },
      { lines },
    );
    expect(result.ok).toBe(true);
    const newLines = store.lookup('GLENTRY', 'BATCHNO', batch!.RECORDNO!).map((e) => e.RECORDNO);
    expect(newLines.some((k) => oldLines.includes(k))).toBe(false);
    const report = await runOnce(config());
    expect(report.status).toBe('succeeded');
    expect(report.objects.find((o) => o.object === 'GLDETAIL')?.deleted).toBe(oldLines.length);
    expect(await differencesFromTruth(config(), sandbox)).toEqual([]);
  });

  it('a first sync that merges every 400 staged rows equals the ground truth', async () => {
    path = tempDuckDbPath();
    const base = config();
    const chunked = { ...base, warehouse: { ...base.warehouse, rowsPerMerge: 400 } } as typeof base;
    const report = await runOnce(chunked);
    expect(report.status).toBe('succeeded');
    expect(await differencesFromTruth(chunked, sandbox)).toEqual([]);
    // Each merge stamps its own load time: an entity's GL lines, read as one stream, came in parts.
    const [parts] = await withWarehouse(chunked, (w) =>
      w.query<{ n: string }>(
        "SELECT CAST(count(DISTINCT _loaded_at) AS VARCHAR) AS n FROM intacct_raw.gl_detail WHERE _entity = 'US1'",
      ),
    );
    expect(Number(parts?.n)).toBeGreaterThan(1);
  });

  it('a backfill split into key ranges reads every record exactly once: equal to the ground truth', async () => {
    const fresh = tempDuckDbPath('backfill');
    const base = sandboxConfig(sandbox, fresh);
    const sliced = { ...base, sync: { ...base.sync, backfillSliceRows: 100 } };
    sandbox.resetStats();
    const report = await runOnce(sliced, {
      command: 'backfill',
      backfill: { from: Date.parse('2000-01-01T00:00:00Z'), to: Date.parse('2100-01-01T00:00:00Z') },
    });
    expect(report.errors).toEqual([]);
    const gl = report.streams.filter((s) => s.object === 'GLDETAIL' && s.entity === 'US1');
    // Hundreds of lines per entity: several key slices, each holding some of them.
    expect(gl.length).toBeGreaterThan(2);
    expect(gl.every((s) => s.rowsRead > 0)).toBe(true);
    // No record read by two slices: every line read was a new one.
    const allGl = report.streams.filter((s) => s.object === 'GLDETAIL');
    const read = allGl.reduce((n, s) => n + s.rowsRead, 0);
    expect(read).toBe(report.objects.find((o) => o.object === 'GLDETAIL')?.inserted);
    expect(await differencesFromTruth(sliced, sandbox)).toEqual([]);
  });
});
