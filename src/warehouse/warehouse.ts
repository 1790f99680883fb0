/**
 * The one small interface every warehouse implements (DuckDB now; Snowflake and BigQuery next), and
 * the capabilities record that holds their differences as data. Code outside `src/warehouse/` talks
 * only to `Warehouse`; nothing outside a vendor folder imports a vendor SDK.
 */
import type { FieldType } from '../intacct/objects/descriptor.ts';
import type { TableSpec } from './table-spec.ts';

export const WAREHOUSE_TYPES = ['duckdb', 'snowflake', 'bigquery'] as const;
export type WarehouseType = (typeof WAREHOUSE_TYPES)[number];

export const LAYERS = ['raw', 'staging'] as const;
export type Layer = (typeof LAYERS)[number];

export const SCHEMA_POLICIES = ['evolve', 'freeze'] as const;
export type SchemaPolicy = (typeof SCHEMA_POLICIES)[number];

export const LOAD_STATUSES = ['running', 'succeeded', 'partial', 'failed'] as const;
export type LoadStatus = (typeof LOAD_STATUSES)[number];

/**
 * What differs between warehouses, as data. Read these instead of testing the vendor name.
 * Sources: shared/reference/warehouses.md §1-§4.
 */
export interface Capabilities {
  readonly type: WarehouseType;
  /** Character that quotes identifiers (`"` or a backtick). */
  readonly identifierQuote: '"' | '`';
  /** How the warehouse folds unquoted identifiers; we always quote lower_snake names. */
  readonly unquotedCase: 'upper' | 'lower' | 'preserve';
  /** Whether quoted identifiers compare case-sensitively (DuckDB: no, even when quoted). */
  readonly quotedCaseSensitive: boolean;
  /**
   * DDL inside a transaction: `transactional` (rolls back with it), `implicit-commit` (commits any
   * open transaction, Snowflake), `temp-only` (only temporary tables, BigQuery). Keep DDL outside
   * transactions unless this is `transactional`.
   */
  readonly ddlInTransactions: 'transactional' | 'implicit-commit' | 'temp-only';
  /** How several DML statements commit together: a session transaction, or one script (BigQuery). */
  readonly transactions: 'session' | 'script';
  /** The bulk path into staging. */
  readonly bulkPath: 'csv-file' | 'put-copy' | 'load-job';
  /**
   * Rows a stream stages before it merges them and opens a new stage, or null for one MERGE per
   * stream. DuckDB inserts or merges a stage inside its bounded pool, so an entity read whole (a
   * first sync) is merged every 20,000 rows; on Snowflake and BigQuery each MERGE is a billed
   * statement and staged files never sit in the job's memory.
   */
  readonly stageRowsPerMerge: number | null;
  /**
   * What MERGE does when several source rows match one target row: `error` (Snowflake, BigQuery) or
   * `silent` (DuckDB updates once per match). The generated MERGE always deduplicates its source.
   */
  readonly mergeDuplicateMatch: 'error' | 'silent';
  /** Where MERGE counts come from: a separate count query in the same transaction, the result row, or job stats. */
  readonly mergeCounts: 'count-query' | 'result-row' | 'dml-stats';
  /** Fractional-second digits kept by the instant type. */
  readonly timestampPrecision: 6 | 9;
  /** Widest DECIMAL precision; money is NUMERIC(38,9) everywhere. */
  readonly maxDecimalPrecision: number;
  readonly addColumnIfNotExists: boolean;
  readonly qualify: boolean;
  /** Concurrent MERGE/UPDATE/DELETE per table the warehouse tolerates; null when unlimited in practice. */
  readonly mutatingDmlPerTable: number | null;
  /** Column type per field type, with explicit precision and scale. */
  readonly types: Readonly<Record<FieldType, string>>;
}

