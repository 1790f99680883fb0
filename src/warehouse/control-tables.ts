/**
 * Reads and writes of the control tables (created by migrations/), written once against Kysely so
 * every warehouse dialect shares them. Upserts are UPDATE-then-INSERT rather than ON CONFLICT,
 * which Snowflake and BigQuery lack.
 */
import { type ColumnType, type Kysely, Migrator, type Selectable, type Transaction, sql } from 'kysely';
import { controlMigrationProvider } from '../../migrations/index.ts';
import { ClassifiedError } from '../core/errors.ts';
import type {
  FinishLoadRequest,
  Lease,
  LeaseRequest,
  LedgerRow,
  LedgerStatus,
  LoadRow,
  LoadStatus,
  MigrateResult,
  ObjectDefinitionRow,
  SetStateRequest,
  StartLoadRequest,
  StateRow,
} from './warehouse.ts';

/** Timestamps are written as Dates and read back as ISO UTC strings. */
type Instant = ColumnType<string, Date, Date>;
type NullableInstant = ColumnType<string | null, Date | null, Date | null>;

export interface ControlDb {
  _elt_state: {
    object: string;
    entity: string;
    watermark: string | null;
    load_id: string;
    updated_at: Instant;
  };
  _elt_loads: {
    load_id: string;
    command: string;
    status: LoadStatus;
    started_at: Instant;
    finished_at: NullableInstant;
    report: string | null;
    error: string | null;
  };
  _elt_lease: {
    job: string;
    owner: string;
    acquired_at: Instant;
    expires_at: Instant;
  };
  _elt_reverse_ledger: {
    flow: string;
    entity: string;
    external_key: string;
    status: LedgerStatus;
    intacct_key: string | null;
    control_id: string | null;
    payload_hash: string;
    errors: string | null;
    updated_at: Instant;
  };
  _elt_object_definitions: {
    object: string;
    fields: string;
    fetched_at: Instant;
  };
}

export const MIGRATION_TABLE = '_elt_migration';
export const MIGRATION_LOCK_TABLE = '_elt_migration_lock';

type Db = Kysely<ControlDb> | Transaction<ControlDb>;

/** Runs the pending migrations; the control tables live in `schema` (the raw schema). */
export async function migrateControlTables(db: Kysely<unknown>, schema: string): Promise<MigrateResult> {
  const migrator = new Migrator({
    db,
    provider: controlMigrationProvider(schema),
    migrationTableSchema: schema,
    migrationTableName: MIGRATION_TABLE,
    migrationLockTableName: MIGRATION_LOCK_TABLE,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error !== undefined) {
    throw new ClassifiedError(
      `control-table migration failed: ${error instanceof Error ? error.message : String(error)}`,
      {
        kind: 'terminal',
        level: 'warehouse',
        cause: error,
      },
    );
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}

function toState(row: Selectable<ControlDb['_elt_state']>): StateRow {
  return {
    object: row.object,
    entity: row.entity,
    watermark: row.watermark,
    loadId: row.load_id,
    updatedAt: row.updated_at,
  };
}

export async function getState(db: Db, object: string, entity: string): Promise<StateRow | null> {
  const row = await db
    .selectFrom('_elt_state')
    .selectAll()
    .where('object', '=', object)
    .where('entity', '=', entity)
    .executeTakeFirst();
  return row ? toState(row) : null;
}

export async function listState(db: Db): Promise<StateRow[]> {
  const rows = await db.selectFrom('_elt_state').selectAll().orderBy('object').orderBy('entity').execute();
  return rows.map(toState);
}

export async function setState(db: Db, request: SetStateRequest, now: Date): Promise<void> {
  const updated = await db
    .updateTable('_elt_state')
    .set({ watermark: request.watermark, load_id: request.loadId, updated_at: now })
    .where('object', '=', request.object)
    .where('entity', '=', request.entity)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('_elt_state')
    .values({
      object: request.object,
      entity: request.entity,
      watermark: request.watermark,
      load_id: request.loadId,
      updated_at: now,
    })
    .execute();
}

export async function startLoad(db: Db, request: StartLoadRequest): Promise<void> {
  await db
    .insertInto('_elt_loads')
    .values({
      load_id: request.loadId,
      command: request.command,
      status: 'running',
      started_at: request.startedAt,
      finished_at: null,
      report: null,
      error: null,
    })
    .execute();
}

export async function finishLoad(db: Db, request: FinishLoadRequest, now: Date): Promise<void> {
  const result = await db
    .updateTable('_elt_loads')
    .set({
      status: request.status,
      finished_at: request.finishedAt ?? now,
      report: JSON.stringify(request.report ?? null),
      error: request.error ?? null,
    })
    .where('load_id', '=', request.loadId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new ClassifiedError(`no load ${request.loadId} to finish (startLoad was not called)`, {
      kind: 'terminal',
    });
  }
}

function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function recentLoads(db: Db, limit: number): Promise<LoadRow[]> {
  const rows = await db
    .selectFrom('_elt_loads')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('load_id', 'desc')
    .limit(Math.max(0, Math.floor(limit)))
    .execute();
  return rows.map((r) => ({
    loadId: r.load_id,
    command: r.command,
    status: r.status,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    report: parseJson(r.report),
    error: r.error,
  }));
}

function leaseHeld(job: string, owner: string, expiresAt: string): ClassifiedError {
  return new ClassifiedError(
    `job "${job}" is already running: its lease is held by ${owner} until ${expiresAt}`,
    {
      kind: 'terminal',
      level: 'warehouse',
      fix: `Wait for that run to finish; if it died, its lease expires at ${expiresAt} and the next run proceeds`,
    },
  );
}

/**
 * Takes the job's lease when it is free, expired, or already ours. The conditional UPDATE is the
 * atomic step on every warehouse; the INSERT covers a job that never ran (the key stops a racing
 * insert where constraints are enforced).
 */
export async function acquireLease(db: Kysely<ControlDb>, request: LeaseRequest, now: Date): Promise<Lease> {
  const expires = new Date(now.getTime() + request.ttlMs);
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .updateTable('_elt_lease')
      .set({ owner: request.owner, acquired_at: now, expires_at: expires })
      .where('job', '=', request.job)
      .where((eb) => eb.or([eb('owner', '=', request.owner), eb('expires_at', '<=', sql<string>`${now}`)]))
      .executeTakeFirst();
    if (Number(taken.numUpdatedRows) === 0) {
      const current = await trx
        .selectFrom('_elt_lease')
        .selectAll()
        .where('job', '=', request.job)
        .executeTakeFirst();
      if (current) throw leaseHeld(request.job, current.owner, current.expires_at);
      await trx
        .insertInto('_elt_lease')
        .values({ job: request.job, owner: request.owner, acquired_at: now, expires_at: expires })
        .execute();
    }
    return { job: request.job, owner: request.owner, expiresAt: expires.toISOString() };
  });
}

