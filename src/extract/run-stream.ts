import { refusedFields } from './field-selection.ts';
import { ClassifiedError, errorMessage, isClassified } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { Progress } from '../core/progress.ts';
import { type Filter, f } from '../intacct/filter.ts';
import { OBJECTS } from '../intacct/objects/index.ts';
import type { RecordRows } from '../intacct/record-rows.ts';
import type { RawRecord } from '../intacct/record-stream.ts';
import { type TableSpec, dataColumns } from '../warehouse/table-spec.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { type StreamTask, keySliceFilter, windowFilter } from './plan.ts';
import { ValueError, compilePageConverter } from './typing.ts';

export interface ReadRequest {
  readonly object: string;
  readonly fields: readonly string[];
  readonly filter?: Filter;
  readonly orderBy?: readonly string[];
  /** The record key, when it is not RECORDNO. */
  readonly key?: string;
  readonly entity: string | null;
  /** At the top level, also records private to an entity (company-wide lists). */
  readonly showPrivate?: boolean;
  readonly signal?: AbortSignal;
}

/** What the engine needs from the Intacct client to read one stream. */
export interface RecordReader {
  readRecords(request: ReadRequest): AsyncIterable<RawRecord[]>;
  /** The same pages as rows of values: the bulk path, no object per record. */
  readRows(request: ReadRequest): AsyncIterable<RecordRows>;
}

export interface StreamResult {
  readonly object: string;
  readonly entity: string;
  readonly mode: StreamTask['mode'];
  readonly slice: number;
  readonly rowsRead: number;
  readonly pages: number;
  readonly inserted: number;
  readonly updated: number;
  readonly deleted: number;
  readonly seconds: number;
  /** The watermark stored after this stream (ISO UTC), or null. */
  readonly watermark: string | null;
  /**
   * Keys of records modified since the previous run, for objects whose children are checked when
   * their parent changes (an edited journal entry may have replaced its lines).
   */
  readonly changedKeys?: readonly string[];
  /** The stream read records that are recreated with a new key when edited (see `recreatedOnEdit`). */
  readonly recreatable?: boolean;
  /**
   * The run was asked to stop (SIGTERM) before this stream read its whole window: what it read was
   * merged, its watermark was left where it was (pages come in key order, so the window is not
   * covered up to any time), and the next run reads the window again.
   */
  readonly stopped?: true;
  readonly error?: { readonly kind: string; readonly message: string; readonly codes: readonly string[] };
}

export interface StreamContext {
  readonly reader: RecordReader;
  readonly warehouse: Warehouse;
  readonly spec: TableSpec;
  readonly loadId: string;
  readonly timeZone: string;
  readonly logger: Logger;
  readonly progress?: Progress | undefined;
  readonly signal?: AbortSignal | undefined;
  /** Intacct fields to select (the company's own); default every column of the spec. */
  readonly select?: readonly string[] | undefined;
  /**
   * Intacct refused some selected fields: the stream drops them and is read again once. The run
   * records them and re-reads the company's definition.
   */
  readonly onRefused?: ((object: string, fields: readonly string[]) => Promise<void> | void) | undefined;
  /** Aborted on the first SIGTERM/SIGINT: finish the page in hand, take no new page, merge what is staged. */
  readonly stop?: AbortSignal | undefined;
}

/** Intacct entity argument: null for the top level. */
export function sessionEntity(entity: string): string | null {
  return entity === '' ? null : entity;
}

/**
 * Reads one stream page by page straight into a staging table (memory holds one page), then merges
 * it and, for sync streams, advances the watermark in the same transaction as the merge. A failure
 * leaves the state untouched, so the next run repeats the window.
 */
export async function runStream(task: StreamTask, ctx: StreamContext): Promise<StreamResult> {
  const select = ctx.select ?? dataColumns(ctx.spec).map((c) => c.source ?? c.name.toUpperCase());
  const first = await readStream(task, ctx, select);
  if (first.refused.length === 0) return first.result;
  // Intacct named fields it does not have: drop them, say so, and read once more without them.
  ctx.logger.warn('Intacct refused fields; reading again without them (they stay NULL this run)', {
    object: task.object.object,
    entity: task.entity || '(top level)',
    fields: first.refused,
  });
  await ctx.onRefused?.(task.object.object, first.refused);
  const dropped = new Set(first.refused);
  return (
    await readStream(
      task,
      ctx,
      select.filter((f) => !dropped.has(f)),
    )
  ).result;
}

