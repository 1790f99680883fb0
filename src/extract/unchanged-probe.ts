/**
 * Skips the read of incremental streams that have nothing new, with one multi-function request per
 * entity (chunked) instead of one read per stream.
 *
 * For each incremental stream the probe asks Intacct, in the stream's own window [stored watermark
 * − lookback, run start − safety lag] and with its own filter, for the window's totalcount and its
 * newest record by the watermark (a `query` of pagesize 1 ordered by the watermark descending,
 * selecting only the key and the watermark). It compares them with the warehouse: the live raw rows
 * of that object and entity in the same window, and the stored watermark. Equal counts and nothing
 * newer than the stored watermark: the stream is reported read with 0 rows and its watermark kept.
 *
 * Why that is safe, case by case:
 * - A record created or edited since the last run carries a WHENMODIFIED after the stored watermark
 *   (the stored watermark is the newest one the last run read), so the newest-record check sees it,
 *   also when the record was already in the window (edited again inside the lookback).
 * - A late commit, a record written with a WHENMODIFIED inside the lookback but committed after the
 *   last run read that time, raises Intacct's count of the window above the warehouse's.
 * - A delete lowers Intacct's count (the deleted row stays live in the warehouse until the delete
 *   phase or a reconciliation marks it).
 * Whenever the counts differ the stream is read exactly as without the probe, lookback included, so
 * the re-read that exists to catch late commits still happens every time one can be seen.
 *
 * What stays undetectable: changes that cancel out in the count and do not move the newest
 * watermark. A late commit and a delete in the same window at once leave the count equal (+1 −1),
 * and the late record's WHENMODIFIED is not after the stored watermark; likewise a late-committed
 * edit of a record whose previous version was already in the window (count unchanged, WHENMODIFIED
 * not after the stored watermark). Both need a write committed later than the safety lag after its
 * own timestamp. Such a record is read by the next run that reads the window while it still holds the
 * record (any other change in it), by a backfill, or with `sync.probeUnchanged: false`. Deletes
 * themselves are found by the delete phase (audit trail, reconciliation), not by the probe; an object
 * whose deletes only a reconciliation finds keeps a deleted row live in the warehouse until then, so
 * its counts differ and its window is read every run, as without the probe.
 *
 * Intacct filters and stores zone-less times in the company's zone, the warehouse compares UTC. They
 * agree except for a bound within the hour a daylight-saving change repeats or skips: there a record
 * can be inside the window for one and outside for the other, so counts could differ for ever (or,
 * worse, cancel out). The probe's window therefore starts before such an hour (a wider window still
 * sees every late commit and delete of the read's window), and a window that ends in one is read.
 *
 * Any doubt reads the stream: a failed request, an error in one function's result, a missing
 * totalcount, a newest record without a watermark (Oracle, and so Intacct, sorts nulls first when
 * descending), a warehouse count that fails. The probe may only ever skip work, never lose a change.
 */
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { parseIntacctTimestamp, zoneOffsetMs } from '../core/time.ts';
import type { WindowProbe, WindowProbeAnswer } from '../intacct/client.ts';
import type { TableSpec } from '../warehouse/table-spec.ts';
import type { ColumnBound, ColumnRange, Warehouse, WindowCountRequest } from '../warehouse/warehouse.ts';
import { type FieldRange, type RangeBound, type StreamTask, windowFilter, windowRanges } from './plan.ts';
import { type StreamResult, idleResult, sessionEntity } from './run-stream.ts';

/**
 * Functions per probe request. Intacct documents no maximum (intacct-protocol-facts.md §7: the XSD
 * allows any number of functions in <content>, and no doc page or official SDK states a cap), so
 * this is our own conservative choice, well below the 100 keys `read` takes and the 500 records of
 * a REST bulk request; an entity with more incremental objects gets several requests.
 */
export const PROBE_FUNCTIONS_PER_REQUEST = 50;

export interface ProbeClient {
  probeWindows(
    entity: string | null,
    probes: readonly WindowProbe[],
    signal?: AbortSignal,
  ): Promise<readonly WindowProbeAnswer[]>;
}

export interface UnchangedProbeInput {
  readonly tasks: readonly StreamTask[];
  readonly client: ProbeClient;
  readonly warehouse: Pick<Warehouse, 'countWindow'>;
  readonly specs: ReadonlyMap<string, TableSpec>;
  /** The Intacct fields each object is read with (the company's own). */
  readonly selects: ReadonlyMap<string, readonly string[]>;
  readonly timeZone: string;
  readonly logger: Logger;
  readonly limit: <T>(fn: () => Promise<T>) => Promise<T>;
  readonly signal?: AbortSignal | undefined;
}

