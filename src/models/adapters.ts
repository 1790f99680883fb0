/**
 * What differs between warehouses for the models, as data: the SQL of dbt's cross-database macros
 * (`dbt.date_trunc`, `dbt.dateadd`, …) per target type, following what dbt-core, dbt-duckdb,
 * dbt-snowflake and dbt-bigquery emit, and the few statements a materialization needs.
 */
import type { WarehouseType } from '../warehouse/warehouse.ts';

export interface ModelsAdapter {
  readonly type: WarehouseType;
  readonly quoteChar: '"' | '`';
  readonly crossDb: CrossDbMacros;
  /** Rows (table_schema, table_name) of every table and view in the given schemas. */
  relationsQuery(schemas: readonly string[]): string;
  /** Rows (column_name) of one table, in order. */
  columnsQuery(schema: string, table: string): string;
  /** SQL text of a string literal. */
  literal(value: string): string;
}

export interface CrossDbMacros {
  date_trunc(datepart: string, date: string): string;
  dateadd(datepart: string, interval: string | number, from: string): string;
  datediff(first: string, second: string, datepart: string): string;
  safe_cast(field: string, type: string): string;
  cast(field: string, type: string): string;
  concat(fields: readonly string[]): string;
  hash(field: string): string;
  current_timestamp(): string;
  last_day(date: string, datepart: string): string;
  type_numeric(): string;
  type_timestamp(): string;
  type_string(): string;
  type_int(): string;
  type_bigint(): string;
  type_boolean(): string;
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

function infoSchema(schemas: readonly string[]): string {
  return `select table_schema, table_name from information_schema.tables where table_schema in (${schemas.map(literal).join(', ')})`;
}

const shared = {
  cast: (field: string, type: string) => `cast(${field} as ${type})`,
  concat: (fields: readonly string[]) => `concat(${fields.join(', ')})`,
};

const duckdb: ModelsAdapter = {
  type: 'duckdb',
  quoteChar: '"',
  literal,
  relationsQuery: infoSchema,
  columnsQuery: (schema, table) =>
    `select column_name from information_schema.columns where table_schema = ${literal(schema)} and table_name = ${literal(table)} order by ordinal_position`,
  crossDb: {
    ...shared,
    date_trunc: (datepart, date) => `date_trunc('${datepart}', ${date})`,
    dateadd: (datepart, interval, from) => `date_add(${from}, interval (${interval}) ${datepart})`,
    datediff: (first, second, datepart) =>
      `date_diff('${datepart}', ${first}::timestamp, ${second}::timestamp)`,
    safe_cast: (field, type) => `try_cast(${field} as ${type})`,
    hash: (field) => `md5(cast(${field} as varchar))`,
    current_timestamp: () => 'now()',
    last_day: (date, datepart) =>
      `cast(date_add(date_add(date_trunc('${datepart}', ${date}), interval (1) ${datepart}), interval (-1) day) as date)`,
    type_numeric: () => 'numeric(28,6)',
    type_timestamp: () => 'timestamp',
    type_string: () => 'varchar',
    type_int: () => 'integer',
    type_bigint: () => 'bigint',
    type_boolean: () => 'boolean',
  },
};

const snowflake: ModelsAdapter = {
  type: 'snowflake',
  quoteChar: '"',
  literal,
  relationsQuery: infoSchema,
  columnsQuery: (schema, table) =>
    `select column_name from information_schema.columns where table_schema = ${literal(schema)} and table_name = ${literal(table)} order by ordinal_position`,
  crossDb: {
    ...shared,
    date_trunc: (datepart, date) => `date_trunc('${datepart}', ${date})`,
    dateadd: (datepart, interval, from) => `dateadd(${datepart}, ${interval}, ${from})`,
    datediff: (first, second, datepart) => `datediff(${datepart}, ${first}, ${second})`,
    // TRY_CAST takes text only.
    safe_cast: (field, type) => `try_cast(cast(${field} as varchar) as ${type})`,
    hash: (field) => `md5(cast(${field} as varchar))`,
    current_timestamp: () => "convert_timezone('UTC', current_timestamp())",
    last_day: (date, datepart) => `cast(last_day(${date}, '${datepart}') as date)`,
    type_numeric: () => 'numeric(28,6)',
    type_timestamp: () => 'timestamp_ntz',
    type_string: () => 'varchar',
    type_int: () => 'integer',
    type_bigint: () => 'bigint',
    type_boolean: () => 'boolean',
  },
};

const bigquery: ModelsAdapter = {
  type: 'bigquery',
  quoteChar: '`',
  literal: (value) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`,
  relationsQuery: (schemas) =>
    schemas
      .map((s) => `select table_schema, table_name from \`${s}\`.INFORMATION_SCHEMA.TABLES`)
      .join(' union all '),
  columnsQuery: (schema, table) =>
    `select column_name from \`${schema}\`.INFORMATION_SCHEMA.COLUMNS where table_name = '${table}' order by ordinal_position`,
  crossDb: {
    ...shared,
    date_trunc: (datepart, date) => `timestamp_trunc(cast(${date} as timestamp), ${datepart})`,
    dateadd: (datepart, interval, from) =>
      `datetime_add(cast(${from} as datetime), interval ${interval} ${datepart})`,
    datediff: (first, second, datepart) =>
      `datetime_diff(cast(${second} as datetime), cast(${first} as datetime), ${datepart})`,
    safe_cast: (field, type) => `safe_cast(${field} as ${type})`,
    hash: (field) => `to_hex(md5(cast(${field} as string)))`,
    current_timestamp: () => 'current_timestamp()',
    last_day: (date, datepart) => `last_day(cast(${date} as date), ${datepart})`,
    type_numeric: () => 'numeric',
    type_timestamp: () => 'timestamp',
    type_string: () => 'string',
    type_int: () => 'int64',
    type_bigint: () => 'int64',
    type_boolean: () => 'bool',
  },
};

export const MODELS_ADAPTERS: Readonly<Record<WarehouseType, ModelsAdapter>> = {
  duckdb,
  snowflake,
  bigquery,
};
