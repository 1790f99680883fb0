import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { createLogger, silentLogger } from '../../src/core/logger.ts';
import { type ObjectDescriptor, defineObject } from '../../src/intacct/objects/descriptor.ts';
import { DuckDBWarehouse } from '../../src/warehouse/duckdb/duckdb-warehouse.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { type TableSpec, tableSpecFromDescriptor } from '../../src/warehouse/table-spec.ts';
import type { StageRow, Warehouse } from '../../src/warehouse/warehouse.ts';

const GL: ObjectDescriptor = defineObject({
  object: 'GLDETAIL',
  table: 'gl_detail',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 10,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  readMethod: 'query',
  large: true,
  sources: [],
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'ACCOUNTNO', type: 'string' },
    { name: 'AMOUNT', type: 'decimal' },
    { name: 'ENTRY_DATE', type: 'date' },
    { name: 'CLEARED', type: 'boolean' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
  ],
});

const SCHEMAS = { staging: 'intacct_staging', raw: 'intacct_raw', analytics: 'analytics' } as const;

let dir: string;
let path: string;
let clock: number;
let wh: Warehouse;
const spec: TableSpec = tableSpecFromDescriptor(GL);

let warnings: string[];
const warnLogger = createLogger({
  level: 'warn',
  format: 'json',
  stream: { write: (line: string) => warnings.push(line) } as unknown as NodeJS.WritableStream,
});

async function open(): Promise<Warehouse> {
  return openWarehouse({ type: 'duckdb', path }, SCHEMAS, warnLogger, { now: () => new Date(clock) });
}

async function stageAndMerge(w: Warehouse, loadId: string, rows: StageRow[], entity = 'E100') {
  const stage = await w.openStage(spec, loadId);
  await stage.append(rows);
  const { table, rows: n } = await stage.finish();
  expect(n).toBe(rows.length);
  const result = await w.merge({ spec, stagingTable: table, loadId, entity });
  await w.dropStage(table);
  return result;
}

const row = (id: string, amount: string, modified: string, account = '1000'): StageRow => [
  id,
  account,
  amount,
  '2026-10-31',
  'true',
  modified,
];

async function rawRows(w: Warehouse) {
  return w.query<Record<string, unknown>>(
    'select record_no, accountno, amount, entry_date, cleared, when_modified, _entity, _load_id, _deleted_at from intacct_raw.gl_detail order by record_no',
  );
}

beforeEach(async () => {
  warnings = [];
  dir = mkdtempSync(join(tmpdir(), 'wh-duckdb-'));
  path = join(dir, 'test.duckdb');
  clock = Date.parse('2026-11-01T09:00:00.000Z');
  wh = await open();
  await wh.migrate();
  await wh.ensureTable(spec, 'raw', 'evolve');
});

