/**
 * DuckDB values and types as BigQuery's REST API sends them: schema fields with the legacy type
 * names (INTEGER, FLOAT, BOOLEAN, …) and every cell a string, TIMESTAMP as microseconds since the
 * epoch (formatOptions.useInt64Timestamp, which the client always asks for), NUMERIC without
 * trailing zeros.
 */
import {
  type DuckDBDecimalValue,
  type DuckDBTimestampTZValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';

export interface SchemaField {
  name: string;
  type: string;
  mode?: 'NULLABLE' | 'REQUIRED' | 'REPEATED';
  precision?: string;
  scale?: string;
}

export type Cell = { v: string | null };
export type Row = { f: Cell[] };

export function fieldType(type: DuckDBType): { type: string; precision?: string; scale?: string } {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { type: 'BOOLEAN' };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
      return { type: 'INTEGER' };
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { type: 'FLOAT' };
    case DuckDBTypeId.DECIMAL:
      return { type: 'NUMERIC' };
    case DuckDBTypeId.TIMESTAMP_TZ:
      return { type: 'TIMESTAMP' };
    case DuckDBTypeId.TIMESTAMP:
      return { type: 'DATETIME' };
    case DuckDBTypeId.DATE:
      return { type: 'DATE' };
    case DuckDBTypeId.TIME:
      return { type: 'TIME' };
    case DuckDBTypeId.BLOB:
      return { type: 'BYTES' };
    default:
      return { type: type.toString() === 'JSON' ? 'JSON' : 'STRING' };
  }
}

/** A column type as information_schema reports it → a table schema field. */
export function catalogField(name: string, dataType: string, nullable: boolean): SchemaField {
  const t = dataType.toUpperCase();
  const mode = nullable ? 'NULLABLE' : 'REQUIRED';
  const decimal = /^DECIMAL\((\d+),(\d+)\)$/.exec(t);
  if (decimal) return { name, type: 'NUMERIC', mode, precision: decimal[1]!, scale: decimal[2]! };
  const map: Record<string, string> = {
    VARCHAR: 'STRING',
    BIGINT: 'INTEGER',
    INTEGER: 'INTEGER',
    HUGEINT: 'INTEGER',
    DOUBLE: 'FLOAT',
    BOOLEAN: 'BOOLEAN',
    DATE: 'DATE',
    TIMESTAMP: 'DATETIME',
    'TIMESTAMP WITH TIME ZONE': 'TIMESTAMP',
    TIME: 'TIME',
    JSON: 'JSON',
    BLOB: 'BYTES',
  };
  return { name, type: map[t] ?? 'STRING', mode };
}

/** A schema field → the DuckDB column type (tables.insert and PATCH). */
export function duckTypeOf(field: SchemaField): string {
  switch (field.type.toUpperCase()) {
    case 'STRING':
      return 'VARCHAR';
    case 'INTEGER':
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT':
    case 'FLOAT64':
      return 'DOUBLE';
    case 'BOOLEAN':
    case 'BOOL':
      return 'BOOLEAN';
    case 'NUMERIC':
      return `DECIMAL(${field.precision ?? 38},${field.scale ?? 9})`;
    case 'DATE':
      return 'DATE';
    case 'DATETIME':
      return 'TIMESTAMP';
    case 'TIMESTAMP':
      return 'TIMESTAMPTZ';
    case 'TIME':
      return 'TIME';
    case 'JSON':
      return 'JSON';
    case 'BYTES':
      return 'BLOB';
    default:
      throw new Error(
        `the BigQuery emulator does not support field type ${field.type} (field ${field.name})`,
      );
  }
}

function trimDecimal(text: string): string {
  if (!text.includes('.')) return text;
  return text.replace(/0+$/, '').replace(/\.$/, '');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function civil(micros: bigint): string {
  const ms = Number(micros / 1000n) - (micros % 1000n < 0n ? 1 : 0);
  const d = new Date(ms);
  const frac = ((micros % 1_000_000n) + 1_000_000n) % 1_000_000n;
  const base = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return frac === 0n ? base : `${base}.${String(frac).padStart(6, '0')}`;
}

export function cellOf(value: DuckDBValue, type: DuckDBType): string | null {
  if (value === null) return null;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return value ? 'true' : 'false';
    case DuckDBTypeId.DECIMAL:
      return trimDecimal((value as DuckDBDecimalValue).toString());
    case DuckDBTypeId.TIMESTAMP_TZ:
      return String((value as DuckDBTimestampTZValue).micros);
    case DuckDBTypeId.TIMESTAMP:
      return civil((value as unknown as { micros: bigint }).micros);
    case DuckDBTypeId.BLOB:
      return Buffer.from((value as unknown as { bytes: Uint8Array }).bytes).toString('base64');
    default:
      return String(value);
  }
}
