/**
 * Writes through the reverse-ETL engine, never around it. A plan stages the agent's record and runs
 * the engine's dry run on it (the validation of `push --dry-run`); the apply runs the engine's push
 * for that one external key, so the ledger makes it exactly once however often it is repeated.
 * Approvals use the engine's too: a submission is a push that holds the record (any positive
 * amount held; Slack asked when configured), a decision is the engine's recordDecision, and a held
 * record posts only once approved, exactly as approved.
 */
import { randomUUID } from 'node:crypto';
import type { JobConfig } from '../../config/schema.ts';
import type { Logger } from '../../core/logger.ts';
import type { IntacctClient } from '../../intacct/client.ts';
import { type ApprovalNotifier, recordDecision } from '../../reverse/approvals.ts';
import type { FlowDescriptor } from '../../reverse/flow.ts';
import { Ledger, type LedgerEntry } from '../../reverse/ledger.ts';
import { push } from '../../reverse/push.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { STAGED_COLUMNS } from '../../../migrations/0005-mcp-audit.ts';
import { MORE_STAGED_COLUMNS } from '../../../migrations/0007-mcp-writes.ts';
import { AccessDenied } from '../access.ts';
import { Params, type SqlDialect, compileWhere } from '../sql.ts';

export interface WriteDeps {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly dialect: SqlDialect;
  readonly logger: Logger;
  /** The Intacct client, opened on the first apply. */
  readonly client: () => IntacctClient;
  /** Where approval requests go (Slack, when configured); none: the ledger alone holds them. */
  readonly notifier?: ApprovalNotifier | undefined;
}

/** Every staged column: those of 0005 and those 0007 added. */
export const ALL_STAGED_COLUMNS = [...STAGED_COLUMNS, ...MORE_STAGED_COLUMNS] as const;
export type StagedColumn = (typeof ALL_STAGED_COLUMNS)[number];
export type StagedRow = Readonly<Partial<Record<StagedColumn, string | null>>>;

/** A gateway write flow: the engine's descriptor and the staged columns its model has. */
export interface GatewayFlow {
  readonly descriptor: FlowDescriptor;
  readonly columns: readonly StagedColumn[];
  /** The header column holding the amount an approval is asked for; absent: never submitted. */
  readonly approvalAmount?: StagedColumn;
}

export interface PlanAnswer {
  readonly planId: string;
  readonly tool: string;
  readonly entity: string;
  readonly idempotencyKey: string;
  /** The engine's action: create, unchanged (already posted), rejected (with reasons), correct, … */
  readonly action: string;
  readonly reasons: readonly string[];
  readonly applyEnabled: boolean;
}

/** A plan's details beside its row (approvals: the plan they refer to, the decision, the approver). */
export interface PlanDetail {
  readonly sourcePlanId?: string;
  readonly decision?: 'approved' | 'declined';
  readonly approver?: string;
  readonly payloadHash?: string;
}

const table = (deps: WriteDeps, name: string) => `${deps.config.schemas.raw}.${name}`;

/** The staged rows of one plan as the flow's model: a relation the engine reads with SELECT *. */
function planRelation(deps: WriteDeps, flow: GatewayFlow, planId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(planId)) throw new RangeError(`malformed plan id ${JSON.stringify(planId)}`);
  const columns = ['external_key', 'entity', ...flow.columns].join(', ');
  return `(select ${columns} from ${table(deps, '_elt_mcp_staged_rows')} where plan_id = '${planId}') as mcp_plan`;
}

/**
 * One engine run over a plan's staged rows, for its one key. `approval`: plan as a submission for
 * approval (the flow's approval amount, any positive amount held); otherwise no threshold applies.
 */
