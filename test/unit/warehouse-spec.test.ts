import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { defineObject } from '../../src/intacct/objects/descriptor.ts';
import { fromDuckDBValue, isoFromMicros } from '../../src/warehouse/duckdb/duckdb-driver.ts';
import { classifyDuckDBError } from '../../src/warehouse/duckdb/duckdb-errors.ts';
import {
  assertIdentifier,
  columnNameFor,
  loadSuffix,
  quoteIdentifier,
} from '../../src/warehouse/identifiers.ts';
import { planSchemaChanges } from '../../src/warehouse/schema-evolution.ts';
import { dataColumns, stagingTableName, tableSpecFromDescriptor } from '../../src/warehouse/table-spec.ts';
import { CAPABILITIES, WAREHOUSE_TYPES } from '../../src/warehouse/warehouse.ts';
import { BIGINT, DECIMAL, DuckDBDecimalValue, DuckDBTimestampTZValue, TIMESTAMPTZ } from '@duckdb/node-api';

const descriptor = defineObject({
  object: 'GLACCOUNT',
  table: 'gl_account',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'readByQuery',
  large: false,
  sources: [],
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'ACCOUNTNO', type: 'string' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
  ],
});

describe('identifiers', () => {
  it('maps Intacct names to lower_snake columns and refuses unsafe ones', () => {
    expect(columnNameFor('RECORDNO')).toBe('record_no');
    expect(columnNameFor('WHENMODIFIED')).toBe('when_modified');
    expect(columnNameFor('GLDIMFUND')).toBe('gldimfund');
    expect(columnNameFor('Custom_Field_1')).toBe('custom_field_1');
    expect(columnNameFor('DISPLAYCONTACT.PRINTAS')).toBe('displaycontact_printas');
    for (const bad of ['x"; drop table t; --', 'A..B', '.A', 'A.', '1ABC', 'ÄCCOUNT', '', 'A'.repeat(64)]) {
      expect(() => columnNameFor(bad)).toThrow(ClassifiedError);
    }
  });

  it('quotes only validated identifiers', () => {
    expect(quoteIdentifier('gl_detail', '"')).toBe('"gl_detail"');
    expect(quoteIdentifier('gl_detail', '`')).toBe('`gl_detail`');
    expect(() => quoteIdentifier('Gl', '"')).toThrow(/lower_snake/);
    expect(() => assertIdentifier('a b')).toThrow();
  });

  it('turns load ids into short table suffixes', () => {
    expect(loadSuffix('2026-11-01T08:00:00Z/AB', 40)).toBe('2026_11_01t08_00_00z_ab');
    expect(loadSuffix('abcdef', 3)).toBe('def');
    expect(() => loadSuffix('---', 10)).toThrow();
  });
});

describe('tableSpecFromDescriptor', () => {
  it('adds validated custom fields and the system columns, key record_no', () => {
    const spec = tableSpecFromDescriptor(descriptor, [
      { name: 'GLDIMFUND', type: 'string' },
      { name: 'ACCOUNTNO', type: 'string' },
    ]);
    expect(spec.key).toEqual(['record_no']);
    expect(spec.watermark).toBe('when_modified');
    expect(spec.columns.map((c) => c.name)).toEqual([
      'record_no',
      'accountno',
      'when_modified',
      'gldimfund',
      '_entity',
      '_load_id',
      '_loaded_at',
      '_deleted_at',
    ]);
    expect(dataColumns(spec).map((c) => c.source)).toEqual([
      'RECORDNO',
      'ACCOUNTNO',
      'WHENMODIFIED',
      'GLDIMFUND',
    ]);
  });

  it('refuses custom fields that are not identifiers or collide with system columns', () => {
    expect(() => tableSpecFromDescriptor(descriptor, [{ name: 'bad name', type: 'string' }])).toThrow(
      /cannot become a column/,
    );
    expect(() => tableSpecFromDescriptor(descriptor, [{ name: '_ENTITY', type: 'string' }])).toThrow();
  });

  it('names staging tables per load within 63 characters', () => {
    const spec = tableSpecFromDescriptor(descriptor);
    expect(stagingTableName(spec, 'Load-1')).toBe('gl_account__load_1');
    expect(stagingTableName(spec, 'x'.repeat(100)).length).toBe(63);
  });
});

