import type { Logger } from '../core/logger.ts';
import { MAX_IN_VALUES, f, v } from '../intacct/filter.ts';
import type { ObjectDescriptor } from '../intacct/objects/descriptor.ts';
import { OBJECTS, findObject } from '../intacct/objects/index.ts';
import { columnNameFor } from '../warehouse/identifiers.ts';
import type { TableSpec } from '../warehouse/table-spec.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { Window } from './plan.ts';
import { type RecordReader, sessionEntity } from './run-stream.ts';
import { parseIntacctTimestamp, toIsoUtc } from '../core/time.ts';

/** The state key under which the audit trail's own watermark is kept. */
export const AUDIT_STATE_OBJECT = 'AUDITHISTORY';

export interface DeleteCaptureResult {
  /** Soft-deleted rows per object. */
  readonly deleted: Record<string, number>;
  /** Latest ACCESSTIME seen (ISO UTC), or the previous watermark. */
  readonly watermark: string | null;
}

/**
 * Reads delete events from AUDITHISTORY for one session entity and soft-deletes those keys.
 * Intacct writes the access mode as `D` in `query` and as `Delete` in readByQuery: both are asked for.
 */
export async function captureAuditDeletes(options: {
  readonly reader: RecordReader;
  readonly warehouse: Warehouse;
  readonly entity: string;
  readonly objects: readonly ObjectDescriptor[];
  readonly specs: ReadonlyMap<string, TableSpec>;
  readonly window: Window;
  readonly previousWatermark: string | null;
  readonly loadId: string;
  readonly timeZone: string;
  readonly logger: Logger;
  readonly signal?: AbortSignal | undefined;
}): Promise<DeleteCaptureResult> {
  const byType = new Map(options.objects.filter((o) => o.auditType).map((o) => [o.auditType as string, o]));
  const deleted: Record<string, number> = {};
  if (byType.size === 0) return { deleted, watermark: options.previousWatermark };
  const conditions = [
    f.in('ACCESSMODE', ['D', 'Delete']),
    f.in('OBJECTTYPE', [...byType.keys()]),
    ...(options.window.from === null ? [] : [f.ge('ACCESSTIME', v.ts(options.window.from))]),
    ...(options.window.to === null ? [] : [f.le('ACCESSTIME', v.ts(options.window.to))]),
  ];
  const keysByObject = new Map<string, Set<string>>();
  // Events after the previous watermark are new; older ones are the lookback's re-read.
  const newKeysByObject = new Map<string, Set<string>>();
  let watermark = options.previousWatermark;
  for await (const page of options.reader.readRecords({
    object: 'AUDITHISTORY',
    fields: ['ID', 'OBJECTTYPE', 'OBJECTKEY', 'ACCESSMODE', 'ACCESSTIME'],
    filter: f.and(...conditions),
    orderBy: ['ID'],
    key: 'ID',
    entity: sessionEntity(options.entity),
    ...(options.signal ? { signal: options.signal } : {}),
  })) {
    for (const event of page) {
      const object = byType.get((event.OBJECTTYPE ?? '').toLowerCase());
      if (!object || !event.OBJECTKEY) continue;
      const key = auditRecordKey(event.OBJECTKEY);
      if (key === undefined) continue;
      const at = parseIntacctTimestamp(event.ACCESSTIME, options.timeZone);
      const iso = at === null ? null : toIsoUtc(at);
      const fresh = options.previousWatermark === null || iso === null || iso > options.previousWatermark;
      const byObject = fresh ? newKeysByObject : keysByObject;
      const keys = byObject.get(object.object) ?? new Set<string>();
      keys.add(key);
      byObject.set(object.object, keys);
      if (iso !== null && (watermark === null || iso > watermark)) watermark = iso;
    }
  }
  const at = new Date();
  const unresolved = new Set<string>();
  for (const [object, keys] of keysByObject) {
    await cascadeDeletes({ ...options, at, deleted }, object, [...keys]);
  }
  // Only new events look for GL batches in Intacct: the lookback's re-read was resolved last run.
  for (const [object, keys] of newKeysByObject) {
    await cascadeDeletes({ ...options, at, deleted, unresolved }, object, [...keys]);
  }
  for (const owned of unresolved) {
    const object = findObject(owned);
    if (object) await reconcileUnclaimed({ ...options, at, deleted, object });
  }
  if (Object.values(deleted).some((n) => n > 0)) {
    options.logger.info('soft-deleted records reported deleted by AUDITHISTORY', {
      deleted,
      entity: options.entity,
    });
  }
  return { deleted, watermark };
}