export async function renewLease(db: Db, request: LeaseRequest, now: Date): Promise<Lease> {
  const expires = new Date(now.getTime() + request.ttlMs);
  const result = await db
    .updateTable('_elt_lease')
    .set({ expires_at: expires })
    .where('job', '=', request.job)
    .where('owner', '=', request.owner)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    throw new ClassifiedError(`lease on job "${request.job}" was lost by ${request.owner}`, {
      kind: 'terminal',
      level: 'warehouse',
      fix: 'The run took longer than the lease TTL without renewing; stop this run and raise the TTL',
    });
  }
  return { job: request.job, owner: request.owner, expiresAt: expires.toISOString() };
}

export async function releaseLease(
  db: Db,
  request: { readonly job: string; readonly owner: string },
): Promise<void> {
  await db
    .deleteFrom('_elt_lease')
    .where('job', '=', request.job)
    .where('owner', '=', request.owner)
    .execute();
}

export async function getLedger(
  db: Db,
  flow: string,
  entity: string,
  externalKey: string,
): Promise<LedgerRow | null> {
  const row = await db
    .selectFrom('_elt_reverse_ledger')
    .selectAll()
    .where('flow', '=', flow)
    .where('entity', '=', entity)
    .where('external_key', '=', externalKey)
    .executeTakeFirst();
  if (!row) return null;
  return {
    flow: row.flow,
    entity: row.entity,
    externalKey: row.external_key,
    status: row.status,
    intacctKey: row.intacct_key,
    controlId: row.control_id,
    payloadHash: row.payload_hash,
    errors: parseJson(row.errors),
    updatedAt: row.updated_at,
  };
}

export async function putLedger(db: Kysely<ControlDb>, row: LedgerRow, now: Date): Promise<void> {
  const values = {
    status: row.status,
    intacct_key: row.intacctKey,
    control_id: row.controlId,
    payload_hash: row.payloadHash,
    errors: row.errors === null || row.errors === undefined ? null : JSON.stringify(row.errors),
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('_elt_reverse_ledger')
      .set(values)
      .where('flow', '=', row.flow)
      .where('entity', '=', row.entity)
      .where('external_key', '=', row.externalKey)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) > 0) return;
    await trx
      .insertInto('_elt_reverse_ledger')
      .values({ flow: row.flow, entity: row.entity, external_key: row.externalKey, ...values })
      .execute();
  });
}

export async function currentLease(db: Db, job: string): Promise<Lease | null> {
  const row = await db.selectFrom('_elt_lease').selectAll().where('job', '=', job).executeTakeFirst();
  return row ? { job: row.job, owner: row.owner, expiresAt: row.expires_at } : null;
}

export async function getObjectDefinition(db: Db, object: string): Promise<ObjectDefinitionRow | null> {
  const row = await db
    .selectFrom('_elt_object_definitions')
    .selectAll()
    .where('object', '=', object)
    .executeTakeFirst();
  if (!row) return null;
  const fields = parseJson(row.fields);
  return {
    object: row.object,
    fields: Array.isArray(fields) ? (fields as ObjectDefinitionRow['fields']) : [],
    fetchedAt: row.fetched_at,
  };
}

export async function putObjectDefinition(db: Db, row: ObjectDefinitionRow): Promise<void> {
  const values = { fields: JSON.stringify(row.fields), fetched_at: new Date(row.fetchedAt) };
  const updated = await db
    .updateTable('_elt_object_definitions')
    .set(values)
    .where('object', '=', row.object)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) > 0) return;
  await db
    .insertInto('_elt_object_definitions')
    .values({ object: row.object, ...values })
    .execute();
}
