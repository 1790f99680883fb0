import { buildArInvoice } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../flow.ts';

/** 1b. A Closed-Won opportunity becomes an AR invoice with its products as lines, on terms. */
export const crmInvoices = defineFlow({
  name: 'crm-invoices',
  summary: 'Salesforce Closed-Won opportunities with their line items → AR invoice (create_invoice)',
  model: 'rev_crm_invoices',
  object: 'ARINVOICE',
  lookup: { object: 'ARINVOICE', field: 'RECORDID' },
  onChange: 'none',
  dependsOn: ['crm-customers'],
  checks: {
    required: ['customer_id', 'invoice_date', 'term_name'],
    dates: ['invoice_date'],
    postingDate: 'invoice_date',
    amounts: ['line_amount'],
    account: 'line_account',
    dimensions: { line_location: 'location', line_department: 'department' },
    currency: 'currency',
  },
  validate: (r, resolve) => {
    const customer = cell(r.header, 'customer_id');
    if (customer && resolve('crm-customers', customer) === null)
      return [`customer ${customer} is not in Intacct yet and is not planned by crm-customers`];
    if (r.lines.length === 0) return ['the opportunity has no line items'];
    return [];
  },
  build: (r, ctx) =>
    buildArInvoice({
      controlId: ctx.controlId,
      customerId: must(r.header, 'customer_id'),
      dateCreated: must(r.header, 'invoice_date'),
      termName: must(r.header, 'term_name'),
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
      })),
    }),
  sources: [
    'developer.intacct.com/api/accounts-receivable/invoices/: no generic ARINVOICE create is documented; "Create Invoice (Legacy)" create_invoice with customerid, datecreated, termname, invoiceno, invoiceitems/lineitem (glaccountno, amount, memo, locationid, departmentid)',
    'intacct/intacct-sdk-php InvoiceCreate: the same legacy element order',
    'create_invoice invoiceno is the invoice number, which the ARINVOICE object exposes as RECORDID (src/intacct/objects/ar-invoice.ts; the lookup field)',
  ],
});
