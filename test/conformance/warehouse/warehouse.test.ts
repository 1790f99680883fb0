/**
 * One warehouse contract, run on every target in targets.ts through openWarehouse (the real driver
 * for cloud warehouses, against their emulators): tables and schema evolution, the staging bulk
 * path, MERGE with updates, deletes and duplicate source rows, state, loads, lease, ledger, and
 * hostile identifiers and values. Raw SQL here quotes every identifier, as portable SQL must, and
 * goes out in each warehouse's own quote (query below).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SchemaNames } from '../../../src/config/schema.ts';
import { ClassifiedError } from '../../../src/core/errors.ts';
import { createLogger } from '../../../src/core/logger.ts';
import { type ObjectDescriptor, defineObject } from '../../../src/intacct/objects/descriptor.ts';
import { openWarehouse } from '../../../src/warehouse/open-warehouse.ts';
import {
  SYSTEM_COLUMNS,
  type TableSpec,
  tableSpecFromDescriptor,
} from '../../../src/warehouse/table-spec.ts';
import type { StageRow, Warehouse } from '../../../src/warehouse/warehouse.ts';
import { TARGETS, type TargetRun, freshSchemas } from './targets.ts';

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
const spec: TableSpec = tableSpecFromDescriptor(GL);

/** Reserved words as table and column names: legal lower_snake identifiers that must be quoted. */
const HOSTILE: TableSpec = {
  name: 'order',
  columns: [
    { name: 'select', type: 'string' },
    { name: 'group', type: 'string' },
    { name: 'from', type: 'decimal' },
    { name: 'where', type: 'timestamp' },
    ...SYSTEM_COLUMNS,
  ],
  key: ['select'],
  watermark: 'where',
};

/** The type information_schema reports for a string and a decimal column. */
const REPORTED_TYPES: Readonly<Record<string, readonly [string, string]>> = {
  duckdb: ['VARCHAR', 'DECIMAL(38,9)'],
  snowflake: ['TEXT', 'NUMBER'],
  bigquery: ['STRING', 'NUMERIC(38,9)'],
};

/**
 * Raw SQL written with double-quoted names and `varchar`, in the warehouse's own identifier quote
 * and text type (in GoogleSQL "x" is a string and VARCHAR no type).
 */
function query<T>(w: Warehouse, text: string, params?: readonly string[]): Promise<T[]> {
  const sqlText = text
    .replaceAll('"', w.capabilities.identifierQuote)
    .replace(/\bas varchar\)/gi, `as ${w.capabilities.types.string})`);
  return w.query<T>(sqlText, params);
}

/** A schema's catalog view: information_schema, or the dataset's INFORMATION_SCHEMA on BigQuery. */
function catalog(w: Warehouse, schema: string, view: 'tables' | 'columns'): string {
  return w.capabilities.type === 'bigquery'
    ? `"${schema}".INFORMATION_SCHEMA.${view.toUpperCase()}`
    : `information_schema.${view}`;
}

const row = (id: string, amount: string, modified: string, account = '1000'): StageRow => [
  id,
  account,
  amount,
  '2026-10-31',
  'true',
  modified,
];

