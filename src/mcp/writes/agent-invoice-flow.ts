/**
 * Customer invoices an agent asks for: an AR invoice through the legacy `create_invoice` (Intacct
 * documents no generic ARINVOICE create), the builder and lookup of the crm-invoices flow, under the
 * gateway's own flow name and ledger rows. An invoice is never edited once posted (onChange none).
 */
import { buildArInvoice } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../../reverse/flow.ts';
import type { GatewayFlow } from './engine.ts';

export const agentInvoice: GatewayFlow = {
  descriptor: defineFlow({
    name: 'mcp-customer-invoice',
    summary: 'Customer invoices requested through the agent gateway (ARINVOICE via create_invoice)',
    model: '_elt_mcp_staged_rows',
    object: 'ARINVOICE',
    lookup: { object: 'ARINVOICE', field: 'RECORDID' },
    onChange: 'none',
    checks: {
      required: ['customer_id', 'invoice_date'],
      dates: ['invoice_date', 'due_date'],
      postingDate: 'invoice_date',
      amounts: ['line_amount', 'total'],
      account: 'line_account',
      dimensions: {
        customer_id: 'customer',
        line_location: 'location',
        line_department: 'department',
        line_project: 'project',
        line_class: 'class',
      },
      currency: 'currency',
    },
    validate: (r) =>
      cell(r.header, 'due_date') === null && cell(r.header, 'term_name') === null
        ? ['an invoice needs a due date or a payment term']
        : [],
    build: (r, ctx) =>
      buildArInvoice({
        controlId: ctx.controlId,
        customerId: must(r.header, 'customer_id'),
        dateCreated: must(r.header, 'invoice_date'),
        ...(cell(r.header, 'due_date') ? { dateDue: must(r.header, 'due_date') } : {}),
        ...(cell(r.header, 'term_name') ? { termName: must(r.header, 'term_name') } : {}),
        invoiceNo: ctx.reference,
        ...(cell(r.header, 'po_number') ? { poNumber: must(r.header, 'po_number') } : {}),
        ...(cell(r.header, 'description') ? { description: must(r.header, 'description') } : {}),
        ...(cell(r.header, 'currency') ? { currency: must(r.header, 'currency') } : {}),
        lines: r.lines.map((l) => ({
          glAccountNo: must(l, 'line_account'),
          amount: must(l, 'line_amount'),
          ...(cell(l, 'line_memo') ? { memo: must(l, 'line_memo') } : {}),
          ...(cell(l, 'line_location') ? { locationId: must(l, 'line_location') } : {}),
          ...(cell(l, 'line_department') ? { departmentId: must(l, 'line_department') } : {}),
          ...(cell(l, 'line_project') ? { projectId: must(l, 'line_project') } : {}),
          ...(cell(l, 'line_class') ? { classId: must(l, 'line_class') } : {}),
        })),
      }),
    sources: [
      'developer.intacct.com/api/accounts-receivable/invoices/: no generic ARINVOICE create is documented; "Create Invoice (Legacy)" create_invoice with customerid, datecreated, datedue and/or termname (one required), invoiceno, ponumber, description, currency, invoiceitems/lineitem (glaccountno, amount, memo, locationid, departmentid, projectid, classid)',
      'shared reference intacct-protocol-facts.md §6: a legacy create answers <key>, element order follows the DTD',
      'create_invoice invoiceno is the invoice number, which the ARINVOICE object exposes as RECORDID (src/intacct/objects/ar-invoice.ts; the lookup field)',
    ],
  }),
  columns: [
    'customer_id',
    'invoice_date',
    'due_date',
    'term_name',
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
    'line_project',
    'line_class',
  ],
};
