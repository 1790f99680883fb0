/**
 * One push: for each selected flow, in dependency order, read its model, plan against the ledger
 * and the Intacct lists, and (unless dry-run) apply. Flows are planned again right before they are
 * applied, so a flow sees the keys the flows before it just posted.
 */
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { ClassifiedError, errorMessage } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { IntacctClient } from '../intacct/client.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';
import { type ApplyCounts, applyFlow, type CrashPoint } from './apply.ts';
import { type ApprovalNotifier, approvalRequest } from './approvals.ts';
import type { BuildContext, FlowDescriptor } from './flow.ts';
import { Ledger, type LedgerEntry } from './ledger.ts';
import { formatPlan, type PlanItem, planFlow, summarize } from './plan.ts';
import type { RelationOf } from './model-relations.ts';
import { readFlowRecords } from './records.ts';
import { loadReferenceData, type ReferenceData } from './reference.ts';

export interface ReverseSettings {
  /** Functions per request. */
  readonly batchSize: number;
  /** Entity id → books closed through (ISO date). */
  readonly closedThrough: Readonly<Record<string, string>>;
  /** Bills above this amount need a Slack approval; null: no approvals. */
  readonly approvalThreshold: string | null;
}

export interface PushOptions {
  readonly warehouse: Warehouse;
  /** Not needed for a dry run. */
  readonly client?: IntacctClient;
  readonly schemas: { readonly raw: string; readonly analytics: string };
  /** The relation each reverse model was built as (see model-relations.ts). */
  readonly relationOf: RelationOf;
  readonly settings: ReverseSettings;
  readonly flows: readonly FlowDescriptor[];
  readonly dryRun: boolean;
  readonly logger: Logger;
  readonly runId?: string;
  /** Where the plan (JSON) is written, besides the warehouse. */
  readonly planFile?: string;
  readonly notifier?: ApprovalNotifier;
  readonly signal?: AbortSignal;
  /** Only these external keys (the approval server posts one approved bill). */
  readonly onlyKeys?: ReadonlySet<string>;
  readonly crash?: (point: CrashPoint) => void;
  /**
   * The lists validation reads, when the caller already has them (the events worker reuses them
   * across its batches for a short while); read from the warehouse when left out.
   */
  readonly reference?: ReferenceData;
}

export interface FlowReport {
  readonly flow: string;
  readonly planned: Record<string, number>;
  readonly applied: ApplyCounts | null;
  readonly error?: string;
}

export interface PushReport {
  readonly runId: string;
  readonly dryRun: boolean;
  readonly flows: readonly FlowReport[];
  readonly items: readonly PlanItem[];
  readonly planText: string;
  readonly approvalsRequested: number;
  readonly ok: boolean;
}

const PLANNED = '(planned in this push)';

