import { z } from 'zod';
import { type Filter, Params, compileWhere, money } from '../sql.ts';
import { defineTool, entityArg, entityFilter, idArg, periodArg, periodStart, plain } from './tool.ts';

const DIMENSIONS = {
  department: 'department_id',
  location: 'location_id',
  project: 'project_id',
  class: 'class_id',
  customer: 'customer_id',
  vendor: 'vendor_id',
} as const;

/** Period activity per account, optionally split by one dimension, summed from fct_gl_entry. */
export const accountBalancesTool = defineTool({
  name: 'account_balances',
  title: 'Account balances by period and dimension',
  description:
    'Debits, credits and net activity per entity and account over a range of fiscal months, optionally split by one dimension (department, location, project, class, customer, vendor). For opening and closing balances use trial_balance.',
  kind: 'read',
  input: {
    fromPeriod: periodArg.describe('First fiscal month, YYYY-MM.'),
    toPeriod: periodArg.optional().describe('Last fiscal month, YYYY-MM (default: fromPeriod).'),
    entity: entityArg.optional(),
    accountPrefix: idArg('Account number prefix').optional(),
    by: z
      .enum(Object.keys(DIMENSIONS) as [keyof typeof DIMENSIONS])
      .optional()
      .describe('Split by this dimension.'),
    limit: z.number().int().min(1).max(1000).default(200),
  },
  async run(ctx, a) {
    const to = a.toPeriod ?? a.fromPeriod;
    if (to < a.fromPeriod) throw new RangeError(`toPeriod ${to} is before fromPeriod ${a.fromPeriod}`);
    const where: Filter[] = [
      ...entityFilter(ctx, a.entity),
      { column: 'period_start_date', op: '>=', value: periodStart(a.fromPeriod) },
      { column: 'period_start_date', op: '<=', value: periodStart(to) },
    ];
    if (a.accountPrefix) where.push({ column: 'account_no', op: 'prefix', value: a.accountPrefix });
    const dim = a.by ? DIMENSIONS[a.by] : undefined;
    const keys = ['entity_id', 'account_no', ...(dim ? [dim] : [])];
    const params = new Params(ctx.dialect);
    const limit = Math.min(a.limit, ctx.maxRows);
    const d = ctx.dialect;
    const sql =
      `select ${keys.join(', ')}, ${money(d, 'sum(debit_amount)', 'debits')}, ${money(d, 'sum(credit_amount)', 'credits')}, ` +
      `${money(d, 'sum(amount)', 'net')}, count(*) as lines from ${ctx.mart('fct_gl_entry')}${compileWhere(where, params)} ` +
      `group by ${keys.join(', ')} order by ${keys.map((k) => `${k} nulls first`).join(', ')} limit ${limit + 1}`;
    const rows = await ctx.warehouse.query(sql, params.values);
    return {
      fromPeriod: a.fromPeriod,
      toPeriod: to,
      rows: rows.slice(0, limit).map(plain),
      truncated: rows.length > limit,
    };
  },
});
