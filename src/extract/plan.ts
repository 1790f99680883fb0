import { type Filter, f, v } from '../intacct/filter.ts';
import type { ObjectDescriptor } from '../intacct/objects/descriptor.ts';

/** The top level of a multi-entity company (and the whole company when there are no entities). */
export const TOP_LEVEL = '';

/**
 * A time window over an object's watermark, in UTC epoch milliseconds. `from` is inclusive and
 * null means "from the beginning"; `to` is inclusive and null means "up to now".
 */
export interface Window {
  readonly from: number | null;
  readonly to: number | null;
}

export type StreamMode = 'incremental' | 'full' | 'backfill';

/** One unit of extraction work: an object, for one entity, over one window. */
export interface StreamTask {
  readonly object: ObjectDescriptor;
  readonly entity: string;
  readonly mode: StreamMode;
  readonly window: Window;
  /** Position of this slice among the object's slices for the entity (0 when unsliced). */
  readonly slice: number;
  readonly slices: number;
  /** Previous watermark (ISO UTC), kept when this stream reads nothing newer. */
  readonly previousWatermark: string | null;
  /** A backfill slice of a key range: keys after `after` (exclusive) up to `upTo` (inclusive). */
  readonly keys?: KeySlice;
}

/** Bounds of a slice by numeric key; an absent bound is open. */
export interface KeySlice {
  readonly after?: string;
  readonly upTo?: string;
}

export interface PlanInput {
  readonly objects: readonly ObjectDescriptor[];
  /** Entity ids to read entity-scoped objects for; TOP_LEVEL included when the top level is read. */
  readonly entities: readonly string[];
  /** Watermarks by `stateKey(object, entity)`, ISO UTC or null. */
  readonly states: ReadonlyMap<string, string | null>;
  /** The run's start on Intacct's clock (epoch ms). */
  readonly runStart: number;
  readonly safetyLagMs: number;
  /** Overrides every descriptor's lookback when set. */
  readonly lookbackMinutes?: number | undefined;
  /** A backfill re-reads [from, to] whatever the state says, sliced for parallel reads. */
  readonly backfill?:
    | {
        readonly from: number;
        readonly to: number;
        readonly sliceDays: number;
        /** Records per slice (default ROWS_PER_SLICE). */
        readonly sliceRows?: number;
      }
    | undefined;
  /** Records per `stateKey` in the backfill window, when counted: small reads are not sliced. */
  readonly counts?: ReadonlyMap<string, number>;
  /**
   * The lowest and highest numeric key per `stateKey` in the backfill window. Where known, slices
   * split the key range rather than the time range: a window of many years whose records sit in a
   * few months would otherwise put them all in one slice, read one page at a time.
   */
  readonly keyRanges?: ReadonlyMap<string, { readonly first: string; readonly last: string }>;
}

export function stateKey(object: string, entity: string): string {
  return `${object}\u0000${entity}`;
}

const DAY_MS = 86_400_000;

/** More slices than this per object and entity only add empty requests and merges. */
export const MAX_SLICES = 48;

/** A slice is worth its own stream (staging table, merge) from about this many records. */
export const ROWS_PER_SLICE = 20_000;

function sliceCount(rangeMs: number, sliceMs: number): number {
  return Math.max(1, Math.min(MAX_SLICES, Math.ceil(rangeMs / sliceMs)));
}

/** The entities an object is read for: once at the top level for company-wide lists, else per entity. */
export function entitiesFor(object: ObjectDescriptor, entities: readonly string[]): readonly string[] {
  return object.entityScope === 'top' ? [TOP_LEVEL] : entities;
}

/**
 * Plans the streams of a run (pure). Incremental windows run from the stored watermark minus the
 * lookback to the run start minus the safety lag; objects without state, and full-refresh objects,
 * are read whole. A backfill splits large objects into time slices that run in parallel.
 */
export function planStreams(input: PlanInput): StreamTask[] {
  const tasks: StreamTask[] = [];
  const ceiling = input.runStart - input.safetyLagMs;
  for (const object of input.objects) {
    for (const entity of entitiesFor(object, input.entities)) {
      const previous = input.states.get(stateKey(object.object, entity)) ?? null;
      const base = { object, entity, previousWatermark: previous, slice: 0, slices: 1 } as const;
      if (object.refresh === 'full' || object.watermark === null) {
        tasks.push({ ...base, mode: 'full', window: { from: null, to: null } });
        continue;
      }
      if (input.backfill) {
        const from = input.backfill.from;
        // Nothing can have been modified after the run started.
        const to = Math.min(input.backfill.to, ceiling);
        const rows = input.counts?.get(stateKey(object.object, entity));
        const perSlice = input.backfill.sliceRows ?? ROWS_PER_SLICE;
        const byRows = rows === undefined ? MAX_SLICES : Math.max(1, Math.ceil(rows / perSlice));
        const range = object.large ? input.keyRanges?.get(stateKey(object.object, entity)) : undefined;
        const keySlices =
          range && byRows > 1 ? splitKeys(range.first, range.last, Math.min(MAX_SLICES, byRows)) : undefined;
        if (keySlices) {
          keySlices.forEach((keys, i) => {
            tasks.push({
              ...base,
              mode: 'backfill',
              window: { from, to },
              slice: i,
              slices: keySlices.length,
              keys,
            });
          });
          continue;
        }
        const count = object.large
          ? Math.min(sliceCount(to - from + 1, input.backfill.sliceDays * DAY_MS), byRows)
          : 1;
        const width = Math.ceil((to - from + 1) / count);
        for (let i = 0; i < count; i++) {
          const start = from + i * width;
          // Slices meet without overlap: each ends one millisecond before the next begins.
          const end = i === count - 1 ? to : start + width - 1;
          tasks.push({
            ...base,
            mode: 'backfill',
            window: { from: start, to: end },
            slice: i,
            slices: count,
          });
        }
        continue;
      }
      const lookbackMs = (input.lookbackMinutes ?? object.lookbackMinutes) * 60_000;
      const from = previous === null ? null : Date.parse(previous) - lookbackMs;
      tasks.push({
        ...base,
        mode: previous === null ? 'full' : 'incremental',
        window: { from, to: ceiling },
      });
    }
  }
  return tasks;
}