afterEach(async () => {
  // The MERGE's affected-row total must agree with the counted inserts, updates and deletes.
  expect(warnings).toEqual([]);
  await wh.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('DuckDB warehouse: load and merge', () => {
  it('loads, merges, and keeps decimals and instants exact', async () => {
    const result = await stageAndMerge(wh, 'load-1', [
      row('1', '12345678901234567890.123456789', '2026-11-01T08:00:00.000Z'),
      row('2', '-0.5', '2026-11-01T08:00:01.000Z'),
    ]);
    expect(result).toEqual({ inserted: 2, updated: 0, deleted: 0, unchanged: 0 });
    const rows = await rawRows(wh);
    expect(rows).toEqual([
      {
        record_no: 1,
        accountno: '1000',
        amount: '12345678901234567890.123456789',
        entry_date: '2026-10-31',
        cleared: true,
        when_modified: '2026-11-01T08:00:00.000Z',
        _entity: 'E100',
        _load_id: 'load-1',
        _deleted_at: null,
      },
      expect.objectContaining({ record_no: 2, amount: '-0.500000000' }),
    ]);
  });

  it('re-loading the same rows adds no duplicates and changes nothing', async () => {
    const rows = [row('1', '10', '2026-11-01T08:00:00.000Z'), row('2', '20', '2026-11-01T08:00:00.000Z')];
    await stageAndMerge(wh, 'load-1', rows);
    const again = await stageAndMerge(wh, 'load-2', rows);
    expect(again).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 2 });
    const stored = await rawRows(wh);
    expect(stored).toHaveLength(2);
    expect(stored.map((r) => r['_load_id'])).toEqual(['load-1', 'load-1']);
  });

  it('a key-ordered slice new to the table is inserted; a key another entity holds is moved, never duplicated', async () => {
    const at = '2026-11-01T08:00:00.000Z';
    const later = '2026-11-02T08:00:00.000Z';
    const load = async (loadId: string, rows: StageRow[], entity: string) => {
      const stage = await wh.openStage(spec, loadId);
      await stage.append(rows);
      const { table } = await stage.finish();
      const request = { spec, stagingTable: table, loadId, entity, uniqueKeys: true };
      const state = { object: 'GLDETAIL', entity, watermark: at, loadId };
      try {
        return await wh.mergeAndSetState(request, state);
      } finally {
        await wh.dropStage(table);
      }
    };
    // New key ranges for their entity: inserted (the ranges interleave, as Intacct's keys do).
    expect(await load('l1', [row('1', '1', at), row('5', '5', at)], 'E100')).toEqual({
      inserted: 2,
      updated: 0,
      deleted: 0,
      unchanged: 0,
    });
    expect(await load('l2', [row('2', '2', at), row('4', '4', at)], 'E200')).toMatchObject({ inserted: 2 });
    // The same slice again: its range holds the entity's rows, so it is merged and changes nothing.
    expect(await load('l3', [row('2', '2', at), row('4', '4', at)], 'E200')).toMatchObject({
      inserted: 0,
      unchanged: 2,
    });
    // E300 holds nothing in 3..5, but key 5 is E100's: the insert is rolled back and merged instead.
    expect(await load('l4', [row('3', '3', at), row('5', '50', later)], 'E300')).toEqual({
      inserted: 1,
      updated: 1,
      deleted: 0,
      unchanged: 0,
    });
    const stored = await rawRows(wh);
    expect(stored.map((r) => [String(r['record_no']), r['_entity']])).toEqual([
      ['1', 'E100'],
      ['2', 'E200'],
      ['3', 'E300'],
      ['4', 'E200'],
      ['5', 'E300'],
    ]);
    expect((await wh.getState('GLDETAIL', 'E300'))?.loadId).toBe('l4');
  });

  it('the newer version wins, within a stage and across loads; an older one never overwrites', async () => {
    const first = await stageAndMerge(wh, 'load-1', [
      row('1', '10', '2026-11-01T08:00:00.000Z'),
      row('1', '11', '2026-11-01T08:05:00.000Z'),
      row('1', '9', '2026-11-01T07:00:00.000Z'),
    ]);
    expect(first).toEqual({ inserted: 1, updated: 0, deleted: 0, unchanged: 0 });
    expect((await rawRows(wh))[0]).toMatchObject({ amount: '11.000000000' });
    // Same watermark twice: the row appended last wins.
    const tie = await stageAndMerge(wh, 'load-2', [
      row('1', '12', '2026-11-01T08:10:00.000Z'),
      row('1', '13', '2026-11-01T08:10:00.000Z'),
    ]);
    expect(tie).toEqual({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
    expect((await rawRows(wh))[0]).toMatchObject({ amount: '13.000000000', _load_id: 'load-2' });
    const older = await stageAndMerge(wh, 'load-3', [row('1', '1', '2026-11-01T06:00:00.000Z')]);
    expect(older).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 1 });
    expect((await rawRows(wh))[0]).toMatchObject({ amount: '13.000000000' });
  });

  it('a staged row with _deleted_at soft-deletes; a later version brings the record back', async () => {
    await stageAndMerge(wh, 'load-1', [
      row('1', '10', '2026-11-01T08:00:00.000Z'),
      row('2', '20', '2026-11-01T08:00:00.000Z'),
    ]);
    const del: StageRow = ['2', null, null, null, null, null, '2026-11-01T08:30:00.000Z'];
    const ghost: StageRow = ['99', null, null, null, null, null, '2026-11-01T08:30:00.000Z'];
    const result = await stageAndMerge(wh, 'load-2', [del, ghost]);
    expect(result).toEqual({ inserted: 0, updated: 0, deleted: 1, unchanged: 1 });
    const rows = await rawRows(wh);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      record_no: 2,
      amount: '20.000000000',
      _deleted_at: '2026-11-01T08:30:00.000Z',
    });
    // Merging the same delete again is a no-op.
    expect(await stageAndMerge(wh, 'load-3', [del])).toEqual({
      inserted: 0,
      updated: 0,
      deleted: 0,
      unchanged: 1,
    });
    // A newer version of the record undeletes it.
    expect(await stageAndMerge(wh, 'load-4', [row('2', '21', '2026-11-01T09:00:00.000Z')])).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 0,
      unchanged: 0,
    });
    expect((await rawRows(wh))[1]).toMatchObject({ record_no: 2, amount: '21.000000000', _deleted_at: null });
  });

  it('softDeleteKeys and reconcileKeys mark only the entity’s live keys', async () => {
    await stageAndMerge(wh, 'load-1', [
      row('1', '1', '2026-11-01T08:00:00.000Z'),
      row('2', '2', '2026-11-01T08:00:00.000Z'),
    ]);
    await stageAndMerge(
      wh,
      'load-1b',
      [row('3', '3', '2026-11-01T08:00:00.000Z'), row('4', '4', '2026-11-01T08:00:00.000Z')],
      'E200',
    );
    const at = new Date('2026-11-02T00:00:00.000Z');
    expect(await wh.softDeleteKeys({ spec, entity: 'E100', keys: ['1', '3'], loadId: 'load-2', at })).toBe(1);
    async function* present() {
      yield ['3'];
      yield [];
    }
    expect(
      await wh.reconcileKeys({ spec, entity: 'E200', presentKeys: present(), loadId: 'load-3', at }),
    ).toBe(1);
    const deleted = (await rawRows(wh)).filter((r) => r['_deleted_at'] !== null).map((r) => r['record_no']);
    expect(deleted).toEqual([1, 4]);
    const staging = await wh.query<{ n: number }>(
      "select count(*) as n from information_schema.tables where table_schema = 'intacct_staging'",
    );
    expect(staging[0]?.n).toBe(0);
  });

  it('stages decimals exactly on the narrow and the wide parse, refuses any that would round, and removes its file', async () => {
    const amounts = [
      '999999999.999999999',
      '-999999999.999999999',
      '1000000000.5',
      '-12345678901234567890.123456789',
      '99999999999999999999999999999.999999999',
      '0.000000001',
      '-0',
    ];
    const stage = await wh.openStage(spec, 'load-dec');
    await stage.append(amounts.map((a, i) => row(String(i + 1), a, '2026-11-01T08:00:00.000Z')));
    const file = (stage as unknown as { file: string }).file;
    expect(existsSync(file)).toBe(true);
    const { table } = await stage.finish();
    await wh.merge({ spec, stagingTable: table, loadId: 'load-dec', entity: 'E100', uniqueKeys: true });
    await wh.dropStage(table);
    expect(existsSync(file)).toBe(false);
    const back = await wh.query<{ amount: string }>(
      'select cast(amount as varchar) as amount from intacct_raw.gl_detail order by record_no',
    );
    const canonical = (a: string) => {
      const [whole, frac = ''] = a.split('.');
      return `${whole === '-0' ? '0' : whole}.${frac.padEnd(9, '0')}`;
    };
    expect(back.map((r) => r.amount)).toEqual(amounts.map(canonical));

    const bad = await wh.openStage(spec, 'load-bad');
    await expect(bad.append([row('9', '1.0000000001', '2026-11-01T08:00:00.000Z')])).rejects.toThrow(
      /not a plain decimal with at most 9 decimals/,
    );
    await expect(
      bad.append([row('9', '100000000000000000000000000000', '2026-11-01T08:00:00.000Z')]),
    ).rejects.toThrow(/does not fit NUMERIC\(38,9\)/);
    await bad.finish();
  });

  it('stages beside the database file and clears what a killed run left there', async () => {
    // A run killed after finishing a stage: its view and file stay behind.
    const killed = await wh.openStage(spec, 'load-killed');
    await killed.append([row('1', '1.00', '2026-11-01T08:00:00.000Z')]);
    await killed.finish();
    await wh.close();
    const stale = `${path}.stage-killed`;
    mkdirSync(stale);
    writeFileSync(join(stale, 'gl_detail__x.csv'), '1,\n');
    wh = await open();
    expect(existsSync(stale)).toBe(false);
    const views = async () =>
      (
        await wh.query<{ n: number }>(
          "select count(*) as n from duckdb_views() where schema_name = 'intacct_staging' and not internal",
        )
      )[0]?.n;
    expect(await views()).toBe(1);
    await wh.migrate();
    expect(await views()).toBe(0);
    const stage = await wh.openStage(spec, 'load-y');
    const file = (stage as unknown as { file: string }).file;
    expect(dirname(dirname(file))).toBe(dirname(path));
    await stage.finish();
    await wh.dropStage(stage.table);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a row of the wrong width', async () => {
    const stage = await wh.openStage(spec, 'load-x');
    await expect(stage.append([['1', '2']])).rejects.toThrow(/expected 6/);
    await stage.finish();
  });
});

