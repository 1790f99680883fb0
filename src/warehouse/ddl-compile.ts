/**
 * DDL built with Kysely's schema builder: pure, so golden-tested per dialect. Types come from the
 * capabilities record (never from input); names are validated identifiers.
 */
import { type Kysely, sql } from 'kysely';
import type { FieldType } from '../intacct/objects/descriptor.ts';
import { assertIdentifier } from './identifiers.ts';
import {
  type ColumnSpec,
  STAGING_DELETED_COLUMN,
  STAGING_SEQ_COLUMN,
  type TableSpec,
  dataColumns,
} from './table-spec.ts';
import type { Capabilities } from './warehouse.ts';

/** Any Kysely works for DDL: the schema builder is untyped. */
type AnyDb = Kysely<unknown>;

export function compileCreateSchema(db: AnyDb, schema: string) {
  return db.schema.createSchema(assertIdentifier(schema, 'schema name')).ifNotExists();
}

/** The raw table: typed data columns, then the system columns. Key columns are NOT NULL. */
export function compileCreateRawTable(db: AnyDb, caps: Capabilities, schema: string, spec: TableSpec) {
  let builder = db.schema
    .withSchema(assertIdentifier(schema, 'schema name'))
    .createTable(assertIdentifier(spec.name, 'table name'))
    .ifNotExists();
  for (const column of spec.columns) {
    const notNull = spec.key.includes(column.name) || column.name === '_entity';
    builder = builder.addColumn(
      assertIdentifier(column.name, 'column name'),
      sql.raw(caps.types[column.type]),
      (c) => (notNull ? c.notNull() : c),
    );
  }
  return builder;
}

/**
 * A staging table: data columns as text (values arrive as canonical strings and are cast exactly
 * in the MERGE) except decimals, which are staged typed (see columnTypeIn), then the append
 * sequence and the delete mark.
 */
export function compileCreateStagingTable(
  db: AnyDb,
  caps: Capabilities,
  schema: string,
  table: string,
  spec: TableSpec,
) {
  let builder = db.schema
    .withSchema(assertIdentifier(schema, 'schema name'))
    .createTable(assertIdentifier(table, 'table name'));
  for (const column of dataColumns(spec)) {
    builder = builder.addColumn(
      assertIdentifier(column.name, 'column name'),
      sql.raw(columnTypeIn(caps, 'staging', column.type)),
    );
  }
  return (
    builder
      // INTEGER, not BIGINT: the loader fills it from JS numbers without a BigInt per row.
      .addColumn(STAGING_SEQ_COLUMN, sql.raw('INTEGER'))
      .addColumn(STAGING_DELETED_COLUMN, sql.raw(caps.types.string))
  );
}

export function compileDropTable(db: AnyDb, schema: string, table: string) {
  return db.schema
    .withSchema(assertIdentifier(schema, 'schema name'))
    .dropTable(assertIdentifier(table, 'table name'))
    .ifExists();
}

/** Schema evolution only ever adds a nullable column. */
export function compileAddColumn(
  db: AnyDb,
  columnType: string,
  schema: string,
  table: string,
  column: ColumnSpec,
) {
  return db.schema
    .withSchema(assertIdentifier(schema, 'schema name'))
    .alterTable(assertIdentifier(table, 'table name'))
    .addColumn(assertIdentifier(column.name, 'column name'), sql.raw(columnType));
}

/**
 * The type a column gets in a layer: raw holds typed values; staging holds text, except decimals.
 * Measured on DuckDB 1.5.6: CAST(varchar AS DECIMAL(38,9)) costs ~7.6 µs a value (128-bit parse),
 * ~100x the other casts, so the loader appends decimals as exact DECIMAL values built from BigInt
 * units instead (bench/warehouse-load.ts).
 */
export function columnTypeIn(caps: Capabilities, layer: 'raw' | 'staging', type: FieldType): string {
  if (layer === 'raw' || type === 'decimal') return caps.types[type];
  return caps.types.string;
}

/** A single-column text table of keys, streamed in for deletes and reconciliation. */
export function compileCreateKeysTable(db: AnyDb, caps: Capabilities, schema: string, table: string) {
  return db.schema
    .withSchema(assertIdentifier(schema, 'schema name'))
    .createTable(assertIdentifier(table, 'table name'))
    .addColumn('key', sql.raw(caps.types.string));
}
