/**
 * Kysely dialect for DuckDB over @duckdb/node-api. DuckDB speaks a Postgres-like SQL (double-quoted
 * identifiers, `$1` parameters, RETURNING, transactional DDL), so Kysely's Postgres query compiler
 * is the base; the adapter and introspector are DuckDB's own.
 */
import {
  type DatabaseIntrospector,
  type DatabaseMetadata,
  type DatabaseMetadataOptions,
  type Dialect,
  DialectAdapterBase,
  type Driver,
  DummyDriver,
  Kysely,
  type MigrationLockOptions,
  PostgresQueryCompiler,
  type QueryCompiler,
  type SchemaMetadata,
  type TableMetadata,
  sql,
} from 'kysely';
import { DuckDBDriver, type DuckDBDriverConfig } from './duckdb-driver.ts';

export class DuckDBQueryCompiler extends PostgresQueryCompiler {}

export class DuckDBAdapter extends DialectAdapterBase {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }

  override get supportsReturning(): boolean {
    return true;
  }

  override get supportsCreateIfNotExists(): boolean {
    return true;
  }

  /**
   * No lock statement needed: a DuckDB file is opened read-write by one process at a time (DuckDB
   * holds a file lock), and migrations run inside one transaction.
   */
  override async acquireMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}

  override async releaseMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}
}

interface ColumnInfoRow {
  readonly table_schema: string;
  readonly table_name: string;
  readonly table_type: string;
  readonly column_name: string;
  readonly data_type: string;
  readonly is_nullable: string;
  readonly column_default: string | null;
}

export class DuckDBIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ schema_name: string }>`
      select schema_name from information_schema.schemata where catalog_name = current_database()`.execute(
      this.#db,
    );
    return result.rows.map((r) => ({ name: r.schema_name }));
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const result = await sql<ColumnInfoRow>`
      select t.table_schema, t.table_name, t.table_type, c.column_name, c.data_type, c.is_nullable, c.column_default
      from information_schema.tables t
      join information_schema.columns c
        on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
      where t.table_catalog = current_database()
      order by t.table_schema, t.table_name, c.ordinal_position`.execute(this.#db);
    const tables = new Map<
      string,
      { name: string; schema: string; isView: boolean; columns: TableMetadata['columns'] }
    >();
    for (const row of result.rows) {
      if (!options.withInternalKyselyTables && row.table_name.includes('migration')) continue;
      const id = `${row.table_schema}.${row.table_name}`;
      let table = tables.get(id);
      if (!table) {
        table = {
          name: row.table_name,
          schema: row.table_schema,
          isView: row.table_type === 'VIEW',
          columns: [],
        };
        tables.set(id, table);
      }
      table.columns.push({
        name: row.column_name,
        dataType: row.data_type,
        isNullable: row.is_nullable === 'YES',
        isAutoIncrementing: false,
        hasDefaultValue: row.column_default !== null,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

export class DuckDBDialect implements Dialect {
  readonly #config: DuckDBDriverConfig | null;

  /** Without a config the dialect only compiles (golden tests, dry runs). */
  constructor(config: DuckDBDriverConfig | null) {
    this.#config = config;
  }

  createDriver(): Driver {
    return this.#config === null ? new DummyDriver() : new DuckDBDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new DuckDBQueryCompiler();
  }

  createAdapter(): DuckDBAdapter {
    return new DuckDBAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new DuckDBIntrospector(db);
  }
}

/** A Kysely that compiles DuckDB SQL and cannot execute it: for golden tests and `--dry-run`. */
export function duckdbCompiler<DB = unknown>(): Kysely<DB> {
  return new Kysely<DB>({ dialect: new DuckDBDialect(null) });
}