describe('DuckDB warehouse: schema evolution', () => {
  const withCustom = () =>
    tableSpecFromDescriptor(GL, [
      { name: 'GLDIMFUND', type: 'string' },
      { name: 'RATE', type: 'decimal' },
    ]);

  it('a new field becomes a new nullable column; nothing is dropped', async () => {
    const changes = await wh.ensureTable(withCustom(), 'raw', 'evolve');
    expect(changes).toEqual([
      { kind: 'add-column', table: 'intacct_raw.gl_detail', column: 'gldimfund', type: 'string' },
      { kind: 'add-column', table: 'intacct_raw.gl_detail', column: 'rate', type: 'decimal' },
    ]);
    const columns = await wh.query<{ column_name: string; data_type: string; is_nullable: string }>(
      "select column_name, data_type, is_nullable from information_schema.columns where table_name = 'gl_detail' and table_schema = 'intacct_raw' and column_name in ('gldimfund', 'rate')",
    );
    expect(columns).toEqual([
      { column_name: 'gldimfund', data_type: 'VARCHAR', is_nullable: 'YES' },
      { column_name: 'rate', data_type: 'DECIMAL(38,9)', is_nullable: 'YES' },
    ]);
    // Back to the old spec: the extra columns stay, no change reported.
    expect(await wh.ensureTable(spec, 'raw', 'evolve')).toEqual([]);
  });

  it('freeze rejects a new field with a clear error and leaves the table alone', async () => {
    const error = await wh.ensureTable(withCustom(), 'raw', 'freeze').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassifiedError);
    expect((error as ClassifiedError).kind).toBe('terminal');
    expect((error as Error).message).toMatch(/frozen.*GLDIMFUND \(column gldimfund, string\), RATE/);
    expect((error as ClassifiedError).fix).toMatch(/schemaPolicy to evolve/);
    const n = await wh.query<{ n: number }>(
      "select count(*) as n from information_schema.columns where table_name = 'gl_detail' and column_name = 'gldimfund'",
    );
    expect(n[0]?.n).toBe(0);
  });
});

