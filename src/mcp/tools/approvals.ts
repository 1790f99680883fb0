import { z } from 'zod';
import { findPlan, planDecision, planSubmission, type StoredPlan, type WriteDeps } from '../writes/engine.ts';
import { FLOW_OF_TOOL } from '../writes/index.ts';
import { defineTool, type ToolContext } from './tool.ts';

/** The write plan an approval tool is about, within the allow-list. */
async function writePlan(
  ctx: ToolContext,
  planId: string,
): Promise<{ writes: WriteDeps; source: StoredPlan }> {
  if (!ctx.writes) throw new RangeError('writes are not available on this server (no Intacct configuration)');
  const source = await findPlan(ctx.writes, planId);
  ctx.access.assertEntity(source.entity);
  if (!FLOW_OF_TOOL[source.tool])
    throw new RangeError(`plan ${planId} is a ${source.tool} plan; give the planId of a write tool's plan`);
  return { writes: ctx.writes, source };
}

/*
 * These approvals happen before a record reaches Intacct, in the reverse ledger, as the engine's
 * Slack approvals do (src/reverse/approvals.ts); no Intacct function is sent for them. Intacct does
 * document approving a purchasing transaction already in Intacct (`<approve><PODOCUMENT><DOCID/>
 * <COMMENT/>` and `<decline>`: developer.intacct.com/api/purchasing/purchasing-transactions/,
 * Intacct/intacct-sdk-js test/Functions/Purchasing/PurchasingTransactionApproveTest.ts); the gateway
 * does not use it, since what it creates is approved before it is sent.
 */

/**
 * Step one of an approval request: the reverse-ETL engine plans the write as held for approval (its
 * validation, and any positive amount held). Applying it holds the record in the ledger (and posts
 * the request to Slack when configured); the write itself then posts only once approved.
 */
export const submitApprovalTool = defineTool({
  name: 'submit_approval',
  title: 'Plan an approval request',
  description:
    'Plans submitting a planned vendor bill or purchase order (its planId) for approval before it posts, through the reverse-ETL engine. Nothing is written: call apply_plan with the new planId (only if the server enables writes for submit_approval); the record then waits in the ledger (and Slack, when configured) and apply_plan of the write is refused until decide_approval approves it.',
  kind: 'plan',
  input: { planId: z.uuid('the planId of create_vendor_bill or create_purchase_order') },
  async run(ctx, a) {
    const { writes, source } = await writePlan(ctx, a.planId);
    return planSubmission(
      writes,
      source,
      FLOW_OF_TOOL[source.tool]!,
      ctx.access.writes.has('submit_approval'),
    );
  },
});

/** Step one of a decision: the record must be waiting, unchanged since it was submitted. */
export const decideApprovalTool = defineTool({
  name: 'decide_approval',
  title: 'Plan an approval decision',
  description:
    'Plans approving or declining a write that waits for approval (the planId of its write plan), as the approvals of the reverse-ETL engine record it (decision and approver in the ledger). Nothing is written: call apply_plan with the new planId (only if the server enables writes for decide_approval). After an approval, apply_plan of the write posts it; a declined write never posts.',
  kind: 'plan',
  input: {
    planId: z.uuid('the planId of the write that was submitted for approval'),
    decision: z.enum(['approve', 'decline']),
    approver: z
      .string()
      .min(1)
      .max(100)
      .describe(
        'Who decides (recorded in the ledger as decided_by), e.g. the finance manager the agent acts for.',
      ),
  },
  async run(ctx, a) {
    const { writes, source } = await writePlan(ctx, a.planId);
    return planDecision(
      writes,
      source,
      FLOW_OF_TOOL[source.tool]!,
      { decision: a.decision, approver: a.approver },
      ctx.access.writes.has('decide_approval'),
    );
  },
});
