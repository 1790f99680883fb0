/** Shared by ar_open_items and ap_open_items: open documents with their aging bucket, and bucket totals. */
import { z } from 'zod';
import { type Filter, Params, compileWhere, money, text } from '../sql.ts';
import { type ToolContext, entityFilter, plain, readPage } from './tool.ts';

export const AGING_BUCKETS = ['0-30', '31-60', '61-90', '90+'] as const;
export const bucketArg = z.enum(AGING_BUCKETS).optional().describe('Only this aging bucket.');

export async function openItems(
  ctx: ToolContext,
  spec: { mart: string; party: string; date: string; key: string },
  a: {
    entity?: string | undefined;
    partyId?: string | undefined;
    bucket?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
): Promise<unknown> {
  const where: Filter[] = [...entityFilter(ctx, a.entity)];
  if (a.partyId) where.push({ column: spec.party, op: '=', value: a.partyId });
  const summaryParams = new Params(ctx.dialect);
  const d = ctx.dialect;
  const summary = await ctx.warehouse.query(
    `select aging_bucket, base_currency, count(*) as documents, ${money(d, 'sum(open_amount)', 'open_amount')} from ${ctx.mart(spec.mart)}` +
      `${compileWhere(where, summaryParams)} group by aging_bucket, base_currency order by aging_bucket, base_currency`,
    summaryParams.values,
  );
  if (a.bucket) where.push({ column: 'aging_bucket', op: '=', value: a.bucket });
  const page = await readPage(
    ctx,
    {
      select: [
        spec.key,
        'document_id',
        'entity_id',
        spec.party,
        text(d, spec.date, spec.date),
        text(d, 'due_date', 'due_date'),
        text(d, 'as_of_date', 'as_of_date'),
        'base_currency',
        money(d, 'total_entered', 'total_entered'),
        money(d, 'paid_amount', 'paid_amount'),
        money(d, 'open_amount', 'open_amount'),
        'days_past_due',
        'aging_bucket',
      ],
      from: ctx.mart(spec.mart),
      where,
      orderBy: ['days_past_due desc', spec.key],
    },
    a,
  );
  return { summary: summary.map(plain), ...page };
}
