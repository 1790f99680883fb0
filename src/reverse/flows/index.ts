/** Every reverse flow, in the order a push applies them (a flow after the flows it depends on). */
import type { FlowDescriptor } from '../flow.ts';
import { cardPayments } from './card-payments.ts';
import { crmCustomers } from './crm-customers.ts';
import { crmInvoices } from './crm-invoices.ts';
import { intercompanyEliminations } from './intercompany-eliminations.ts';
import { intercompanyTransactions } from './intercompany-transactions.ts';
import { payrollJournal } from './payroll-journal.ts';
import { procurementBills } from './procurement-bills.ts';
import { subscriptionRevenue } from './subscription-revenue.ts';
import { timesheetCosts } from './timesheet-costs.ts';

export const FLOWS: readonly FlowDescriptor[] = [
  crmCustomers,
  crmInvoices,
  cardPayments,
  subscriptionRevenue,
  payrollJournal,
  timesheetCosts,
  procurementBills,
  intercompanyTransactions,
  intercompanyEliminations,
];

export const FLOW_NAMES = FLOWS.map((f) => f.name);

export function flowByName(name: string): FlowDescriptor | undefined {
  return FLOWS.find((f) => f.name === name);
}

/** The flows named by `--flow` (comma-separated, repeatable), in registry order; all when none. */
export function selectFlows(names: readonly string[]): FlowDescriptor[] | { unknown: string[] } {
  const wanted = names
    .flatMap((n) => n.split(','))
    .map((n) => n.trim())
    .filter(Boolean);
  if (wanted.length === 0) return [...FLOWS];
  const unknown = wanted.filter((n) => !flowByName(n));
  if (unknown.length > 0) return { unknown };
  return FLOWS.filter((f) => wanted.includes(f.name));
}
