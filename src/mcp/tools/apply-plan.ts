import { z } from 'zod';
import { applyDecision, applyPlan, applySubmission, findPlan } from '../writes/engine.ts';
import { FLOW_OF_TOOL, gatewayFlowNamed } from '../writes/index.ts';
import { defineTool } from './tool.ts';

/** Step two of a write: posts a plan through the engine, once, if that tool's writes are enabled. */
export const applyPlanTool = defineTool({
  name: 'apply_plan',
  title: 'Apply a write plan',
  description:
    'Applies a plan made by a write tool (create_journal_entry, create_vendor_bill, create_customer_invoice, create_purchase_order, update_customer, update_vendor, submit_approval, decide_approval) through the reverse-ETL engine. Refused unless the server enables writes for that tool and its entity is allowed. Idempotent: applying the same plan (or a plan with the same idempotencyKey) again posts nothing and answers already-posted (already-submitted, already-decided).',
  kind: 'apply',
  input: { planId: z.uuid('the planId a write tool returned') },
  async run(ctx, a) {
    if (!ctx.writes)
      throw new RangeError('writes are not available on this server (no Intacct configuration)');
    const plan = await findPlan(ctx.writes, a.planId);
    ctx.access.assertWrite(plan.tool);
    ctx.access.assertEntity(plan.entity);
    if (plan.tool === 'submit_approval' || plan.tool === 'decide_approval') {
      const flow = gatewayFlowNamed(plan.flow);
      if (!flow)
        throw new RangeError(`plan ${a.planId} is for flow ${plan.flow}, which this server cannot apply`);
      return plan.tool === 'submit_approval'
        ? applySubmission(ctx.writes, plan, flow)
        : applyDecision(ctx.writes, plan, flow);
    }
    const flow = FLOW_OF_TOOL[plan.tool];
    if (!flow) throw new RangeError(`plan ${a.planId} is for ${plan.tool}, which this server cannot apply`);
    return applyPlan(ctx.writes, plan, flow);
  },
});