export const CAPABILITIES: Readonly<Record<WarehouseType, Capabilities>> = {
  duckdb: {
    type: 'duckdb',
    identifierQuote: '"',
    unquotedCase: 'preserve',
    quotedCaseSensitive: false,
    ddlInTransactions: 'transactional',
    transactions: 'session',
    bulkPath: 'csv-file',
    stageRowsPerMerge: 20_000,
    mergeDuplicateMatch: 'silent',
    mergeCounts: 'count-query',
    timestampPrecision: 6,
    maxDecimalPrecision: 38,
    addColumnIfNotExists: true,
    qualify: true,
    mutatingDmlPerTable: null,
    types: {
      string: 'VARCHAR',
      integer: 'BIGINT',
      decimal: 'NUMERIC(38,9)',
      date: 'DATE',
      timestamp: 'TIMESTAMPTZ',
      boolean: 'BOOLEAN',
    },
  },
  snowflake: {
    type: 'snowflake',
    identifierQuote: '"',
    unquotedCase: 'upper',
    quotedCaseSensitive: true,
    ddlInTransactions: 'implicit-commit',
    transactions: 'session',
    bulkPath: 'put-copy',
    stageRowsPerMerge: null,
    mergeDuplicateMatch: 'error',
    mergeCounts: 'result-row',
    timestampPrecision: 9,
    maxDecimalPrecision: 38,
    addColumnIfNotExists: true,
    qualify: true,
    mutatingDmlPerTable: null,
    types: {
      string: 'VARCHAR',
      integer: 'NUMBER(38,0)',
      decimal: 'NUMBER(38,9)',
      date: 'DATE',
      timestamp: 'TIMESTAMP_TZ(6)',
      boolean: 'BOOLEAN',
    },
  },
  bigquery: {
    type: 'bigquery',
    identifierQuote: '`',
    unquotedCase: 'preserve',
    quotedCaseSensitive: false,
    ddlInTransactions: 'temp-only',
    transactions: 'script',
    bulkPath: 'load-job',
    stageRowsPerMerge: null,
    mergeDuplicateMatch: 'error',
    mergeCounts: 'dml-stats',
    timestampPrecision: 6,
    maxDecimalPrecision: 38,
    addColumnIfNotExists: true,
    qualify: true,
    mutatingDmlPerTable: 2,
    types: {
      string: 'STRING',
      integer: 'INT64',
      decimal: 'NUMERIC(38,9)',
      date: 'DATE',
      timestamp: 'TIMESTAMP',
      boolean: 'BOOL',
    },
  },
};

/** One change `ensureTable` made (or, under `freeze`, refused). Nothing is ever dropped or narrowed. */
export type SchemaChange =
  | { readonly kind: 'create-table'; readonly table: string }
  | { readonly kind: 'add-column'; readonly table: string; readonly column: string; readonly type: FieldType }
  /** The table's column has another type than the spec wants; the table is left as it is. */
  | {
      readonly kind: 'type-mismatch';
      readonly table: string;
      readonly column: string;
      readonly type: FieldType;
      readonly existingType: string;
    };

/** A canonical string per value (see table-spec.ts), or null. */
export type StageValue = string | null;
export type StageRow = readonly StageValue[];

/**
 * Streams rows into one staging table through the warehouse's bulk path; memory stays flat. Rows
 * are aligned with `dataColumns(spec)`; a row may carry one extra trailing value, its
 * `_deleted_at` (ISO UTC), which makes the MERGE soft-delete that key.
 */
export interface StageWriter {
  readonly table: string;
  append(rows: readonly StageRow[]): Promise<void>;
  finish(): Promise<{ readonly table: string; readonly rows: number }>;
}

export interface MergeRequest {
  readonly spec: TableSpec;
  readonly stagingTable: string;
  readonly loadId: string;
  /** The entity the rows were read for; '' (the default) for top-level reads. */
  readonly entity?: string;
  /**
   * The staged rows hold each key at most once and no deletes (a stream read in key order, whose
   * paging refuses a key that does not follow the last one): the MERGE may skip its dedupe step.
   * A warehouse is free to ignore the hint.
   */
  readonly uniqueKeys?: boolean;
}

export interface MergeResult {
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  /** Source rows that changed nothing: identical, older than the stored version, or deletes of unknown keys. */
  readonly unchanged: number;
}

