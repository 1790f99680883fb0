import { z } from 'zod';
import { type Filter, Params, compileWhere, money, text } from '../sql.ts';
import { defineTool, entityFilter, periodArg, plain } from './tool.ts';

/** intercompany_reconciliation: due-from vs due-to per month, entity pair and currency, with the entries behind a mismatch. */
export const intercompanyReconciliationTool = defineTool({
  name: 'intercompany_reconciliation',
  title: 'Intercompany reconciliation',
  description:
    'Due-from (creditor entity) and due-to (debtor entity) balances per month-end, entity pair and currency, the difference in that currency and in the reporting currency; by default only mismatched pairs (difference not zero), each with the latest GL entries behind it (entries limited to allowed entities).',
  kind: 'read',
  input: {
    period: periodArg.optional().describe('Only the month ending in this fiscal month, YYYY-MM.'),
    includeMatched: z.boolean().default(false).describe('Also list months that reconcile.'),
    entriesPerMismatch: z.number().int().min(0).max(200).default(20),
    limit: z.number().int().min(1).max(200).default(24),
  },
  async run(ctx, a) {
    const d = ctx.dialect;
    const where: Filter[] = [];
    if (!a.includeMatched) where.push({ column: 'difference', op: '<>', value: 0 });
    if (a.period) {
      where.push({ column: 'period_end_date', op: '>=', value: `${a.period}-01` });
      where.push({ column: 'period_end_date', op: '<=', value: `${a.period}-31` });
    }
    const p = new Params(d);
    const limit = Math.min(a.limit, ctx.maxRows);
    const pairs = await ctx.warehouse.query(
      `select period_name, ${text(d, 'period_end_date', 'period_end_date')}, creditor_entity_id, debtor_entity_id, currency, ` +
        `${money(d, 'due_from_balance', 'due_from_balance')}, ${money(d, 'due_to_balance', 'due_to_balance')}, ${money(d, 'difference', 'difference')}, ` +
        `reporting_currency, ${money(d, 'reporting_difference', 'reporting_difference')} ` +
        `from ${ctx.mart('intercompany_reconciliation')}${compileWhere(where, p)} ` +
        `order by period_end_date, creditor_entity_id, debtor_entity_id, currency limit ${limit}`,
      p.values,
    );
    const out = [];
    for (const pair of pairs.map(plain) as Record<string, unknown>[]) {
      let entries: unknown[] = [];
      if (a.entriesPerMismatch > 0 && pair.difference !== '0.00') {
        const ep = new Params(d);
        const rows = await ctx.warehouse.query(
          `select gl_entry_key, batch_key, entity_id, ${text(d, 'posting_date', 'posting_date')}, account_no, side, currency, ` +
            `${money(d, 'trx_amount', 'trx_amount')}, description from ${ctx.mart('intercompany_reconciliation_entries')}` +
            compileWhere(
              [
                ...entityFilter(ctx, undefined),
                { column: 'period_end_date', op: '=', value: String(pair.period_end_date) },
                { column: 'currency', op: '=', value: String(pair.currency) },
                // The pair's own lines (a pair with an unknown side lists every line without one).
                ...(pair.creditor_entity_id === null
                  ? []
                  : [
                      {
                        column: 'creditor_entity_id',
                        op: '=' as const,
                        value: String(pair.creditor_entity_id),
                      },
                    ]),
                ...(pair.debtor_entity_id === null
                  ? []
                  : [{ column: 'debtor_entity_id', op: '=' as const, value: String(pair.debtor_entity_id) }]),
              ],
              ep,
            ) +
            ` order by posting_date desc, gl_entry_key desc limit ${a.entriesPerMismatch}`,
          ep.values,
        );
        entries = rows.map(plain);
      }
      out.push({ ...pair, entries });
    }
    return { pairs: out, truncated: pairs.length === limit };
  },
});
