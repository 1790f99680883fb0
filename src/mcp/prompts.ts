/** Prompts for common finance questions, written against the gateway's own tools. */
import { z } from 'zod';

export interface PromptDescriptor {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly args: z.ZodRawShape;
  text(args: Record<string, string | undefined>): string;
}

const period = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')
  .describe('Fiscal month, YYYY-MM');
const entity = z.string().optional().describe('Entity id (default: every allowed entity)');

export const PROMPTS: readonly PromptDescriptor[] = [
  {
    name: 'month_end_close_checklist',
    title: 'Month-end close checklist',
    description: 'Walk through the month-end close checks for one fiscal month using the gateway tools.',
    args: { period, entity },
    text: (a) =>
      [
        `Run the month-end close checklist for ${a.period}${a.entity ? ` in entity ${a.entity}` : ''}.`,
        '1. Call data_freshness and state how current the warehouse is; stop if GLDETAIL is more than a day behind.',
        `2. Call trial_balance for ${a.period} and confirm debits equal credits per entity.`,
        '3. Call ar_open_items and ap_open_items; list items in the 90+ bucket.',
        `4. Call intercompany_reconciliation for ${a.period}; list every mismatched pair with its entries.`,
        `5. Call budget_vs_actual for ${a.period}; list the five largest variances.`,
        'Report each step as done / needs attention, with the numbers behind it. Amounts are decimal strings in base currency.',
      ].join('\n'),
  },
  {
    name: 'variance_explanation',
    title: 'Explain a budget variance',
    description:
      'Explain the budget-versus-actual variance of an account in one fiscal month from the GL lines behind it.',
    args: { period, account: z.string().describe('GL account number'), entity },
    text: (a) =>
      [
        `Explain the variance of account ${a.account} in ${a.period}${a.entity ? ` for entity ${a.entity}` : ''}.`,
        `1. Call budget_vs_actual with period ${a.period} and accountPrefix ${a.account}.`,
        `2. Call gl_entries with period ${a.period} and account ${a.account}; group the lines by description, vendor and department.`,
        '3. Call account_balances for the prior three months to show the trend.',
        'Explain which entries drive the variance, quoting amounts exactly as the tools return them.',
      ].join('\n'),
  },
];
