/**
 * The gateway's write flows, by the tool that plans them. They are not in the push registry
 * (src/reverse/flows/index.ts): their "model" is the rows a gateway plan staged, which a `push`
 * never reads.
 */
import { agentBill } from './agent-bill-flow.ts';
import { agentInvoice } from './agent-invoice-flow.ts';
import { agentJournal } from './agent-journal-flow.ts';
import { agentCustomerUpdate, agentVendorUpdate } from './agent-party-update-flow.ts';
import { agentPurchaseOrder } from './agent-purchase-order-flow.ts';
import type { GatewayFlow } from './engine.ts';

export const FLOW_OF_TOOL: Readonly<Record<string, GatewayFlow>> = {
  create_journal_entry: agentJournal,
  create_vendor_bill: agentBill,
  create_customer_invoice: agentInvoice,
  create_purchase_order: agentPurchaseOrder,
  update_customer: agentCustomerUpdate,
  update_vendor: agentVendorUpdate,
};

/** The flow a stored plan belongs to, by the flow name it recorded. */
export function gatewayFlowNamed(name: string): GatewayFlow | undefined {
  return Object.values(FLOW_OF_TOOL).find((f) => f.descriptor.name === name);
}