function engineRun(
  deps: WriteDeps,
  flow: GatewayFlow,
  planId: string,
  key: string,
  dryRun: boolean,
  approval = false,
) {
  const reverse = deps.config.reverse;
  const descriptor =
    approval && flow.approvalAmount
      ? { ...flow.descriptor, approvalAmount: flow.approvalAmount }
      : flow.descriptor;
  return push({
    warehouse: deps.warehouse,
    ...(dryRun ? {} : { client: deps.client() }),
    schemas: deps.config.schemas,
    relationOf: () => planRelation(deps, flow, planId),
    settings: {
      batchSize: reverse.batchSize,
      closedThrough: reverse.closedThrough,
      approvalThreshold: approval ? '0' : null,
    },
    flows: [descriptor],
    dryRun,
    logger: deps.logger,
    onlyKeys: new Set([key]),
    ...(approval && !dryRun && deps.notifier ? { notifier: deps.notifier } : {}),
  });
}

async function storePlan(
  deps: WriteDeps,
  row: {
    planId: string;
    tool: string;
    flow: string;
    entity: string;
    key: string;
    action: string;
    reasons: readonly string[];
    detail?: PlanDetail | undefined;
  },
): Promise<void> {
  const p = new Params(deps.dialect);
  const values = [
    row.planId,
    row.tool,
    row.flow,
    row.entity,
    row.key,
    row.action,
    JSON.stringify(row.reasons),
    new Date().toISOString(),
    row.detail === undefined ? null : JSON.stringify(row.detail),
  ].map((v) => p.add(v));
  await deps.warehouse.query(
    `insert into ${table(deps, '_elt_mcp_plans')} (plan_id, tool, flow, entity, external_key, action, reasons, created_at, detail) values (${values.join(', ')})`,
    p.values,
  );
}

export async function planWrite(
  deps: WriteDeps,
  request: {
    tool: string;
    flow: GatewayFlow;
    entity: string;
    key: string;
    rows: readonly StagedRow[];
    applyEnabled: boolean;
  },
): Promise<PlanAnswer> {
  const planId = randomUUID();
  for (const row of request.rows) {
    const p = new Params(deps.dialect);
    const values = ALL_STAGED_COLUMNS.map((c) =>
      p.add(
        c === 'plan_id'
          ? planId
          : c === 'external_key'
            ? request.key
            : c === 'entity'
              ? request.entity
              : (row[c] ?? null),
      ),
    );
    await deps.warehouse.query(
      `insert into ${table(deps, '_elt_mcp_staged_rows')} (${ALL_STAGED_COLUMNS.join(', ')}) values (${values.join(', ')})`,
      p.values,
    );
  }
  const report = await engineRun(deps, request.flow, planId, request.key, true);
  const failed = report.flows.find((f) => f.error)?.error;
  const item = report.items.find((i) => i.externalKey === request.key);
  const action = failed ? 'rejected' : (item?.action ?? 'rejected');
  const reasons = failed ? [failed] : [...(item?.reasons ?? [])];
  await storePlan(deps, {
    planId,
    tool: request.tool,
    flow: request.flow.descriptor.name,
    entity: request.entity,
    key: request.key,
    action,
    reasons,
  });
  return {
    planId,
    tool: request.tool,
    entity: request.entity,
    idempotencyKey: request.key,
    action,
    reasons,
    applyEnabled: request.applyEnabled,
  };
}

export interface StoredPlan {
  readonly plan_id: string;
  readonly tool: string;
  readonly flow: string;
  readonly entity: string;
  readonly external_key: string;
  readonly detail: string | null;
}

export async function findPlan(deps: WriteDeps, planId: string): Promise<StoredPlan> {
  const p = new Params(deps.dialect);
  const [plan] = await deps.warehouse.query<StoredPlan>(
    `select plan_id, tool, flow, entity, external_key, detail from ${table(deps, '_elt_mcp_plans')}${compileWhere([{ column: 'plan_id', op: '=', value: planId }], p)}`,
    p.values,
  );
  if (!plan)
    throw new RangeError(`no plan with id ${JSON.stringify(planId)}; create one with the write tool first`);
  return plan;
}

export interface ApplyAnswer {
  readonly planId: string;
  readonly idempotencyKey: string;
  /** posted: sent now; already-posted: an earlier apply (or push) posted it, nothing sent. */
  readonly outcome: 'posted' | 'already-posted';
  readonly intacctKey: string | null;
}