describe('DuckDB warehouse: state, crashes, loads', () => {
  it('a crash between merge and state write repeats the work without duplicating rows', async () => {
    const rows = [row('1', '10', '2026-11-01T08:00:00.000Z'), row('2', '20', '2026-11-01T08:00:00.000Z')];
    await wh.setState({
      object: 'GLDETAIL',
      entity: 'E100',
      watermark: '2026-11-01T07:00:00.000Z',
      loadId: 'load-0',
    });
    await stageAndMerge(wh, 'load-1', rows); // merged, then "crash": no state write
    await wh.close();
    wh = await open();
    const state = await wh.getState('GLDETAIL', 'E100');
    expect(state?.watermark).toBe('2026-11-01T07:00:00.000Z'); // the window is read again
    const stage = await wh.openStage(spec, 'load-2');
    await stage.append(rows);
    const { table } = await stage.finish();
    const result = await wh.mergeAndSetState(
      { spec, stagingTable: table, loadId: 'load-2', entity: 'E100' },
      { object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T08:00:00.000Z', loadId: 'load-2' },
    );
    expect(result).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 2 });
    expect(await rawRows(wh)).toHaveLength(2);
    expect((await wh.getState('GLDETAIL', 'E100'))?.watermark).toBe('2026-11-01T08:00:00.000Z');
  });

  it('mergeAndSetState rolls the merge back when the state write fails', async () => {
    const stage = await wh.openStage(spec, 'load-1');
    await stage.append([row('1', '10', '2026-11-01T08:00:00.000Z')]);
    const { table } = await stage.finish();
    const badState = {
      object: 'GLDETAIL',
      entity: 'E100',
      watermark: 'x',
      loadId: null as unknown as string,
    };
    await expect(
      wh.mergeAndSetState({ spec, stagingTable: table, loadId: 'load-1', entity: 'E100' }, badState),
    ).rejects.toThrow();
    expect(await rawRows(wh)).toHaveLength(0);
    expect(await wh.getState('GLDETAIL', 'E100')).toBeNull();
  });

  it('records loads with their report and lists the latest first', async () => {
    await wh.startLoad({ loadId: 'a', command: 'sync', startedAt: new Date('2026-11-01T08:00:00.000Z') });
    await wh.startLoad({ loadId: 'b', command: 'sync', startedAt: new Date('2026-11-01T09:00:00.000Z') });
    await wh.finishLoad({
      loadId: 'a',
      status: 'partial',
      report: { GLDETAIL: { E100: { inserted: 2 } } },
      error: 'x',
    });
    const loads = await wh.recentLoads(5);
    expect(loads.map((l) => [l.loadId, l.status])).toEqual([
      ['b', 'running'],
      ['a', 'partial'],
    ]);
    expect(loads[1]).toMatchObject({
      report: { GLDETAIL: { E100: { inserted: 2 } } },
      error: 'x',
      finishedAt: '2026-11-01T09:00:00.000Z',
    });
    await expect(wh.finishLoad({ loadId: 'nope', status: 'failed', report: null })).rejects.toThrow(
      /no load nope/,
    );
  });

  it('migrate is idempotent', async () => {
    expect((await wh.migrate()).applied).toEqual([]);
  });

  it('keeps a reverse-ETL ledger row per flow, entity and external key', async () => {
    const base = {
      flow: 'ar_invoices',
      entity: 'E100',
      externalKey: 'inv-1',
      controlId: 'c1',
      payloadHash: 'h1',
    };
    await wh.putLedger({ ...base, status: 'rejected', intacctKey: null, errors: [{ code: 'BL01' }] });
    await wh.putLedger({ ...base, status: 'posted', intacctKey: '42', errors: null });
    expect(await wh.getLedger('ar_invoices', 'E100', 'inv-1')).toMatchObject({
      status: 'posted',
      intacctKey: '42',
      errors: null,
    });
    expect(await wh.getLedger('ar_invoices', 'E200', 'inv-1')).toBeNull();
  });
});