export async function push(opts: PushOptions): Promise<PushReport> {
  const runId =
    opts.runId ??
    `push-${new Date().toISOString().replace(/[-:.TZ]/g, '')}-${randomBytes(3).toString('hex')}`;
  const ledger = new Ledger(opts.warehouse, opts.schemas.raw);
  const ref =
    opts.reference ??
    (await loadReferenceData(opts.warehouse, opts.schemas.raw, opts.settings.closedThrough));
  const ledgers = new Map<string, Map<string, LedgerEntry>>();
  const plannedCreates = new Set<string>();
  const ledgerOf = async (flow: string, fresh = false) => {
    let m = ledgers.get(flow);
    if (!m || fresh) {
      m = await ledger.forFlow(flow);
      ledgers.set(flow, m);
    }
    return m;
  };
  const makeResolve =
    (allowPlanned: boolean): BuildContext['resolve'] =>
    (flow, externalKey) => {
      for (const e of ledgers.get(flow)?.values() ?? []) {
        if (e.externalKey === externalKey && e.status === 'posted') return e.intacctKey ?? '';
      }
      if (allowPlanned && plannedCreates.has(`${flow}\u0000${externalKey}`)) return PLANNED;
      return null;
    };

  const reports: FlowReport[] = [];
  const allItems: PlanItem[] = [];
  let approvalsRequested = 0;
  let ok = true;
  for (const flow of opts.flows) {
    opts.signal?.throwIfAborted();
    try {
      for (const dep of flow.dependsOn ?? []) await ledgerOf(dep, true);
      const entries = await ledgerOf(flow.name, true);
      let records = await readFlowRecords(opts.warehouse, opts.relationOf(flow.model), flow);
      if (opts.onlyKeys) records = records.filter((r) => opts.onlyKeys!.has(r.externalKey));
      let items = planFlow(flow, records, entries, ref, makeResolve(opts.dryRun), {
        approvalThreshold: opts.settings.approvalThreshold,
      });
      if (opts.onlyKeys) items = items.filter((i) => opts.onlyKeys!.has(i.externalKey));
      for (const i of items)
        if (i.action === 'create') plannedCreates.add(`${flow.name}\u0000${i.externalKey}`);
      allItems.push(...items);
      await ledger.logPlan(
        runId,
        items.map((i) => ({
          flow: i.flow,
          entity: i.entity,
          externalKey: i.externalKey,
          action: i.action,
          payloadHash: i.payloadHash,
          reasons: i.reasons,
        })),
      );
      const planned = summarize(items)[0]?.counts ?? {};
      if (opts.dryRun) {
        reports.push({ flow: flow.name, planned: { ...planned }, applied: null });
        continue;
      }
      if (!opts.client) throw new ClassifiedError('push needs an Intacct client', { kind: 'terminal' });
      approvalsRequested += await recordRejectionsAndHolds(flow, items, ledger, runId, opts);
      const applied = await applyFlow(flow, items, {
        client: opts.client,
        ledger,
        runId,
        batchSize: opts.settings.batchSize,
        logger: opts.logger,
        resolve: makeResolve(false),
        ...(opts.signal ? { signal: opts.signal } : {}),
        ...(opts.crash ? { crash: opts.crash } : {}),
      });
      if (applied.failed > 0 || applied.rejected > 0) ok = false;
      reports.push({ flow: flow.name, planned: { ...planned }, applied });
    } catch (error) {
      if (opts.crash && error instanceof CrashSignal) throw error;
      ok = false;
      opts.logger.error('reverse flow failed', { flow: flow.name, error: errorMessage(error) });
      reports.push({ flow: flow.name, planned: {}, applied: null, error: errorMessage(error) });
      if (error instanceof ClassifiedError && error.kind === 'auth') break;
    }
  }
  if (allItems.some((i) => i.action === 'rejected')) ok = false;
  const planText = formatPlan(allItems);
  if (opts.planFile) {
    writeFileSync(
      opts.planFile,
      `${JSON.stringify(
        {
          runId,
          dryRun: opts.dryRun,
          flows: reports,
          items: allItems.map((i) => ({
            flow: i.flow,
            entity: i.entity,
            externalKey: i.externalKey,
            action: i.action,
            payloadHash: i.payloadHash,
            reasons: i.reasons,
          })),
        },
        null,
        2,
      )}\n`,
    );
  }
  return { runId, dryRun: opts.dryRun, flows: reports, items: allItems, planText, approvalsRequested, ok };
}

/** Thrown by tests' crash hooks; a push lets it through untouched (a kill is not a flow error). */
export class CrashSignal extends Error {
  constructor(readonly point: CrashPoint) {
    super(`simulated crash at ${point}`);
    this.name = 'CrashSignal';
  }
}

/** Validation rejections and approval holds go to the ledger before anything is sent. */
async function recordRejectionsAndHolds(
  flow: FlowDescriptor,
  items: readonly PlanItem[],
  ledger: Ledger,
  runId: string,
  opts: PushOptions,
): Promise<number> {
  let requested = 0;
  for (const i of items) {
    const e = i.ledger;
    if (i.action === 'rejected') {
      // A posted record keeps its posted state; the rejection of the change is in the plan log.
      if (e?.status === 'posted') continue;
      await ledger.put({
        flow: flow.name,
        entity: i.entity,
        externalKey: i.externalKey,
        status: 'rejected',
        intacctKey: null,
        intacctObject: flow.object,
        controlId: null,
        payloadHash: i.payloadHash,
        version: e?.version ?? 0,
        errors: i.reasons,
        approval: e?.approval ?? null,
        decidedBy: e?.decidedBy ?? null,
        runId,
        payload: null,
      });
    } else if (i.action === 'hold') {
      const alreadyAsked = e?.status === 'awaiting_approval' && e.payloadHash === i.payloadHash;
      if (alreadyAsked) continue;
      await ledger.put({
        flow: flow.name,
        entity: i.entity,
        externalKey: i.externalKey,
        status: 'awaiting_approval',
        intacctKey: null,
        intacctObject: flow.object,
        controlId: null,
        payloadHash: i.payloadHash,
        version: e?.version ?? 0,
        errors: null,
        approval: 'pending',
        decidedBy: null,
        runId,
        payload: null,
      });
      if (opts.notifier && i.record) {
        await opts.notifier.send(approvalRequest(flow, i.record, i.payloadHash));
        requested++;
      }
    }
  }
  return requested;
}
