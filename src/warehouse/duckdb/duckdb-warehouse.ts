/**
 * The DuckDB warehouse: one embedded database file. SQL goes through Kysely with the DuckDB dialect;
 * staging is a CSV file read by a view (duckdb-loader.ts); MERGE and the watermark commit in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { CompiledQuery, Kysely, type RawBuilder, sql } from 'kysely';
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
  type KeyRange,
  compileEntityRangeCount,
  compileInsertNew,
  compileMerge,
  compileMergeCounts,
  compileRangeDuplicates,
  compileReconcileKeys,
  compileSoftDeleteKeys,
  compileColumnValues,
  compileUnclaimedValues,
} from '../merge-compile.ts';
import { compileWindowCount } from '../window-count-compile.ts';
import { type ExistingColumn, planSchemaChanges } from '../schema-evolution.ts';
import { type TableSpec, dataColumns, stagingTableName, validateTableSpec } from '../table-spec.ts';
import {
  CAPABILITIES,
  type Capabilities,
  type FinishLoadRequest,
  type Layer,
  type Lease,
  type LeaseRequest,
  type LedgerRow,
  type LoadRow,
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
  type ObjectDefinitionRow,
  type StateRow,
  type Warehouse,
  type WindowCountRequest,
} from '../warehouse.ts';
import { DuckDBDialect } from './duckdb-dialect.ts';
import { classifyDuckDBError } from './duckdb-errors.ts';
import { DuckDBStageWriter, appendKeys, stagedFileSelect } from './duckdb-loader.ts';

/**
 * DuckDB's buffer pool and operator memory for the job (data beyond it is spilled to the
 * database's temp directory), unless the config says otherwise. Staged rows live in files, not in
 * the pool; a backfill's slices are plain INSERTs and MERGEs run one at a time, so 128MB holds a
 * backfill at concurrency 4 and a models build over ~1M GL lines (bench/RESULTS.md). The pool caches
 * table blocks up to the limit, so the limit is what keeps the peak flat as a load grows.
 */
export const DUCKDB_MEMORY_LIMIT = '128MB';

/**
 * Rows merged between explicit checkpoints. DuckDB checkpoints by itself when the WAL passes 16MB,
 * but only when no other transaction is running, which with several streams appending and merging
 * is almost never: committed rows then stay in memory, unevictable, and the peak RSS grows with the
 * load. FORCE CHECKPOINT waits for the running transactions instead and writes them to the file.
 */
export const CHECKPOINT_EVERY_ROWS = 100_000;

export interface DuckDBSchemas {
  readonly staging: string;
  readonly raw: string;
  readonly analytics: string;
}

export interface DuckDBWarehouseOptions {
  /** Database file, or ':memory:'. */
  readonly path: string;
  /** DuckDB memory_limit (default DUCKDB_MEMORY_LIMIT). */
  readonly memoryLimit?: string;
  /** DuckDB threads (default: DuckDB's own, the number of cores). */
  readonly threads?: number;
  /** Run MERGEs one at a time (default true). */
  readonly serialMerges?: boolean;
  /** Rows a stream stages per merge (default CAPABILITIES.duckdb.stageRowsPerMerge). */
  readonly rowsPerMerge?: number;
  readonly schemas: DuckDBSchemas;
  readonly logger: Logger;
  /** Clock for leases and load times (tests move it). */
  readonly now?: () => Date;
}

/** information_schema.columns.data_type for each field type, raw layer. */
const RAW_INFO_TYPES: Readonly<Record<FieldType, string>> = {
  string: 'VARCHAR',
  integer: 'BIGINT',
  decimal: 'DECIMAL(38,9)',
  date: 'DATE',
  timestamp: 'TIMESTAMP WITH TIME ZONE',
  boolean: 'BOOLEAN',
};

/** Rolls back an insert of a slice whose keys another entity's rows hold (see #insertNew). */
class KeyHeldElsewhere extends Error {}

