/**
 * The BigQuery warehouse, on @google-cloud/bigquery. Schemas are datasets; SQL is GoogleSQL from the
 * BigQuery Kysely dialect; staging is one load job per staging table; a MERGE and its watermark
 * commit together as one script; table metadata is read and extended through the REST API
 * (tables.get, tables.patch). BigQuery runs at most two mutating DML statements per table at once
 * and queues the rest, so every MERGE/UPDATE on a table waits for the previous one here.
 */
import { randomUUID } from 'node:crypto';
import type { BigQuery } from '@google-cloud/bigquery';
import { Kysely } from 'kysely';
import { ClassifiedError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { RetryPolicy } from '../../core/retry.ts';
import type { FieldType } from '../../intacct/objects/descriptor.ts';
import * as control from '../control-tables.ts';
import type { ControlDb } from '../control-tables.ts';
import {
  compileCreateKeysTable,
  compileCreateRawTable,
  compileCreateStagingTable,
  compileDropTable,
} from '../ddl-compile.ts';
import { assertIdentifier } from '../identifiers.ts';
import {
  type KeyUpdateInput,
  type MergeCompileInput,
  compileColumnValues,
  compileUnclaimedValues,
  compileReconcileKeys,
  compileSoftDeleteKeys,
} from '../merge-compile.ts';
import { compileWindowCount } from '../window-count-compile.ts';
import { type ExistingColumn, planSchemaChanges } from '../schema-evolution.ts';
import {
  type ColumnSpec,
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
import { type BigQueryClientOptions, createBigQueryClient } from './bigquery-client.ts';
import { BigQueryDialect } from './bigquery-dialect.ts';
import { BigQueryRunner, positionalize } from './bigquery-driver.ts';
import {
  BigQueryStageWriter,
  type SeedRows,
  compileCreateSeedTable,
  loadKeys,
  loadSeedRows,
} from './bigquery-loader.ts';
import { compileMergeScript } from './bigquery-script.ts';

export interface BigQuerySchemas {
  readonly staging: string;
  readonly raw: string;
  readonly analytics: string;
}

export interface BigQueryWarehouseOptions extends BigQueryClientOptions {
  readonly schemas: BigQuerySchemas;
  readonly logger: Logger;
  readonly now?: () => Date;
  /** Backoff for rate limits and backend errors (tests shorten it). */
  readonly retry?: RetryPolicy;
}

/** tables.get field types (legacy and GoogleSQL names) for each field type, raw layer. */
const FIELD_TYPES: Readonly<Record<FieldType, readonly string[]>> = {
  string: ['STRING'],
  integer: ['INTEGER', 'INT64'],
  decimal: ['NUMERIC(38,9)'],
  date: ['DATE'],
  timestamp: ['TIMESTAMP'],
  boolean: ['BOOLEAN', 'BOOL'],
};

interface FieldSchema {
  name: string;
  type: string;
  mode?: string;
  precision?: string;
  scale?: string;
}

function restField(column: ColumnSpec): FieldSchema {
  switch (column.type) {
    case 'decimal':
      return { name: column.name, type: 'NUMERIC', precision: '38', scale: '9', mode: 'NULLABLE' };
    case 'integer':
      return { name: column.name, type: 'INTEGER', mode: 'NULLABLE' };
    case 'boolean':
      return { name: column.name, type: 'BOOLEAN', mode: 'NULLABLE' };
    case 'string':
      return { name: column.name, type: 'STRING', mode: 'NULLABLE' };
    case 'date':
      return { name: column.name, type: 'DATE', mode: 'NULLABLE' };
    case 'timestamp':
      return { name: column.name, type: 'TIMESTAMP', mode: 'NULLABLE' };
  }
}

export class BigQueryWarehouse implements Warehouse {
  readonly capabilities = CAPABILITIES.bigquery;
  readonly #runner: BigQueryRunner;
  readonly #db: Kysely<ControlDb>;
  readonly #schemas: BigQuerySchemas;
  readonly #logger: Logger;
  readonly #now: () => Date;
  readonly #datasets = new Set<string>();
  /** Per table: the tail of its queue of mutating statements. */
  readonly #tableQueues = new Map<string, Promise<unknown>>();

  private constructor(client: BigQuery, options: BigQueryWarehouseOptions) {
    this.#schemas = {
      staging: assertIdentifier(options.schemas.staging, 'staging schema'),
      raw: assertIdentifier(options.schemas.raw, 'raw schema'),
      analytics: assertIdentifier(options.schemas.analytics, 'analytics schema'),
    };
    this.#logger = options.logger;
    this.#now = options.now ?? (() => new Date());
    this.#runner = new BigQueryRunner({
      client,
      location: options.location,
      logger: options.logger,
      ...(options.retry ? { retry: options.retry } : {}),
    });
    this.#db = new Kysely<ControlDb>({
      dialect: new BigQueryDialect({
        runner: this.#runner,
        datasets: [this.#schemas.staging, this.#schemas.raw, this.#schemas.analytics],
      }),
    });
  }

  static async open(options: BigQueryWarehouseOptions): Promise<BigQueryWarehouse> {
    return new BigQueryWarehouse(await createBigQueryClient(options), options);
  }

  get #control(): Kysely<ControlDb> {
    return this.#db.withSchema(this.#schemas.raw);
  }

  get #any(): Kysely<unknown> {
    return this.#db as Kysely<unknown>;
  }

  /** Runs `fn` after every earlier mutating statement on `table` has finished. */
  async #serial<T>(table: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.#tableQueues.get(table) ?? Promise.resolve();
    const run = previous.then(fn, fn);
    const tail = run.catch(() => undefined);
    this.#tableQueues.set(table, tail);
    try {
      return await run;
    } finally {
      if (this.#tableQueues.get(table) === tail) this.#tableQueues.delete(table);
    }
  }

  /** Creates the dataset in the configured location unless it exists (datasets.get / insert). */
  async #ensureDataset(name: string): Promise<void> {
    if (this.#datasets.has(name)) return;
    const dataset = this.#runner.client.dataset(name, { location: this.#runner.location });
    const [exists] = await this.#runner.withRetry(`datasets.get ${name}`, () => dataset.exists());
    if (!exists) {
      await this.#runner
        .withRetry(`datasets.insert ${name}`, () =>
          this.#runner.client.createDataset(name, { location: this.#runner.location }),
        )
        .catch((error: unknown) => {
          // Created meanwhile by a parallel run: fine.
          if (!(error instanceof Error && /Already Exists/i.test(error.message))) throw error;
        });
    }
    this.#datasets.add(name);
  }

  async migrate(): Promise<MigrateResult> {
    for (const schema of [this.#schemas.staging, this.#schemas.raw, this.#schemas.analytics]) {
      await this.#ensureDataset(schema);
    }
    const result = await control.migrateControlTables(this.#any, this.#schemas.raw);
    if (result.applied.length > 0) this.#logger.info('control tables migrated', { applied: result.applied });
    return result;
  }

  /** The table's fields from tables.get, or null when it does not exist. */
  async #fields(schema: string, table: string): Promise<FieldSchema[] | null> {
    const ref = this.#runner.client.dataset(schema).table(table);
    try {
      const [metadata] = await this.#runner.withRetry(`tables.get ${schema}.${table}`, () =>
        ref.getMetadata(),
      );
      return ((metadata as { schema?: { fields?: FieldSchema[] } }).schema?.fields ?? []).map((f) => ({
        ...f,
      }));
    } catch (error) {
      if (error instanceof ClassifiedError && error.httpStatus === 404) return null;
      throw error;
    }
  }

  async ensureTable(spec: TableSpec, layer: Layer, policy: SchemaPolicy): Promise<SchemaChange[]> {
    validateTableSpec(spec);
    const schema = layer === 'raw' ? this.#schemas.raw : this.#schemas.staging;
    const wanted = layer === 'raw' ? spec.columns : dataColumns(spec);
    await this.#ensureDataset(schema);
    const fields = await this.#fields(schema, spec.name);
    const existing: ExistingColumn[] | null =
      fields === null
        ? null
        : fields.map((f) => ({
            name: f.name,
            type: f.precision === undefined ? f.type : `${f.type}(${f.precision},${f.scale ?? 0})`,
          }));
    const plan = planSchemaChanges({
      table: `${schema}.${spec.name}`,
      wanted,
      existing,
      policy,
      typeMatches: (type, field) =>
        FIELD_TYPES[layer === 'raw' || field === 'decimal' ? field : 'string'].includes(type.toUpperCase()),
    });
    if (plan.create) {
      const create =
        layer === 'raw'
          ? compileCreateRawTable(this.#any, this.capabilities, schema, spec)
          : compileCreateStagingTable(this.#any, this.capabilities, schema, spec.name, spec).ifNotExists();
      await create.execute();
    }
    if (plan.add.length > 0 && fields !== null) {
      // Schema patching (tables.patch): BigQuery adds NULLABLE fields without rewriting the table.
      const added = plan.add.map((column) =>
        layer === 'raw' || column.type === 'decimal'
          ? restField(column)
          : restField({ ...column, type: 'string' }),
      );
      const table = this.#runner.client.dataset(schema).table(spec.name);
      await this.#runner.withRetry(`tables.patch ${schema}.${spec.name}`, () =>
        table.setMetadata({ schema: { fields: [...fields, ...added] } }),
      );
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
    await this.#ensureDataset(this.#schemas.staging);
    await compileDropTable(this.#any, this.#schemas.staging, table).execute();
    await compileCreateStagingTable(
      this.#any,
      this.capabilities,
      this.#schemas.staging,
      table,
      spec,
    ).execute();
    return new BigQueryStageWriter(this.#runner, this.#schemas.staging, table, dataColumns(spec));
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

  async #mergeScript(request: MergeRequest, state?: SetStateRequest): Promise<MergeResult> {
    const input = this.#mergeInput(request);
    const script = compileMergeScript(
      this.#any,
      input,
      state ? { request: state, now: this.#now() } : undefined,
    );
    const rows = await this.#serial(
      `${this.#schemas.raw}.${request.spec.name}`,
      async () => (await this.#db.executeQuery<Record<string, unknown>>(script)).rows,
    );
    const row = rows[0] ?? {};
    const num = (v: unknown) => Number(v ?? 0);
    const source = num(row['source_rows']);
    const inserted = num(row['inserted']);
    const updated = num(row['updated']);
    const deleted = num(row['deleted']);
    return { inserted, updated, deleted, unchanged: source - inserted - updated - deleted };
  }

  merge(request: MergeRequest): Promise<MergeResult> {
    return this.#mergeScript(request);
  }

  /** One script: the MERGE and the watermark commit together or not at all. */
  mergeAndSetState(request: MergeRequest, state: SetStateRequest): Promise<MergeResult> {
    return this.#mergeScript(request, state);
  }

  async #withKeysTable<T>(
    keys: AsyncIterable<readonly string[]> | Iterable<readonly string[]>,
    run: (table: string) => Promise<T>,
  ): Promise<T> {
    const table = `_keys__${randomUUID().replace(/-/g, '').slice(0, 16)}`;
    await this.#ensureDataset(this.#schemas.staging);
    await compileCreateKeysTable(this.#any, this.capabilities, this.#schemas.staging, table).execute();
    try {
      await loadKeys(this.#runner, this.#schemas.staging, table, keys);
      return await run(table);
    } finally {
      await compileDropTable(this.#any, this.#schemas.staging, table).execute();
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
    return this.#withKeysTable([request.keys], (table) =>
      this.#serial(`${this.#schemas.raw}.${request.spec.name}`, async () => {
        const result = await compileSoftDeleteKeys(this.#keyInput(request, table)).execute(this.#db);
        return Number(result.numAffectedRows ?? 0n);
      }),
    );
  }

  async reconcileKeys(request: ReconcileRequest): Promise<number> {
    if (request.scope && request.scope.values.length === 0) return 0;
    return this.#withKeysTable(request.presentKeys, (table) =>
      this.#serial(`${this.#schemas.raw}.${request.spec.name}`, async () => {
        const input = { ...this.#keyInput(request, table), scope: request.scope };
        const result = await compileReconcileKeys(input).execute(this.#db);
        return Number(result.numAffectedRows ?? 0n);
      }),
    );
  }

  async dropStage(table: string): Promise<void> {
    await compileDropTable(this.#any, this.#schemas.staging, table).execute();
  }

  getState(object: string, entity: string): Promise<StateRow | null> {
    return control.getState(this.#control, object, entity);
  }

  setState(request: SetStateRequest): Promise<void> {
    return this.#serial(`${this.#schemas.raw}._elt_state`, () =>
      control.setState(this.#control, request, this.#now()),
    );
  }

  listState(): Promise<StateRow[]> {
    return control.listState(this.#control);
  }

  getObjectDefinition(object: string): Promise<ObjectDefinitionRow | null> {
    return control.getObjectDefinition(this.#control, object);
  }

  putObjectDefinition(row: ObjectDefinitionRow): Promise<void> {
    return this.#serial(`${this.#schemas.raw}._elt_object_definitions`, () =>
      control.putObjectDefinition(this.#control, row),
    );
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

  /** GoogleSQL with `$1`-style parameters (sent as positional `?`). NUMERIC comes back as exact strings. */
  async query<T = Record<string, unknown>>(
    sqlText: string,
    params: readonly QueryParam[] = [],
  ): Promise<T[]> {
    const result = await this.#db.executeQuery<T>(positionalize(sqlText, params));
    return [...result.rows];
  }

  /** A models seed through a load job, not a CREATE TABLE AS SELECT of its rows. */
  async loadSeed(seed: SeedRows): Promise<number> {
    await this.query(compileCreateSeedTable(seed));
    return loadSeedRows(this.#runner, seed);
  }

  async close(): Promise<void> {
    await this.#db.destroy();
  }
}