async function readStream(
  task: StreamTask,
  ctx: StreamContext,
  select: readonly string[],
): Promise<{ result: StreamResult; refused: string[] }> {
  const started = Date.now();
  const { object } = task;
  const columns = dataColumns(ctx.spec);
  const convert = compilePageConverter(columns, object.key, ctx.timeZone);
  const watermarkIndex =
    ctx.spec.watermark === undefined ? -1 : columns.findIndex((c) => c.name === ctx.spec.watermark);
  // Only a creation timestamp can stand in for a missing watermark; a creation date cannot.
  const createdIsTimestamp = object.fields.find((d) => d.name === object.created)?.type === 'timestamp';
  const createdIndex = createdIsTimestamp ? columns.findIndex((c) => c.source === object.created) : -1;
  const keyIndex = columns.findIndex((c) => c.source === object.key);
  const recreatedIndex = object.recreatedOnEdit
    ? columns.findIndex((c) => c.source === object.recreatedOnEdit?.field)
    : -1;
  let recreatable = false;
  const label = `${object.object}${task.entity ? `@${task.entity}` : ''}${task.slices > 1 ? `#${task.slice + 1}` : ''}`;
  const log = ctx.logger.child({
    object: object.object,
    entity: task.entity || '(top level)',
    slice: task.slice,
  });

  // A stream-specific stage id keeps parallel slices and entities of one object apart; a stream
  // that merges as it goes (Capabilities.stageRowsPerMerge) numbers its stages.
  const stageId = (part: number) =>
    `${ctx.loadId}-${task.entity || 'top'}-${task.slice}${part > 0 ? `-${part}` : ''}`;
  const perMerge = ctx.warehouse.capabilities.stageRowsPerMerge;
  let part = 0;
  let writer = await ctx.warehouse.openStage(ctx.spec, stageId(part));
  let staged = 0;
  const merged = { inserted: 0, updated: 0, deleted: 0 };
  let rowsRead = 0;
  let pages = 0;
  let maxWatermark = task.previousWatermark;
  const keys: string[] | undefined = object.deletes === 'full-refresh' ? [] : undefined;
  const changedKeys: string[] | undefined =
    task.mode === 'incremental' && OBJECTS.some((c) => c.parent?.object === object.object) ? [] : undefined;
  const previous = task.previousWatermark;
  const byTime = windowFilter(object, task.window);
  const byKey = keySliceFilter(object, task.keys);
  const filter = byTime && byKey ? f.and(byTime, byKey) : (byTime ?? byKey);
  // Key order pages by keyset: changes during a long read cannot shift pages, memory stays flat.
  const orderBy = [object.key];
  let stopped = false;
  /**
   * Merges what is staged. Read in order of RECORDNO, the client's paging key: keyset pages, each
   * key once and after the last one (paging refuses anything else), so the MERGE needs no dedupe.
   * Only the stream's last merge of a sync stores its watermark, and a stopped stream keeps it (see
   * StreamResult.stopped): a run that fails between merges repeats the window, and the keyed,
   * idempotent MERGE makes that harmless.
   */
  const mergeStaged = async (last: boolean) => {
    await writer.finish();
    const request = {
      spec: ctx.spec,
      stagingTable: writer.table,
      loadId: ctx.loadId,
      entity: task.entity,
      uniqueKeys: object.key === 'RECORDNO',
    };
    const counts =
      !last || task.mode === 'backfill' || stopped
        ? await ctx.warehouse.merge(request)
        : await ctx.warehouse.mergeAndSetState(request, {
            object: object.object,
            entity: task.entity,
            watermark: maxWatermark,
            loadId: ctx.loadId,
          });
    merged.inserted += counts.inserted;
    merged.updated += counts.updated;
    merged.deleted += counts.deleted;
  };
  try {
    for await (const page of ctx.reader.readRows({
      object: object.object,
      fields: select,
      ...(filter ? { filter } : {}),
      orderBy,
      entity: sessionEntity(task.entity),
      // Company-wide lists are read once at the top level, entity-private records included.
      ...(object.entityScope === 'top' ? { showPrivate: true } : {}),
      ...(ctx.signal ? { signal: ctx.signal } : {}),
    })) {
      const rows = convert(page);
      for (const row of rows) {
        const mark =
          (watermarkIndex >= 0 ? row[watermarkIndex] : null) ??
          (createdIndex >= 0 ? row[createdIndex] : null);
        // Canonical ISO UTC strings of one format compare in time order.
        if (mark && (maxWatermark === null || mark > maxWatermark)) maxWatermark = mark;
        if (keys && keyIndex >= 0 && row[keyIndex]) keys.push(row[keyIndex] as string);
        if (
          task.mode === 'incremental' &&
          recreatedIndex >= 0 &&
          object.recreatedOnEdit?.values.includes(String(row[recreatedIndex]))
        ) {
          recreatable = true;
        }
        // Lookback re-reads are not changes: only records newer than the last run's watermark are.
        if (changedKeys && mark && previous !== null && mark > previous && row[keyIndex]) {
          changedKeys.push(row[keyIndex] as string);
        }
      }
      await writer.append(rows);
      rowsRead += rows.length;
      staged += rows.length;
      pages += 1;
      ctx.progress?.tick(label, rows.length);
      if (ctx.stop?.aborted) {
        stopped = true;
        break;
      }
      if (perMerge !== null && staged >= perMerge) {
        await mergeStaged(false);
        await ctx.warehouse.dropStage(writer.table);
        writer = await ctx.warehouse.openStage(ctx.spec, stageId(++part));
        staged = 0;
      }
    }
    await mergeStaged(true);
    let deleted = merged.deleted;
    // A partial key list would soft-delete every record not yet read.
    if (keys && !stopped) {
      deleted += await ctx.warehouse.reconcileKeys({
        spec: ctx.spec,
        entity: task.entity,
        presentKeys: (async function* () {
          for (let i = 0; i < keys.length; i += 10_000) yield keys.slice(i, i + 10_000);
        })(),
        loadId: ctx.loadId,
        at: new Date(),
      });
    }
    const seconds = (Date.now() - started) / 1000;
    log.debug(stopped ? 'stream stopped early; watermark kept' : 'stream done', {
      rows: rowsRead,
      inserted: merged.inserted,
      updated: merged.updated,
      seconds,
    });
    const result: StreamResult = {
      object: object.object,
      entity: task.entity,
      mode: task.mode,
      slice: task.slice,
      rowsRead,
      pages,
      inserted: merged.inserted,
      updated: merged.updated,
      deleted,
      seconds,
      watermark: task.mode === 'backfill' || stopped ? task.previousWatermark : maxWatermark,
      ...(changedKeys && changedKeys.length > 0 ? { changedKeys } : {}),
      ...(recreatable ? { recreatable } : {}),
      ...(stopped ? { stopped: true as const } : {}),
    };
    return { result, refused: [] };
  } catch (error) {
    const classified = toClassified(error);
    const refused = classified.kind === 'terminal' ? refusedFields(classified.message, select) : [];
    if (refused.length === 0) log.error('stream failed', { error: classified });
    const result: StreamResult = {
      object: object.object,
      entity: task.entity,
      mode: task.mode,
      slice: task.slice,
      rowsRead,
      pages,
      // What earlier stages of this stream merged before the failure stays merged.
      inserted: merged.inserted,
      updated: merged.updated,
      deleted: merged.deleted,
      seconds: (Date.now() - started) / 1000,
      watermark: task.previousWatermark,
      error: { kind: classified.kind, message: classified.message, codes: classified.codes },
    };
    return { result, refused };
  } finally {
    await ctx.warehouse
      .dropStage(writer.table)
      .catch((e: unknown) => log.warn('could not drop staging table', { error: errorMessage(e) }));
  }
}

