/**
 * The events worker: takes the due events off the queue (a short debounce first, so a burst
 * becomes one batch), lands them in the source tables, and runs the reverse engine's push (plan,
 * validate, exactly-once apply through the ledger) for just the records they affect. An event
 * whose prerequisites are missing (a charge before its payment intent, a payment before its
 * invoice is in Intacct) waits and is looked at again; an event whose record is rejected goes to
 * the dead-letter table with the reasons; one whose request failed is retried with backoff.
 *
 * Every step repeats safely: landing is by version, and push finds what a killed run had posted
 * (lookup by reference, deterministic control ids), so an event is marked done only after its
 * records are in the ledger, and a crash at any point repeats work without posting twice.
 */
import { randomBytes } from 'node:crypto';
import { errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { IntacctClient } from '../intacct/client.ts';
import type { FlowDescriptor } from '../reverse/flow.ts';
import { FLOWS, flowByName } from '../reverse/flows/index.ts';
import { Ledger, type LedgerEntry } from '../reverse/ledger.ts';
import type { RelationOf } from '../reverse/model-relations.ts';
import { push, type ReverseSettings } from '../reverse/push.ts';
import { readFlowRecords } from '../reverse/records.ts';
import { loadReferenceData, type ReferenceData } from '../reverse/reference.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import type { NormalizedEvent } from './event.ts';
import type { Lander } from './landing.ts';
import type { EventQueue, QueuedEvent } from './queue.ts';

export interface WorkerSettings {
  /** Wait after the first event of a burst before taking the batch. */
  readonly debounceMs: number;
  /** Events per batch. */
  readonly maxBatch: number;
  /** Failed attempts (Intacct unreachable, a request failed after its retries) before dead-lettering. */
  readonly maxAttempts: number;
  /** How long an event may wait for its prerequisites before it is dead-lettered. */
  readonly maxWaitMs: number;
  /** First retry delay; doubles per attempt. */
  readonly retryBaseMs: number;
}

export interface WorkerDeps {
  readonly warehouse: Warehouse;
  readonly queue: EventQueue;
  readonly lander: Lander;
  readonly client: IntacctClient;
  readonly schemas: { readonly raw: string; readonly analytics: string };
  readonly relationOf: RelationOf;
  readonly reverse: ReverseSettings;
  readonly settings: WorkerSettings;
  readonly logger: Logger;
  readonly now?: () => Date;
  readonly signal?: AbortSignal;
  /** Reuses the lists validation reads between batches (they change only when `sync` runs). */
  readonly referenceCache?: ReferenceCache;
}

/**
 * The lists validation reads (accounts, dimensions, currencies), kept for `maxAgeMs` between
 * batches: reading them costs a dozen queries, a large share of a single event's latency. A list a
 * `sync` changed meanwhile is read at the next expiry; Intacct's own refusal is the backstop.
 */
export class ReferenceCache {
  private value: { at: number; data: ReferenceData } | null = null;
  constructor(private readonly maxAgeMs = 60_000) {}
  async get(load: () => Promise<ReferenceData>, nowMs: number): Promise<ReferenceData> {
    if (!this.value || nowMs - this.value.at > this.maxAgeMs) this.value = { at: nowMs, data: await load() };
    return this.value.data;
  }
}

export interface BatchReport {
  readonly events: number;
  readonly done: number;
  readonly waiting: number;
  readonly retried: number;
  readonly dead: number;
  /** Records the batch pushed (external keys across flows). */
  readonly keys: number;
}

type Outcome =
  | { kind: 'done'; note: string | null }
  | { kind: 'wait'; reason: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'dead'; reason: string };

const SEVERITY: Record<Outcome['kind'], number> = { done: 0, wait: 1, retry: 2, dead: 3 };
const worse = (a: Outcome, b: Outcome) => (SEVERITY[b.kind] > SEVERITY[a.kind] ? b : a);
const fk = (flow: string, key: string) => `${flow}\u0000${key}`;

/** Processes one batch of due events; answers what became of them. */
export async function processDueEvents(deps: WorkerDeps): Promise<BatchReport> {
  const now = deps.now ?? (() => new Date());
  const log = deps.logger.child({ component: 'events-worker' });
  const due = await deps.queue.due(deps.settings.maxBatch, now());
  if (due.length === 0) return { events: 0, done: 0, waiting: 0, retried: 0, dead: 0, keys: 0 };
  const t0 = performance.now();
  const phase: Record<string, number> = {};
  const mark = (name: string, since: number) => {
    phase[name] = Math.round(performance.now() - since);
    return performance.now();
  };
  const outcomes = new Map<QueuedEvent, Outcome>();
  const set = (q: QueuedEvent, o: Outcome) =>
    outcomes.set(q, worse(outcomes.get(q) ?? { kind: 'done', note: null }, o));

  // 1. Land, in the order received; a newer version already landed wins (out-of-order changes).
  //    The whole batch in a few statements; should that fail, event by event, so one bad event
  //    does not hold the others back.
  const ready: QueuedEvent[] = [];
  const landed = new Set<QueuedEvent>();
  try {
    await deps.lander.landAll(
      due.flatMap((q) => q.event.landings.map((landing) => ({ landing, eventId: q.event.eventId }))),
      now(),
    );
    for (const q of due) landed.add(q);
  } catch (error) {
    log.warn('batched landing failed; landing event by event', { error: errorMessage(error) });
  }
  for (const q of due) {
    try {
      if (!landed.has(q)) for (const l of q.event.landings) await deps.lander.land(l, q.event.eventId, now());
      const missing: string[] = [];
      for (const r of q.event.requires) if (!(await deps.lander.has(r))) missing.push(r.what);
      if (missing.length > 0) set(q, { kind: 'wait', reason: `waiting for ${missing.join(', ')}` });
      else ready.push(q);
    } catch (error) {
      set(q, { kind: 'retry', reason: `landing failed: ${errorMessage(error)}` });
    }
  }
  let t = mark('landMs', t0);
  // 2. The records each ready event affects, by flow.
  const keysOf = new Map<QueuedEvent, Set<string>>();
  const byFlow = new Map<string, Set<string>>();
  const recordsOf = new Map<string, Awaited<ReturnType<typeof readFlowRecords>>>();
  const ledgers = new Map<string, Map<string, LedgerEntry>>();
  const ledger = new Ledger(deps.warehouse, deps.schemas.raw);
  const ledgerOf = async (flow: string) => {
    let m = ledgers.get(flow);
    if (!m) {
      m = await ledger.forFlow(flow);
      ledgers.set(flow, m);
    }
    return m;
  };
  const records = async (flow: FlowDescriptor) => {
    let r = recordsOf.get(flow.name);
    if (!r) {
      r = await readFlowRecords(deps.warehouse, deps.relationOf(flow.model), flow);
      recordsOf.set(flow.name, r);
    }
    return r;
  };
  for (const q of ready) {
    const mine = new Set<string>();
    try {
      for (const a of q.event.affects) {
        const flow = flowByName(a.flow);
        if (!flow) throw new Error(`unknown flow ${a.flow}`);
        const keys = new Set(a.keys ?? []);
        const prefixes = [...(a.prefixes ?? [])];
        if (a.via) {
          for (const v of await deps.lander.values(a.via.table, a.via.column, a.via.value, a.via.select))
            prefixes.push(`${a.via.prefix}${v}${a.via.suffix}`);
        }
        if (prefixes.length > 0) {
          const starts = (k: string) => prefixes.some((p) => k.startsWith(p));
          for (const r of await records(flow)) if (starts(r.externalKey)) keys.add(r.externalKey);
          // Posted records that left the model are retired (journal entries are reversed).
          for (const e of (await ledgerOf(flow.name)).values())
            if (starts(e.externalKey)) keys.add(e.externalKey);
        }
        const forFlow = byFlow.get(flow.name) ?? new Set<string>();
        byFlow.set(flow.name, forFlow);
        for (const k of keys) {
          forFlow.add(k);
          mine.add(fk(flow.name, k));
        }
      }
      keysOf.set(q, mine);
    } catch (error) {
      set(q, { kind: 'retry', reason: `cannot find the records it affects: ${errorMessage(error)}` });
    }
  }

  // 3. Readiness: a record waits while another flow's record it needs (its invoice, its customer)
  //    is neither posted nor being posted in this batch. The flow's own validation says what it
  //    needs, through `resolve`.
  const flows = FLOWS.filter((f) => byFlow.has(f.name));
  const postedIndex = new Map<string, Map<string, LedgerEntry>>();
  const postedByKey = (flow: string, key: string): LedgerEntry | undefined => {
    let m = postedIndex.get(flow);
    if (!m) {
      m = new Map();
      for (const e of ledgers.get(flow)?.values() ?? []) if (e.status === 'posted') m.set(e.externalKey, e);
      postedIndex.set(flow, m);
    }
    return m.get(key);
  };
  const going = new Set<string>();
  const waitingFor = new Map<string, string[]>();
  for (const flow of flows) {
    const wanted = byFlow.get(flow.name)!;
    for (const dep of flow.dependsOn ?? []) await ledgerOf(dep);
    // Only flows whose validation needs another flow's record can wait; the others need no read.
    for (const record of flow.validate ? await records(flow) : []) {
      if (!wanted.has(record.externalKey)) continue;
      const missing: string[] = [];
      flow.validate?.(record, (f, k) => {
        const e = postedByKey(f, k);
        if (e) return e.intacctKey ?? '';
        if (going.has(fk(f, k))) return '(planned in this batch)';
        missing.push(`${f} ${k}`);
        return null;
      });
      if (missing.length > 0) waitingFor.set(fk(flow.name, record.externalKey), missing);
      else going.add(fk(flow.name, record.externalKey));
    }
    // Keys not in the model (retirements) go too: the plan decides.
    for (const k of wanted) if (!waitingFor.has(fk(flow.name, k))) going.add(fk(flow.name, k));
  }

  t = mark('affectedMs', t);
  // 4. One push for every ready record of the batch, through the engine.
  const onlyKeys = new Set<string>();
  for (const key of going) onlyKeys.add(key.split('\u0000')[1]!);
  const runId = `events-${now()
    .toISOString()
    .replace(/[-:.TZ]/g, '')}-${randomBytes(3).toString('hex')}`;
  let reportOk = true;
  const itemOf = new Map<string, { action: string; reasons: readonly string[] }>();
  const flowError = new Map<string, string>();
  if (onlyKeys.size > 0) {
    try {
      const report = await push({
        warehouse: deps.warehouse,
        client: deps.client,
        schemas: deps.schemas,
        relationOf: deps.relationOf,
        settings: deps.reverse,
        flows: flows.filter((f) => [...going].some((k) => k.startsWith(`${f.name}\u0000`))),
        dryRun: false,
        logger: deps.logger,
        runId,
        onlyKeys,
        ...(deps.referenceCache
          ? {
              reference: await deps.referenceCache.get(
                () => loadReferenceData(deps.warehouse, deps.schemas.raw, deps.reverse.closedThrough),
                now().getTime(),
              ),
            }
          : {}),
        ...(deps.signal ? { signal: deps.signal } : {}),
      });
      for (const i of report.items)
        itemOf.set(fk(i.flow, i.externalKey), { action: i.action, reasons: i.reasons });
      for (const f of report.flows) if (f.error) flowError.set(f.flow, f.error);
      reportOk = report.ok;
    } catch (error) {
      if (deps.signal?.aborted) throw error;
      for (const f of flows) flowError.set(f.name, errorMessage(error));
    }
  }

  t = mark('pushMs', t);
  // 5. What became of each event's records (the ledger is the truth of what was posted).
  const after = new Map<string, Map<string, LedgerEntry>>();
  for (const f of flows) after.set(f.name, await ledger.forFlow(f.name));
  const afterByKey = new Map<string, LedgerEntry>();
  for (const [flow, m] of after) for (const e of m.values()) afterByKey.set(fk(flow, e.externalKey), e);
  const entryOf = (flow: string, key: string) => afterByKey.get(fk(flow, key)) ?? null;
  for (const q of ready) {
    const mine = keysOf.get(q);
    if (!mine) continue;
    for (const k of mine) {
      const [flow, key] = k.split('\u0000') as [string, string];
      const waits = waitingFor.get(k);
      if (waits) {
        set(q, { kind: 'wait', reason: `waiting for ${waits.join(', ')} to be posted` });
        continue;
      }
      const err = flowError.get(flow);
      if (err) {
        set(q, { kind: 'retry', reason: `${flow}: ${err}` });
        continue;
      }
      const item = itemOf.get(k);
      if (!item) continue; // not in the model: nothing to post (e.g. an intent not yet paid)
      const e = entryOf(flow, key);
      if (item.action === 'rejected')
        set(q, { kind: 'dead', reason: `${flow} ${key} rejected: ${item.reasons.join('; ')}` });
      else if (item.action === 'hold' || item.action === 'declined')
        set(q, { kind: 'done', note: `${flow} ${key}: ${item.action} (${item.reasons.join('; ')})` });
      else if (item.action === 'unchanged') continue;
      else if (e?.status === 'posted' || (item.action === 'retire' && e?.status === 'reversed')) continue;
      else if (e?.status === 'rejected')
        set(q, {
          kind: 'dead',
          reason: `${flow} ${key} rejected by Intacct: ${(e.errors ?? []).join('; ')}`,
        });
      else
        set(q, { kind: 'retry', reason: `${flow} ${key} was not posted yet (a request failed); retrying` });
    }
  }

  // 6. Record each event's outcome.
  const at = now();
  let done = 0;
  let waiting = 0;
  let retried = 0;
  let dead = 0;
  const plainDone: NormalizedEvent[] = [];
  for (const q of due) {
    const o = outcomes.get(q) ?? { kind: 'done', note: null };
    if (o.kind === 'done') {
      if (o.note === null) plainDone.push(q.event);
      else await deps.queue.done(q.event, at, o.note);
      done++;
    } else if (o.kind === 'wait') {
      const waited = at.getTime() - q.receivedAt.getTime();
      if (waited > deps.settings.maxWaitMs) {
        await deps.queue.deadLetter(
          q.event,
          `gave up after ${Math.round(waited / 60000)} min ${o.reason}`,
          q.attempts,
          at,
        );
        dead++;
      } else {
        const delay = Math.min(60_000, deps.settings.retryBaseMs * 2 ** Math.min(q.attempts, 6));
        await deps.queue.wait(q.event, o.reason, new Date(at.getTime() + delay), at);
        waiting++;
      }
    } else if (o.kind === 'retry') {
      const attempts = q.attempts + 1;
      if (attempts >= deps.settings.maxAttempts) {
        await deps.queue.deadLetter(q.event, `${o.reason} (after ${attempts} attempts)`, attempts, at);
        dead++;
      } else {
        const delay = deps.settings.retryBaseMs * 2 ** (attempts - 1);
        await deps.queue.retryLater(q.event, o.reason, attempts, new Date(at.getTime() + delay), at);
        retried++;
      }
    } else {
      await deps.queue.deadLetter(q.event, o.reason, q.attempts, at);
      dead++;
    }
  }
  await deps.queue.doneAll(plainDone, at);
  mark('recordMs', t);
  // Something was posted: events waiting for it may go now.
  if (done > 0 && onlyKeys.size > 0) await deps.queue.wakeWaiting(at);
  log.info('event batch', {
    events: due.length,
    keys: onlyKeys.size,
    done,
    waiting,
    retried,
    dead,
    ok: reportOk,
    ...phase,
  });
  return { events: due.length, done, waiting, retried, dead, keys: onlyKeys.size };
}
