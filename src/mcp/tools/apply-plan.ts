import { z } from 'zod';
import { agentBill } from '../writes/agent-bill-flow.ts';
import { agentJournal } from '../writes/agent-journal-flow.ts';
import { applyPlan, findPlan } from '../writes/engine.ts';
import { defineTool } from './tool.ts';

/** The write tools' flows, by tool name. */
const FLOW_OF_TOOL = { create_journal_entry: agentJournal, create_vendor_bill: agentBill } as const;

/** Step two of a write: posts a plan through the engine, once, if that tool's writes are enabled. */
export const applyPlanTool = defineTool({
  name: 'apply_plan',
  title: 'Apply a write plan',
  description:
    'Posts a plan made by a write tool (create_journal_entry, create_vendor_bill) through the reverse-ETL engine. Refused unless the server enables writes for that tool and its entity is allowed. Idempotent: applying the same plan (or a plan with the same idempotencyKey) again posts nothing and answers already-posted.',
  kind: 'apply',
  input: { planId: z.uuid('the planId a write tool returned') },
  async run(ctx, a) {
    if (!ctx.writes)
      throw new RangeError('writes are not available on this server (no Intacct configuration)');
    const plan = await findPlan(ctx.writes, a.planId);
    ctx.access.assertWrite(plan.tool);
    ctx.access.assertEntity(plan.entity);
    const flow = FLOW_OF_TOOL[plan.tool as keyof typeof FLOW_OF_TOOL];
    if (!flow) throw new RangeError(`plan ${a.planId} is for ${plan.tool}, which this server cannot apply`);
    return applyPlan(ctx.writes, plan, flow);
  },
});
