/** Every gateway tool, in the order `tools/list` shows them. */
import { accountBalancesTool } from './account-balances.ts';
import { apOpenItemsTool } from './ap-open-items.ts';
import { applyPlanTool } from './apply-plan.ts';
import { decideApprovalTool, submitApprovalTool } from './approvals.ts';
import { arOpenItemsTool } from './ar-open-items.ts';
import { budgetVsActualTool } from './budget-vs-actual.ts';
import { createCustomerInvoiceTool } from './create-customer-invoice.ts';
import { createJournalEntryTool } from './create-journal-entry.ts';
import { createPurchaseOrderTool } from './create-purchase-order.ts';
import { createVendorBillTool } from './create-vendor-bill.ts';
import { customerDetailsTool } from './customer-details.ts';
import { dataFreshnessTool } from './data-freshness.ts';
import { glEntriesTool } from './gl-entries.ts';
import { intercompanyReconciliationTool } from './intercompany-reconciliation.ts';
import { projectProfitabilityTool } from './project-profitability.ts';
import type { ToolDescriptor } from './tool.ts';
import { trialBalanceTool } from './trial-balance.ts';
import { updateCustomerTool, updateVendorTool } from './update-party.ts';
import { vendorDetailsTool } from './vendor-details.ts';

export const TOOLS: readonly ToolDescriptor[] = [
  dataFreshnessTool,
  glEntriesTool,
  accountBalancesTool,
  trialBalanceTool,
  customerDetailsTool,
  vendorDetailsTool,
  arOpenItemsTool,
  apOpenItemsTool,
  budgetVsActualTool,
  projectProfitabilityTool,
  intercompanyReconciliationTool,
  createJournalEntryTool,
  createVendorBillTool,
  createCustomerInvoiceTool,
  createPurchaseOrderTool,
  updateCustomerTool,
  updateVendorTool,
  submitApprovalTool,
  decideApprovalTool,
  applyPlanTool,
] as unknown as readonly ToolDescriptor[];

/** Names of the write tools; a write is applied only when its name is in mcp.writes. */
export const WRITE_TOOL_NAMES: readonly string[] = TOOLS.filter((t) => t.kind === 'plan').map((t) => t.name);
