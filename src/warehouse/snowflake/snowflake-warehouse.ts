/**
 * The Snowflake warehouse over snowflake-sdk. SQL goes through Kysely with the Snowflake dialect;
 * staging goes through PUT + COPY INTO (snowflake-loader.ts); DDL runs outside transactions (in
 * Snowflake it commits an open one), and only the MERGE with its watermark write is transactional.
 */
import { randomUUID } from 'node:crypto';
import { CompiledQuery, Kysely } from 'kysely';
import type { Logger } from '../../core/logger.ts';
import type { FieldType } from '../../intacct/objects/descriptor.ts';
import * as control from '../control-tables.ts';
import type { ControlDb } from '../control-tables.ts';
import {
  columnTypeIn,
  compileAddColumn,
  compileCreateKeysTable,
  compileCreateRawTable,
  compileCreateSchema,
  compileCreateStagingTable,
  compileDropTable,
} from '../ddl-compile.ts';
import { assertIdentifier } from '../identifiers.ts';
import {
  type KeyUpdateInput,
  type MergeCompileInput,
  compileMerge,
  compileMergeCounts,
  compileReconcileKeys,
  compileSoftDeleteKeys,
  compileColumnValues,
  compileUnclaimedValues,
} from '../merge-compile.ts';
import { compileWindowCount } from '../window-count-compile.ts';
import { type ExistingColumn, planSchemaChanges } from '../schema-evolution.ts';
import {
  STAGING_DELETED_COLUMN,
  STAGING_SEQ_COLUMN,
  type TableSpec,
  dataColumns,
  stagingTableName,
  validateTableSpec,
} from '../table-spec.ts';
import {
  CAPABILITIES,
  type FinishLoadRequest,
  type Layer,
  type Lease,
  type LeaseRequest,
  type LedgerRow,
  type LoadRow,
  type ObjectDefinitionRow,
  type MergeRequest,
  type MergeResult,
  type MigrateResult,
  type QueryParam,
  type ReconcileRequest,
  type SchemaChange,
  type SchemaPolicy,
  type SetStateRequest,
  type SoftDeleteRequest,
  type StageWriter,
  type StartLoadRequest,
  type StateRow,
  type Warehouse,
  type WindowCountRequest,
} from '../warehouse.ts';
import type { SnowflakeConnectionConfig } from './snowflake-connection.ts';
import { SnowflakeDialect } from './snowflake-dialect.ts';
import { SnowflakeStageWriter, type StatementRunner } from './snowflake-loader.ts';

export interface SnowflakeSchemas {
  readonly staging: string;
  readonly raw: string;
  readonly analytics: string;
}

export interface SnowflakeWarehouseOptions {
  readonly connection: SnowflakeConnectionConfig;
  readonly schemas: SnowflakeSchemas;
  readonly logger: Logger;
  /** Concurrent PUTs per staging load. */
  readonly stageConcurrency?: number;
  /** Uncompressed bytes per staged file (tests make it small to exercise several files). */
  readonly stageFileBytes?: number;
  /** Sessions kept open. */
  readonly poolSize?: number;
  /** Clock for leases and load times (tests move it). */
  readonly now?: () => Date;
}

/** information_schema.columns.data_type (with precision and scale) for each field type, raw layer. */
const RAW_INFO_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'TEXT',
  integer: 'NUMBER(38,0)',
  decimal: 'NUMBER(38,9)',
  date: 'DATE',
  timestamp: 'TIMESTAMP_TZ',
  boolean: 'BOOLEAN',
};

/** `$1`-style parameters (the Warehouse.query contract) as Snowflake's `:1`, outside quotes. */
export function positionalParams(sqlText: string): string {
  return sqlText.replace(/('(?:[^'\\]|\\.|'')*')|("(?:[^"]|"")*")|\$(\d+)/g, (match, single, double, n) =>
    single !== undefined || double !== undefined ? match : `:${n}`,
  );
}

export class SnowflakeWarehouse implements Warehouse {
  readonly capabilities = CAPABILITIES.snowflake;
  readonly #db: Kysely<ControlDb>;
  readonly #schemas: SnowflakeSchemas;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #options: SnowflakeWarehouseOptions;