function toClassified(error: unknown): ClassifiedError {
  if (isClassified(error)) return error;
  if (error instanceof ValueError) {
    return new ClassifiedError(error.message, {
      kind: 'terminal',
      fix: 'The value does not match the field type this job expects; report it with the object and field named here',
      cause: error,
    });
  }
  return new ClassifiedError(errorMessage(error), { kind: 'terminal', cause: error });
}

/** The report line of a stream that read nothing and kept its watermark. */
export function idleResult(task: StreamTask): StreamResult {
  return {
    object: task.object.object,
    entity: task.entity,
    mode: task.mode,
    slice: task.slice,
    rowsRead: 0,
    pages: 0,
    inserted: 0,
    updated: 0,
    deleted: 0,
    seconds: 0,
    watermark: task.previousWatermark,
  };
}

/** A stream the run never started because it was asked to stop first. */
export function notStartedResult(task: StreamTask): StreamResult {
  return { ...idleResult(task), stopped: true };
}

/** A report line for rows deleted outside a stream (audit trail, reconciliation). */
export function emptyResult(object: string, entity: string, counts: { deleted: number }): StreamResult {
  return {
    object,
    entity,
    mode: 'incremental',
    slice: 0,
    rowsRead: 0,
    pages: 0,
    inserted: 0,
    updated: 0,
    deleted: counts.deleted,
    seconds: 0,
    watermark: null,
  };
}
