import { z } from 'zod';
import { FLOW_OF_TOOL } from '../writes/index.ts';
import { planWrite } from '../writes/engine.ts';
import { sumCents } from './create-vendor-bill.ts';
import {
  amountArg,
  dateArg,
  defineTool,
  derivedKey,
  idArg,
  keyArg,
  plannedEntityArg,
  writeContext,
} from './tool.ts';

const line = z
  .object({
    account: idArg('GL revenue account number'),
    amount: amountArg,
    memo: z.string().max(200).optional(),
    department: idArg('Department').optional(),
    location: idArg('Location').optional(),
    project: idArg('Project').optional(),
    class: idArg('Class').optional(),
  })
  .strict();

/** Step one of a customer invoice: validated by the reverse-ETL engine and staged, nothing sent. */
export const createCustomerInvoiceTool = defineTool({
  name: 'create_customer_invoice',
  title: 'Plan a customer invoice',
  description:
    'Plans an AR invoice (create_invoice) in one entity through the reverse-ETL engine: customer and dimensions active in the entity, GL accounts, open period, currency, a due date or a term. Nothing is sent: call apply_plan with the planId (only if the server enables writes for create_customer_invoice). The idempotencyKey is the invoice number; the same key never posts twice.',
  kind: 'plan',
  input: {
    entity: plannedEntityArg,
    customerId: idArg('Customer'),
    invoiceDate: dateArg.describe('Invoice date (YYYY-MM-DD).'),
    dueDate: dateArg.optional().describe('Due date (YYYY-MM-DD); give this or termName.'),
    termName: z.string().min(1).max(40).optional().describe('Payment term, e.g. N30; give this or dueDate.'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO currency code such as USD')
      .optional(),
    poNumber: idArg("Customer's purchase order number").optional(),
    description: z.string().max(200).optional(),
    lines: z.array(line).min(1).max(200),
    idempotencyKey: keyArg,
  },
  async run(ctx, a) {
    const writes = writeContext(ctx, a.entity);
    if (!a.dueDate && !a.termName) throw new RangeError('give dueDate or termName: an invoice needs one');
    const { idempotencyKey, ...content } = a;
    const total = sumCents(a.lines.map((l) => l.amount));
    return planWrite(writes, {
      tool: 'create_customer_invoice',
      flow: FLOW_OF_TOOL.create_customer_invoice!,
      entity: a.entity,
      key: idempotencyKey ?? derivedKey(content),
      applyEnabled: ctx.access.writes.has('create_customer_invoice'),
      rows: a.lines.map((l, i) => ({
        customer_id: a.customerId,
        invoice_date: a.invoiceDate,
        due_date: a.dueDate ?? null,
        term_name: a.termName ?? null,
        po_number: a.poNumber ?? null,
        description: a.description ?? null,
        currency: a.currency ?? null,
        total,
        line_no: String(i + 1),
        line_account: l.account,
        line_amount: l.amount,
        line_memo: l.memo ?? null,
        line_department: l.department ?? null,
        line_location: l.location ?? null,
        line_project: l.project ?? null,
        line_class: l.class ?? null,
      })),
    });
  },
});
