/**
 * Query results as the REST API sends them (`{f: [{v}]}` with a schema, read with skipParsing) into
 * plain values: NUMERIC and BIGNUMERIC stay exact decimal strings (NUMERIC with its nine digits), INT64 a number when it fits in
 * 2^53 (else a string), TIMESTAMP (microseconds since the epoch) an ISO UTC string, BOOL a
 * boolean, DATE/DATETIME/TIME/STRING/JSON the text BigQuery sent.
 */
export interface ResultField {
  readonly name: string;
  readonly type: string;
  readonly mode?: string;
}

export interface ResultRow {
  readonly f: readonly { readonly v: unknown }[];
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** ISO UTC from epoch microseconds: milliseconds, plus three digits when microseconds are set. */
export function isoFromMicros(micros: bigint): string {
  const floorMs = micros >= 0n || micros % 1000n === 0n ? micros / 1000n : micros / 1000n - 1n;
  const rest = Number(micros - floorMs * 1000n);
  const iso = new Date(Number(floorMs)).toISOString();
  return rest === 0 ? iso : `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

/**
 * NUMERIC always has scale 9 (NUMERIC(P,S) has S ≤ 9): written with all nine digits, as DuckDB and
 * Snowflake write NUMERIC(38,9), so one value reads the same from every warehouse. BIGNUMERIC is
 * left as sent.
 */
export function numericText(value: string): string {
  const m = /^(-?\d+)(?:\.(\d{1,9}))?$/.exec(value);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}` : value;
}

export function decodeCell(value: unknown, field: ResultField): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') return value; // RECORD / REPEATED: left as sent
  switch (field.type.toUpperCase()) {
    case 'INTEGER':
    case 'INT64': {
      const big = BigInt(value);
      return big <= MAX_SAFE && big >= -MAX_SAFE ? Number(big) : value;
    }
    case 'FLOAT':
    case 'FLOAT64':
      return Number(value);
    case 'BOOLEAN':
    case 'BOOL':
      return value.toLowerCase() === 'true';
    case 'NUMERIC':
      return numericText(value);
    case 'TIMESTAMP':
      // Microseconds with useInt64Timestamp (always asked for); float seconds otherwise.
      return /^-?\d+$/.test(value)
        ? isoFromMicros(BigInt(value))
        : isoFromMicros(BigInt(Math.round(Number(value) * 1e6)));
    default:
      return value;
  }
}

export function decodeRows(
  fields: readonly ResultField[],
  rows: readonly ResultRow[],
): Record<string, unknown>[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = {};
    fields.forEach((field, i) => {
      out[field.name] = decodeCell(row.f[i]?.v ?? null, field);
    });
    return out;
  });
}
