import { createHash } from 'node:crypto';
import { z } from 'zod';
import { agentBill } from '../writes/agent-bill-flow.ts';
import { planWrite } from '../writes/engine.ts';
import { amountArg, dateArg, defineTool, idArg, keyArg, plannedEntityArg } from './tool.ts';

const line = z
  .object({
    account: idArg('GL expense account number'),
    amount: amountArg,
    memo: z.string().max(200).optional(),
    department: idArg('Department').optional(),
    location: idArg('Location').optional(),
  })
  .strict();

/** Step one of a vendor bill: validated by the reverse-ETL engine and staged, nothing sent. */
export const createVendorBillTool = defineTool({
  name: 'create_vendor_bill',
  title: 'Plan a vendor bill',
  description:
    'Plans an AP bill (APBILL) in one entity through the reverse-ETL engine with the checks of the procurement flow (vendor and dimensions active in the entity, open period, currency, the PO number must exist when given). Nothing is sent: call apply_plan with the planId (only if the server enables writes for create_vendor_bill). The idempotencyKey is the bill number; the same key never posts twice.',
  kind: 'plan',
  input: {
    entity: plannedEntityArg,
    vendorId: idArg('Vendor'),
    billDate: dateArg.describe('Bill date (YYYY-MM-DD).'),
    dueDate: dateArg.describe('Due date (YYYY-MM-DD).'),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/, 'an ISO currency code such as USD')
      .optional(),
    poNumber: idArg('Purchase order number').optional(),
    description: z.string().max(200).optional(),
    lines: z.array(line).min(1).max(200),
    idempotencyKey: keyArg,
  },
  async run(ctx, a) {
    if (!ctx.writes)
      throw new RangeError('writes are not available on this server (no Intacct configuration)');
    ctx.access.assertEntity(a.entity);
    const { idempotencyKey, ...content } = a;
    const key =
      idempotencyKey ??
      `mcp-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 16)}`;
    const total = sumCents(a.lines.map((l) => l.amount));
    return planWrite(ctx.writes, {
      tool: 'create_vendor_bill',
      flow: agentBill,
      entity: a.entity,
      key,
      applyEnabled: ctx.access.writes.has('create_vendor_bill'),
      rows: a.lines.map((l, i) => ({
        vendor_id: a.vendorId,
        bill_date: a.billDate,
        due_date: a.dueDate,
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
      })),
    });
  },
});

/** The sum of decimal strings with at most two decimals, exactly (bigint cents). */
export function sumCents(amounts: readonly string[]): string {
  let cents = 0n;
  for (const a of amounts) {
    const [whole = '0', frac = ''] = a.split('.');
    cents += BigInt(whole) * 100n + BigInt(frac.padEnd(2, '0'));
  }
  return `${cents / 100n}.${(cents % 100n).toString().padStart(2, '0')}`;
}