  private constructor(options: SnowflakeWarehouseOptions) {
    this.#options = options;
    this.#schemas = {
      staging: assertIdentifier(options.schemas.staging, 'staging schema'),
      raw: assertIdentifier(options.schemas.raw, 'raw schema'),
      analytics: assertIdentifier(options.schemas.analytics, 'analytics schema'),
    };
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#db = new Kysely<ControlDb>({
      dialect: new SnowflakeDialect({
        connection: options.connection,
        ...(options.poolSize === undefined ? {} : { poolSize: options.poolSize }),
      }),
    });
  }

  /** Opens one session up front, so bad credentials fail here with a clear error. */
  static async open(options: SnowflakeWarehouseOptions): Promise<SnowflakeWarehouse> {
    const warehouse = new SnowflakeWarehouse(options);
    try {
      await warehouse.query('select 1 as "ok"');
    } catch (error) {
      await warehouse.close();
      throw error;
    }
    return warehouse;
  }

  /** Statements of the bulk path run on any pooled session: the user stage is the user's, not the session's. */
  get #runner(): StatementRunner {
    return {
      execute: async (sqlText, binds = []) => {
        const result = await this.#db.executeQuery(CompiledQuery.raw(sqlText, [...binds]));
        return { rows: result.rows as Record<string, unknown>[] };
      },
    };
  }

  #stagePath(table: string): string {
    return `intacct_elt/${table}`;
  }

  get #control(): Kysely<ControlDb> {
    return this.#db.withSchema(this.#schemas.raw);
  }

  async migrate(): Promise<MigrateResult> {
    for (const schema of [this.#schemas.staging, this.#schemas.raw, this.#schemas.analytics]) {
      await compileCreateSchema(this.#db as Kysely<unknown>, schema).execute();
    }
    const result = await control.migrateControlTables(this.#db as Kysely<unknown>, this.#schemas.raw);
    if (result.applied.length > 0) this.#logger.info('control tables migrated', { applied: result.applied });
    return result;
  }

  async #existingColumns(schema: string, table: string): Promise<ExistingColumn[] | null> {
    const rows = await this.query<{
      name: string;
      type: string;
      precision: number | null;
      scale: number | null;
    }>(
      `select column_name as "name", data_type as "type", numeric_precision as "precision", numeric_scale as "scale"
       from information_schema.columns where table_schema = $1 and table_name = $2 order by ordinal_position`,
      [schema, table],
    );
    if (rows.length === 0) return null;
    return rows.map((r) => ({
      name: r.name,
      type: r.type === 'NUMBER' ? `NUMBER(${r.precision ?? 38},${r.scale ?? 0})` : r.type,
    }));
  }

  async ensureTable(spec: TableSpec, layer: Layer, policy: SchemaPolicy): Promise<SchemaChange[]> {
    validateTableSpec(spec);
    const schema = layer === 'raw' ? this.#schemas.raw : this.#schemas.staging;
    const wanted = layer === 'raw' ? spec.columns : dataColumns(spec);
    const plan = planSchemaChanges({
      table: `${schema}.${spec.name}`,
      wanted,
      existing: await this.#existingColumns(schema, spec.name),
      policy,
      typeMatches: (existing, type) =>
        existing.toUpperCase() ===
        (layer === 'raw' || type === 'decimal' ? RAW_INFO_TYPES[type] : RAW_INFO_TYPES.string),
    });
    const db = this.#db as Kysely<unknown>;
    if (plan.create) {
      await compileCreateSchema(db, schema).execute();
      const create =
        layer === 'raw'
          ? compileCreateRawTable(db, this.capabilities, schema, spec)
          : compileCreateStagingTable(db, this.capabilities, schema, spec.name, spec).ifNotExists();
      await create.execute();
    }
    for (const column of plan.add) {
      await compileAddColumn(
        db,
        columnTypeIn(this.capabilities, layer, column.type),
        schema,
        spec.name,
        column,
      ).execute();
    }
    for (const change of plan.changes) {
      if (change.kind === 'type-mismatch')
        this.#logger.warn('column type differs from the descriptor; left as is', { ...change });
      else this.#logger.info('schema change', { ...change });
    }
    return [...plan.changes];
  }

  async openStage(spec: TableSpec, loadId: string): Promise<StageWriter> {
    validateTableSpec(spec);
    const table = stagingTableName(spec, loadId);
    const db = this.#db as Kysely<unknown>;
    await compileCreateSchema(db, this.#schemas.staging).execute();
    await compileDropTable(db, this.#schemas.staging, table).execute();
    await compileCreateStagingTable(db, this.capabilities, this.#schemas.staging, table, spec).execute();
    const columns = [...dataColumns(spec).map((c) => c.name), STAGING_SEQ_COLUMN, STAGING_DELETED_COLUMN];
    return SnowflakeStageWriter.open(this.#runner, table, {
      table: quoted(this.#schemas.staging, table),
      columns: columns.map((c) => quoted(c)),
      stagePath: this.#stagePath(table),
      ...(this.#options.stageConcurrency === undefined
        ? {}
        : { concurrency: this.#options.stageConcurrency }),
      ...(this.#options.stageFileBytes === undefined ? {} : { fileBytes: this.#options.stageFileBytes }),
    });
  }

  #mergeInput(request: MergeRequest): MergeCompileInput {
    return {
      caps: this.capabilities,
      rawSchema: this.#schemas.raw,
      stagingSchema: this.#schemas.staging,
      spec: request.spec,
      stagingTable: assertIdentifier(request.stagingTable, 'staging table'),
      loadId: request.loadId,
      loadedAt: this.#now(),
      entity: request.entity ?? '',
    };
  }

  async #mergeIn(db: Kysely<ControlDb>, request: MergeRequest): Promise<MergeResult> {
    const input = this.#mergeInput(request);
    const counted = await compileMergeCounts(input).execute(db);
    const row = counted.rows[0] as Record<string, number | string> | undefined;
    const num = (v: number | string | undefined) => Number(v ?? 0);
    const source = num(row?.['source_rows']);
    const inserted = num(row?.['inserted']);
    const updated = num(row?.['updated']);
    const deleted = num(row?.['deleted']);
    const merged = await compileMerge(input).execute(db);
    // Snowflake's MERGE reply is one row of counts per action; soft deletes are UPDATEs.
    const reply = (merged.rows[0] ?? {}) as Record<string, unknown>;
    const affected = Number(merged.numAffectedRows ?? 0n);
    const repliedInserts = Number(reply['number of rows inserted'] ?? 0);
    if (affected !== inserted + updated + deleted || repliedInserts !== inserted) {
      // Same predicates, same transaction: a mismatch means the compiler and this count disagree.
      this.#logger.warn('MERGE affected a different number of rows than counted', {
        table: request.spec.name,
        affected,
        inserted,
        updated,
        deleted,
      });
    }
    return { inserted, updated, deleted, unchanged: source - inserted - updated - deleted };
  }

  async merge(request: MergeRequest): Promise<MergeResult> {
    return this.#db.transaction().execute((trx) => this.#mergeIn(trx, request));
  }

  async mergeAndSetState(request: MergeRequest, state: SetStateRequest): Promise<MergeResult> {
    return this.#db.transaction().execute(async (trx) => {
      const result = await this.#mergeIn(trx, request);
      await control.setState(trx.withSchema(this.#schemas.raw), state, this.#now());
      return result;
    });
  }

  async #withKeysTable<T>(
    keys: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
    run: (table: string) => Promise<T>,
  ) {
    const table = `_keys__${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    const db = this.#db as Kysely<unknown>;
    await compileCreateSchema(db, this.#schemas.staging).execute();
    await compileCreateKeysTable(db, this.capabilities, this.#schemas.staging, table).execute();
    try {
      const writer = await SnowflakeStageWriter.open(this.#runner, table, {
        table: quoted(this.#schemas.staging, table),
        columns: [quoted('key')],
        stagePath: this.#stagePath(table),
        plain: true,
      });
      for await (const batch of keys) await writer.append(batch.map((k) => [k]));
      await writer.finish();
      return await run(table);
    } finally {
      await compileDropTable(db, this.#schemas.staging, table).execute();
    }
  }

  #keyInput(
    request: {
      spec: TableSpec;
      entity?: string | undefined;
      column?: string | undefined;
      loadId: string;
      at: Date;
    },
    keysTable: string,
  ): KeyUpdateInput {
    return {
      caps: this.capabilities,
      rawSchema: this.#schemas.raw,
      stagingSchema: this.#schemas.staging,
      spec: request.spec,
      keysTable,
      entity: request.entity,
      column: request.column,
      loadId: request.loadId,
      at: request.at,
    };
  }

  async countWindow(request: WindowCountRequest): Promise<number> {
    const result = await compileWindowCount({
      caps: this.capabilities,
      rawSchema: this.#schemas.raw,
      ...request,
    }).execute(this.#db);
    return Number((result.rows as { n: string }[])[0]?.n ?? 0);
  }

  async unclaimedValues(request: {
    spec: TableSpec;
    column: string;
    entity: string;
    claimedBy: readonly { spec: TableSpec; column: string }[];
  }): Promise<string[]> {
    const result = await compileUnclaimedValues({
      caps: this.capabilities,
      rawSchema: this.#schemas.raw,
      ...request,
    }).execute(this.#db);
    return (result.rows as { value: string }[]).map((r) => r.value);
  }

  async columnValues(request: {
    spec: TableSpec;
    column: string;
    keys: readonly string[];
  }): Promise<string[]> {
    if (request.keys.length === 0) return [];
    return this.#withKeysTable([request.keys], async (table) => {
      const input = {
        ...this.#keyInput({ spec: request.spec, loadId: '', at: new Date(0) }, table),
        column: request.column,
      };
      const result = await compileColumnValues(input).execute(this.#db);
      return (result.rows as { value: string }[]).map((r) => r.value);
    });
  }

  async softDeleteKeys(request: SoftDeleteRequest): Promise<number> {
    if (request.keys.length === 0) return 0;
    return this.#withKeysTable([request.keys], async (table) => {
      const result = await compileSoftDeleteKeys(this.#keyInput(request, table)).execute(this.#db);
      return Number(result.numAffectedRows ?? 0n);
    });
  }

  async reconcileKeys(request: ReconcileRequest): Promise<number> {
    if (request.scope && request.scope.values.length === 0) return 0;
    return this.#withKeysTable(request.presentKeys, async (table) => {
      const input = { ...this.#keyInput(request, table), scope: request.scope };
      const result = await compileReconcileKeys(input).execute(this.#db);
      return Number(result.numAffectedRows ?? 0n);
    });
  }

  async dropStage(table: string): Promise<void> {
    await compileDropTable(this.#db as Kysely<unknown>, this.#schemas.staging, table).execute();
  }

  getState(object: string, entity: string): Promise<StateRow | null> {
    return control.getState(this.#control, object, entity);
  }

  setState(request: SetStateRequest): Promise<void> {
    return control.setState(this.#control, request, this.#now());
  }

  listState(): Promise<StateRow[]> {
    return control.listState(this.#control);
  }

  getObjectDefinition(object: string): Promise<ObjectDefinitionRow | null> {
    return control.getObjectDefinition(this.#control, object);
  }

  putObjectDefinition(row: ObjectDefinitionRow): Promise<void> {
    return control.putObjectDefinition(this.#control, row);
  }

  startLoad(request: StartLoadRequest): Promise<void> {
    return control.startLoad(this.#control, request);
  }

  finishLoad(request: FinishLoadRequest): Promise<void> {
    return control.finishLoad(this.#control, request, this.#now());
  }

  recentLoads(limit: number): Promise<LoadRow[]> {
    return control.recentLoads(this.#control, limit);
  }

  acquireLease(request: LeaseRequest): Promise<Lease> {
    return control.acquireLease(this.#control, request, this.#now());
  }

  renewLease(request: LeaseRequest): Promise<Lease> {
    return control.renewLease(this.#control, request, this.#now());
  }

  currentLease(job: string): Promise<Lease | null> {
    return control.currentLease(this.#control, job);
  }

  releaseLease(request: { readonly job: string; readonly owner: string }): Promise<void> {
    return control.releaseLease(this.#control, request);
  }

  getLedger(flow: string, entity: string, externalKey: string): Promise<LedgerRow | null> {
    return control.getLedger(this.#control, flow, entity, externalKey);
  }

  putLedger(row: LedgerRow): Promise<void> {
    return control.putLedger(this.#control, row, this.#now());
  }

  async query<T = Record<string, unknown>>(
    sqlText: string,
    params: readonly QueryParam[] = [],
  ): Promise<T[]> {
    const result = await this.#db.executeQuery<T>(CompiledQuery.raw(positionalParams(sqlText), [...params]));
    return [...result.rows];
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}

/** A validated identifier (or schema-qualified name), double-quoted: exact case in Snowflake. */
function quoted(...names: string[]): string {
  return names.map((n) => `"${assertIdentifier(n)}"`).join('.');
}
