/**
 * Writes through the reverse-ETL engine, never around it. A plan stages the agent's record and runs
 * the engine's dry run on it (the validation of `push --dry-run`); the apply runs the engine's push
 * for that one external key, so the ledger makes it exactly once however often it is repeated.
 */
import { randomUUID } from 'node:crypto';
import type { JobConfig } from '../../config/schema.ts';
import type { Logger } from '../../core/logger.ts';
import type { IntacctClient } from '../../intacct/client.ts';
import type { FlowDescriptor } from '../../reverse/flow.ts';
import { push } from '../../reverse/push.ts';
import type { Warehouse } from '../../warehouse/warehouse.ts';
import { STAGED_COLUMNS } from '../../../migrations/0005-mcp-audit.ts';
import { AccessDenied } from '../access.ts';
import { Params, type SqlDialect, compileWhere } from '../sql.ts';

export interface WriteDeps {
  readonly config: JobConfig;
  readonly warehouse: Warehouse;
  readonly dialect: SqlDialect;
  readonly logger: Logger;
  /** The Intacct client, opened on the first apply. */
  readonly client: () => IntacctClient;
}

export type StagedColumn = (typeof STAGED_COLUMNS)[number];
export type StagedRow = Readonly<Partial<Record<StagedColumn, string | null>>>;

/** A gateway write flow: the engine's descriptor and the staged columns its model has. */
export interface GatewayFlow {
  readonly descriptor: FlowDescriptor;
  readonly columns: readonly StagedColumn[];
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

const table = (deps: WriteDeps, name: string) => `${deps.config.schemas.raw}.${name}`;

/** The staged rows of one plan as the flow's model: a relation the engine reads with SELECT *. */
function planRelation(deps: WriteDeps, flow: GatewayFlow, planId: string): string {
  if (!/^[0-9a-f-]{36}$/.test(planId)) throw new RangeError(`malformed plan id ${JSON.stringify(planId)}`);
  const columns = ['external_key', 'entity', ...flow.columns].join(', ');
  return `(select ${columns} from ${table(deps, '_elt_mcp_staged_rows')} where plan_id = '${planId}') as mcp_plan`;
}

function engineRun(deps: WriteDeps, flow: GatewayFlow, planId: string, key: string, dryRun: boolean) {
  const reverse = deps.config.reverse;
  return push({
    warehouse: deps.warehouse,
    ...(dryRun ? {} : { client: deps.client() }),
    schemas: deps.config.schemas,
    relationOf: () => planRelation(deps, flow, planId),
    settings: { batchSize: reverse.batchSize, closedThrough: reverse.closedThrough, approvalThreshold: null },
    flows: [flow.descriptor],
    dryRun,
    logger: deps.logger,
    onlyKeys: new Set([key]),
  });
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
    const values = STAGED_COLUMNS.map((c) =>
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
      `insert into ${table(deps, '_elt_mcp_staged_rows')} (${STAGED_COLUMNS.join(', ')}) values (${values.join(', ')})`,
      p.values,
    );
  }
  const report = await engineRun(deps, request.flow, planId, request.key, true);
  const failed = report.flows.find((f) => f.error)?.error;
  const item = report.items.find((i) => i.externalKey === request.key);
  const action = failed ? 'rejected' : (item?.action ?? 'rejected');
  const reasons = failed ? [failed] : [...(item?.reasons ?? [])];
  const p = new Params(deps.dialect);
  const values = [
    planId,
    request.tool,
    request.flow.descriptor.name,
    request.entity,
    request.key,
    action,
    JSON.stringify(reasons),
    new Date().toISOString(),
  ].map((v) => p.add(v));
  await deps.warehouse.query(
    `insert into ${table(deps, '_elt_mcp_plans')} (plan_id, tool, flow, entity, external_key, action, reasons, created_at) values (${values.join(', ')})`,
    p.values,
  );
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
}

export async function findPlan(deps: WriteDeps, planId: string): Promise<StoredPlan> {
  const p = new Params(deps.dialect);
  const [plan] = await deps.warehouse.query<StoredPlan>(
    `select plan_id, tool, flow, entity, external_key from ${table(deps, '_elt_mcp_plans')}${compileWhere([{ column: 'plan_id', op: '=', value: planId }], p)}`,
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
      item.action === 'correct'
        ? 'this idempotency key was already posted with other content; use a new key for a new entry'
        : 'fix the input and create a new plan',
    );
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
