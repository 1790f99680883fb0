/**
 * Kysely dialect for BigQuery (GoogleSQL). Written here rather than taken from
 * `@maktouch/kysely-bigquery` 1.1.0, which compiles with Kysely's MySQL compiler and adapter, has no
 * transactions (they throw), reports no affected-row counts (our UPDATE-then-INSERT upserts need
 * them), lets the client parse NUMERIC into Big and INT64 into unsafe numbers, and cannot bind a
 * null (the client demands a type for it).
 *
 * Compiling: backtick identifiers (`dataset`.`table`), `?` positional parameters, nulls written as
 * the NULL literal (an untyped NULL coerces to any column type; a STRING-typed null parameter would
 * not), portable type names mapped to GoogleSQL, and no PRIMARY KEY (BigQuery only knows
 * unenforced keys, which buy nothing here).
 */
import {
  type CreateTableNode,
  type DataTypeNode,
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  DefaultQueryCompiler,
  type Dialect,
  DialectAdapterBase,
  type Driver,
  DummyDriver,
  Kysely,
  type MigrationLockOptions,
  type QueryCompiler,
  type SchemaMetadata,
  type TableMetadata,
  type ColumnDefinitionNode,
} from 'kysely';
import { BigQueryDriver, type BigQueryRunner } from './bigquery-driver.ts';

/** Portable type names (migrations, Kysely's Migrator) → GoogleSQL. */
export function googleSqlType(dataType: string): string {
  const t = dataType.trim().toLowerCase();
  if (/^(varchar|char|text|string)(\s*\(\d+\))?$/.test(t)) return 'STRING';
  if (/^(integer|int|bigint|smallint|int64|int4|int8)$/.test(t)) return 'INT64';
  if (/^(timestamptz|timestamp with time zone|timestamp)$/.test(t)) return 'TIMESTAMP';
  if (/^(boolean|bool)$/.test(t)) return 'BOOL';
  if (/^(double precision|float8|real|float|float64|double)$/.test(t)) return 'FLOAT64';
  if (t === 'date') return 'DATE';
  if (t === 'json' || t === 'jsonb') return 'JSON';
  const numeric = /^(numeric|decimal)\s*\((\d+)\s*,\s*(\d+)\)$/.exec(t);
  if (numeric) return `NUMERIC(${numeric[2]},${numeric[3]})`;
  return dataType.toUpperCase();
}

export class BigQueryQueryCompiler extends DefaultQueryCompiler {
  protected override getLeftIdentifierWrapper(): string {
    return '`';
  }

  protected override getRightIdentifierWrapper(): string {
    return '`';
  }

  protected override getCurrentParameterPlaceholder(): string {
    return '?';
  }

  protected override appendValue(parameter: unknown): void {
    if (parameter === null || parameter === undefined) this.append('NULL');
    else super.appendValue(parameter);
  }

  protected override visitDataType(node: DataTypeNode): void {
    this.append(googleSqlType(node.dataType));
  }

  protected override visitColumnDefinition(node: ColumnDefinitionNode): void {
    super.visitColumnDefinition(node.primaryKey ? { ...node, primaryKey: false } : node);
  }

  protected override visitCreateTable(node: CreateTableNode): void {
    const constraints = node.constraints?.filter((c) => c.kind !== 'PrimaryKeyConstraintNode');
    super.visitCreateTable({
      ...node,
      ...(constraints === undefined || constraints.length === 0
        ? { constraints: undefined }
        : { constraints }),
    } as CreateTableNode);
  }
}

export class BigQueryAdapter extends DialectAdapterBase {
  /** BigQuery refuses DDL on permanent tables inside a transaction. */
  override get supportsTransactionalDdl(): boolean {
    return false;
  }

  override get supportsReturning(): boolean {
    return false;
  }

  override get supportsCreateIfNotExists(): boolean {
    return true;
  }

  /**
   * No lock: BigQuery has no advisory locks, the control-table migration is all `IF NOT EXISTS`,
   * and two jobs on one warehouse are kept apart by the run lease.
   */
  override async acquireMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}

  override async releaseMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}
}

/** Schemas and tables from the REST API (datasets.list, tables.list) of the datasets we own. */
export class BigQueryIntrospector implements DatabaseIntrospector {
  readonly #runner: BigQueryRunner;
  readonly #datasets: readonly string[];

  constructor(runner: BigQueryRunner, datasets: readonly string[]) {
    this.#runner = runner;
    this.#datasets = datasets;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const [datasets] = await this.#runner.withRetry('datasets.list', () => this.#runner.client.getDatasets());
    return datasets.map((d) => ({ name: d.id ?? '' }));
  }

  async getTables(_options?: DatabaseMetadataOptions): Promise<TableMetadata[]> {
    const out: TableMetadata[] = [];
    for (const name of this.#datasets) {
      const dataset = this.#runner.client.dataset(name, { location: this.#runner.location });
      const [exists] = await this.#runner.withRetry(`datasets.get ${name}`, () => dataset.exists());
      if (!exists) continue;
      const [tables] = await this.#runner.withRetry(`tables.list ${name}`, () => dataset.getTables());
      for (const t of tables) out.push({ name: t.id ?? '', schema: name, isView: false, columns: [] });
    }
    return out;
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

export interface BigQueryDialectConfig {
  readonly runner: BigQueryRunner;
  /** Datasets the introspector looks into (the job's staging, raw and analytics datasets). */
  readonly datasets: readonly string[];
}

export class BigQueryDialect implements Dialect {
  readonly #config: BigQueryDialectConfig | null;

  /** Without a config the dialect only compiles (golden tests, dry runs). */
  constructor(config: BigQueryDialectConfig | null) {
    this.#config = config;
  }

  createDriver(): Driver {
    return this.#config === null ? new DummyDriver() : new BigQueryDriver(this.#config.runner);
  }

  createQueryCompiler(): QueryCompiler {
    return new BigQueryQueryCompiler();
  }

  createAdapter(): BigQueryAdapter {
    return new BigQueryAdapter();
  }

  createIntrospector(_db: Kysely<unknown>): DatabaseIntrospector {
    if (this.#config === null) throw new Error('a compile-only BigQuery dialect cannot introspect');
    return new BigQueryIntrospector(this.#config.runner, this.#config.datasets);
  }
}

/** A Kysely that compiles BigQuery SQL and cannot execute it: for golden tests and `--dry-run`. */
export function bigqueryCompiler<DB = unknown>(): Kysely<DB> {
  return new Kysely<DB>({ dialect: new BigQueryDialect(null) });
}