export interface StateRow {
  readonly object: string;
  readonly entity: string;
  /** ISO UTC watermark (or whatever the engine stores), null before the first complete load. */
  readonly watermark: string | null;
  readonly loadId: string;
  /** ISO UTC. */
  readonly updatedAt: string;
}

export interface SetStateRequest {
  readonly object: string;
  readonly entity: string;
  readonly watermark: string | null;
  readonly loadId: string;
}

export interface StartLoadRequest {
  readonly loadId: string;
  readonly command: string;
  readonly startedAt: Date;
}

export interface FinishLoadRequest {
  readonly loadId: string;
  readonly status: Exclude<LoadStatus, 'running'>;
  /** Stored as JSON: counts per object and entity, rejected records, timings. */
  readonly report: unknown;
  readonly error?: string;
  readonly finishedAt?: Date;
}

export interface LoadRow {
  readonly loadId: string;
  readonly command: string;
  readonly status: LoadStatus;
  readonly startedAt: string;
  readonly finishedAt: string | null;
  readonly report: unknown;
  readonly error: string | null;
}

export interface LeaseRequest {
  readonly job: string;
  readonly owner: string;
  readonly ttlMs: number;
}

export interface Lease {
  readonly job: string;
  readonly owner: string;
  /** ISO UTC. */
  readonly expiresAt: string;
}

export interface SoftDeleteRequest {
  readonly spec: TableSpec;
  /** Only rows of this entity; every entity when left out (keys are unique across the company). */
  readonly entity?: string;
  /** Match this column instead of the key: children deleted with their parent. */
  readonly column?: string;
  readonly keys: readonly string[];
  readonly loadId: string;
  readonly at: Date;
}

export interface ReconcileRequest {
  readonly spec: TableSpec;
  readonly entity: string;
  /** Every key Intacct still has for this entity (within `scope`), in batches. */
  readonly presentKeys: AsyncIterable<readonly string[]>;
  /** Only rows whose `column` holds one of `values`: the lines of documents that changed. */
  readonly scope?: { readonly column: string; readonly values: readonly string[] };
  readonly loadId: string;
  readonly at: Date;
}

/** One end of a column's range: an instant, or a calendar day (ISO `YYYY-MM-DD`). */
export type ColumnBound =
  | { readonly kind: 'timestamp'; readonly at: Date }
  | { readonly kind: 'date'; readonly day: string };

/** A column between two inclusive bounds (null: open on that side). */
export interface ColumnRange {
  readonly column: string;
  readonly from: ColumnBound | null;
  readonly to: ColumnBound | null;
}

/**
 * Live rows of one entity whose watermark column is in range, or whose watermark is null and whose
 * creation column is in `createdWhenNull`: the same window an incremental read asks Intacct for.
 */
export interface WindowCountRequest {
  readonly spec: TableSpec;
  readonly entity: string;
  readonly watermark: ColumnRange;
  readonly createdWhenNull?: ColumnRange | undefined;
}

export const LEDGER_STATUSES = ['planned', 'posted', 'rejected'] as const;
export type LedgerStatus = (typeof LEDGER_STATUSES)[number];

export interface LedgerRow {
  readonly flow: string;
  readonly entity: string;
  readonly externalKey: string;
  readonly status: LedgerStatus;
  readonly intacctKey: string | null;
  readonly controlId: string | null;
  readonly payloadHash: string;
  /** Structured errors from Intacct or validation; stored as JSON. */
  readonly errors: unknown;
  /** ISO UTC; set by the warehouse on put. */
  readonly updatedAt?: string;
}

/** The company's definition of an object (`lookup`), as cached in the warehouse. */
export interface ObjectDefinitionRow {
  readonly object: string;
  readonly fields: readonly {
    readonly name: string;
    readonly dataType: string;
    readonly isCustom: boolean;
  }[];
  /** ISO UTC. */
  readonly fetchedAt: string;
}

export type QueryParam = string | number | bigint | boolean | null | Date;

