import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import type { JobConfig } from '../config/schema.ts';
import { ClassifiedError, errorMessage, isClassified } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Progress } from '../core/progress.ts';
import type { Filter } from '../intacct/filter.ts';
import type { ObjectDescriptor } from '../intacct/objects/descriptor.ts';
import { selectObjects } from '../intacct/objects/index.ts';
import { type TableSpec, tableSpecFromDescriptor } from '../warehouse/table-spec.ts';
import type { ObjectDefinitionRow, Warehouse } from '../warehouse/warehouse.ts';
import { reconcileObject } from './deletes.ts';
import { companyDefinition, planFields } from './field-selection.ts';
import { runDeletePhase } from './delete-phase.ts';
import { holdLease } from './lease.ts';
import { type ProbeClient, findUnchanged, recordUnchanged } from './unchanged-probe.ts';
import { TOP_LEVEL, entitiesFor, planStreams, stateKey, windowFilter } from './plan.ts';
import {
  type RecordReader,
  type StreamResult,
  emptyResult,
  notStartedResult,
  runStream,
  sessionEntity,
} from './run-stream.ts';

/** What a run needs from the Intacct client. */
export interface ExtractClient extends RecordReader, ProbeClient {
  listEntities(): Promise<readonly { readonly id: string; readonly name?: string }[]>;
  lookup(
    object: string,
    entity?: string | null,
  ): Promise<{
    readonly fields: readonly {
      readonly name: string;
      readonly dataType: string;
      readonly isCustom: boolean;
    }[];
  }>;
  /** Intacct's totalcount for a filtered read (one small request). */
  countRecords(request: {
    readonly object: string;
    readonly filter?: Filter;
    readonly entity: string | null;
    readonly showPrivate?: boolean;
  }): Promise<number>;
  /** The count and lowest and highest keys of a filtered read (one request), to slice by key. */
  keyRange?(request: {
    readonly object: string;
    readonly key: string;
    readonly filter?: Filter;
    readonly entity: string | null;
  }): Promise<{ readonly count: number; readonly first: string | null; readonly last: string | null }>;
  stats(): { readonly apiCalls: number };
}

export type RunCommand = 'sync' | 'backfill' | 'reconcile';

export interface RunOptions {
  readonly command: RunCommand;
  readonly config: JobConfig;
  readonly client: ExtractClient;
  readonly warehouse: Warehouse;
  readonly logger: Logger;
  readonly progress?: Progress | undefined;
  readonly signal?: AbortSignal | undefined;
  /**
   * Graceful stop (first SIGTERM/SIGINT): streams finish the page in hand and merge what they
   * staged, streams not yet started are skipped, the delete phase is skipped, state and the load
   * record are written and the lease released. `signal` is the hard stop that cancels requests.
   */
  readonly stop?: AbortSignal | undefined;
  /** Objects to run (default: the config's selection). */
  readonly objects?: readonly string[] | undefined;
  readonly backfill?: { readonly from: number; readonly to: number } | undefined;
  /** Lease TTL; renewed every third of it. */
  readonly leaseTtlMs?: number;
  readonly loadId?: string;
  /** Also reconcile keys of incremental objects (default: config.sync.reconcileDeletes). */
  readonly reconcile?: boolean;
}

export interface RunReport {
  readonly loadId: string;
  readonly command: RunCommand;
  readonly status: 'succeeded' | 'partial' | 'failed';
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly entities: readonly string[];
  readonly apiCalls: number;
  readonly streams: readonly StreamResult[];
  readonly objects: readonly ObjectSummary[];
  readonly schemaChanges: readonly string[];
  /**
   * Descriptor fields this run did not read: `absent` from the company's definition (NULL columns),
   * or `refused` by Intacct mid-run (dropped, and the stream read again without them).
   */
  readonly skippedFields: readonly SkippedFields[];
  /** Objects the company does not have (an optional object such as a user-defined dimension). */
  readonly skippedObjects: readonly { readonly object: string; readonly reason: string }[];
  readonly errors: readonly { readonly object: string; readonly entity: string; readonly message: string }[];
  /** Set when the run was stopped by a signal before it finished; rerun to finish the work. */
  readonly interrupted?: true;
}

