/**
 * What is BigQuery's own in the BigQuery warehouse, through the real @google-cloud/bigquery client
 * against the emulator: one load job per stage, the MERGE and the watermark as one script, schema
 * patching through tables.patch, transactions as sessions, one mutating statement per table at a
 * time, retries of rate limits, auth errors. The shared contract runs in
 * test/conformance/warehouse/ on every target, BigQuery included.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { type ObjectDescriptor, defineObject } from '../../src/intacct/objects/descriptor.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import { type TableSpec, tableSpecFromDescriptor } from '../../src/warehouse/table-spec.ts';
import type { StageRow, Warehouse } from '../../src/warehouse/warehouse.ts';
import type { RunningBigQueryEmulator } from '../emulators/bigquery/server.ts';
import { FAST_RETRY, bigqueryConfig, startEmulator } from '../support/bigquery-emulator.ts';

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
const spec: TableSpec = tableSpecFromDescriptor(GL);

let emulator: RunningBigQueryEmulator;
let wh: Warehouse;
let clock: number;
let logs: string[];
const logger = createLogger({
  level: 'warn',
  format: 'json',
  stream: { write: (line: string) => logs.push(line) } as unknown as NodeJS.WritableStream,
});

async function open(): Promise<Warehouse> {
  return openWarehouse(bigqueryConfig(emulator), SCHEMAS, logger, {
    now: () => new Date(clock),
    retry: FAST_RETRY,
  });
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

beforeAll(async () => {
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  logs = [];
  clock = Date.parse('2026-11-01T09:00:00.000Z');
  for (const schema of Object.values(SCHEMAS))
    await emulator.duck(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  wh = await open();
  await wh.migrate();
  await wh.ensureTable(spec, 'raw', 'evolve');
});

afterEach(async () => {
  await wh.close();
});

describe('BigQuery warehouse: load and merge', () => {
  it('loads through one load job, merges, and keeps decimals and instants exact', async () => {
    const before = emulator.requests.length;
    const result = await stageAndMerge(wh, 'load-1', [
      row('1', '12345678901234567890.123456789', '2026-11-01T08:00:00.000Z'),
      row('2', '-0.5', '2026-11-01T08:00:01.123Z'),
    ]);
    expect(result).toEqual({ inserted: 2, updated: 0, deleted: 0, unchanged: 0 });
    const uploads = emulator.requests.slice(before).filter((r) => r.path.startsWith('/upload/'));
    expect(uploads.map((u) => u.query['uploadType'])).toEqual(['multipart']);
    expect(await rawRows(wh)).toEqual([
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
      expect.objectContaining({
        record_no: 2,
        amount: '-0.500000000',
        when_modified: '2026-11-01T08:00:01.123Z',
      }),
    ]);
  });

  it('concurrent merges into one table run one at a time (BigQuery limits mutating DML per table)', async () => {
    const stages = await Promise.all(
      ['a', 'b', 'c'].map(async (id, i) => {
        const stage = await wh.openStage(spec, `load-${id}`);
        await stage.append([row(String(i + 1), '1', '2026-11-01T08:00:00.000Z')]);
        return (await stage.finish()).table;
      }),
    );
    const results = await Promise.all(
      stages.map((table, i) => wh.merge({ spec, stagingTable: table, loadId: `load-${i}`, entity: 'E100' })),
    );
    expect(results.map((r) => r.inserted)).toEqual([1, 1, 1]);
    expect(emulator.maxConcurrentDml().get('"intacct_raw"."gl_detail"')).toBe(1);
    expect(await rawRows(wh)).toHaveLength(3);
  });
});

describe('BigQuery warehouse: schema evolution through tables.patch', () => {
  const withCustom = () =>
    tableSpecFromDescriptor(GL, [
      { name: 'GLDIMFUND', type: 'string' },
      { name: 'RATE', type: 'decimal' },
    ]);

  it('a new field becomes a new NULLABLE column; nothing is dropped', async () => {
    const before = emulator.requests.length;
    const changes = await wh.ensureTable(withCustom(), 'raw', 'evolve');
    expect(changes).toEqual([
      { kind: 'add-column', table: 'intacct_raw.gl_detail', column: 'gldimfund', type: 'string' },
      { kind: 'add-column', table: 'intacct_raw.gl_detail', column: 'rate', type: 'decimal' },
    ]);
    expect(
      emulator.requests
        .slice(before)
        .some((r) => r.method === 'PATCH' && r.path.endsWith('/tables/gl_detail')),
    ).toBe(true);
    const columns = await emulator.duck(
      "select column_name, data_type, is_nullable from information_schema.columns where table_schema = 'intacct_raw' and table_name = 'gl_detail' and column_name in ('gldimfund', 'rate') order by ordinal_position",
    );
    expect(columns).toEqual([
      { column_name: 'gldimfund', data_type: 'VARCHAR', is_nullable: 'YES' },
      { column_name: 'rate', data_type: 'DECIMAL(38,9)', is_nullable: 'YES' },
    ]);
    expect(await wh.ensureTable(spec, 'raw', 'evolve')).toEqual([]);
  });
});

describe('BigQuery warehouse: state, loads, lease, ledger', () => {
  it('mergeAndSetState commits the merge and the watermark in one script', async () => {
    const stage = await wh.openStage(spec, 'load-1');
    await stage.append([row('1', '10', '2026-11-01T08:00:00.000Z')]);
    const { table } = await stage.finish();
    const result = await wh.mergeAndSetState(
      { spec, stagingTable: table, loadId: 'load-1', entity: 'E100' },
      { object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T08:00:00.000Z', loadId: 'load-1' },
    );
    expect(result).toEqual({ inserted: 1, updated: 0, deleted: 0, unchanged: 0 });
    const script = emulator.queries.at(-1) ?? '';
    expect(script).toMatch(
      /^BEGIN TRANSACTION;\nCREATE TEMP TABLE `_merge_counts`.*\nMERGE INTO `intacct_raw`.`gl_detail`/s,
    );
    expect(script).toMatch(
      /MERGE INTO `intacct_raw`.`_elt_state`.*COMMIT TRANSACTION;\nSELECT \* FROM `_merge_counts`;$/s,
    );
    expect(await wh.getState('GLDETAIL', 'E100')).toMatchObject({
      watermark: '2026-11-01T08:00:00.000Z',
      loadId: 'load-1',
      updatedAt: '2026-11-01T09:00:00.000Z',
    });
    // A second run moves the same row on.
    await wh.mergeAndSetState(
      { spec, stagingTable: table, loadId: 'load-2', entity: 'E100' },
      { object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T08:30:00.000Z', loadId: 'load-2' },
    );
    expect(await wh.listState()).toEqual([
      expect.objectContaining({ watermark: '2026-11-01T08:30:00.000Z', loadId: 'load-2' }),
    ]);
  });

  it('when the script fails after the MERGE, neither the rows nor the watermark change', async () => {
    const stage = await wh.openStage(spec, 'load-1');
    await stage.append([row('1', '10', '2026-11-01T08:00:00.000Z')]);
    const { table } = await stage.finish();
    // The state table is gone: the state MERGE inside the script fails after the data MERGE ran.
    await emulator.duck('DROP TABLE intacct_raw._elt_state');
    const error = await wh
      .mergeAndSetState(
        { spec, stagingTable: table, loadId: 'load-1', entity: 'E100' },
        { object: 'GLDETAIL', entity: 'E100', watermark: 'x', loadId: 'load-1' },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassifiedError);
    expect((error as ClassifiedError).kind).toBe('terminal');
    expect(await rawRows(wh)).toEqual([]);
  });

  it('the lease is taken in a session transaction; a second owner is refused until it expires', async () => {
    const sessionsBefore = emulator.sessionStats().created;
    const lease = await wh.acquireLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 });
    expect(lease.expiresAt).toBe('2026-11-01T09:01:00.000Z');
    await expect(wh.acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 })).rejects.toThrow(
      /already running: its lease is held by run-a until 2026-11-01T09:01:00.000Z/,
    );
    clock += 61_000;
    expect((await wh.acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 })).owner).toBe('run-b');
    await expect(wh.renewLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 })).rejects.toThrow(
      /was lost by run-a/,
    );
    // Every transaction ran in its own BigQuery session, and every session was ended.
    expect(emulator.sessionStats().created - sessionsBefore).toBe(3); // three acquireLease calls
    expect(emulator.sessionStats().open).toBe(0);
  });
});

describe('BigQuery warehouse: faults', () => {
  it('retries rate limits and backend errors, on queries and on load jobs', async () => {
    emulator.failNext(2, {
      status: 429,
      reason: 'rateLimitExceeded',
      match: /^POST \/projects\/[^/]+\/queries$/,
    });
    emulator.failNext(1, { status: 503, reason: 'backendError', match: /^POST \/upload\// });
    const result = await stageAndMerge(wh, 'load-1', [row('1', '10', '2026-11-01T08:00:00.000Z')]);
    expect(result.inserted).toBe(1);
    expect(logs.filter((l) => l.includes('retrying')).length).toBeGreaterThanOrEqual(3);
  });

  it('a bad token is an auth error with a fix, and the token never shows in it', async () => {
    const bad = await openWarehouse(
      { ...bigqueryConfig(emulator), accessToken: 'wrong-token' },
      SCHEMAS,
      logger,
      {
        retry: FAST_RETRY,
      },
    );
    const error = await bad.query('select 1 as x').catch((e: unknown) => e);
    await bad.close();
    expect(error).toBeInstanceOf(ClassifiedError);
    expect((error as ClassifiedError).kind).toBe('auth');
    expect((error as ClassifiedError).codes).toEqual(['authError']);
    expect((error as ClassifiedError).fix).toMatch(/accessToken/);
    expect(JSON.stringify(error)).not.toContain('wrong-token');
  });

  it('a query outside GoogleSQL fails as terminal with BigQuery’s reason', async () => {
    const error = await wh.query('select cast(1 as varchar) as x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ClassifiedError);
    expect((error as ClassifiedError).kind).toBe('terminal');
    expect((error as ClassifiedError).codes).toEqual(['invalidQuery']);
    expect((error as Error).message).toMatch(/Type not found: VARCHAR/);
  });
});