export interface MigrateResult {
  /** Migration names applied by this call (empty when already up to date). */
  readonly applied: readonly string[];
}

export interface Warehouse {
  readonly capabilities: Capabilities;
  /** Creates the schemas and brings the control tables up to date (Kysely's Migrator). */
  migrate(): Promise<MigrateResult>;
  /** Creates or evolves the table of `spec` in `layer`; under `freeze` a new field fails with a clear error. */
  ensureTable(spec: TableSpec, layer: Layer, policy: SchemaPolicy): Promise<SchemaChange[]>;
  /** A fresh staging table for this load (`<table>__<load id>`), written through the bulk path. */
  openStage(spec: TableSpec, loadId: string): Promise<StageWriter>;
  /**
   * MERGE a staging table into the raw table: deduplicated source (latest watermark wins, ties by
   * load order), soft deletes, counts. Idempotent: the same staging table merged twice changes nothing.
   */
  merge(request: MergeRequest): Promise<MergeResult>;
  /**
   * The MERGE and the watermark write in one transaction where the warehouse has them (DuckDB,
   * Snowflake), so a crash leaves both or neither. Where it cannot (BigQuery without a session), the
   * MERGE commits first and the state second: a crash between them repeats the window on the next
   * run, and the keyed, idempotent MERGE makes that repeat harmless. Never the other way round.
   */
  mergeAndSetState(request: MergeRequest, state: SetStateRequest): Promise<MergeResult>;
  /** Soft-deletes these keys of `entity` (AUDITHISTORY deletes); returns how many rows it marked. */
  softDeleteKeys(request: SoftDeleteRequest): Promise<number>;
  /** Distinct values of `column` in the rows with these keys (a document's GL batch key). */
  columnValues(request: {
    readonly spec: TableSpec;
    readonly column: string;
    readonly keys: readonly string[];
  }): Promise<string[]>;
  /**
   * Distinct values of `column` in live rows of `entity` that no live row of the `claimedBy` tables
   * holds in its column (GL batch keys of lines whose document never reached the warehouse).
   */
  unclaimedValues(request: {
    readonly spec: TableSpec;
    readonly column: string;
    readonly entity: string;
    readonly claimedBy: readonly { readonly spec: TableSpec; readonly column: string }[];
  }): Promise<string[]>;
  /** How many live rows of the entity fall in a watermark window (the unchanged-stream probe). */
  countWindow(request: WindowCountRequest): Promise<number>;
  /** Soft-deletes every live key of `entity` that is not in `presentKeys`; returns how many. */
  reconcileKeys(request: ReconcileRequest): Promise<number>;
  dropStage(table: string): Promise<void>;

  getState(object: string, entity: string): Promise<StateRow | null>;
  setState(request: SetStateRequest): Promise<void>;
  listState(): Promise<StateRow[]>;

  /** The cached company definition of an object, or null before the first lookup. */
  getObjectDefinition(object: string): Promise<ObjectDefinitionRow | null>;
  putObjectDefinition(row: ObjectDefinitionRow): Promise<void>;

  startLoad(request: StartLoadRequest): Promise<void>;
  finishLoad(request: FinishLoadRequest): Promise<void>;
  recentLoads(limit: number): Promise<LoadRow[]>;

  /** Refused with a ClassifiedError (terminal) while another live owner holds the job's lease. */
  acquireLease(request: LeaseRequest): Promise<Lease>;
  /** Extends the lease; fails if this owner lost it (it expired and someone else took it). */
  renewLease(request: LeaseRequest): Promise<Lease>;
  releaseLease(request: { readonly job: string; readonly owner: string }): Promise<void>;
  /** The lease of a job as stored, whoever holds it, or null. */
  currentLease(job: string): Promise<Lease | null>;

  getLedger(flow: string, entity: string, externalKey: string): Promise<LedgerRow | null>;
  putLedger(row: LedgerRow): Promise<void>;

  /** Raw SQL for tests and `status`; `$1`-style parameters. Decimals come back as exact strings. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly QueryParam[]): Promise<T[]>;
  close(): Promise<void>;
}
