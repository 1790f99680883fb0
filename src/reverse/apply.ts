/**
 * Apply: sends a flow's planned writes in batches (many functions per request, each with a
 * deterministic control id; the client sends uniqueid=true), one entity session at a time. Before
 * each create it looks the record up by its reference, so a record an earlier crashed run posted is
 * found instead of posted twice. Every outcome goes to the ledger; one bad record never blocks the
 * others.
 */
import { ClassifiedError, errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { IntacctClient } from '../intacct/client.ts';
import type { WriteFunction } from '../intacct/envelope.ts';
import { f } from '../intacct/filter.ts';
import type { BuildContext, FlowDescriptor, SourceRecord } from './flow.ts';
import type { Ledger, LedgerEntry } from './ledger.ts';
import { outcomeOf } from './outcome.ts';
import type { PlanItem } from './plan.ts';
import { controlIdFor } from './records.ts';

/** Points where tests stop a push as a kill would (`crash` throws there). */
export const CRASH_POINTS = ['before-lookup', 'before-write', 'after-write', 'after-ledger'] as const;
export type CrashPoint = (typeof CRASH_POINTS)[number];

export interface ApplyOptions {
  readonly client: IntacctClient;
  readonly ledger: Ledger;
  readonly runId: string;
  /** Functions per request (default 50). */
  readonly batchSize: number;
  readonly logger: Logger;
  readonly resolve: BuildContext['resolve'];
  readonly signal?: AbortSignal;
  readonly crash?: (point: CrashPoint) => void;
}

export interface ApplyCounts {
  posted: number;
  updated: number;
  corrected: number;
  reversed: number;
  /** Found in Intacct by lookup: an earlier run had posted them. */
  recovered: number;
  rejected: number;
  /** Left for the next run: their request failed after every retry. */
  failed: number;
  requests: number;
}

/** The Intacct reference of a version: the external key, then `.v1`, `.v2` after corrections. */
export function referenceFor(externalKey: string, version: number): string {
  return version === 0 ? externalKey : `${externalKey}.v${version}`;
}

export function reversalReferenceFor(externalKey: string, version: number): string {
  return `${externalKey}.r${version}`;
}

/** The version a new posting of this key takes. */
export function nextVersion(e: LedgerEntry | null): number {
  if (!e) return 0;
  return e.status === 'reversed' ? e.version + 1 : e.version;
}

interface Step {
  readonly item: PlanItem;
  readonly kind: 'create' | 'update' | 'reverse';
  readonly reference: string;
  readonly version: number;
  readonly record: SourceRecord;
  readonly hash: string;
}

function postedRecord(e: LedgerEntry): SourceRecord | null {
  if (!e.payload) return null;
  try {
    const p = JSON.parse(e.payload) as Pick<SourceRecord, 'header' | 'lines'>;
    return { flow: e.flow, externalKey: e.externalKey, entity: e.entity, header: p.header, lines: p.lines };
  } catch {
    return null;
  }
}

function firstSteps(item: PlanItem): Step[] | string {
  const e = item.ledger;
  if (item.action === 'create') {
    return [
      {
        item,
        kind: 'create',
        reference: referenceFor(item.externalKey, nextVersion(e)),
        version: nextVersion(e),
        record: item.record!,
        hash: item.payloadHash,
      },
    ];
  }
  if (item.action === 'update') {
    return [
      {
        item,
        kind: 'update',
        reference: referenceFor(item.externalKey, e!.version),
        version: e!.version,
        record: item.record!,
        hash: item.payloadHash,
      },
    ];
  }
  if (item.action === 'correct' || item.action === 'retire') {
    const old = postedRecord(e!);
    if (!old)
      return 'the posted version is not in the ledger, so it cannot be reversed; reverse it in Intacct';
    return [
      {
        item,
        kind: 'reverse',
        reference: reversalReferenceFor(item.externalKey, e!.version),
        version: e!.version,
        record: old,
        hash: e!.payloadHash,
      },
    ];
  }
  return [];
}

export async function applyFlow(
  flow: FlowDescriptor,
  items: readonly PlanItem[],
  opts: ApplyOptions,
): Promise<ApplyCounts> {
  const counts: ApplyCounts = {
    posted: 0,
    updated: 0,
    corrected: 0,
    reversed: 0,
    recovered: 0,
    rejected: 0,
    failed: 0,
    requests: 0,
  };
  const todo = items.filter((i) => ['create', 'update', 'correct', 'retire'].includes(i.action));
  const byEntity = new Map<string, PlanItem[]>();
  for (const i of todo) byEntity.set(i.entity, [...(byEntity.get(i.entity) ?? []), i]);
  for (const [entity, list] of byEntity) {
    for (let start = 0; start < list.length; start += opts.batchSize) {
      opts.signal?.throwIfAborted();
      const chunk = list.slice(start, start + opts.batchSize);
      const steps: Step[] = [];
      for (const item of chunk) {
        const s = firstSteps(item);
        if (typeof s === 'string') await reject(flow, item, [s], opts, counts);
        else steps.push(...s);
      }
      const done = await runSteps(flow, entity, steps, opts, counts);
      // Corrections: the new version goes only after its reversal is in Intacct.
      const second: Step[] = done
        .filter((s) => s.kind === 'reverse' && s.item.action === 'correct')
        .map((s) => ({
          item: s.item,
          kind: 'create',
          reference: referenceFor(s.item.externalKey, s.version + 1),
          version: s.version + 1,
          record: s.item.record!,
          hash: s.item.payloadHash,
        }));
      if (second.length > 0) await runSteps(flow, entity, second, opts, counts);
    }
  }
  return counts;
}

async function reject(
  flow: FlowDescriptor,
  item: PlanItem,
  errors: readonly string[],
  opts: ApplyOptions,
  counts: ApplyCounts,
  version = nextVersion(item.ledger),
): Promise<void> {
  counts.rejected++;
  const e = item.ledger;
  // A failed update or correction leaves the posted version as it is (and says why).
  const keepPosted = e?.status === 'posted';
  await opts.ledger.put({
    flow: flow.name,
    entity: item.entity,
    externalKey: item.externalKey,
    status: keepPosted ? 'posted' : 'rejected',
    intacctKey: keepPosted ? e.intacctKey : null,
    intacctObject: flow.object,
    controlId: e?.controlId ?? null,
    payloadHash: keepPosted ? e.payloadHash : item.payloadHash,
    version: keepPosted ? e.version : version,
    errors,
    approval: e?.approval ?? null,
    decidedBy: e?.decidedBy ?? null,
    runId: opts.runId,
    payload: keepPosted ? e.payload : null,
  });
}

/** Looks references up in Intacct (one query per batch): reference → RECORDNO. */
async function lookup(
  flow: FlowDescriptor,
  entity: string,
  references: readonly string[],
  opts: ApplyOptions,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (references.length === 0 || flow.updatesExisting) return found;
  const field = flow.lookup.field;
  for await (const batch of opts.client.readRecords({
    object: flow.lookup.object,
    fields: ['RECORDNO', field],
    filter: f.in(field, references),
    entity: entity || null,
    method: 'query',
    ...(opts.signal ? { signal: opts.signal } : {}),
  })) {
    for (const r of batch) {
      const ref = r[field];
      if (ref && r.RECORDNO) found.set(ref, r.RECORDNO);
    }
  }
  return found;
}

/** Runs one phase of steps for an entity; answers the steps that ended in Intacct. */
async function runSteps(
  flow: FlowDescriptor,
  entity: string,
  steps: readonly Step[],
  opts: ApplyOptions,
  counts: ApplyCounts,
): Promise<Step[]> {
  const done: Step[] = [];
  opts.crash?.('before-lookup');
  let existing: Map<string, string>;
  try {
    existing = await lookup(
      flow,
      entity,
      steps.filter((s) => s.kind !== 'update').map((s) => s.reference),
      opts,
    );
    counts.requests++;
  } catch (error) {
    if (error instanceof ClassifiedError && (error.kind === 'auth' || error.kind === 'terminal')) throw error;
    counts.failed += steps.length;
    opts.logger.warn('reverse lookup failed; these records are left for the next run', {
      flow: flow.name,
      entity: entity || '(top level)',
      error: errorMessage(error),
    });
    return done;
  }
  const toSend: { step: Step; fn: WriteFunction }[] = [];
  for (const step of steps) {
    const key = existing.get(step.reference);
    if (key !== undefined && step.kind !== 'update') {
      counts.recovered++;
      await record(flow, step, key, opts, counts);
      done.push(step);
      continue;
    }
    const controlId = controlIdFor(step.record, step.hash, `${step.kind}:${step.reference}`);
    const ctx: BuildContext = {
      controlId,
      reference: step.reference,
      mode: step.kind === 'update' ? 'update' : 'create',
      intacctKey: step.item.ledger?.intacctKey ?? null,
      resolve: opts.resolve,
    };
    try {
      const fn =
        step.kind === 'reverse'
          ? flow.buildReversal!(step.record, { ...ctx, mode: 'create' })
          : flow.build(step.record, ctx);
      toSend.push({ step, fn });
    } catch (error) {
      await reject(flow, step.item, [errorMessage(error)], opts, counts, step.version);
    }
  }
  if (toSend.length === 0) return done;
  opts.crash?.('before-write');
  let results: Awaited<ReturnType<IntacctClient['write']>>;
  try {
    results = await opts.client.write(
      entity || null,
      toSend.map((s) => s.fn),
      opts.signal ? { signal: opts.signal } : {},
    );
    counts.requests++;
  } catch (error) {
    if (error instanceof ClassifiedError && (error.kind === 'auth' || error.kind === 'terminal')) throw error;
    counts.failed += toSend.length;
    opts.logger.warn('reverse write failed after retries; these records are left for the next run', {
      flow: flow.name,
      entity: entity || '(top level)',
      error: errorMessage(error),
    });
    return done;
  }
  opts.crash?.('after-write');
  const duplicates: { step: Step; index: number }[] = [];
  for (const [index, { step }] of toSend.entries()) {
    const result = results[index];
    const outcome = result
      ? outcomeOf(result)
      : { kind: 'rejected' as const, errors: ['Intacct returned no result for this function'] };
    if (outcome.kind === 'posted') {
      await record(flow, step, outcome.intacctKey, opts, counts);
      done.push(step);
    } else if (outcome.kind === 'duplicate') duplicates.push({ step, index });
    else await reject(flow, step.item, outcome.errors, opts, counts, step.version);
    opts.crash?.('after-ledger');
  }
  if (duplicates.length > 0) {
    // Intacct already ran these control ids (a reply lost on the way back): read their keys.
    const keys = await lookup(
      flow,
      entity,
      duplicates.map((d) => d.step.reference),
      opts,
    ).catch(() => new Map<string, string>());
    for (const { step } of duplicates) {
      counts.recovered++;
      await record(flow, step, keys.get(step.reference) ?? null, opts, counts);
      done.push(step);
    }
  }
  return done;
}

/** A step that ended in Intacct, to the ledger. */
async function record(
  flow: FlowDescriptor,
  step: Step,
  intacctKey: string | null,
  opts: ApplyOptions,
  counts: ApplyCounts,
): Promise<void> {
  const item = step.item;
  const e = item.ledger;
  const base = {
    flow: flow.name,
    entity: item.entity,
    externalKey: item.externalKey,
    intacctObject: flow.object,
    controlId: controlIdFor(step.record, step.hash, `${step.kind}:${step.reference}`),
    errors: null,
    approval: e?.approval ?? null,
    decidedBy: e?.decidedBy ?? null,
    runId: opts.runId,
  };
  if (step.kind === 'reverse') {
    counts.reversed++;
    await opts.ledger.put({
      ...base,
      status: 'reversed',
      intacctKey: e?.intacctKey ?? null,
      payloadHash: e?.payloadHash ?? step.hash,
      version: step.version,
      payload: e?.payload ?? null,
    });
    return;
  }
  if (step.kind === 'update') counts.updated++;
  else if (item.action === 'correct') counts.corrected++;
  else counts.posted++;
  await opts.ledger.put({
    ...base,
    status: 'posted',
    intacctKey: intacctKey ?? (step.kind === 'update' ? (e?.intacctKey ?? null) : null),
    payloadHash: step.hash,
    version: step.version,
    payload: JSON.stringify({ header: step.record.header, lines: step.record.lines }),
  });
}