export interface SkippedFields {
  readonly object: string;
  readonly fields: readonly string[];
  readonly reason: 'absent' | 'refused';
  /** Of `fields`, those the descriptor does not mark optional or unconfirmed. */
  readonly unexpected?: readonly string[];
}

export interface ObjectSummary {
  readonly object: string;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly apiCalls: number;
  readonly seconds: number;
  readonly failed: number;
}

/** The job name the lease is held under: one per warehouse. */
export const JOB_NAME = 'intacct-elt';

export { customFields } from './field-selection.ts';

async function resolveEntities(config: JobConfig, client: ExtractClient): Promise<string[]> {
  const configured = config.intacct.entities;
  const ids = configured ?? (await client.listEntities()).map((e) => e.id);
  return config.intacct.includeTopLevel || ids.length === 0 ? [TOP_LEVEL, ...ids] : [...ids];
}

/**
 * One run of the job: plan the streams, read them in parallel across the governor's slots into
 * staging, merge, advance watermarks, capture deletes, and record the load with its report.
 */
export async function runJob(options: RunOptions): Promise<RunReport> {
  const { config, client, warehouse, logger } = options;
  const loadId =
    options.loadId ??
    `${new Date().toISOString().replace(/[-:.]/g, '').slice(0, 15)}-${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  const lease = await holdLease(warehouse, JOB_NAME, options.leaseTtlMs ?? 120_000, logger);
  const signal = options.signal ? AbortSignal.any([options.signal, lease.lost]) : lease.lost;
  await warehouse.startLoad({ loadId, command: options.command, startedAt });
  const apiCallsBefore = client.stats().apiCalls;
  const streams: StreamResult[] = [];
  const errors: { object: string; entity: string; message: string }[] = [];
  const schemaChanges: string[] = [];
  const skippedFields: SkippedFields[] = [];
  const skippedObjects: { object: string; reason: string }[] = [];
  const selects = new Map<string, readonly string[]>();
  let entities: string[] = [];
  try {
    entities = await resolveEntities(config, client);
    const selected = selectObjects({
      include: options.objects ?? config.objects.include,
      exclude: options.objects ? [] : config.objects.exclude,
    });
    const specs = new Map<string, TableSpec>();
    const objects: ObjectDescriptor[] = [];
    const now = new Date();
    for (const descriptor of selected) {
      let definition: ObjectDefinitionRow;
      try {
        definition = await companyDefinition({
          object: descriptor.object,
          client,
          warehouse,
          maxAgeMs: config.sync.definitionMaxAgeHours * 3_600_000,
          now,
          logger,
        });
      } catch (error) {
        if (!isClassified(error) || error.kind !== 'terminal') throw error;
        // The company has no such object: expected for an optional one, an object failure otherwise.
        if (descriptor.optional) {
          logger.warn('the company does not have this optional object; skipped', {
            object: descriptor.object,
            error: errorMessage(error),
          });
          skippedObjects.push({ object: descriptor.object, reason: errorMessage(error) });
          // An empty table all the same, so models over it build (no dimension values, no rows).
          await warehouse.ensureTable(
            tableSpecFromDescriptor(descriptor, []),
            'raw',
            config.sync.schemaPolicy,
          );
        } else errors.push({ object: descriptor.object, entity: '*', message: errorMessage(error) });
        continue;
      }
      const plan = planFields(descriptor, definition);
      if (!plan.select.includes(descriptor.key)) {
        errors.push({
          object: descriptor.object,
          entity: '*',
          message: `the company's definition of ${descriptor.object} has no ${descriptor.key} field (the key); object skipped`,
        });
        continue;
      }
      if (plan.missing.length > 0) {
        // Once per object and run: these stay NULL columns.
        logger.warn('fields the company does not have are left NULL', {
          object: descriptor.object,
          fields: plan.missing,
          ...(plan.unexpected.length > 0 ? { unexpected: plan.unexpected } : {}),
        });
        skippedFields.push({
          object: descriptor.object,
          fields: plan.missing,
          reason: 'absent',
          ...(plan.unexpected.length > 0 ? { unexpected: plan.unexpected } : {}),
        });
      }
      const object = plan.object;
      objects.push(object);
      selects.set(object.object, plan.select);
      const spec = tableSpecFromDescriptor(descriptor, plan.custom);
      const changes = await warehouse.ensureTable(spec, 'raw', config.sync.schemaPolicy);
      for (const c of changes) {
        if (c.kind === 'add-column') schemaChanges.push(`${c.table}.${c.column} added (${c.type})`);
        if (c.kind === 'type-mismatch')
          logger.warn('column type differs from the descriptor; left as it is', { ...c });
      }
      specs.set(object.object, spec);
    }

    const states = new Map<string, string | null>();
    for (const row of await warehouse.listState())
      states.set(stateKey(row.object, row.entity), row.watermark);
    const runStart = Date.now();
    const limit = pLimit(config.intacct.concurrency);
    const context = (object: ObjectDescriptor) => ({
      reader: client,
      warehouse,
      spec: specs.get(object.object) as TableSpec,
      loadId,
      timeZone: config.intacct.timezone,
      logger,
      progress: options.progress,
      signal,
      select: selects.get(object.object),
      onRefused,
      stop: options.stop,
    });
    const refreshed = new Set<string>();
    const onRefused = async (object: string, fields: readonly string[]): Promise<void> => {
      const seen = skippedFields.find((s) => s.object === object && s.reason === 'refused');
      const merged = [...new Set([...(seen?.fields ?? []), ...fields])];
      if (seen) skippedFields.splice(skippedFields.indexOf(seen), 1);
      skippedFields.push({ object, fields: merged, reason: 'refused' });
      // Streams of this object that start later do not ask for them again.
      selects.set(
        object,
        (selects.get(object) ?? []).filter((f) => !merged.includes(f)),
      );
      if (refreshed.has(object)) return;
      refreshed.add(object);
      // The cached definition was wrong: read it again so the next run selects the right fields.
      await companyDefinition({
        object,
        client,
        warehouse,
        maxAgeMs: 0,
        now: new Date(),
        refresh: true,
        logger,
      }).catch((error: unknown) =>
        logger.warn('could not re-read the object definition', { object, error: errorMessage(error) }),
      );
    };

    if (options.command === 'reconcile') {
      await Promise.all(
        objects.flatMap((object) =>
          entitiesFor(object, entities).map((entity) =>
            limit(async () => {
              if (options.stop?.aborted) return;
              const deleted = await reconcileObject({ ...context(object), object, entity, signal });
              streams.push(emptyResult(object.object, entity, { deleted }));
            }).catch((error: unknown) =>
              errors.push({ object: object.object, entity, message: errorMessage(error) }),
            ),
          ),
        ),
      );
    } else {
      const backfill = options.backfill && {
        ...options.backfill,
        sliceDays: config.sync.backfillSliceDays,
        sliceRows: config.sync.backfillSliceRows,
      };
      const sized = backfill ? await sizeForSlicing(client, objects, entities, backfill, limit) : undefined;
      const tasks = planStreams({
        objects,
        entities,
        states,
        runStart,
        safetyLagMs: config.sync.safetyLagSeconds * 1000,
        lookbackMinutes: config.sync.lookbackMinutes,
        backfill,
        ...(sized ? { counts: sized.counts, keyRanges: sized.keyRanges } : {}),
      });
      logger.info(`${options.command}: ${tasks.length} streams over ${entities.length} session entities`, {
        loadId,
        objects: objects.length,
      });
      // Incremental streams with nothing new are found by one request per entity and not read.
      const unchanged =
        options.command === 'sync' && config.sync.probeUnchanged && !options.stop?.aborted
          ? await findUnchanged({
              tasks,
              client,
              warehouse,
              specs,
              selects,
              timeZone: config.intacct.timezone,
              logger,
              limit,
              signal,
            })
          : new Set<(typeof tasks)[number]>();
      // Large streams first, so the long ones start while the short ones fill the gaps.
      const ordered = [...tasks].sort((a, b) => Number(b.object.large) - Number(a.object.large));
      const results = await Promise.all(
        ordered.map((task) =>
          limit(() =>
            unchanged.has(task)
              ? recordUnchanged(task, warehouse, loadId).catch((error: unknown) => {
                  logger.warn('could not record an unchanged stream; reading it', {
                    object: task.object.object,
                    entity: task.entity || '(top level)',
                    error: errorMessage(error),
                  });
                  return runStream(task, context(task.object));
                })
              : options.stop?.aborted
                ? Promise.resolve(notStartedResult(task))
                : runStream(task, context(task.object)),
          ),
        ),
      );
      streams.push(...results);

      if (options.command === 'sync') {
        // A stopped run still checks the lines of documents whose parents it merged (their watermark
        // moved, so the next run would not see them as changed), and leaves the audit trail and the
        // full reconciliation, which have their own state, to the next run.
        const stopped = options.stop?.aborted === true;
        const phase = await runDeletePhase({
          objects: stopped ? objects.filter((o) => o.parent) : objects,
          entities,
          results,
          states,
          specs,
          reconcileAll: !stopped && (options.reconcile ?? config.sync.reconcileDeletes),
          context,
          warehouse,
          loadId,
          logger,
        });
        streams.push(...phase.streams);
        errors.push(...phase.errors);
      }
    }
    for (const s of streams) {
      if (s.error) errors.push({ object: s.object, entity: s.entity, message: s.error.message });
    }
  } catch (error) {
    errors.push({ object: '*', entity: '*', message: errorMessage(error) });
    const report = buildReport();
    await warehouse
      .finishLoad({ loadId, status: 'failed', report, error: errorMessage(error) })
      .catch(() => undefined);
    await lease.release().catch(() => undefined);
    throw isClassified(error)
      ? error
      : new ClassifiedError(errorMessage(error), { kind: 'terminal', cause: error });
  }
  const report = buildReport();
  await warehouse.finishLoad({ loadId, status: report.status, report });
  await lease.release();
  return report;

  function buildReport(): RunReport {
    const byObject = new Map<string, ObjectSummary>();
    for (const s of streams) {
      const o = byObject.get(s.object) ?? {
        object: s.object,
        rowsRead: 0,
        inserted: 0,
        updated: 0,
        deleted: 0,
        apiCalls: 0,
        seconds: 0,
        failed: 0,
      };
      byObject.set(s.object, {
        object: s.object,
        rowsRead: o.rowsRead + s.rowsRead,
        inserted: o.inserted + s.inserted,
        updated: o.updated + s.updated,
        deleted: o.deleted + s.deleted,
        apiCalls: o.apiCalls + s.pages,
        seconds: Math.max(o.seconds, s.seconds),
        failed: o.failed + (s.error ? 1 : 0),
      });
    }
    const failedStreams = streams.filter((s) => s.error).length;
    const interrupted = options.stop?.aborted === true;
    const status = errors.some((e) => e.object === '*')
      ? 'failed'
      : failedStreams > 0 || errors.length > 0 || interrupted
        ? 'partial'
        : 'succeeded';
    return {
      loadId,
      command: options.command,
      status,
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      entities,
      apiCalls: client.stats().apiCalls - apiCallsBefore,
      streams,
      objects: [...byObject.values()],
      schemaChanges,
      skippedFields,
      skippedObjects,
      errors,
      ...(interrupted ? { interrupted: true as const } : {}),
    };
  }
}

