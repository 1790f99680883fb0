/**
 * Kysely dialect for Snowflake over snowflake-sdk: double-quoted identifiers (exact case, so the
 * lower_snake names we generate stay lower case), `?` placeholders, no RETURNING, and DDL that is
 * not transactional (it commits an open transaction), so Kysely's Migrator runs it outside one.
 */
import {
  CompiledQuery,
  type DatabaseConnection,
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
  type QueryResult,
  type SchemaMetadata,
  type TableMetadata,
  sql,
} from 'kysely';
import { type SnowflakeConnectionConfig, SnowflakeSession, toSnowflakeBind } from './snowflake-connection.ts';

export class SnowflakeQueryCompiler extends DefaultQueryCompiler {
  protected override getCurrentParameterPlaceholder(): string {
    return '?';
  }
}

export class SnowflakeAdapter extends DialectAdapterBase {
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
   * Snowflake has no advisory locks. Migrations are additive `IF NOT EXISTS` DDL and runs of one
   * job are kept apart by the lease, so a concurrent migrate at worst repeats a no-op.
   */
  override async acquireMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}

  override async releaseMigrationLock(_db: Kysely<unknown>, _options: MigrationLockOptions): Promise<void> {}
}

export class SnowflakeIntrospector implements DatabaseIntrospector {
  readonly #db: Kysely<unknown>;

  constructor(db: Kysely<unknown>) {
    this.#db = db;
  }

  async getSchemas(): Promise<SchemaMetadata[]> {
    const result = await sql<{ name: string }>`
      select schema_name as "name" from information_schema.schemata`.execute(this.#db);
    return result.rows.map((r) => ({ name: r.name }));
  }

  async getTables(
    options: DatabaseMetadataOptions = { withInternalKyselyTables: false },
  ): Promise<TableMetadata[]> {
    const result = await sql<{
      schema: string;
      table: string;
      type: string;
      column: string;
      data_type: string;
      nullable: string;
      default_value: string | null;
    }>`
      select c.table_schema as "schema", c.table_name as "table", t.table_type as "type", c.column_name as "column",
        c.data_type as "data_type", c.is_nullable as "nullable", c.column_default as "default_value"
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      order by c.table_schema, c.table_name, c.ordinal_position`.execute(this.#db);
    const tables = new Map<
      string,
      { name: string; schema: string; isView: boolean; columns: TableMetadata['columns'] }
    >();
    for (const row of result.rows) {
      if (!options.withInternalKyselyTables && row.table.includes('migration')) continue;
      const id = `${row.schema}.${row.table}`;
      let table = tables.get(id);
      if (!table) {
        table = { name: row.table, schema: row.schema, isView: row.type === 'VIEW', columns: [] };
        tables.set(id, table);
      }
      table.columns.push({
        name: row.column,
        dataType: row.data_type,
        isNullable: row.nullable === 'YES',
        isAutoIncrementing: false,
        hasDefaultValue: row.default_value !== null,
      });
    }
    return [...tables.values()];
  }

  async getMetadata(options?: DatabaseMetadataOptions): Promise<DatabaseMetadata> {
    return { tables: await this.getTables(options) };
  }
}

class SnowflakeKyselyConnection implements DatabaseConnection {
  constructor(readonly session: SnowflakeSession) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.session.execute(
      compiledQuery.sql,
      compiledQuery.parameters.map(toSnowflakeBind),
    );
    return result.numAffectedRows === undefined
      ? { rows: result.rows as R[] }
      : { rows: result.rows as R[], numAffectedRows: BigInt(result.numAffectedRows) };
  }

  // biome-ignore lint/correctness/useYield: streaming is not offered; the error says so
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming queries are not supported by the Snowflake dialect');
  }
}

export interface SnowflakeDriverConfig {
  readonly connection: SnowflakeConnectionConfig;
  /** Sessions kept open at most. */
  readonly poolSize?: number;
}

/** A small pool of Snowflake sessions; a transaction holds one session from BEGIN to COMMIT. */
export class SnowflakeDriver implements Driver {
  readonly #config: SnowflakeDriverConfig;
  readonly #idle: SnowflakeKyselyConnection[] = [];
  readonly #all: SnowflakeKyselyConnection[] = [];
  readonly #waiting: ((c: SnowflakeKyselyConnection) => void)[] = [];
  #opening = 0;

  constructor(config: SnowflakeDriverConfig) {
    this.#config = config;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const idle = this.#idle.pop();
    if (idle) return idle;
    if (this.#all.length + this.#opening < (this.#config.poolSize ?? 4)) {
      this.#opening++;
      try {
        const connection = new SnowflakeKyselyConnection(
          await SnowflakeSession.open(this.#config.connection),
        );
        this.#all.push(connection);
        return connection;
      } finally {
        this.#opening--;
      }
    }
    return new Promise((resolve) => this.#waiting.push(resolve));
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('BEGIN'));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('COMMIT'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }

  async releaseConnection(connection: DatabaseConnection): Promise<void> {
    const waiter = this.#waiting.shift();
    if (waiter) waiter(connection as SnowflakeKyselyConnection);
    else this.#idle.push(connection as SnowflakeKyselyConnection);
  }

  async destroy(): Promise<void> {
    const all = this.#all.splice(0);
    this.#idle.length = 0;
    await Promise.all(all.map((c) => c.session.destroy()));
  }
}

export class SnowflakeDialect implements Dialect {
  readonly #config: SnowflakeDriverConfig | null;

  /** Without a config the dialect only compiles (golden tests, dry runs). */
  constructor(config: SnowflakeDriverConfig | null) {
    this.#config = config;
  }

  createDriver(): Driver {
    return this.#config === null ? new DummyDriver() : new SnowflakeDriver(this.#config);
  }

  createQueryCompiler(): QueryCompiler {
    return new SnowflakeQueryCompiler();
  }

  createAdapter(): SnowflakeAdapter {
    return new SnowflakeAdapter();
  }

  createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new SnowflakeIntrospector(db);
  }
}

/** A Kysely that compiles Snowflake SQL and cannot execute it: for golden tests and `--dry-run`. */
export function snowflakeCompiler<DB = unknown>(): Kysely<DB> {
  return new Kysely<DB>({ dialect: new SnowflakeDialect(null) });
}
