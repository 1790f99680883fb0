/**
 * Vendor bills an agent asks for: the procurement-bills flow's APBILL builder and checks (vendor and
 * dimensions active, open period, currency, PO number must exist when given) under the gateway's own
 * flow name and ledger rows, so a `push` of procurement invoices never sees them. A bill is never
 * edited once posted (onChange none), as in the procurement flow. It waits for an approval only
 * when the agent submits it for one (submit_approval), never by the push threshold.
 */
import { defineFlow } from '../../reverse/flow.ts';
import { procurementBills } from '../../reverse/flows/procurement-bills.ts';
import type { GatewayFlow } from './engine.ts';

const { approvalAmount: _noSlackApprovals, ...procurement } = procurementBills;

export const agentBill: GatewayFlow = {
  descriptor: defineFlow({
    ...procurement,
    name: 'mcp-vendor-bill',
    summary: 'Vendor bills requested through the agent gateway (APBILL), planned then applied by plan id',
    model: '_elt_mcp_staged_rows',
  }),
  columns: [
    'vendor_id',
    'bill_date',
    'due_date',
    'po_number',
    'description',
    'currency',
    'total',
    'line_no',
    'line_account',
    'line_amount',
    'line_memo',
    'line_department',
    'line_location',
  ],
  approvalAmount: 'total',
};