/** Applies a plan: re-plans (the books may have moved), then posts only a create; the ledger says the rest. */
export async function applyPlan(deps: WriteDeps, plan: StoredPlan, flow: GatewayFlow): Promise<ApplyAnswer> {
  const check = await engineRun(deps, flow, plan.plan_id, plan.external_key, true);
  const item = check.items.find((i) => i.externalKey === plan.external_key);
  const error = check.flows.find((f) => f.error)?.error;
  if (error || !item)
    throw new AccessDenied(
      `plan ${plan.plan_id} cannot be applied: ${error ?? 'the engine planned nothing'}`,
      'create a new plan',
    );
  const ledgerKey = async () => {
    const p = new Params(deps.dialect);
    const where = compileWhere(
      [
        { column: 'flow', op: '=', value: flow.descriptor.name },
        { column: 'entity', op: '=', value: plan.entity },
        { column: 'external_key', op: '=', value: plan.external_key },
        { column: 'status', op: '=', value: 'posted' },
      ],
      p,
    );
    const [row] = await deps.warehouse.query<{ intacct_key: string | null }>(
      `select intacct_key from ${table(deps, '_elt_reverse_ledger')}${where}`,
      p.values,
    );
    return row?.intacct_key ?? null;
  };
  if (item.action === 'unchanged') {
    return {
      planId: plan.plan_id,
      idempotencyKey: plan.external_key,
      outcome: 'already-posted',
      intacctKey: await ledgerKey(),
    };
  }
  if (item.action !== 'create') {
    throw new AccessDenied(
      `plan ${plan.plan_id} is now "${item.action}"${item.reasons.length ? `: ${item.reasons.join('; ')}` : ''}; the gateway only posts new records`,
      item.action === 'correct' || item.action === 'update'
        ? 'this idempotency key was already posted with other content; use a new key for a new entry'
        : 'fix the input and create a new plan',
    );
  }
  // A record submitted for approval posts only once approved, and only as approved.
  const held = await ledgerOf(deps).get(flow.descriptor.name, plan.entity, plan.external_key);
  if (held?.status === 'awaiting_approval') {
    if (held.approval !== 'approved') {
      throw new AccessDenied(
        `plan ${plan.plan_id} is waiting for an approval (submitted with submit_approval)`,
        'decide it with decide_approval, then apply this plan again',
      );
    }
    if (held.payloadHash !== item.payloadHash) {
      throw new AccessDenied(
        `plan ${plan.plan_id} differs from the record that was approved`,
        'apply the plan that was approved, or submit this one for approval',
      );
    }
  }
  const report = await engineRun(deps, flow, plan.plan_id, plan.external_key, false);
  const applied = report.flows[0]?.applied;
  const failure = report.flows.find((f) => f.error)?.error;
  if (failure || !applied || applied.posted + applied.recovered !== 1) {
    throw new AccessDenied(
      `plan ${plan.plan_id} was not posted: ${failure ?? `posted ${applied?.posted ?? 0}, rejected ${applied?.rejected ?? 0}, failed ${applied?.failed ?? 0}`}`,
      'see the reverse ledger (_elt_reverse_ledger) for the reason; apply again once it is fixed',
    );
  }
  return {
    planId: plan.plan_id,
    idempotencyKey: plan.external_key,
    outcome: 'posted',
    intacctKey: await ledgerKey(),
  };
}

const ledgerOf = (deps: WriteDeps) => new Ledger(deps.warehouse, deps.config.schemas.raw);

function detailOf(plan: StoredPlan): PlanDetail {
  try {
    return plan.detail ? (JSON.parse(plan.detail) as PlanDetail) : {};
  } catch {
    return {};
  }
}

/** The write plan an approval plan refers to. */
export async function sourcePlanOf(deps: WriteDeps, plan: StoredPlan): Promise<StoredPlan> {
  const id = detailOf(plan).sourcePlanId;
  if (!id) throw new RangeError(`plan ${plan.plan_id} does not refer to a write plan`);
  return findPlan(deps, id);
}