describe('planSchemaChanges', () => {
  const spec = tableSpecFromDescriptor(descriptor, [{ name: 'NEWFIELD', type: 'decimal' }]);
  const typeMatches = (existing: string, wanted: string) => existing === wanted;
  const existing = [
    { name: 'record_no', type: 'integer' },
    { name: 'accountno', type: 'integer' },
    { name: 'when_modified', type: 'timestamp' },
    { name: 'dropped_in_intacct', type: 'string' },
  ];

  it('creates a missing table', () => {
    expect(
      planSchemaChanges({
        table: 't',
        wanted: dataColumns(spec),
        existing: null,
        policy: 'freeze',
        typeMatches,
      }),
    ).toEqual({
      changes: [{ kind: 'create-table', table: 't' }],
      add: [],
      create: true,
    });
  });

  it('adds new columns, reports type differences, never drops', () => {
    const plan = planSchemaChanges({
      table: 't',
      wanted: dataColumns(spec),
      existing,
      policy: 'evolve',
      typeMatches,
    });
    expect(plan.add.map((c) => c.name)).toEqual(['newfield']);
    expect(plan.changes).toEqual([
      { kind: 'type-mismatch', table: 't', column: 'accountno', type: 'string', existingType: 'integer' },
      { kind: 'add-column', table: 't', column: 'newfield', type: 'decimal' },
    ]);
  });

  it('freeze refuses new fields, naming them', () => {
    expect(() =>
      planSchemaChanges({ table: 't', wanted: dataColumns(spec), existing, policy: 'freeze', typeMatches }),
    ).toThrow(/frozen.*1 new field: NEWFIELD \(column newfield, decimal\)/);
  });
});

describe('capabilities', () => {
  it('every warehouse writes money as NUMERIC/NUMBER(38,9) with explicit precision', () => {
    for (const type of WAREHOUSE_TYPES) {
      expect(CAPABILITIES[type].types.decimal).toMatch(/\(38,9\)$/);
      expect(CAPABILITIES[type].type).toBe(type);
    }
    expect(CAPABILITIES.bigquery.identifierQuote).toBe('`');
    expect(CAPABILITIES.duckdb.mergeDuplicateMatch).toBe('silent');
  });
});

describe('duckdb value conversion and errors', () => {
  it('reads decimals exactly and instants as ISO UTC', () => {
    const big = new DuckDBDecimalValue(12345678901234567890123456789n, 38, 9);
    expect(fromDuckDBValue(big, DECIMAL(38, 9))).toBe('12345678901234567890.123456789');
    expect(fromDuckDBValue(2n ** 60n, BIGINT)).toBe('1152921504606846976');
    expect(fromDuckDBValue(42n, BIGINT)).toBe(42);
    expect(fromDuckDBValue(new DuckDBTimestampTZValue(1793520000000000n), TIMESTAMPTZ)).toBe(
      '2026-11-01T08:00:00.000Z',
    );
    expect(isoFromMicros(1793520000000123n)).toBe('2026-11-01T08:00:00.000123Z');
    expect(isoFromMicros(-1n)).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('classifies DuckDB errors once, by type', () => {
    const lock = classifyDuckDBError(
      new Error('IO Error: Could not set lock on file "x.duckdb": Conflicting lock is held'),
    );
    expect(lock.kind).toBe('terminal');
    expect(lock.fix).toMatch(/Another process/);
    expect(
      classifyDuckDBError(new Error('TransactionContext Error: Catalog write-write conflict on alter')).kind,
    ).toBe('transient');
    for (const reason of [
      'Permission denied',
      'No such file or directory',
      'Not a directory',
      'Read-only file system',
    ]) {
      const open = classifyDuckDBError(new Error(`IO Error: Cannot open file "/srv/x.duckdb": ${reason}`));
      expect(open.kind, reason).toBe('terminal');
      expect(open.fix).toMatch(/warehouse\.path/);
    }
    expect(
      classifyDuckDBError(new Error('IO Error: Could not read from file "/srv": Is a directory')).kind,
    ).toBe('terminal');
    const binder = classifyDuckDBError(new Error('Binder Error: column "x" not found'), 'select x from t');
    expect(binder.kind).toBe('terminal');
    expect(binder.codes).toEqual(['Binder']);
    expect(binder.message).toMatch(/\[select x from t\]/);
  });
});
