import { errorMessage, isClassified } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { ObjectDescriptor } from '../intacct/objects/descriptor.ts';
import type { TableSpec } from '../warehouse/table-spec.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { AUDIT_STATE_OBJECT, captureAuditDeletes, reconcileChildren, reconcileObject } from './deletes.ts';
import { entitiesFor, stateKey } from './plan.ts';
import { type StreamContext, type StreamResult, emptyResult } from './run-stream.ts';

/** The audit trail is re-read this far back, for delete events committed late. */
const AUDIT_LOOKBACK_MS = 60 * 60_000;

export interface DeletePhaseInput {
  readonly objects: readonly ObjectDescriptor[];
  readonly entities: readonly string[];
  /** The run's stream results: their changed parent keys drive the line checks. */
  readonly results: readonly StreamResult[];
  readonly states: ReadonlyMap<string, string | null>;
  readonly specs: ReadonlyMap<string, TableSpec>;
  /** Also compare every key of every deletable object (`sync --reconcile`). */
  readonly reconcileAll: boolean;
  readonly context: (object: ObjectDescriptor) => StreamContext;
  readonly warehouse: Warehouse;
  readonly loadId: string;
  readonly logger: Logger;
}

export interface DeletePhaseResult {
  readonly streams: StreamResult[];
  readonly errors: { object: string; entity: string; message: string }[];
}

/**
 * After a sync's streams merged: lines of changed documents checked by key, delete events from
 * AUDITHISTORY (with their cascades), and, when asked, a full key reconciliation. One failing step
 * is reported and the others still run; none of them moves a watermark but the audit trail's own.
 */
export async function runDeletePhase(input: DeletePhaseInput): Promise<DeletePhaseResult> {
  const streams: StreamResult[] = [];
  const errors: DeletePhaseResult['errors'] = [];
  const attempt = async (object: string, entity: string, step: () => Promise<void>) => {
    try {
      await step();
    } catch (error) {
      errors.push({ object, entity, message: errorMessage(error) });
    }
  };

  for (const parent of input.results.filter((r) => r.changedKeys)) {
    for (const child of input.objects.filter((o) => o.parent?.object === parent.object)) {
      await attempt(child.object, parent.entity, async () => {
        const deleted = await reconcileChildren({
          ...input.context(child),
          child,
          entity: parent.entity,
          parentKeys: parent.changedKeys ?? [],
        });
        if (deleted > 0) streams.push(emptyResult(child.object, parent.entity, { deleted }));
      });
    }
  }

  const audited = input.objects.filter((o) => o.deletes === 'audit');
  for (const entity of audited.length > 0 ? input.entities : []) {
    const previous = input.states.get(stateKey(AUDIT_STATE_OBJECT, entity)) ?? null;
    try {
      const result = await captureAuditDeletes({
        ...input.context(audited[0] as ObjectDescriptor),
        entity,
        objects: audited,
        specs: input.specs,
        window: { from: previous === null ? null : Date.parse(previous) - AUDIT_LOOKBACK_MS, to: null },
        previousWatermark: previous,
      });
      for (const [object, deleted] of Object.entries(result.deleted)) {
        streams.push(emptyResult(object, entity, { deleted }));
      }
      await input.warehouse.setState({
        object: AUDIT_STATE_OBJECT,
        entity,
        watermark: result.watermark,
        loadId: input.loadId,
      });
    } catch (error) {
      // No permission on the audit trail must not fail the sync: say how to find deletes instead.
      input.logger.warn(
        'could not read AUDITHISTORY for delete capture; run `intacct-elt reconcile` to find deletes',
        {
          entity,
          error: isClassified(error) ? error : errorMessage(error),
        },
      );
    }
  }

  // Records recreated with a new key on edit leave their old key behind, deleted without an audit
  // entry we can count on: compare the keys of the object and entity where this run read one.
  if (!input.reconcileAll) {
    for (const r of input.results.filter((x) => x.recreatable && !x.error)) {
      const parent = input.objects.find((o) => o.object === r.object);
      if (!parent) continue;
      // The old record's lines went with it: their keys are compared too.
      const family = [parent, ...input.objects.filter((o) => o.parent?.object === parent.object)];
      for (const object of family) {
        await attempt(object.object, r.entity, async () => {
          const deleted = await reconcileObject({ ...input.context(object), object, entity: r.entity });
          if (deleted > 0) streams.push(emptyResult(object.object, r.entity, { deleted }));
        });
      }
    }
  }

  if (input.reconcileAll) {
    for (const object of input.objects.filter((o) => o.deletes === 'audit' || o.deletes === 'reconcile')) {
      for (const entity of entitiesFor(object, input.entities)) {
        await attempt(object.object, entity, async () => {
          const deleted = await reconcileObject({ ...input.context(object), object, entity });
          streams.push(emptyResult(object.object, entity, { deleted }));
        });
      }
    }
  }
  return { streams, errors };
}
