/**
 * The bulk path into DuckDB staging: each stream's rows are written as CSV text to a file of its
 * own, and the staging "table" is a view that reads that file. The job's main thread does no more
 * than build text and hand it to an asynchronous file write; DuckDB parses the file on its own
 * threads, once, inside the MERGE that reads the view. The appender this replaces did its inserts
 * synchronously on the main thread (about a quarter of it in a GL backfill), stored every row in a
 * table only to read it back once, and held value objects per cell.
 *
 * The CSV reader parses integers, dates, instants and booleans into their types itself (about a
 * fifth cheaper than reading text and casting it in the MERGE; bench/RESULTS.md). Text stays text;
 * decimals are read as text and cast: DuckDB parses text into DECIMAL(38,9) about 100x more slowly
 * than into DECIMAL(18,9), so values with at most nine integer digits take the narrow parse and
 * widen exactly, the rest the wide one. A decimal is checked here
 * (plain, at most nine decimals, fits NUMERIC(38,9)) so no cast can round it; it never passes
 * through a JS number.
 */
import { randomUUID } from 'node:crypto';
import { type FileHandle, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type DuckDBInstance, DuckDBDataChunk, VARCHAR } from '@duckdb/node-api';
import { ClassifiedError } from '../../core/errors.ts';
import type { FieldType } from '../../intacct/objects/descriptor.ts';
import type { KeyRange } from '../merge-compile.ts';
import type { StageRow, StageWriter } from '../warehouse.ts';
import { classifyDuckDBError } from './duckdb-errors.ts';

const CHUNK_ROWS = 2048;

