/**
 * The bulk path into DuckDB staging: the appender fed with data chunks of up to 2,048 rows (DuckDB's
 * vector size), never per-row inserts. Staging columns are VARCHAR and take the canonical strings
 * as they are (the MERGE casts them), except decimals: those are appended as DECIMAL(38,9) values
 * built from BigInt units, because DuckDB's VARCHAR→DECIMAL(38,9) cast is ~100x slower than the
 * others. Decimals never pass through a JS number. Each append() call's rows go straight into
 * chunks, so memory stays flat whatever the load size.
 */
import {
  DECIMAL,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  DuckDBDecimalValue,
  type DuckDBInstance,
  type DuckDBValue,
  INTEGER,
  VARCHAR,
} from '@duckdb/node-api';
import { ClassifiedError } from '../../core/errors.ts';
import type { FieldType } from '../../intacct/objects/descriptor.ts';
import type { StageRow, StageWriter } from '../warehouse.ts';
import { prepareConnection } from './duckdb-driver.ts';
import { classifyDuckDBError } from './duckdb-errors.ts';

export const CHUNK_ROWS = 2048;
/**
 * Flush the appender this often. Until a flush its rows sit in the appender's own collection,
 * outside the buffer pool: with 4 streams of 20,000-row slices that was 4 whole slices of native
 * memory. Flushed rows go to the staging table, which the buffer pool bounds (and may spill).
 */
const FLUSH_EVERY_ROWS = 5 * CHUNK_ROWS;

export class DuckDBStageWriter implements StageWriter {
  readonly table: string;
  readonly #connection: DuckDBConnection;
  readonly #appender: DuckDBAppender;
  readonly #dataColumns: number;
  readonly #decimal: readonly boolean[];
  readonly #chunk: DuckDBDataChunk;
  #rows = 0;
  #sinceFlush = 0;
  #closed = false;

  private constructor(
    table: string,
    connection: DuckDBConnection,
    appender: DuckDBAppender,
    types: readonly FieldType[],
  ) {
    this.table = table;
    this.#connection = connection;
    this.#appender = appender;
    this.#dataColumns = types.length;
    this.#decimal = types.map((t) => t === 'decimal');
    this.#chunk = DuckDBDataChunk.create(
      [...types.map((t) => (t === 'decimal' ? DECIMAL(38, 9) : VARCHAR)), INTEGER, VARCHAR],
      CHUNK_ROWS,
    );
  }

  /** Opens an appender on an existing staging table (data columns, then `_seq`, `_deleted_at`). */
  static async open(
    instance: DuckDBInstance,
    schema: string,
    table: string,
    dataColumnTypes: readonly FieldType[],
  ): Promise<DuckDBStageWriter> {
    const connection = await instance.connect();
    try {
      await prepareConnection(connection);
      const appender = await connection.createAppender(table, schema);
      return new DuckDBStageWriter(table, connection, appender, dataColumnTypes);
    } catch (error) {
      connection.closeSync();
      throw classifyDuckDBError(error, `appender on ${schema}.${table}`);
    }
  }

  async append(rows: readonly StageRow[]): Promise<void> {
    if (this.#closed)
      throw new ClassifiedError(`stage ${this.table} is already finished`, { kind: 'terminal' });
    const n = this.#dataColumns;
    for (let start = 0; start < rows.length; start += CHUNK_ROWS) {
      const end = Math.min(rows.length, start + CHUNK_ROWS);
      const size = end - start;
      const columns: DuckDBValue[][] = Array.from({ length: n + 2 }, () => new Array<DuckDBValue>(size));
      const decimal = this.#decimal;
      const seq = new Array<number>(size);
      for (let r = 0; r < size; r++) {
        const row = rows[start + r]!;
        if (row.length !== n && row.length !== n + 1) {
          throw new ClassifiedError(
            `stage ${this.table}: row ${this.#rows + r + 1} has ${row.length} values, expected ${n} (or ${n + 1} with _deleted_at)`,
            { kind: 'terminal' },
          );
        }
        for (let c = 0; c < n; c++) {
          const value = row[c] ?? null;
          columns[c]![r] = value !== null && decimal[c] ? decimalValue(value, this.table, c) : value;
        }
        columns[n + 1]![r] = row.length > n ? (row[n] ?? null) : null;
        seq[r] = this.#rows + r + 1;
      }
      columns[n] = seq;
      try {
        this.#chunk.reset();
        this.#chunk.setColumns(columns);
        this.#appender.appendDataChunk(this.#chunk);
      } catch (error) {
        throw classifyDuckDBError(error, `append to ${this.table}`);
      }
      this.#rows += size;
      this.#sinceFlush += size;
    }
    if (this.#sinceFlush >= FLUSH_EVERY_ROWS) {
      this.#appender.flushSync();
      this.#sinceFlush = 0;
    }
  }

  async finish(): Promise<{ readonly table: string; readonly rows: number }> {
    if (!this.#closed) {
      this.#closed = true;
      try {
        this.#appender.flushSync();
        this.#appender.closeSync();
      } catch (error) {
        throw classifyDuckDBError(error, `flush ${this.table}`);
      } finally {
        this.#connection.closeSync();
      }
    }
    return { table: this.table, rows: this.#rows };
  }
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d{1,9}))?$/;
const MAX_UNITS = 10n ** 38n;

/** A canonical decimal string as exact DECIMAL(38,9) units: one BigInt parse, no JS number. */
export function decimalValue(text: string, table: string, column: number): DuckDBDecimalValue {
  const m = DECIMAL_TEXT.exec(text);
  if (m === null) {
    throw new ClassifiedError(
      `stage ${table}: column ${column + 1} value ${JSON.stringify(text)} is not a plain decimal with at most 9 decimals`,
      {
        kind: 'terminal',
      },
    );
  }
  const units = BigInt(`${m[1]}${m[2]}${(m[3] ?? '').padEnd(9, '0')}`);
  if (units >= MAX_UNITS || units <= -MAX_UNITS) {
    throw new ClassifiedError(`stage ${table}: decimal ${text} does not fit NUMERIC(38,9)`, {
      kind: 'terminal',
    });
  }
  return new DuckDBDecimalValue(units, 38, 9);
}

/** Streams text values into a one-column table (keys for deletes and reconciliation). */
export async function appendKeys(
  instance: DuckDBInstance,
  schema: string,
  table: string,
  batches: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): Promise<number> {
  const connection = await instance.connect();
  let count = 0;
  try {
    const appender = await connection.createAppender(table, schema);
    const chunk = DuckDBDataChunk.create([VARCHAR], CHUNK_ROWS);
    for await (const batch of batches) {
      for (let start = 0; start < batch.length; start += CHUNK_ROWS) {
        chunk.reset();
        chunk.setColumns([batch.slice(start, start + CHUNK_ROWS)]);
        appender.appendDataChunk(chunk);
      }
      count += batch.length;
    }
    appender.flushSync();
    appender.closeSync();
  } catch (error) {
    throw classifyDuckDBError(error, `append keys to ${schema}.${table}`);
  } finally {
    connection.closeSync();
  }
  return count;
}