/** The engine's view of a write plan now: its plan item (validated) and its ledger row. */
async function current(
  deps: WriteDeps,
  source: StoredPlan,
  flow: GatewayFlow,
  approval: boolean,
): Promise<{
  action: string;
  reasons: readonly string[];
  payloadHash: string | null;
  entry: LedgerEntry | null;
}> {
  const report = await engineRun(deps, flow, source.plan_id, source.external_key, true, approval);
  const error = report.flows.find((f) => f.error)?.error;
  const item = report.items.find((i) => i.externalKey === source.external_key);
  const entry = await ledgerOf(deps).get(flow.descriptor.name, source.entity, source.external_key);
  if (error || !item)
    return { action: 'rejected', reasons: [error ?? 'the engine planned nothing'], payloadHash: null, entry };
  return { action: item.action, reasons: item.reasons, payloadHash: item.payloadHash, entry };
}

/**
 * Step one of submit_approval: the engine plans the write as held for approval (the same
 * validation as push --dry-run, with any positive amount held). Nothing is written.
 */
export async function planSubmission(
  deps: WriteDeps,
  source: StoredPlan,
  flow: GatewayFlow,
  applyEnabled: boolean,
): Promise<PlanAnswer> {
  if (!flow.approvalAmount) {
    throw new RangeError(
      `plans of ${source.tool} cannot be submitted for approval; vendor bills and purchase orders can`,
    );
  }
  const now = await current(deps, source, flow, true);
  let action = 'rejected';
  let reasons = [...now.reasons];
  if (now.action === 'hold') {
    const asked = now.entry?.status === 'awaiting_approval' && now.entry.payloadHash === now.payloadHash;
    action = asked ? 'unchanged' : 'submit';
    reasons = asked ? [`already submitted; approval ${now.entry?.approval ?? 'pending'}`] : [];
  } else if (now.action !== 'rejected') {
    reasons = [
      `the ${source.tool} plan is "${now.action}"; only a record not yet posted can be submitted`,
      ...reasons,
    ];
  }
  const planId = randomUUID();
  await storePlan(deps, {
    planId,
    tool: 'submit_approval',
    flow: flow.descriptor.name,
    entity: source.entity,
    key: source.external_key,
    action,
    reasons,
    detail: { sourcePlanId: source.plan_id },
  });
  return {
    planId,
    tool: 'submit_approval',
    entity: source.entity,
    idempotencyKey: source.external_key,
    action,
    reasons,
    applyEnabled,
  };
}

export interface ApprovalAnswer {
  readonly planId: string;
  readonly writePlanId: string;
  readonly idempotencyKey: string;
  readonly outcome: 'submitted' | 'already-submitted' | 'decided' | 'already-decided';
  readonly approval: string | null;
  readonly decidedBy: string | null;
  /** Whether an approval request went to Slack now. */
  readonly notified?: boolean;
}

/** Applies a submission: the engine's push holds the record in the ledger (and asks Slack, if set). */
export async function applySubmission(
  deps: WriteDeps,
  plan: StoredPlan,
  flow: GatewayFlow,
): Promise<ApprovalAnswer> {
  const source = await sourcePlanOf(deps, plan);
  const now = await current(deps, source, flow, true);
  const answer = (
    outcome: ApprovalAnswer['outcome'],
    e: LedgerEntry | null,
    notified: boolean,
  ): ApprovalAnswer => ({
    planId: plan.plan_id,
    writePlanId: source.plan_id,
    idempotencyKey: source.external_key,
    outcome,
    approval: e?.approval ?? null,
    decidedBy: e?.decidedBy ?? null,
    notified,
  });
  if (now.action !== 'hold') {
    throw new AccessDenied(
      `plan ${plan.plan_id} cannot be submitted: the write is now "${now.action}"${now.reasons.length ? `: ${now.reasons.join('; ')}` : ''}`,
      'fix the input, create a new write plan and submit that',
    );
  }
  if (now.entry?.status === 'awaiting_approval' && now.entry.payloadHash === now.payloadHash) {
    return answer('already-submitted', now.entry, false);
  }
  const report = await engineRun(deps, flow, source.plan_id, source.external_key, false, true);
  const failure = report.flows.find((f) => f.error)?.error;
  const entry = await ledgerOf(deps).get(flow.descriptor.name, source.entity, source.external_key);
  if (failure || entry?.status !== 'awaiting_approval') {
    throw new AccessDenied(
      `plan ${plan.plan_id} was not submitted: ${failure ?? `the ledger says ${entry?.status ?? 'nothing'}`}`,
      'see the reverse ledger (_elt_reverse_ledger) and try again',
    );
  }
  return answer('submitted', entry, report.approvalsRequested > 0);
}