interface Probe {
  readonly task: StreamTask;
  /** The read's window, or a wider one (see the note on daylight saving). */
  readonly window: StreamTask['window'];
  readonly request: WindowProbe;
  readonly count: WindowCountRequest;
}

const HOUR_MS = 3_600_000;

/** A daylight-saving change within two hours of `ms`: wall times near it are ambiguous or skipped. */
function nearZoneChange(ms: number, timeZone: string): boolean {
  return zoneOffsetMs(ms - 2 * HOUR_MS, timeZone) !== zoneOffsetMs(ms + 2 * HOUR_MS, timeZone);
}

/** Whole seconds, as Intacct compares its second-precision timestamps with the filter's. */
const toSecond = (ms: number) => Math.floor(ms / 1000) * 1000;

function columnRange(spec: TableSpec, range: FieldRange): ColumnRange | undefined {
  const column = spec.columns.find((c) => c.source === range.field)?.name;
  if (column === undefined) return undefined;
  const bound = (b: RangeBound | null): ColumnBound | null =>
    b === null
      ? null
      : b.kind === 'timestamp'
        ? { kind: 'timestamp', at: new Date(toSecond(b.ms)) }
        : { kind: 'date', day: b.day };
  return { column, from: bound(range.from), to: bound(range.to) };
}

/**
 * The probe of a stream, or undefined when it is not probed: only incremental, unsliced streams of
 * objects with a timestamp watermark and state, whose deletes are not found by re-reading the whole
 * object, and whose key and watermark the company has.
 */
export function planProbe(
  task: StreamTask,
  spec: TableSpec | undefined,
  select: readonly string[] | undefined,
  timeZone: string,
): Probe | undefined {
  const { object } = task;
  const watermark = object.watermark;
  if (
    task.mode !== 'incremental' ||
    task.slices !== 1 ||
    task.previousWatermark === null ||
    watermark === null ||
    object.refresh !== 'incremental' ||
    object.deletes === 'full-refresh' ||
    object.fields.find((f) => f.name === watermark)?.type !== 'timestamp' ||
    spec === undefined ||
    (select !== undefined && !(select.includes(object.key) && select.includes(watermark)))
  ) {
    return undefined;
  }
  // See the note on daylight saving at the top: start before a change, never end near one.
  if (task.window.to !== null && nearZoneChange(task.window.to, timeZone)) return undefined;
  let from = task.window.from;
  while (from !== null && nearZoneChange(from, timeZone)) from -= HOUR_MS;
  const window = { from, to: task.window.to };
  const ranges = windowRanges(object, window);
  const filter = windowFilter(object, window);
  if (!ranges || !filter) return undefined;
  const main = columnRange(spec, ranges.watermark);
  const created = ranges.createdWhenNull && columnRange(spec, ranges.createdWhenNull);
  if (!main || (ranges.createdWhenNull && !created)) return undefined;
  return {
    task,
    window,
    request: {
      object: object.object,
      key: object.key,
      watermark,
      filter,
      ...(object.entityScope === 'top' ? { showPrivate: true } : {}),
    },
    count: { spec, entity: task.entity, watermark: main, ...(created ? { createdWhenNull: created } : {}) },
  };
}

export type ProbeVerdict =
  | { readonly unchanged: true }
  | { readonly unchanged: false; readonly reason: string };

/** Pure: whether one probe answer, next to the warehouse's count, proves the stream unchanged. */
export function judgeProbe(input: {
  readonly answer: WindowProbeAnswer;
  /** Undefined when the warehouse could not count. */
  readonly warehouseCount: number | undefined;
  readonly storedWatermark: string;
  readonly watermarkField: string;
  readonly timeZone: string;
}): ProbeVerdict {
  const { answer } = input;
  if (!answer.ok) return { unchanged: false, reason: `probe failed: ${answer.error.message}` };
  if (answer.totalCount === undefined) return { unchanged: false, reason: 'no totalcount in the answer' };
  if (input.warehouseCount === undefined)
    return { unchanged: false, reason: 'the warehouse could not count' };
  if (answer.totalCount !== input.warehouseCount) {
    return {
      unchanged: false,
      reason: `counts differ (Intacct ${answer.totalCount}, warehouse ${input.warehouseCount})`,
    };
  }
  if (answer.totalCount === 0) return { unchanged: true };
  const text = answer.first?.[input.watermarkField];
  if (text === undefined || text === null) {
    return { unchanged: false, reason: 'the newest record has no watermark' };
  }
  let newest: number | null;
  try {
    newest = parseIntacctTimestamp(text, input.timeZone);
  } catch {
    newest = null;
  }
  const stored = Date.parse(input.storedWatermark);
  if (newest === null || Number.isNaN(stored)) {
    return { unchanged: false, reason: `cannot compare watermark ${text} with ${input.storedWatermark}` };
  }
  if (newest > stored) return { unchanged: false, reason: `a record modified at ${text} is newer` };
  return { unchanged: true };
}