describe('DuckDB warehouse: lease', () => {
  it('refuses a second run while the first holds the lease, and a dead run’s lease expires', async () => {
    const lease = await wh.acquireLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 });
    expect(lease.expiresAt).toBe('2026-11-01T09:01:00.000Z');
    const refused = await wh
      .acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ClassifiedError);
    expect((refused as Error).message).toMatch(
      /already running: its lease is held by run-a until 2026-11-01T09:01:00.000Z/,
    );
    // Another job is independent.
    await wh.acquireLease({ job: 'hourly', owner: 'run-b', ttlMs: 60_000 });
    // run-a dies without releasing; once its lease has expired run-b takes over.
    clock += 61_000;
    const taken = await wh.acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 });
    expect(taken.owner).toBe('run-b');
    await expect(wh.renewLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 })).rejects.toThrow(
      /was lost by run-a/,
    );
    await wh.renewLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 });
    await wh.releaseLease({ job: 'nightly', owner: 'run-b' });
    await wh.acquireLease({ job: 'nightly', owner: 'run-c', ttlMs: 1_000 });
  });
});

describe('openWarehouse', () => {
  it('refuses a BigQuery warehouse without credentials before any call, with a fix', async () => {
    const error = await openWarehouse(
      { type: 'bigquery', projectId: 'p', location: 'US' },
      SCHEMAS,
      silentLogger,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassifiedError);
    expect((error as ClassifiedError).kind).toBe('auth');
    expect((error as ClassifiedError).fix).toMatch(/GOOGLE_APPLICATION_CREDENTIALS|BIGQUERY_ACCESS_TOKEN/);
    expect(DuckDBWarehouse).toBeDefined();
  });

  it('a path that cannot hold a database file is a terminal error naming warehouse.path, not transient', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-badpath-'));
    writeFileSync(join(dir, 'a-file'), 'not a directory');
    for (const path of [join(dir, 'a-file', 'books.duckdb'), join(dir, 'no-such-dir', 'books.duckdb'), dir]) {
      const error = await openWarehouse({ type: 'duckdb', path }, SCHEMAS, silentLogger).catch(
        (e: unknown) => e,
      );
      expect(error, path).toBeInstanceOf(ClassifiedError);
      expect((error as ClassifiedError).kind, path).toBe('terminal');
      expect((error as ClassifiedError).fix).toMatch(/warehouse\.path/);
    }
    rmSync(dir, { recursive: true, force: true });
  });
});