describe.each(TARGETS)('$name warehouse conformance', (target) => {
  let run: TargetRun;
  let schemas: SchemaNames;
  let wh: Warehouse;
  let clock: number;
  let warnings: string[];
  let config: ReturnType<TargetRun['config']>;
  const logger = createLogger({
    level: 'warn',
    format: 'json',
    stream: { write: (line: string) => warnings.push(line) } as unknown as NodeJS.WritableStream,
  });

  const open = () => openWarehouse(config, schemas, logger, { now: () => new Date(clock) });
  const raw = () => `"${schemas.raw}"."gl_detail"`;

  async function stageAndMerge(
    w: Warehouse,
    loadId: string,
    rows: StageRow[],
    entity = 'E100',
    s = spec,
    uniqueKeys = false,
  ) {
    const stage = await w.openStage(s, loadId);
    await stage.append(rows);
    const { table, rows: n } = await stage.finish();
    expect(n).toBe(rows.length);
    const result = await w.merge({ spec: s, stagingTable: table, loadId, entity, uniqueKeys });
    await w.dropStage(table);
    return result;
  }

  async function rawRows(w: Warehouse) {
    return query<Record<string, unknown>>(
      w,
      `select "record_no", "accountno", "amount", "entry_date", "cleared", "when_modified", "_entity", "_load_id", "_deleted_at"
         from ${raw()} order by "record_no"`,
    );
  }

  beforeAll(async () => {
    run = await target.start();
  });

  afterAll(async () => {
    await run.teardown();
  });

  beforeEach(async () => {
    warnings = [];
    clock = Date.parse('2026-11-01T09:00:00.000Z');
    schemas = freshSchemas();
    config = run.config();
    wh = await open();
    await wh.migrate();
    await wh.ensureTable(spec, 'raw', 'evolve');
  });

  afterEach(async () => {
    // The MERGE's reported totals must agree with the counted inserts, updates and deletes.
    expect(warnings).toEqual([]);
    await wh.close();
  });

  it('loads, merges, and keeps big integers, decimals and instants exact', async () => {
    const result = await stageAndMerge(wh, 'load-1', [
      row('9007199254740993', '12345678901234567890.123456789', '2026-11-01T08:00:00.123456Z'),
      row('2', '-0.5', '2026-11-01T08:00:01.000Z'),
    ]);
    expect(result).toEqual({ inserted: 2, updated: 0, deleted: 0, unchanged: 0 });
    expect(await rawRows(wh)).toEqual([
      expect.objectContaining({
        record_no: 2,
        amount: '-0.500000000',
        when_modified: '2026-11-01T08:00:01.000Z',
      }),
      {
        record_no: '9007199254740993',
        accountno: '1000',
        amount: '12345678901234567890.123456789',
        entry_date: '2026-10-31',
        cleared: true,
        when_modified: '2026-11-01T08:00:00.123456Z',
        _entity: 'E100',
        _load_id: 'load-1',
        _deleted_at: null,
      },
    ]);
  });

  it('re-loading the same rows adds nothing; the newer version wins; an older one never overwrites', async () => {
    const rows = [row('1', '10', '2026-11-01T08:00:00.000Z'), row('2', '20', '2026-11-01T08:00:00.000Z')];
    await stageAndMerge(wh, 'load-1', rows);
    expect(await stageAndMerge(wh, 'load-2', rows)).toEqual({
      inserted: 0,
      updated: 0,
      deleted: 0,
      unchanged: 2,
    });
    // Duplicate source rows for one key: deduplicated before the MERGE (Snowflake would refuse them).
    const dup = await stageAndMerge(wh, 'load-3', [
      row('1', '11', '2026-11-01T08:05:00.000Z'),
      row('1', '12', '2026-11-01T08:10:00.000Z'),
      row('1', '9', '2026-11-01T07:00:00.000Z'),
    ]);
    expect(dup).toEqual({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
    const tie = await stageAndMerge(wh, 'load-4', [
      row('2', '21', '2026-11-01T08:10:00.000Z'),
      row('2', '22', '2026-11-01T08:10:00.000Z'),
    ]);
    expect(tie).toEqual({ inserted: 0, updated: 1, deleted: 0, unchanged: 0 });
    const older = await stageAndMerge(wh, 'load-5', [row('1', '1', '2026-11-01T06:00:00.000Z')]);
    expect(older).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 1 });
    const stored = await rawRows(wh);
    expect(stored.map((r) => [r['record_no'], r['amount'], r['_load_id']])).toEqual([
      [1, '12.000000000', 'load-3'],
      [2, '22.000000000', 'load-4'],
    ]);
  });

  it('with the unique-keys hint (a stream read in key order) the MERGE does the same', async () => {
    const rows = [row('1', '10', '2026-11-01T08:00:00.000Z'), row('2', '20', '2026-11-01T08:00:00.000Z')];
    expect(await stageAndMerge(wh, 'load-1', rows, 'E100', spec, true)).toEqual({
      inserted: 2,
      updated: 0,
      deleted: 0,
      unchanged: 0,
    });
    const next = [
      row('1', '10', '2026-11-01T08:00:00.000Z'),
      row('2', '21', '2026-11-01T08:10:00.000Z'),
      row('3', '30', '2026-11-01T08:10:00.000Z'),
    ];
    expect(await stageAndMerge(wh, 'load-2', next, 'E100', spec, true)).toEqual({
      inserted: 1,
      updated: 1,
      deleted: 0,
      unchanged: 1,
    });
    const older = await stageAndMerge(
      wh,
      'load-3',
      [row('2', '1', '2026-11-01T06:00:00.000Z')],
      'E100',
      spec,
      true,
    );
    expect(older).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 1 });
    expect((await rawRows(wh)).map((r) => [r['record_no'], r['amount'], r['_load_id']])).toEqual([
      [1, '10.000000000', 'load-1'],
      [2, '21.000000000', 'load-2'],
      [3, '30.000000000', 'load-2'],
    ]);
  });

  it('a staged delete soft-deletes; repeating it is a no-op; a later version brings the record back', async () => {
    await stageAndMerge(wh, 'load-1', [
      row('1', '10', '2026-11-01T08:00:00.000Z'),
      row('2', '20', '2026-11-01T08:00:00.000Z'),
    ]);
    const del: StageRow = ['2', null, null, null, null, null, '2026-11-01T08:30:00.000Z'];
    const ghost: StageRow = ['99', null, null, null, null, null, '2026-11-01T08:30:00.000Z'];
    expect(await stageAndMerge(wh, 'load-2', [del, ghost])).toEqual({
      inserted: 0,
      updated: 0,
      deleted: 1,
      unchanged: 1,
    });
    expect((await rawRows(wh))[1]).toMatchObject({ record_no: 2, _deleted_at: '2026-11-01T08:30:00.000Z' });
    expect(await stageAndMerge(wh, 'load-3', [del])).toEqual({
      inserted: 0,
      updated: 0,
      deleted: 0,
      unchanged: 1,
    });
    expect(await stageAndMerge(wh, 'load-4', [row('2', '21', '2026-11-01T09:00:00.000Z')])).toEqual({
      inserted: 0,
      updated: 1,
      deleted: 0,
      unchanged: 0,
    });
    expect((await rawRows(wh))[1]).toMatchObject({ record_no: 2, amount: '21.000000000', _deleted_at: null });
  });

  it('softDeleteKeys, columnValues and reconcileKeys touch only the entity’s live keys, and clean up', async () => {
    await stageAndMerge(wh, 'load-1', [
      row('1', '1', '2026-11-01T08:00:00.000Z', 'A'),
      row('2', '2', '2026-11-01T08:00:00.000Z', 'B'),
    ]);
    await stageAndMerge(
      wh,
      'load-1b',
      [row('3', '3', '2026-11-01T08:00:00.000Z'), row('4', '4', '2026-11-01T08:00:00.000Z')],
      'E200',
    );
    expect((await wh.columnValues({ spec, column: 'accountno', keys: ['1', '2', '77'] })).sort()).toEqual([
      'A',
      'B',
    ]);
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
    const staging = await query<{ n: number }>(
      wh,
      `select count(*) as "n" from ${catalog(wh, schemas.staging, 'tables')} where table_schema = $1`,
      [schemas.staging],
    );
    expect(staging[0]?.n).toBe(0);
  });

  it('countWindow counts the live rows of one entity in a window, null watermarks by creation day', async () => {
    await stageAndMerge(wh, 'load-1', [
      row('1', '1', '2026-11-01T08:00:00.000Z'),
      row('2', '2', '2026-11-01T08:30:00.000Z'),
      row('3', '3', '2026-11-01T09:30:00.000Z'),
      ['4', '1000', '4', '2026-10-31', 'true', null],
      row('6', '6', '2026-11-01T08:20:00.000Z'),
    ]);
    await stageAndMerge(wh, 'load-1b', [row('5', '5', '2026-11-01T08:10:00.000Z')], 'E200');
    await wh.softDeleteKeys({ spec, entity: 'E100', keys: ['6'], loadId: 'load-2', at: new Date(clock) });
    const at = (iso: string) => ({ kind: 'timestamp' as const, at: new Date(iso) });
    const day = (d: string) => ({ kind: 'date' as const, day: d });
    const watermark = {
      column: 'when_modified',
      from: at('2026-11-01T08:00:00.000Z'),
      to: at('2026-11-01T09:00:00.000Z'),
    };
    const created = (from: string, to: string) => ({ column: 'entry_date', from: day(from), to: day(to) });
    expect(await wh.countWindow({ spec, entity: 'E100', watermark })).toBe(2);
    expect(
      await wh.countWindow({
        spec,
        entity: 'E100',
        watermark,
        createdWhenNull: created('2026-10-30', '2026-11-01'),
      }),
    ).toBe(3);
    expect(
      await wh.countWindow({
        spec,
        entity: 'E100',
        watermark,
        createdWhenNull: created('2026-11-01', '2026-11-02'),
      }),
    ).toBe(2);
    expect(await wh.countWindow({ spec, entity: 'E200', watermark })).toBe(1);
    // Both bounds are inclusive; an open bound is no bound.
    const point = at('2026-11-01T08:30:00.000Z');
    expect(
      await wh.countWindow({ spec, entity: 'E100', watermark: { ...watermark, from: point, to: point } }),
    ).toBe(1);
    expect(await wh.countWindow({ spec, entity: 'E100', watermark: { ...watermark, to: null } })).toBe(3);
  });

  it('stages many rows and keeps hostile values exactly', async () => {
    const hostile = [
      'comma, "quotes" and \'apostrophes\'',
      'line\nbreak\r\nand\ttab',
      '\\N',
      'NULL',
      '',
      'back\\slash\\',
      'ünïcødé ✓ 日本',
      ' padded ',
    ];
    const rows: StageRow[] = [];
    for (let i = 1; i <= 1200; i++) {
      rows.push([
        String(i),
        hostile[i % hostile.length]!,
        i % 7 === 0 ? null : `${i}.${String(i % 100).padStart(2, '0')}`,
        '2026-10-31',
        i % 2 === 0 ? 'true' : 'false',
        '2026-11-01T08:00:00.000Z',
      ]);
    }
    const result = await stageAndMerge(wh, 'load-bulk', rows);
    expect(result.inserted).toBe(1200);
    const back = await query<{ record_no: number; accountno: string | null; amount: string | null }>(
      wh,
      `select "record_no", "accountno", "amount" from ${raw()} where "record_no" <= 16 order by "record_no"`,
    );
    expect(back.map((r) => r.accountno)).toEqual(
      Array.from({ length: 16 }, (_, k) => hostile[(k + 1) % hostile.length]),
    );
    expect(back[6]?.amount).toBeNull();
    const sums = await query<{ n: number; total: string }>(
      wh,
      `select count(*) as "n", cast(sum("amount") as varchar) as "total" from ${raw()}`,
    );
    const expected = rows.reduce((sum, r) => sum + (r[2] === null ? 0n : BigInt(r[2]!.replace('.', ''))), 0n);
    expect(sums[0]?.n).toBe(1200);
    expect(sums[0]?.total.replace(/\.?0+$/, '')).toBe(
      `${expected / 100n}.${String(expected % 100n).padStart(2, '0')}`.replace(/\.?0+$/, ''),
    );
  });

  it('quotes reserved words as table and column names', async () => {
    await wh.ensureTable(HOSTILE, 'raw', 'evolve');
    const result = await stageAndMerge(
      wh,
      'load-h',
      [
        ['a', 'x', '1.5', '2026-11-01T08:00:00.000Z'],
        ['b', 'y', '2.5', '2026-11-01T08:00:00.000Z'],
      ],
      'E100',
      HOSTILE,
    );
    expect(result.inserted).toBe(2);
    const rows = await query<Record<string, unknown>>(
      wh,
      `select "select", "group", "from" from "${schemas.raw}"."order" order by "select"`,
    );
    expect(rows).toEqual([
      { select: 'a', group: 'x', from: '1.500000000' },
      { select: 'b', group: 'y', from: '2.500000000' },
    ]);
  });

  it('refuses a row of the wrong width', async () => {
    const stage = await wh.openStage(spec, 'load-x');
    await expect(stage.append([['1', '2']])).rejects.toThrow(/expected 6/);
    await stage.finish();
  });

  it('a new field becomes a new nullable column; freeze refuses one; nothing is dropped', async () => {
    const withCustom = tableSpecFromDescriptor(GL, [
      { name: 'GLDIMFUND', type: 'string' },
      { name: 'RATE', type: 'decimal' },
    ]);
    const frozen = await wh.ensureTable(withCustom, 'raw', 'freeze').catch((e: unknown) => e);
    expect(frozen).toBeInstanceOf(ClassifiedError);
    expect((frozen as Error).message).toMatch(/frozen.*GLDIMFUND \(column gldimfund, string\), RATE/);
    const changes = await wh.ensureTable(withCustom, 'raw', 'evolve');
    expect(changes).toEqual([
      { kind: 'add-column', table: `${schemas.raw}.gl_detail`, column: 'gldimfund', type: 'string' },
      { kind: 'add-column', table: `${schemas.raw}.gl_detail`, column: 'rate', type: 'decimal' },
    ]);
    const columns = await query<{ name: string; type: string; nullable: string }>(
      wh,
      `select column_name as "name", data_type as "type", is_nullable as "nullable" from ${catalog(wh, schemas.raw, 'columns')}
        where table_schema = $1 and table_name = 'gl_detail' and column_name in ('gldimfund', 'rate') order by column_name`,
      [schemas.raw],
    );
    const [text, decimal] = REPORTED_TYPES[target.name]!;
    expect(columns).toEqual([
      { name: 'gldimfund', type: text, nullable: 'YES' },
      { name: 'rate', type: decimal, nullable: 'YES' },
    ]);
    expect(await wh.ensureTable(spec, 'raw', 'evolve')).toEqual([]);
    await stageAndMerge(
      wh,
      'load-c',
      [['1', 'A', '1', '2026-10-31', 'true', '2026-11-01T08:00:00.000Z', 'F1', '0.25']],
      'E100',
      withCustom,
    );
    const stored = await query<Record<string, unknown>>(wh, `select "gldimfund", "rate" from ${raw()}`);
    expect(stored).toEqual([{ gldimfund: 'F1', rate: '0.250000000' }]);
  });

  it('a crash between merge and state write repeats the work without duplicating rows', async () => {
    const rows = [row('1', '10', '2026-11-01T08:00:00.000Z'), row('2', '20', '2026-11-01T08:00:00.000Z')];
    await wh.setState({
      object: 'GLDETAIL',
      entity: 'E100',
      watermark: '2026-11-01T07:00:00.000Z',
      loadId: 'load-0',
    });
    await stageAndMerge(wh, 'load-1', rows);
    await wh.close();
    wh = await open();
    expect((await wh.getState('GLDETAIL', 'E100'))?.watermark).toBe('2026-11-01T07:00:00.000Z');
    const stage = await wh.openStage(spec, 'load-2');
    await stage.append(rows);
    const { table } = await stage.finish();
    const result = await wh.mergeAndSetState(
      { spec, stagingTable: table, loadId: 'load-2', entity: 'E100' },
      { object: 'GLDETAIL', entity: 'E100', watermark: '2026-11-01T08:00:00.000Z', loadId: 'load-2' },
    );
    expect(result).toEqual({ inserted: 0, updated: 0, deleted: 0, unchanged: 2 });
    expect(await rawRows(wh)).toHaveLength(2);
    expect(await wh.listState()).toEqual([
      {
        object: 'GLDETAIL',
        entity: 'E100',
        watermark: '2026-11-01T08:00:00.000Z',
        loadId: 'load-2',
        updatedAt: '2026-11-01T09:00:00.000Z',
      },
    ]);
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

  it('records loads, is idempotent to migrate, and keeps the reverse-ETL ledger', async () => {
    expect((await wh.migrate()).applied).toEqual([]);
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

  it('refuses a second run while the first holds the lease, and a dead run’s lease expires', async () => {
    const lease = await wh.acquireLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 });
    expect(lease.expiresAt).toBe('2026-11-01T09:01:00.000Z');
    const refused = await wh
      .acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 })
      .catch((e: unknown) => e);
    expect((refused as Error).message).toMatch(
      /already running: its lease is held by run-a until 2026-11-01T09:01:00.000Z/,
    );
    await wh.acquireLease({ job: 'hourly', owner: 'run-b', ttlMs: 60_000 });
    clock += 61_000;
    expect((await wh.acquireLease({ job: 'nightly', owner: 'run-b', ttlMs: 60_000 })).owner).toBe('run-b');
    await expect(wh.renewLease({ job: 'nightly', owner: 'run-a', ttlMs: 60_000 })).rejects.toThrow(
      /was lost by run-a/,
    );
    await wh.releaseLease({ job: 'nightly', owner: 'run-b' });
    expect(await wh.currentLease('nightly')).toBeNull();
  });
});