/**
 * Counts the records of each large object and entity in a backfill window, to size its slices,
 * and, where the client can tell, their lowest and highest keys, to slice by key.
 */
async function sizeForSlicing(
  client: ExtractClient,
  objects: readonly ObjectDescriptor[],
  entities: readonly string[],
  window: { readonly from: number; readonly to: number },
  limit: <T>(fn: () => Promise<T>) => Promise<T>,
): Promise<{
  counts: Map<string, number>;
  keyRanges: Map<string, { readonly first: string; readonly last: string }>;
}> {
  const counts = new Map<string, number>();
  const keyRanges = new Map<string, { readonly first: string; readonly last: string }>();
  const jobs = objects
    .filter((o) => o.large)
    .flatMap((object) =>
      entitiesFor(object, entities).map((entity) =>
        limit(async () => {
          const filter = windowFilter(object, window);
          const request = {
            object: object.object,
            ...(filter ? { filter } : {}),
            entity: sessionEntity(entity),
          };
          const key = stateKey(object.object, entity);
          // The key range only makes slices even; if Intacct will not answer it, slice by time.
          const range =
            client.keyRange && object.readMethod === 'query'
              ? await client.keyRange({ ...request, key: object.key }).catch(() => undefined)
              : undefined;
          counts.set(key, range?.count ?? (await client.countRecords(request)));
          if (range?.first && range.last) keyRanges.set(key, { first: range.first, last: range.last });
        }),
      ),
    );
  await Promise.all(jobs);
  return { counts, keyRanges };
}
