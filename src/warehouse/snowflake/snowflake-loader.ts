/**
 * Snowflake's bulk path (warehouses.md §4.1): rows become gzipped CSV files in a temp folder, each
 * file is PUT to a per-run path of the user stage as soon as it is full (several PUTs at once: the
 * driver uploads the files of one PUT one after another), and one COPY INTO per 1,000 files loads
 * them into the staging table, purging them on success. Memory holds one file's text at a time.
 *
 * CSV form: every value is enclosed in double quotes (quotes doubled inside) and null is an empty,
 * unenclosed field. With FIELD_OPTIONALLY_ENCLOSED_BY = '"', EMPTY_FIELD_AS_NULL = TRUE and no
 * NULL_IF markers, Snowflake reads `""` as the empty string and an empty field as NULL, so every
 * string (including '\N' and 'NULL') arrives as written.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import pLimit from 'p-limit';
import { ClassifiedError } from '../../core/errors.ts';
import type { StageRow, StageWriter } from '../warehouse.ts';
import type { SnowflakeBind } from './snowflake-connection.ts';

const gzipAsync = promisify(gzip);

/** What the loader needs of a session: run one statement. */
export interface StatementRunner {
  execute(
    sqlText: string,
    binds?: readonly SnowflakeBind[],
  ): Promise<{ readonly rows: Record<string, unknown>[] }>;
}

export interface StageLoadOptions {
  /** `"schema"."table"` of the staging table, quoted. */
  readonly table: string;
  /** Quoted column list, in the order of the CSV fields. */
  readonly columns: readonly string[];
  /** Stage path under @~ for this load and table (no leading or trailing slash). */
  readonly stagePath: string;
  /** Uncompressed CSV bytes per file before it is shipped. */
  readonly fileBytes?: number;
  /** PUT statements in flight at once. */
  readonly concurrency?: number;
  /**
   * Staging tables (the default) take data columns + `_seq` + `_deleted_at`: rows carry the data
   * columns and maybe the delete mark, the sequence is added here. Plain tables take rows as they are.
   */
  readonly plain?: boolean;
}

/** The statements of the bulk path, as pure functions (golden-tested). */
export function compilePut(localFile: string, stagePath: string): string {
  return `PUT 'file://${localFile.replace(/'/g, "\\'")}' @~/${stagePath}/ AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = GZIP OVERWRITE = TRUE PARALLEL = 1`;
}

export function compileCopy(
  table: string,
  columns: readonly string[],
  stagePath: string,
  files: readonly string[],
): string {
  const list = files.map((f) => `'${f}'`).join(', ');
  return `COPY INTO ${table} (${columns.join(', ')}) FROM @~/${stagePath}/ FILES = (${list}) FILE_FORMAT = (TYPE = CSV FIELD_DELIMITER = ',' FIELD_OPTIONALLY_ENCLOSED_BY = '"' NULL_IF = () EMPTY_FIELD_AS_NULL = TRUE COMPRESSION = GZIP) ON_ERROR = ABORT_STATEMENT PURGE = TRUE`;
}

export function csvField(value: string | null): string {
  return value === null ? '' : `"${value.replace(/"/g, '""')}"`;
}

const MAX_FILES_PER_COPY = 1000;

export class SnowflakeStageWriter implements StageWriter {
  readonly table: string;
  readonly #runner: StatementRunner;
  readonly #options: StageLoadOptions;
  readonly #dir: string;
  readonly #limit: ReturnType<typeof pLimit>;
  readonly #uploads: Promise<void>[] = [];
  readonly #files: string[] = [];
  readonly #width: number;
  #parts: string[] = [];
  #bytes = 0;
  #rows = 0;
  #failed: unknown;

  private constructor(runner: StatementRunner, tableName: string, options: StageLoadOptions, dir: string) {
    this.table = tableName;
    this.#runner = runner;
    this.#options = options;
    this.#dir = dir;
    this.#limit = pLimit(options.concurrency ?? 4);
    this.#width = options.columns.length;
  }

  static async open(
    runner: StatementRunner,
    tableName: string,
    options: StageLoadOptions,
  ): Promise<SnowflakeStageWriter> {
    const dir = await mkdtemp(join(tmpdir(), 'intacct-elt-put-'));
    return new SnowflakeStageWriter(runner, tableName, options, dir);
  }

  /** Rows are the data columns, then the append sequence is added here, then `_deleted_at` (or null). */
  async append(rows: readonly StageRow[]): Promise<void> {
    if (this.#failed !== undefined) throw this.#failed;
    const plain = this.#options.plain === true;
    const dataWidth = plain ? this.#width : this.#width - 2;
    for (const row of rows) {
      if (row.length !== dataWidth && (plain || row.length !== dataWidth + 1)) {
        throw new ClassifiedError(
          `stage ${this.table}: row ${this.#rows + 1} has ${row.length} values, expected ${dataWidth}${plain ? '' : ` (or ${dataWidth + 1} with _deleted_at)`}`,
          { kind: 'terminal' },
        );
      }
      this.#rows++;
      const fields: string[] = [];
      for (let i = 0; i < dataWidth; i++) fields.push(csvField(row[i] ?? null));
      if (!plain) fields.push(`"${this.#rows}"`, csvField(row[dataWidth] ?? null));
      const line = `${fields.join(',')}\n`;
      this.#parts.push(line);
      this.#bytes += line.length;
      if (this.#bytes >= (this.#options.fileBytes ?? 16 * 1024 * 1024)) this.#ship();
    }
  }

  #ship(): void {
    if (this.#parts.length === 0) return;
    const text = this.#parts.join('');
    this.#parts = [];
    this.#bytes = 0;
    const name = `part-${String(this.#files.length + 1).padStart(5, '0')}.csv.gz`;
    this.#files.push(name);
    const local = join(this.#dir, name);
    const upload = this.#limit(async () => {
      await writeFile(local, await gzipAsync(text));
      await this.#runner.execute(compilePut(local, this.#options.stagePath));
      await rm(local, { force: true });
    });
    upload.catch((error: unknown) => {
      this.#failed ??= error;
    });
    this.#uploads.push(upload);
  }

  async finish(): Promise<{ readonly table: string; readonly rows: number }> {
    try {
      this.#ship();
      await Promise.all(this.#uploads);
      let loaded = 0;
      for (let i = 0; i < this.#files.length; i += MAX_FILES_PER_COPY) {
        const files = this.#files.slice(i, i + MAX_FILES_PER_COPY);
        const result = await this.#runner.execute(
          compileCopy(this.#options.table, this.#options.columns, this.#options.stagePath, files),
        );
        for (const row of result.rows) loaded += Number(row['rows_loaded'] ?? 0);
      }
      if (loaded !== this.#rows) {
        throw new ClassifiedError(
          `COPY INTO ${this.#options.table} loaded ${loaded} rows of the ${this.#rows} staged`,
          { kind: 'terminal', level: 'warehouse' },
        );
      }
      return { table: this.table, rows: this.#rows };
    } catch (error) {
      // COPY purges only what it loaded; files of a failed load are removed so none linger.
      await this.#runner.execute(`REMOVE @~/${this.#options.stagePath}/`).catch(() => undefined);
      throw error;
    } finally {
      await rm(this.#dir, { recursive: true, force: true });
    }
  }
}
