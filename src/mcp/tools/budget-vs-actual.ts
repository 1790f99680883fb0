import type { Filter } from '../sql.ts';
import { money, text } from '../sql.ts';
import {
  defineTool,
  entityArg,
  entityFilter,
  idArg,
  pageArgs,
  periodArg,
  periodStart,
  readPage,
} from './tool.ts';

/** budget_vs_actual: budget lines against GL actuals with the variance. */
export const budgetVsActualTool = defineTool({
  name: 'budget_vs_actual',
  title: 'Budget versus actual',
  description:
    'Budget amount, actual amount and variance (actual minus budget, with percent) per budget, entity, account, department and location for one fiscal month. Largest absolute variances first. Paginated.',
  kind: 'read',
  input: {
    period: periodArg,
    entity: entityArg.optional(),
    budgetId: idArg('Budget').optional(),
    accountPrefix: idArg('Account number prefix').optional(),
    department: idArg('Department').optional(),
    ...pageArgs,
  },
  async run(ctx, a) {
    const where: Filter[] = [
      ...entityFilter(ctx, a.entity),
      { column: 'period_start_date', op: '=', value: periodStart(a.period) },
    ];
    if (a.budgetId) where.push({ column: 'budget_id', op: '=', value: a.budgetId });
    if (a.accountPrefix) where.push({ column: 'account_no', op: 'prefix', value: a.accountPrefix });
    if (a.department) where.push({ column: 'department_id', op: '=', value: a.department });
    const d = ctx.dialect;
    return readPage(
      ctx,
      {
        select: [
          'budget_id',
          'entity_id',
          'account_no',
          'department_id',
          'location_id',
          'period_name',
          text(d, 'period_start_date', 'period_start_date'),
          money(d, 'budget_amount', 'budget_amount'),
          money(d, 'actual_amount', 'actual_amount'),
          money(d, 'variance', 'variance'),
          'variance_pct',
          'abs(variance) as abs_variance_sort',
        ],
        from: ctx.mart('budget_vs_actual'),
        where,
        orderBy: [
          'abs_variance_sort desc',
          'budget_id',
          'entity_id',
          'account_no',
          'department_id',
          'location_id',
        ],
      },
      a,
    ).then((page) => ({
      ...page,
      rows: page.rows.map(({ abs_variance_sort: _, ...row }) => row),
    }));
  },
});
