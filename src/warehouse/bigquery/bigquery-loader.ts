/**
 * The bulk path into BigQuery staging: rows streamed to a newline-delimited JSON file, then one
 * load job per staging table (multipart upload, WRITE_TRUNCATE), polled until DONE. Never streaming
 * inserts: rows streamed in the last ~30 minutes cannot be changed by MERGE/UPDATE/DELETE
 * (warehouses.md §4.2). Decimals are checked here and sent as JSON strings, which BigQuery reads
 * exactly into NUMERIC; nothing passes through a JS number.
 */
import { createWriteStream, mkdtempSync, rmSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ClassifiedError } from '../../core/errors.ts';
import { sleep } from '../../core/retry.ts';
import type { ColumnSpec } from '../table-spec.ts';
import { STAGING_DELETED_COLUMN, STAGING_SEQ_COLUMN } from '../table-spec.ts';
import { assertIdentifier } from '../identifiers.ts';
import type { StageRow, StageWriter } from '../warehouse.ts';
import type { BigQueryRunner } from './bigquery-driver.ts';
import { classifyBigQueryError, jobError } from './bigquery-errors.ts';

const DECIMAL_TEXT = /^-?\d{1,29}(?:\.\d{1,9})?$/;

interface JobStatus {
  readonly state?: string;
  readonly errorResult?: { readonly reason?: string; readonly message?: string } | null;
  readonly errors?: readonly { readonly reason?: string; readonly message?: string }[] | null;
}

/**
 * Loads an NDJSON file into `dataset.table` (replacing its rows) with one load job, and waits for
 * it. A job that fails with a retryable reason is run again whole: WRITE_TRUNCATE makes that safe.
 */
export async function loadNdjson(
  runner: BigQueryRunner,
  dataset: string,
  table: string,
  file: string,
  options: { readonly pollMs?: number } = {},
): Promise<number> {
  return runner.withRetry(`load ${dataset}.${table}`, async () => {
    const target = runner.client.dataset(dataset).table(table);
    const [job] = await target.createLoadJob(file, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      writeDisposition: 'WRITE_TRUNCATE',
      createDisposition: 'CREATE_NEVER',
      location: runner.location,
    });
    // The client's own wait polls every 500 ms; start faster and back off to 2 s.
    let wait = options.pollMs ?? 50;
    let status = (job.metadata as { status?: JobStatus }).status;
    let statistics: { load?: { outputRows?: string } } | undefined;
    while (status?.state !== 'DONE') {
      await sleep(wait);
      wait = Math.min(2000, Math.ceil(wait * 1.5));
      const [metadata] = await job.getMetadata();
      status = (metadata as { status?: JobStatus }).status;
      statistics = (metadata as { statistics?: typeof statistics }).statistics;
    }
    if (status.errorResult)
      throw classifyBigQueryError(jobError(status), `load job into ${dataset}.${table}`);
    return Number(statistics?.load?.outputRows ?? 0);
  });
}

/** Rows into one staging table: NDJSON on disk while appending, one load job on finish. */
export class BigQueryStageWriter implements StageWriter {
  readonly table: string;
  readonly #runner: BigQueryRunner;
  readonly #dataset: string;
  readonly #columns: readonly ColumnSpec[];
  readonly #dir: string;
  readonly #file: string;
  readonly #out: WriteStream;
  #rows = 0;
  #closed = false;

  constructor(runner: BigQueryRunner, dataset: string, table: string, columns: readonly ColumnSpec[]) {
    this.#runner = runner;
    this.#dataset = dataset;
    this.table = table;
    this.#columns = columns;
    this.#dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bq-'));
    this.#file = join(this.#dir, `${table}.ndjson`);
    this.#out = createWriteStream(this.#file);
  }