/**
 * Probes every probeable stream, one request per entity and chunk of PROBE_FUNCTIONS_PER_REQUEST,
 * and answers the streams proven unchanged. Never throws: a failure leaves streams to be read.
 */
export async function findUnchanged(input: UnchangedProbeInput): Promise<Set<StreamTask>> {
  const unchanged = new Set<StreamTask>();
  const byEntity = new Map<string, Probe[]>();
  for (const task of input.tasks) {
    const probe = planProbe(
      task,
      input.specs.get(task.object.object),
      input.selects.get(task.object.object),
      input.timeZone,
    );
    if (!probe) continue;
    const list = byEntity.get(task.entity) ?? [];
    list.push(probe);
    byEntity.set(task.entity, list);
  }
  const chunks: { entity: string; probes: Probe[] }[] = [];
  for (const [entity, probes] of byEntity) {
    for (let i = 0; i < probes.length; i += PROBE_FUNCTIONS_PER_REQUEST) {
      chunks.push({ entity, probes: probes.slice(i, i + PROBE_FUNCTIONS_PER_REQUEST) });
    }
  }
  let probed = 0;
  const probing = Promise.all(
    chunks.map(({ entity, probes }) =>
      input.limit(async () => {
        let answers: readonly WindowProbeAnswer[];
        try {
          answers = await input.client.probeWindows(
            sessionEntity(entity),
            probes.map((p) => p.request),
            input.signal,
          );
        } catch (error) {
          input.logger.warn('the unchanged-stream probe failed; these streams are read in full', {
            entity: entity || '(top level)',
            objects: probes.map((p) => p.task.object.object),
            error: errorMessage(error),
          });
          return;
        }
        probed += probes.length;
        for (const [i, probe] of probes.entries()) {
          const answer = answers[i];
          if (!answer) continue;
          let warehouseCount: number | undefined;
          if (answer.ok && answer.totalCount !== undefined) {
            warehouseCount = await input.warehouse.countWindow(probe.count).catch((error: unknown) => {
              input.logger.warn('could not count the window in the warehouse; the stream is read', {
                object: probe.task.object.object,
                entity: entity || '(top level)',
                error: errorMessage(error),
              });
              return undefined;
            });
          }
          const verdict = judgeProbe({
            answer,
            warehouseCount,
            storedWatermark: probe.task.previousWatermark as string,
            watermarkField: probe.request.watermark,
            timeZone: input.timeZone,
          });
          const { from, to } = probe.window;
          const fields = {
            object: probe.task.object.object,
            entity: entity || '(top level)',
            from: from === null ? null : new Date(from).toISOString(),
            to: to === null ? null : new Date(to).toISOString(),
          };
          if (verdict.unchanged) {
            unchanged.add(probe.task);
            input.logger.debug('unchanged (probe)', { ...fields, count: warehouseCount });
          } else {
            input.logger.debug('changed or unknown (probe); reading', { ...fields, reason: verdict.reason });
          }
        }
      }),
    ),
  );
  try {
    await probing;
  } catch (error) {
    // A bug, not Intacct: read everything rather than trust a half-finished probe.
    input.logger.warn('the unchanged-stream probe failed; every stream is read', {
      error: errorMessage(error),
    });
    return new Set();
  }
  input.logger.info(`probe: ${unchanged.size} of ${probed} probed streams unchanged`, {
    requests: chunks.length,
  });
  return unchanged;
}

/**
 * Records a stream the probe proved unchanged: its state row is written again with the same
 * watermark and this load's id, as a read of an empty window would, since freshness (ops/freshness.ts)
 * is the time of the last state write; the report line says nothing was read.
 */
export async function recordUnchanged(
  task: StreamTask,
  warehouse: Pick<Warehouse, 'setState'>,
  loadId: string,
): Promise<StreamResult> {
  const started = Date.now();
  await warehouse.setState({
    object: task.object.object,
    entity: task.entity,
    watermark: task.previousWatermark,
    loadId,
  });
  return { ...idleResult(task), seconds: (Date.now() - started) / 1000 };
}
