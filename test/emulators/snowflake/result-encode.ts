/**
 * DuckDB results as Snowflake's JSON rowset (warehouses.md §1.4): a rowtype per column with the
 * lower-case type name, and every cell a string or null in that type's wire form. Numbers travel
 * as exact decimal strings, so values beyond 2^53 reach the driver intact.
 */
import {
  type DuckDBDateValue,
  type DuckDBDecimalType,
  type DuckDBDecimalValue,
  type DuckDBResult,
  type DuckDBTimestampTZValue,
  type DuckDBTimestampValue,
  type DuckDBType,
  DuckDBTypeId,
  type DuckDBValue,
} from '@duckdb/node-api';
import { unsupported } from './errors.ts';
import { decodeName } from './sql-translate.ts';

export interface RowType {
  readonly name: string;
  readonly type: string;
  readonly precision: number | null;
  readonly scale: number | null;
  readonly nullable: boolean;
  readonly database: string;
  readonly schema: string;
  readonly table: string;
  readonly byteLength: number | null;
  readonly length: number | null;
  readonly collation: null;
}

export interface EncodedResult {
  readonly rowtype: readonly RowType[];
  readonly rows: (string | null)[][];
}

function column(
  name: string,
  type: string,
  precision: number | null = null,
  scale: number | null = null,
): RowType {
  return {
    name,
    type,
    precision,
    scale,
    nullable: true,
    database: '',
    schema: '',
    table: '',
    byteLength: type === 'text' ? 16777216 : null,
    length: type === 'text' ? 16777216 : null,
    collation: null,
  };
}

/** A one-row result of named counts or texts (DML counts, DDL status). */
export function statusResult(columns: readonly [string, 'fixed' | 'text', string | null][]): EncodedResult {
  return {
    rowtype: columns.map(([name, type]) =>
      type === 'fixed' ? column(name, 'fixed', 38, 0) : column(name, 'text'),
    ),
    rows: [columns.map(([, , value]) => value)],
  };
}

/** Epoch seconds with nine fraction digits from microseconds. */
function epochNanosText(micros: bigint): string {
  const negative = micros < 0n;
  const abs = negative ? -micros : micros;
  let seconds = abs / 1_000_000n;
  let fraction = abs % 1_000_000n;
  if (negative && fraction > 0n) {
    seconds = seconds + 1n;
    fraction = 1_000_000n - fraction;
  }
  return `${negative ? '-' : ''}${seconds}.${String(fraction).padStart(6, '0')}000`;
}

function decimalText(value: DuckDBDecimalValue): string {
  const negative = value.value < 0n;
  const digits = (negative ? -value.value : value.value).toString().padStart(value.scale + 1, '0');
  const whole = value.scale === 0 ? digits : `${digits.slice(0, -value.scale)}.${digits.slice(-value.scale)}`;
  return negative ? `-${whole}` : whole;
}

interface ColumnCodec {
  readonly rowtype: RowType;
  encode(value: DuckDBValue): string;
}

function codecFor(name: string, type: DuckDBType): ColumnCodec {
  if (type.alias === 'JSON') return { rowtype: column(name, 'variant'), encode: (v) => String(v) };
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return { rowtype: column(name, 'boolean'), encode: (v) => (v ? '1' : '0') };
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.UBIGINT:
      return { rowtype: column(name, 'fixed', 38, 0), encode: (v) => String(v) };
    case DuckDBTypeId.DECIMAL: {
      const t = type as DuckDBDecimalType;
      return {
        rowtype: column(name, 'fixed', t.width, t.scale),
        encode: (v) => decimalText(v as DuckDBDecimalValue),
      };
    }
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return { rowtype: column(name, 'real'), encode: (v) => String(v) };
    case DuckDBTypeId.VARCHAR:
    case DuckDBTypeId.SQLNULL:
      return { rowtype: column(name, 'text'), encode: (v) => String(v) };
    case DuckDBTypeId.DATE:
      return { rowtype: column(name, 'date'), encode: (v) => String((v as DuckDBDateValue).days) };
    case DuckDBTypeId.TIMESTAMP:
      return {
        rowtype: column(name, 'timestamp_ntz', 0, 9),
        encode: (v) => epochNanosText((v as DuckDBTimestampValue).micros),
      };
    case DuckDBTypeId.TIMESTAMP_TZ:
      // Offset in minutes + 1440; the emulator's sessions run in UTC.
      return {
        rowtype: column(name, 'timestamp_tz', 0, 9),
        encode: (v) => `${epochNanosText((v as DuckDBTimestampTZValue).micros)} 1440`,
      };
    default:
      throw unsupported(`result column type ${type.toString()}`);
  }
}

export async function encodeResult(result: DuckDBResult): Promise<EncodedResult> {
  const names = result.columnNames().map(decodeName);
  const codecs = result.columnTypes().map((type, i) => codecFor(names[i]!, type));
  const rows = (await result.getRows()).map((row) =>
    row.map((value, i) => (value === null ? null : codecs[i]!.encode(value))),
  );
  return { rowtype: codecs.map((c) => c.rowtype), rows };
}