  async append(rows: readonly StageRow[]): Promise<void> {
    if (this.#closed)
      throw new ClassifiedError(`stage ${this.table} is already finished`, { kind: 'terminal' });
    const n = this.#columns.length;
    let chunk = '';
    for (const row of rows) {
      if (row.length !== n && row.length !== n + 1) {
        throw new ClassifiedError(
          `stage ${this.table}: row ${this.#rows + 1} has ${row.length} values, expected ${n} (or ${n + 1} with _deleted_at)`,
          { kind: 'terminal' },
        );
      }
      const record: Record<string, string | number | null> = {};
      for (let c = 0; c < n; c++) {
        const column = this.#columns[c]!;
        const value = row[c] ?? null;
        if (value !== null && column.type === 'decimal' && !DECIMAL_TEXT.test(value)) {
          throw new ClassifiedError(
            `stage ${this.table}: ${column.name} value ${JSON.stringify(value)} is not a plain decimal that fits NUMERIC(38,9)`,
            { kind: 'terminal' },
          );
        }
        record[column.name] = value;
      }
      this.#rows += 1;
      record[STAGING_SEQ_COLUMN] = this.#rows;
      record[STAGING_DELETED_COLUMN] = row.length > n ? (row[n] ?? null) : null;
      chunk += `${JSON.stringify(record)}\n`;
    }
    if (chunk !== '' && !this.#out.write(chunk)) await once(this.#out, 'drain');
  }

  async finish(): Promise<{ readonly table: string; readonly rows: number }> {
    if (!this.#closed) {
      this.#closed = true;
      this.#out.end();
      await once(this.#out, 'close');
      try {
        if (this.#rows > 0) await loadNdjson(this.#runner, this.#dataset, this.table, this.#file);
      } finally {
        rmSync(this.#dir, { recursive: true, force: true });
      }
    }
    return { table: this.table, rows: this.#rows };
  }
}

/** Keys into a one-column table through the same load path. */
export async function loadKeys(
  runner: BigQueryRunner,
  dataset: string,
  table: string,
  batches: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bq-keys-'));
  const file = join(dir, 'keys.ndjson');
  const out = createWriteStream(file);
  let count = 0;
  try {
    for await (const batch of batches) {
      if (batch.length === 0) continue;
      const text = `${batch.map((key) => JSON.stringify({ key })).join('\n')}\n`;
      if (!out.write(text)) await once(out, 'drain');
      count += batch.length;
    }
    out.end();
    await once(out, 'close');
    if (count > 0) await loadNdjson(runner, dataset, table, file);
    return count;
  } finally {
    if (!out.closed) out.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A seed's rows with their inferred column types (the models runner's SeedTable). */
export interface SeedRows {
  readonly schema: string;
  readonly table: string;
  readonly columns: readonly { readonly name: string; readonly kind: 'integer' | 'decimal' | 'string' }[];
  /** CSV values; '' is NULL. */
  readonly rows: readonly (readonly string[])[];
}

const SEED_TYPES = { integer: 'INT64', decimal: 'NUMERIC(38, 9)', string: 'STRING' } as const;

/** The table a seed is loaded into, replaced on every build. */
export function compileCreateSeedTable(seed: SeedRows): string {
  const columns = seed.columns.map(
    (c) => `\`${assertIdentifier(c.name, `column of seed ${seed.table}`)}\` ${SEED_TYPES[c.kind]}`,
  );
  return `CREATE OR REPLACE TABLE \`${assertIdentifier(seed.schema, 'seed dataset')}\`.\`${assertIdentifier(seed.table, 'seed table')}\` (${columns.join(', ')})`;
}

/**
 * A seed's rows as one NDJSON load job (as dbt-bigquery loads seeds), values sent as JSON strings so
 * decimals stay exact; the table must exist (compileCreateSeedTable).
 */
export async function loadSeedRows(runner: BigQueryRunner, seed: SeedRows): Promise<number> {
  if (seed.rows.length === 0) return 0;
  const dir = mkdtempSync(join(tmpdir(), 'intacct-elt-bq-seed-'));
  try {
    const file = join(dir, `${seed.table}.ndjson`);
    const out = createWriteStream(file);
    for (const row of seed.rows) {
      const record: Record<string, string | null> = {};
      seed.columns.forEach((c, i) => {
        const value = row[i] ?? '';
        record[c.name] = value === '' ? null : value;
      });
      if (!out.write(`${JSON.stringify(record)}\n`)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'close');
    return await loadNdjson(runner, seed.schema, seed.table, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