const DECIDED = { approve: 'approved', decline: 'declined' } as const;

/** Step one of decide_approval: the record must be waiting, and unchanged since it was submitted. */
export async function planDecision(
  deps: WriteDeps,
  source: StoredPlan,
  flow: GatewayFlow,
  request: { decision: 'approve' | 'decline'; approver: string },
  applyEnabled: boolean,
): Promise<PlanAnswer> {
  const decision = DECIDED[request.decision];
  const now = await current(deps, source, flow, false);
  const e = now.entry;
  let action = 'decide';
  const reasons: string[] = [];
  if (e?.approval === decision && (e.status === 'awaiting_approval' || e.status === 'declined')) {
    action = 'unchanged';
    reasons.push(`already ${decision} by ${e.decidedBy ?? 'an approver'}`);
  } else if (e?.status !== 'awaiting_approval') {
    action = 'rejected';
    reasons.push(
      `${source.external_key} is not waiting for an approval (${e?.status ?? 'never submitted'}); submit its plan with submit_approval first`,
    );
  } else if (now.payloadHash !== e.payloadHash) {
    action = 'rejected';
    reasons.push(`plan ${source.plan_id} differs from the record that was submitted; submit it again`);
  }
  const planId = randomUUID();
  await storePlan(deps, {
    planId,
    tool: 'decide_approval',
    flow: flow.descriptor.name,
    entity: source.entity,
    key: source.external_key,
    action,
    reasons,
    detail: {
      sourcePlanId: source.plan_id,
      decision,
      approver: request.approver,
      payloadHash: e?.payloadHash ?? '',
    },
  });
  return {
    planId,
    tool: 'decide_approval',
    entity: source.entity,
    idempotencyKey: source.external_key,
    action,
    reasons,
    applyEnabled,
  };
}

/** Applies a decision through the engine's approvals (the ledger records it and who made it). */
export async function applyDecision(
  deps: WriteDeps,
  plan: StoredPlan,
  flow: GatewayFlow,
): Promise<ApprovalAnswer> {
  const detail = detailOf(plan);
  const source = await sourcePlanOf(deps, plan);
  if (!detail.decision || !detail.approver || !detail.payloadHash)
    throw new RangeError(`plan ${plan.plan_id} carries no decision`);
  const ledger = ledgerOf(deps);
  const e = await ledger.get(flow.descriptor.name, source.entity, source.external_key);
  const answer = (outcome: ApprovalAnswer['outcome'], row: LedgerEntry | null): ApprovalAnswer => ({
    planId: plan.plan_id,
    writePlanId: source.plan_id,
    idempotencyKey: source.external_key,
    outcome,
    approval: row?.approval ?? null,
    decidedBy: row?.decidedBy ?? null,
  });
  if (
    e?.approval === detail.decision &&
    e.payloadHash === detail.payloadHash &&
    e.decidedBy === detail.approver
  ) {
    return answer('already-decided', e);
  }
  const result = await recordDecision(ledger, {
    flow: flow.descriptor.name,
    entity: source.entity,
    externalKey: source.external_key,
    payloadHash: detail.payloadHash,
    decision: detail.decision,
    user: detail.approver,
  });
  if (!result.ok)
    throw new AccessDenied(
      `plan ${plan.plan_id} cannot be applied: ${result.message}`,
      'create a new decision plan',
    );
  return answer('decided', await ledger.get(flow.descriptor.name, source.entity, source.external_key));
}