/** Intacct writes a deleted record's key as `<RECORDNO>--REC`; a bare number is accepted too. */
export function auditRecordKey(objectKey: string): string | undefined {
  return /^(\d+)(?:--\w*)?$/.exec(objectKey.trim())?.[1];
}

/**
 * Soft-deletes `keys` of `object` and everything that goes with them: the records it owns (a
 * document's GL batch) and their children (lines). Keys are unique per object across the company,
 * so a delete applies in whichever entity holds the row. `column` matches children by their
 * parent's key instead of their own. A deleted document the warehouse never held cannot name its
 * batch: the owned object goes into `unresolved`, for reconcileUnclaimed.
 */
export async function cascadeDeletes(
  options: {
    readonly warehouse: Warehouse;
    readonly specs: ReadonlyMap<string, TableSpec>;
    readonly loadId: string;
    readonly at: Date;
    readonly deleted: Record<string, number>;
    readonly unresolved?: Set<string>;
  },
  object: string,
  keys: readonly string[],
  column?: string,
): Promise<void> {
  const spec = options.specs.get(object);
  const descriptor = findObject(object);
  if (!descriptor || keys.length === 0) return;
  if (spec) {
    // Owned records are found through this object's rows, which stay readable after a soft delete.
    const owned = [];
    for (const o of column ? [] : (descriptor.owns ?? [])) {
      owned.push({
        object: o.object,
        keys: await options.warehouse.columnValues({ spec, column: columnNameFor(o.field), keys }),
      });
    }
    if (!column && owned.length > 0 && options.unresolved) {
      const held = await options.warehouse.columnValues({
        spec,
        column: columnNameFor(descriptor.key),
        keys,
      });
      if (held.length < new Set(keys).size) for (const o of owned) options.unresolved.add(o.object);
    }
    const count = await options.warehouse.softDeleteKeys({
      spec,
      keys,
      ...(column ? { column } : {}),
      loadId: options.loadId,
      at: options.at,
    });
    options.deleted[object] = (options.deleted[object] ?? 0) + count;
    for (const o of owned) await cascadeDeletes(options, o.object, o.keys);
  } else if (!column) {
    // Not synced in this run (an --objects subset): what it owns can only be found in Intacct.
    for (const o of descriptor.owns ?? []) options.unresolved?.add(o.object);
  }
  if (column) return;
  // Children are matched by the parent key they carry, whether or not the parent is synced.
  for (const child of OBJECTS.filter((c) => c.parent?.object === object)) {
    await cascadeDeletes(options, child.object, keys, columnNameFor(child.parent!.field));
  }
}

/**
 * Finds the owned records (GL batches) of deleted documents the warehouse never held. The lines
 * say which batch they belong to (their `parent` field): the batch keys that live lines and batch
 * rows of the entity carry, less those a live document row claims through its `owns` field, are
 * asked of Intacct by key, a thousand per request, and those Intacct no longer has are
 * soft-deleted with their lines. Runs only when a document delete could not be resolved from the
 * warehouse; a batch that still exists costs one key in one request.
 *
 * Why the batch key and not the document: GLDETAIL rows carry BATCHKEY, the GLBATCH RECORDNO
 * (fivetran/dbt_sage_intacct_source, get_gl_detail_columns); GLBATCH carries MODULE and PRBATCHKEY,
 * but PRBATCHKEY is the subledger summary, shared by many documents (public AR reports join
 * ARRECORD.PRBATCHKEY = GLBATCH.PRBATCHKEY), so it cannot single out one deleted document, whose
 * own row is missing anyway. Asking Intacct whether each batch still exists is exact.
 */
