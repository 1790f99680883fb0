import { z } from 'zod';
import { multiply, sum } from '../../core/decimal.ts';
import { FLOW_OF_TOOL } from '../writes/index.ts';
import { planWrite } from '../writes/engine.ts';
import { dateArg, defineTool, derivedKey, idArg, keyArg, plannedEntityArg, writeContext } from './tool.ts';

const decimalArg = (what: string) =>
  z
    .string()
    .regex(/^\d{1,12}(\.\d{1,4})?$/, `a positive decimal string with at most 4 decimals, e.g. "12.5"`)
    .describe(`${what} as a decimal string (never a number).`);

const line = z
  .object({
    item: idArg('Item'),
    quantity: decimalArg('Quantity'),
    price: decimalArg('Unit price'),
    memo: z.string().max(200).optional(),
    location: idArg('Location').describe('Location id (required by Intacct in a multi-entity company).'),
    department: idArg('Department').optional(),
    project: idArg('Project').optional(),
    class: idArg('Class').optional(),
  })
  .strict();

/** Step one of a purchase order: validated by the reverse-ETL engine and staged, nothing sent. */
export const createPurchaseOrderTool = defineTool({
  name: 'create_purchase_order',
  title: 'Plan a purchase order',
  description:
    'Plans a purchasing transaction (create_potransaction, default type "Purchase Order") in one entity through the reverse-ETL engine: vendor and dimensions active in the entity, currency, a due date or a term. Nothing is sent: call apply_plan with the planId (only if the server enables writes for create_purchase_order). The idempotencyKey is the document number; the same key never posts twice. Can be submitted for approval first (submit_approval).',
  kind: 'plan',
  input: {
    entity: plannedEntityArg,
    vendorId: idArg('Vendor'),
    transactionType: z
      .string()
      .min(1)
      .max(60)
      .default('Purchase Order')
      .describe('Purchasing transaction definition (default "Purchase Order").'),
    date: dateArg.describe('Transaction date (YYYY-MM-DD).'),
    dueDate: dateArg.optional().describe('Due date (YYYY-MM-DD); give this or termName.'),
    termName: z.string().min(1).max(40).optional().describe('Payment term, e.g. N30; give this or dueDate.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO currency code such as USD')
      .optional(),
    message: z.string().max(200).optional().describe('Message printed on the order.'),
    lines: z.array(line).min(1).max(200),
    idempotencyKey: keyArg,
  },
  async run(ctx, a) {
    const writes = writeContext(ctx, a.entity);
    if (!a.dueDate && !a.termName)
      throw new RangeError('give dueDate or termName: a purchase order needs one');
    const { idempotencyKey, ...content } = a;
    const total = sum(a.lines.map((l) => multiply(l.quantity, l.price, 2)));
    return planWrite(writes, {
      tool: 'create_purchase_order',
      flow: FLOW_OF_TOOL.create_purchase_order!,
      entity: a.entity,
      key: idempotencyKey ?? derivedKey(content),
      applyEnabled: ctx.access.writes.has('create_purchase_order'),
      rows: a.lines.map((l, i) => ({
        transaction_type: a.transactionType,
        vendor_id: a.vendorId,
        order_date: a.date,
        due_date: a.dueDate ?? null,
        term_name: a.termName ?? null,
        description: a.message ?? null,
        currency: a.currency ?? null,
        total,
        line_no: String(i + 1),
        line_item: l.item,
        line_quantity: l.quantity,
        line_price: l.price,
        line_memo: l.memo ?? null,
        line_location: l.location,
        line_department: l.department ?? null,
        line_project: l.project ?? null,
        line_class: l.class ?? null,
      })),
    });
  },
});