const DECIMAL_TEXT = /^-?(\d{1,29})(?:\.\d{1,9})?$/;
const NEEDS_QUOTES = /[",\r\n]/;
/** A canonical non-negative integer: such keys order by length, then as text. */
const PLAIN_INTEGER = /^(?:0|[1-9]\d*)$/;

function integerBelow(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

export class DuckDBStageWriter implements StageWriter {
  readonly table: string;
  readonly file: string;
  readonly #handle: FileHandle;
  readonly #types: readonly FieldType[];
  readonly #onFinish: (file: string) => Promise<void>;
  /** The data column holding a one-column integer key, or -1: its range is tracked as rows pass. */
  readonly #keyColumn: number;
  #low: string | undefined;
  #high: string | undefined;
  #rangeKnown: boolean;
  #rows = 0;
  #closed = false;
  #finished = false;

  private constructor(
    table: string,
    file: string,
    handle: FileHandle,
    types: readonly FieldType[],
    keyColumn: number,
    onFinish: (file: string) => Promise<void>,
  ) {
    this.table = table;
    this.file = file;
    this.#handle = handle;
    this.#types = types;
    this.#keyColumn = keyColumn;
    this.#rangeKnown = keyColumn >= 0;
    this.#onFinish = onFinish;
  }

  /**
   * Opens a new staging file in `directory`; `onFinish` makes it readable as `table` (the view) once
   * every row is written. `keyColumn` is the data column of a one-column integer key (or -1).
   */
  static async open(
    directory: string,
    table: string,
    dataColumnTypes: readonly FieldType[],
    keyColumn: number,
    onFinish: (file: string) => Promise<void>,
  ): Promise<DuckDBStageWriter> {
    const file = join(directory, `${table}-${randomUUID()}.csv`);
    const handle = await open(file, 'wx');
    return new DuckDBStageWriter(table, file, handle, dataColumnTypes, keyColumn, onFinish);
  }

  async append(rows: readonly StageRow[]): Promise<void> {
    if (this.#closed)
      throw new ClassifiedError(`stage ${this.table} is already finished`, { kind: 'terminal' });
    const types = this.#types;
    const n = types.length;
    // Cells and lines are joined once each: concatenating value by value builds a rope of small
    // strings per row, which was most of the stage writer's garbage.
    const cells = new Array<string>(n + 2);
    const lines = new Array<string>(rows.length + 1);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      if (row.length !== n && row.length !== n + 1) {
        throw new ClassifiedError(
          `stage ${this.table}: row ${this.#rows + r + 1} has ${row.length} values, expected ${n} (or ${n + 1} with _deleted_at)`,
          { kind: 'terminal' },
        );
      }
      for (let c = 0; c < n; c++) {
        const value = row[c] ?? null;
        // An unquoted empty field is NULL; a quoted one is the empty string.
        cells[c] =
          value === null ? '' : types[c] === 'string' ? quoted(value) : this.#checked(value, types[c]!, c);
      }
      if (this.#rangeKnown) this.#widenRange(row[this.#keyColumn] ?? null);
      cells[n] = String(this.#rows + r + 1);
      const deleted = row.length > n ? (row[n] ?? null) : null;
      cells[n + 1] = deleted === null ? '' : quoted(deleted);
      lines[r] = cells.join(',');
    }
    lines[rows.length] = '';
    const text = rows.length === 0 ? '' : lines.join('\n');
    try {
      if (text !== '') await this.#handle.write(text);
    } catch (error) {
      throw new ClassifiedError(`stage ${this.table}: writing ${this.file} failed: ${String(error)}`, {
        kind: 'terminal',
        cause: error,
      });
    }
    this.#rows += rows.length;
  }

  #widenRange(key: string | null): void {
    if (key === null || !PLAIN_INTEGER.test(key)) {
      this.#rangeKnown = false;
      return;
    }
    if (this.#low === undefined || integerBelow(key, this.#low)) this.#low = key;
    if (this.#high === undefined || integerBelow(this.#high, key)) this.#high = key;
  }

  /** The lowest and highest staged key, once finished, when the key is one plain integer column. */
  get keyRange(): KeyRange | undefined {
    return this.#finished && this.#rangeKnown && this.#low !== undefined && this.#high !== undefined
      ? { low: this.#low, high: this.#high }
      : undefined;
  }

  /** Canonical non-text values never need quotes; decimals are checked so no cast can round them. */
  #checked(value: string, type: FieldType, column: number): string {
    if (type === 'decimal') {
      const m = DECIMAL_TEXT.exec(value);
      if (m === null) {
        const fits = /^-?\d+(?:\.\d{1,9})?$/.test(value);
        throw new ClassifiedError(
          fits
            ? `stage ${this.table}: decimal ${value} does not fit NUMERIC(38,9)`
            : `stage ${this.table}: column ${column + 1} value ${JSON.stringify(value)} is not a plain decimal with at most 9 decimals`,
          { kind: 'terminal' },
        );
      }
      return value;
    }
    // Canonical integers, dates, instants and booleans hold no comma, quote or line break; anything
    // else is quoted rather than trusted.
    return quoted(value);
  }

  async finish(): Promise<{ readonly table: string; readonly rows: number }> {
    if (!this.#closed) {
      this.#closed = true;
      try {
        await this.#handle.close();
      } catch (error) {
        throw new ClassifiedError(`stage ${this.table}: closing ${this.file} failed: ${String(error)}`, {
          kind: 'terminal',
          cause: error,
        });
      }
      await this.#onFinish(this.file);
      this.#finished = true;
    }
    return { table: this.table, rows: this.#rows };
  }

  /** The number of rows once finished (readable as the view); undefined before. */
  get finishedRows(): number | undefined {
    return this.#finished ? this.#rows : undefined;
  }

  /** Closes the file if still open (a stream that failed) and removes it. */
  async discard(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      await this.#handle.close().catch(() => undefined);
    }
    await rm(this.file, { force: true });
  }
}

/** Quotes, separators, line breaks, and outer blanks are kept exactly by quoting the value. */
function quoted(value: string): string {
  return value === '' ||
    value.charCodeAt(0) <= 32 ||
    value.charCodeAt(value.length - 1) <= 32 ||
    NEEDS_QUOTES.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

/** How the CSV reader reads each field type (decimals: see stagedFileSelect). */
const CSV_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'VARCHAR',
  decimal: 'VARCHAR',
  integer: 'BIGINT',
  date: 'DATE',
  timestamp: 'TIMESTAMPTZ',
  boolean: 'BOOLEAN',
};

/**
 * The SELECT a staging view runs over its file: data columns, then `_seq` and `_deleted_at`; text
 * as text, decimals as DECIMAL(38,9), the other types as the raw table holds them (the MERGE's casts
 * of them are then no-ops).
 */
export function stagedFileSelect(
  file: string,
  columns: readonly { readonly name: string; readonly type: FieldType }[],
): string {
  const id = (name: string) => `"${name.replaceAll('"', '""')}"`;
  const lit = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const c = (i: number) => `c${i}`;
  const csvColumns = [
    ...columns.map((column, i) => `${lit(c(i))}: '${CSV_TYPES[column.type]}'`),
    "'c_seq': 'INTEGER'",
    "'c_deleted': 'VARCHAR'",
  ];
  const select = columns.map((column, i) =>
    column.type === 'decimal'
      ? `CASE WHEN length(ltrim(split_part(${c(i)}, '.', 1), '-')) <= 9 THEN CAST(CAST(${c(i)} AS DECIMAL(18,9)) AS DECIMAL(38,9)) ELSE CAST(${c(i)} AS DECIMAL(38,9)) END AS ${id(column.name)}`
      : `${c(i)} AS ${id(column.name)}`,
  );
  return `SELECT ${[...select, 'c_seq AS "_seq"', 'c_deleted AS "_deleted_at"'].join(', ')}
FROM read_csv(${lit(file)}, columns = {${csvColumns.join(', ')}}, header = false, auto_detect = false,
  delim = ',', quote = '"', escape = '"', nullstr = '', allow_quoted_nulls = false)`;
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