export class DuckDBWarehouse implements Warehouse {
  readonly capabilities: Capabilities;
  readonly #instance: DuckDBInstance;
  readonly #db: Kysely<ControlDb>;
  readonly #schemas: DuckDBSchemas;
  readonly #logger: Logger;
  readonly #now: () => Date;
  #mergedSinceCheckpoint = 0;
  /**
   * With `serialMerges` (the default), MERGEs run one at a time: each holds a hash table of its
   * staged slice, and four side by side fail with "Out of Memory" under a 256MB limit. It costs no
   * throughput now that staging is a file written off DuckDB's threads: the other streams keep
   * reading while one MERGE runs (bench/RESULTS.md).
   */
  readonly #serialMerges: boolean;
  #mergeTurn: Promise<unknown> = Promise.resolve();
  /** Stages by staging view name; their files go when the stage is dropped or the warehouse closes. */
  readonly #stages = new Map<string, DuckDBStageWriter>();
  /**
   * Where staged slices are written as CSV files: a fresh folder beside the database file (where the
   * user gave the job room to write; DuckDB spills there too), or in the OS temp folder for an
   * in-memory database. Removed when the warehouse closes.
   */
  readonly #stageDirectory: string;

  private constructor(instance: DuckDBInstance, options: DuckDBWarehouseOptions) {
    this.#instance = instance;
    this.capabilities = {
      ...CAPABILITIES.duckdb,
      stageRowsPerMerge: options.rowsPerMerge ?? CAPABILITIES.duckdb.stageRowsPerMerge,
    };
    this.#stageDirectory = newStageDirectory(options.path);
    this.#schemas = {
      staging: assertIdentifier(options.schemas.staging, 'staging schema'),
      raw: assertIdentifier(options.schemas.raw, 'raw schema'),
      analytics: assertIdentifier(options.schemas.analytics, 'analytics schema'),
    };
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#serialMerges = options.serialMerges ?? true;
    this.#db = new Kysely<ControlDb>({ dialect: new DuckDBDialect({ instance }) });
  }

  static async open(options: DuckDBWarehouseOptions): Promise<DuckDBWarehouse> {
    let instance: DuckDBInstance;
    try {
      // Only statically linked extensions (icu, json, parquet) exist here; never try to download.
      // A bounded buffer pool keeps the job's memory flat however large the load: DuckDB spills to
      // disk beyond it instead of caching the whole database in RAM (its default is 80% of RAM).
      instance = await DuckDBInstance.create(options.path, {
        autoinstall_known_extensions: 'false',
        memory_limit: options.memoryLimit ?? DUCKDB_MEMORY_LIMIT,
        // DuckDB's allocator keeps freed memory for reuse unless a background thread returns it to
        // the system; without it a load's RSS climbs by ~100MB beyond the pool (bench/RESULTS.md).
        allocator_background_threads: 'true',
        ...(options.threads ? { threads: String(options.threads) } : {}),
      });
    } catch (error) {
      throw classifyDuckDBError(error, `open ${options.path}`);
    }
    return new DuckDBWarehouse(instance, options);
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
    await this.#dropOrphanedStages();
    return result;
  }

  /**
   * Staging views whose files are gone: a killed run's (its folder was cleared when this warehouse
   * opened). Reading one would fail, so they go before a run starts; live stages are this object's.
   */
  async #dropOrphanedStages(): Promise<void> {
    const views = await this.query<{ view_name: string }>(
      'select view_name from duckdb_views() where schema_name = $1 and not internal',
      [this.#schemas.staging],
    );
    for (const { view_name } of views) {
      if (!this.#stages.has(view_name)) await this.dropStage(view_name);
    }
  }

  async #existingColumns(schema: string, table: string): Promise<ExistingColumn[] | null> {
    const rows = await this.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns
       where table_catalog = current_database() and table_schema = $1 and table_name = $2 order by ordinal_position`,
      [schema, table],
    );
    return rows.length === 0 ? null : rows.map((r) => ({ name: r.column_name, type: r.data_type }));
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

  /**
   * A stage is a CSV file and, once finished, a view over it in the staging schema (see
   * duckdb-loader.ts): DuckDB reads the rows once, in the MERGE.
   */
  async openStage(spec: TableSpec, loadId: string): Promise<StageWriter> {
    validateTableSpec(spec);
    const table = stagingTableName(spec, loadId);
    const db = this.#db as Kysely<unknown>;
    await compileCreateSchema(db, this.#schemas.staging).execute();
    await this.dropStage(table);
    const columns = dataColumns(spec);
    const key = spec.key.length === 1 ? columns.findIndex((c) => c.name === spec.key[0]) : -1;
    const writer = await DuckDBStageWriter.open(
      this.#stageDirectory,
      table,
      columns.map((c) => c.type),
      key >= 0 && columns[key]?.type === 'integer' ? key : -1,
      async (file) => {
        await this.#db.executeQuery(
          CompiledQuery.raw(
            `CREATE VIEW "${this.#schemas.staging}"."${table}" AS ${stagedFileSelect(file, columns)}`,
          ),
        );
      },
    );
    this.#stages.set(table, writer);
    return writer;
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
      ...(request.uniqueKeys ? { uniqueKeys: true } : {}),
    };
  }

  async #mergeIn(db: Kysely<ControlDb>, request: MergeRequest, insertNew: boolean): Promise<MergeResult> {
    const input = this.#mergeInput(request);
    const stage = this.#stages.get(input.stagingTable);
    const staged = stage?.finishedRows;
    if (input.uniqueKeys && staged !== undefined) {
      const range = insertNew ? stage?.keyRange : undefined;
      if (range && (await this.#count(db, compileEntityRangeCount(input, range))) === 0) {
        return this.#insertNew(db, input, range, staged);
      }
      return this.#mergeUnique(db, input, staged);
    }
    const counted = await compileMergeCounts(input).execute(db);
    const row = counted.rows[0] as Record<string, number | string> | undefined;
    const num = (v: number | string | undefined) => Number(v ?? 0);
    const source = num(row?.['source_rows']);
    const inserted = num(row?.['inserted']);
    const updated = num(row?.['updated']);
    const deleted = num(row?.['deleted']);
    const merged = await compileMerge(input).execute(db);
    const affected = Number(merged.numAffectedRows ?? 0n);
    if (affected !== inserted + updated + deleted) {
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

  async #count(db: Kysely<ControlDb>, query: RawBuilder<unknown>): Promise<number> {
    const result = await query.execute(db);
    return Number((result.rows[0] as { n: number | string } | undefined)?.n ?? 0);
  }

  /**
   * One pass over the stage instead of two for unique keys without deletes (the stream's case): the
   * MERGE's affected rows are its inserts and updates, and its inserts are what the table grew by
   * within this transaction (snapshot isolation: other streams' MERGEs are not seen). Counting the
   * table costs milliseconds; `RETURNING merge_action`, tried first, hands a row per change back to
   * the job and made the MERGE about 60% dearer.
   * Staged keys are never null here (paging refuses a record without its key), so every staged row
   * is a source row.
   */
  async #mergeUnique(db: Kysely<ControlDb>, input: MergeCompileInput, staged: number): Promise<MergeResult> {
    const rows = () =>
      this.#count(
        db,
        sql`SELECT count(*) AS ${sql.id('n')} FROM ${sql.id(input.rawSchema, input.spec.name)}`,
      );
    const before = await rows();
    const merged = await compileMerge(input).execute(db);
    const inserted = (await rows()) - before;
    const updated = Number(merged.numAffectedRows ?? 0n) - inserted;
    return { inserted, updated, deleted: 0, unchanged: staged - inserted - updated };
  }

  /**
   * A backfill slice the table holds none of (no row of the entity in its key range): inserted
   * without the MERGE's scan and join of the table, which was most of DuckDB's work per line and
   * what filled its pool with the table's blocks. Keys are unique across the company, so a key of
   * the range now held twice is another entity's row: the transaction is rolled back and the MERGE
   * runs instead (see #mergeTransaction).
   */
  async #insertNew(
    db: Kysely<ControlDb>,
    input: MergeCompileInput,
    range: KeyRange,
    staged: number,
  ): Promise<MergeResult> {
    const inserted = Number((await compileInsertNew(input).execute(db)).numAffectedRows ?? 0n);
    if ((await this.#count(db, compileRangeDuplicates(input, range))) > 0) throw new KeyHeldElsewhere();
    return { inserted, updated: 0, deleted: 0, unchanged: staged - inserted };
  }

  /**
   * The MERGE (and whatever `alsoIn` writes) in one transaction; a slice that turned out not to be
   * new to the table is merged again in a fresh one.
   */
  async #mergeTransaction(
    request: MergeRequest,
    alsoIn?: (trx: Kysely<ControlDb>) => Promise<unknown>,
  ): Promise<MergeResult> {
    const run = (insertNew: boolean) =>
      this.#db.transaction().execute(async (trx) => {
        const merged = await this.#mergeIn(trx, request, insertNew);
        await alsoIn?.(trx);
        return merged;
      });
    try {
      return await run(true);
    } catch (error) {
      if (!(error instanceof KeyHeldElsewhere)) throw error;
      this.#logger.debug('a staged key is held by another entity; merging instead', {
        table: request.spec.name,
      });
      return run(false);
    }
  }

  async merge(request: MergeRequest): Promise<MergeResult> {
    return this.#inTurn(() => this.#mergeTransaction(request));
  }

  async mergeAndSetState(request: MergeRequest, state: SetStateRequest): Promise<MergeResult> {
    return this.#inTurn(() =>
      this.#mergeTransaction(request, (trx) =>
        control.setState(trx.withSchema(this.#schemas.raw), state, this.#now()),
      ),
    );
  }

  /**
   * Runs a MERGE (after the previous one with `serialMerges`), then a checkpoint every
   * CHECKPOINT_EVERY_ROWS merged rows.
   */
  #inTurn(run: () => Promise<MergeResult>): Promise<MergeResult> {
    const turn = (this.#serialMerges ? this.#mergeTurn : Promise.resolve()).then(async () => {
      const result = await run();
      this.#mergedSinceCheckpoint += result.inserted + result.updated + result.deleted;
      if (this.#mergedSinceCheckpoint >= CHECKPOINT_EVERY_ROWS) {
        this.#mergedSinceCheckpoint = 0;
        await this.#db
          .executeQuery(CompiledQuery.raw('FORCE CHECKPOINT'))
          .catch((error: unknown) =>
            this.#logger.warn('DuckDB checkpoint failed; it is retried later', { error: String(error) }),
          );
      }
      return result;
    });
    if (this.#serialMerges) this.#mergeTurn = turn.catch(() => undefined);
    return turn;
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
      await appendKeys(this.#instance, this.#schemas.staging, table, keys);
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

  async countWindow(request: WindowCountRequest): Promise<number> {
    return this.#count(
      this.#db,
      compileWindowCount({ caps: this.capabilities, rawSchema: this.#schemas.raw, ...request }),
    );
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
    const [existing] = await this.query<{ table_type: string }>(
      'select table_type from information_schema.tables where table_schema = $1 and table_name = $2',
      [this.#schemas.staging, assertIdentifier(table, 'staging table')],
    );
    // DuckDB refuses DROP TABLE of a view and DROP VIEW of a table, even with IF EXISTS.
    if (existing?.table_type === 'VIEW')
      await this.#db.executeQuery(CompiledQuery.raw(`DROP VIEW "${this.#schemas.staging}"."${table}"`));
    else if (existing)
      await compileDropTable(this.#db as Kysely<unknown>, this.#schemas.staging, table).execute();
    const stage = this.#stages.get(table);
    this.#stages.delete(table);
    await stage?.discard();
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
    const result = await this.#db.executeQuery<T>(CompiledQuery.raw(sqlText, [...params]));
    return [...result.rows];
  }

  async close(): Promise<void> {
    await this.#db.destroy();
    this.#instance.closeSync();
    rmSync(this.#stageDirectory, { recursive: true, force: true });
  }
}

/**
 * A fresh stage folder `<database>.stage-XXXXXX`, after removing those a killed run left behind:
 * DuckDB locks its file, so no other process is using them.
 */
function newStageDirectory(path: string): string {
  if (path === ':memory:') return mkdtempSync(join(tmpdir(), 'intacct-elt-stage-'));
  const prefix = `${basename(path)}.stage-`;
  for (const entry of readdirSync(dirname(path))) {
    if (entry.startsWith(prefix)) rmSync(join(dirname(path), entry), { recursive: true, force: true });
  }
  return mkdtempSync(join(dirname(path), prefix));
}