export async function reconcileUnclaimed(options: {
  readonly reader: RecordReader;
  readonly warehouse: Warehouse;
  readonly specs: ReadonlyMap<string, TableSpec>;
  readonly object: ObjectDescriptor;
  readonly entity: string;
  readonly loadId: string;
  readonly at: Date;
  readonly deleted: Record<string, number>;
  readonly logger: Logger;
  readonly signal?: AbortSignal | undefined;
}): Promise<void> {
  const { object, warehouse, specs } = options;
  const claimedBy = OBJECTS.flatMap((owner) =>
    (owner.owns ?? [])
      .filter((o) => o.object === object.object && specs.has(owner.object))
      .map((o) => ({ spec: specs.get(owner.object) as TableSpec, column: columnNameFor(o.field) })),
  );
  const candidates = new Set<string>();
  const holders = [
    ...(specs.has(object.object) ? [{ object, column: object.key }] : []),
    ...OBJECTS.filter((c) => c.parent?.object === object.object && specs.has(c.object)).map((c) => ({
      object: c,
      column: c.parent!.field,
    })),
  ];
  for (const h of holders) {
    const values = await warehouse.unclaimedValues({
      spec: specs.get(h.object.object) as TableSpec,
      column: columnNameFor(h.column),
      entity: options.entity,
      claimedBy,
    });
    for (const v of values) candidates.add(v);
  }
  const keys = [...candidates].filter((k) => /^\d+$/.test(k));
  const vanished: string[] = [];
  for (let i = 0; i < keys.length; i += MAX_IN_VALUES) {
    const chunk = keys.slice(i, i + MAX_IN_VALUES);
    const present = new Set<string>();
    for await (const page of options.reader.readRecords({
      object: object.object,
      fields: [object.key],
      filter: f.in(
        object.key,
        chunk.map((k) => v.num(k)),
      ),
      orderBy: [object.key],
      entity: sessionEntity(options.entity),
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      for (const r of page) if (r[object.key]) present.add(r[object.key] as string);
    }
    vanished.push(...chunk.filter((k) => !present.has(k)));
  }
  options.logger.info('checked GL batches whose documents never reached the warehouse', {
    object: object.object,
    entity: options.entity,
    checked: keys.length,
    vanished: vanished.length,
  });
  await cascadeDeletes(options, object.object, vanished);
}

/**
 * Compares the keys Intacct has for an object and entity with the warehouse, reading keys only,
 * and soft-deletes what vanished. Catches deletes the audit trail does not report (lines of a
 * deleted document, users without audit permission).
 */
export async function reconcileObject(options: {
  readonly reader: RecordReader;
  readonly warehouse: Warehouse;
  readonly object: ObjectDescriptor;
  readonly spec: TableSpec;
  readonly entity: string;
  readonly loadId: string;
  readonly signal?: AbortSignal | undefined;
}): Promise<number> {
  const { reader, object } = options;
  const keys = (async function* () {
    for await (const page of reader.readRecords({
      object: object.object,
      fields: [object.key],
      orderBy: [object.key],
      entity: sessionEntity(options.entity),
      // Company-wide lists are read at the top level with entity-private records, as the sync reads them.
      ...(object.entityScope === 'top' ? { showPrivate: true } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })) {
      yield page.map((r) => r[object.key]).filter((k): k is string => typeof k === 'string' && k !== '');
    }
  })();
  return options.warehouse.reconcileKeys({
    spec: options.spec,
    entity: options.entity,
    presentKeys: keys,
    loadId: options.loadId,
    at: new Date(),
  });
}

/**
 * For documents that changed since the last run, compares the keys of their lines in Intacct with
 * the warehouse and soft-deletes the lines that are gone: editing a journal entry or a document can
 * replace its lines with new records, and the audit trail reports only the parent's change. Costs
 * one key-only request per thousand changed parents, and nothing when no parent changed.
 */
export async function reconcileChildren(options: {
  readonly reader: RecordReader;
  readonly warehouse: Warehouse;
  readonly child: ObjectDescriptor;
  readonly spec: TableSpec;
  readonly entity: string;
  readonly parentKeys: readonly string[];
  readonly loadId: string;
  readonly signal?: AbortSignal | undefined;
}): Promise<number> {
  const { child, reader } = options;
  const parent = child.parent;
  if (!parent || options.parentKeys.length === 0) return 0;
  const chunks: string[][] = [];
  for (let i = 0; i < options.parentKeys.length; i += MAX_IN_VALUES) {
    chunks.push(options.parentKeys.slice(i, i + MAX_IN_VALUES));
  }
  const keys = (async function* () {
    for (const chunk of chunks) {
      for await (const page of reader.readRecords({
        object: child.object,
        fields: [child.key],
        filter: f.in(
          parent.field,
          chunk.map((k) => v.num(k)),
        ),
        orderBy: [child.key],
        entity: sessionEntity(options.entity),
        ...(options.signal ? { signal: options.signal } : {}),
      })) {
        yield page.map((r) => r[child.key]).filter((k): k is string => typeof k === 'string' && k !== '');
      }
    }
  })();
  return options.warehouse.reconcileKeys({
    spec: options.spec,
    entity: options.entity,
    presentKeys: keys,
    scope: { column: columnNameFor(parent.field), values: options.parentKeys },
    loadId: options.loadId,
    at: new Date(),
  });
}
