import { money, text } from '../sql.ts';
import type { Filter } from '../sql.ts';
import {
  dateArg,
  defineTool,
  entityArg,
  entityFilter,
  idArg,
  pageArgs,
  periodArg,
  periodStart,
  readPage,
} from './tool.ts';

/** GL lines from fct_gl_entry, filtered by entity, period or dates, account and dimensions. */
export const glEntriesTool = defineTool({
  name: 'gl_entries',
  title: 'General ledger entries',
  description:
    'Posted GL lines (amounts in base currency, debit positive) filtered by entity, fiscal month or a date range, account and dimensions. Paginated.',
  kind: 'read',
  input: {
    entity: entityArg.optional(),
    period: periodArg.optional(),
    fromDate: dateArg.optional().describe('First posting date (YYYY-MM-DD).'),
    toDate: dateArg.optional().describe('Last posting date (YYYY-MM-DD).'),
    account: idArg('GL account number').optional(),
    department: idArg('Department').optional(),
    location: idArg('Location').optional(),
    project: idArg('Project').optional(),
    customer: idArg('Customer').optional(),
    vendor: idArg('Vendor').optional(),
    ...pageArgs,
  },
  async run(ctx, a) {
    const where: Filter[] = [...entityFilter(ctx, a.entity)];
    if (a.period) where.push({ column: 'period_start_date', op: '=', value: periodStart(a.period) });
    if (a.fromDate) where.push({ column: 'posting_date', op: '>=', value: a.fromDate });
    if (a.toDate) where.push({ column: 'posting_date', op: '<=', value: a.toDate });
    const dims = [
      ['account_no', a.account],
      ['department_id', a.department],
      ['location_id', a.location],
      ['project_id', a.project],
      ['customer_id', a.customer],
      ['vendor_id', a.vendor],
    ] as const;
    for (const [column, value] of dims) if (value !== undefined) where.push({ column, op: '=', value });
    const d = ctx.dialect;
    return readPage(
      ctx,
      {
        select: [
          'gl_entry_key',
          'batch_no',
          'line_no',
          'entity_id',
          text(d, 'posting_date', 'posting_date'),
          'account_no',
          'journal_symbol',
          'description',
          'base_currency',
          money(d, 'debit_amount', 'debit_amount'),
          money(d, 'credit_amount', 'credit_amount'),
          money(d, 'amount', 'amount'),
          'department_id',
          'location_id',
          'project_id',
          'customer_id',
          'vendor_id',
        ],
        from: ctx.mart('fct_gl_entry'),
        where,
        orderBy: ['posting_date', 'gl_entry_key'],
      },
      a,
    );
  },
});