const NUMERIC_KEY = /^\d+$/;

/**
 * `count` slices of about equal width over [first, last] by key. The first and last slices are
 * open-ended, so a record whose key is outside the counted range (created since) is still read
 * once. Undefined when the keys are not numeric or too close to split.
 */
export function splitKeys(first: string, last: string, count: number): KeySlice[] | undefined {
  if (!NUMERIC_KEY.test(first) || !NUMERIC_KEY.test(last)) return undefined;
  const low = BigInt(first);
  const span = BigInt(last) - low + 1n;
  if (span < BigInt(count)) return undefined;
  const bound = (i: number) => (low - 1n + (span * BigInt(i)) / BigInt(count)).toString();
  return Array.from({ length: count }, (_, i) => ({
    ...(i > 0 ? { after: bound(i) } : {}),
    ...(i < count - 1 ? { upTo: bound(i + 1) } : {}),
  }));
}

/** The key bounds of a slice as a filter on the object's key; undefined when unsliced. */
export function keySliceFilter(object: ObjectDescriptor, keys: KeySlice | undefined): Filter | undefined {
  if (keys === undefined) return undefined;
  const parts = [
    ...(keys.after === undefined ? [] : [f.gt(object.key, v.num(keys.after))]),
    ...(keys.upTo === undefined ? [] : [f.le(object.key, v.num(keys.upTo))]),
  ];
  return parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : f.and(...parts);
}

/** One end of a field's range: an instant (epoch ms) for timestamps, an ISO day for dates. */
export type RangeBound =
  | { readonly kind: 'timestamp'; readonly ms: number }
  | { readonly kind: 'date'; readonly day: string };

/** A field between two inclusive bounds (null: open on that side). */
export interface FieldRange {
  readonly field: string;
  readonly from: RangeBound | null;
  readonly to: RangeBound | null;
}

/**
 * What a window selects: records whose watermark is in range, or, when the object has a separate
 * creation field, records with a null watermark created in range. The Intacct filter and the
 * warehouse's count of the same window (unchanged-probe.ts) are both built from this.
 */
export interface WindowRanges {
  readonly watermark: FieldRange;
  readonly createdWhenNull?: FieldRange;
}

export function windowRanges(object: ObjectDescriptor, window: Window): WindowRanges | undefined {
  if (object.watermark === null || (window.from === null && window.to === null)) return undefined;
  const instant = (ms: number | null): RangeBound | null => (ms === null ? null : { kind: 'timestamp', ms });
  const watermark = { field: object.watermark, from: instant(window.from), to: instant(window.to) };
  if (object.created === null || object.created === object.watermark) return { watermark };
  const created = object.created;
  // A creation *date* (GLDETAIL's WHENCREATED) is widened by a day each side, since the date is in
  // the company's time zone; the overlap is re-read and deduplicated by the merge.
  const day = (ms: number | null): RangeBound | null =>
    ms === null ? null : { kind: 'date', day: new Date(ms).toISOString().slice(0, 10) };
  const createdWhenNull: FieldRange =
    object.fields.find((d) => d.name === created)?.type === 'date'
      ? {
          field: created,
          from: day(window.from === null ? null : window.from - DAY_MS),
          to: day(window.to === null ? null : window.to + DAY_MS),
        }
      : { field: created, from: watermark.from, to: watermark.to };
  return { watermark, createdWhenNull };
}

/**
 * The Intacct filter for a window. Records whose watermark is null are caught by their creation
 * time, as Intacct leaves WHENMODIFIED empty on some records.
 */
export function windowFilter(object: ObjectDescriptor, window: Window): Filter | undefined {
  const ranges = windowRanges(object, window);
  if (!ranges) return undefined;
  const value = (b: RangeBound) => (b.kind === 'timestamp' ? v.ts(b.ms) : v.date(b.day));
  const within = (r: FieldRange): Filter[] => [
    ...(r.from === null ? [] : [f.ge(r.field, value(r.from))]),
    ...(r.to === null ? [] : [f.le(r.field, value(r.to))]),
  ];
  const byWatermark = within(ranges.watermark);
  const main = byWatermark.length === 1 ? byWatermark[0]! : f.and(...byWatermark);
  if (!ranges.createdWhenNull) return main;
  return f.or(main, f.and(f.isNull(ranges.watermark.field), ...within(ranges.createdWhenNull)));
}
