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

/** The trial_balance mart for one fiscal month. */
export const trialBalanceTool = defineTool({
  name: 'trial_balance',
  title: 'Trial balance',
  description:
    'Opening balance, debits, credits and closing balance per entity and account for one fiscal month (base currency). Paginated.',
  kind: 'read',
  input: {
    period: periodArg,
    entity: entityArg.optional(),
    accountPrefix: idArg('Account number prefix').optional(),
    ...pageArgs,
  },
  async run(ctx, a) {
    const where: Filter[] = [
      ...entityFilter(ctx, a.entity),
      { column: 'period_start_date', op: '=', value: periodStart(a.period) },
    ];
    if (a.accountPrefix) where.push({ column: 'account_no', op: 'prefix', value: a.accountPrefix });
    const d = ctx.dialect;
    return readPage(
      ctx,
      {
        select: [
          'entity_id',
          'period_name',
          text(d, 'period_start_date', 'period_start_date'),
          text(d, 'period_end_date', 'period_end_date'),
          'account_no',
          'account_type',
          money(d, 'opening_balance', 'opening_balance'),
          money(d, 'period_debits', 'period_debits'),
          money(d, 'period_credits', 'period_credits'),
          money(d, 'closing_balance', 'closing_balance'),
        ],
        from: ctx.mart('trial_balance'),
        where,
        orderBy: ['entity_id', 'account_no'],
      },
      a,
    );
  },
});
