import { buildApBill } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../flow.ts';

/**
 * 6 and 7. Procurement invoices become AP bills (the PO number, where given, must exist and goes
 * to the bill's reference). Bills above the configured threshold wait for a Slack approval first.
 */
export const procurementBills = defineFlow({
  name: 'procurement-bills',
  summary:
    'Procurement invoices → AP bills with lines (PO matched); above the threshold after Slack approval',
  model: 'rev_procurement_bills',
  object: 'APBILL',
  lookup: { object: 'APBILL', field: 'RECORDID' },
  onChange: 'none',
  approvalAmount: 'total',
  checks: {
    required: ['vendor_id', 'bill_date', 'due_date'],
    dates: ['bill_date', 'due_date'],
    postingDate: 'bill_date',
    amounts: ['line_amount', 'total'],
    account: 'line_account',
    dimensions: { vendor_id: 'vendor', line_location: 'location', line_department: 'department' },
    currency: 'currency',
    purchaseOrder: 'po_number',
  },
  build: (r, ctx) =>
    buildApBill({
      controlId: ctx.controlId,
      vendorId: must(r.header, 'vendor_id'),
      billDate: must(r.header, 'bill_date'),
      dueDate: must(r.header, 'due_date'),
      billNumber: ctx.reference,
      ...(cell(r.header, 'po_number') ? { reference: must(r.header, 'po_number') } : {}),
      ...(cell(r.header, 'description') ? { description: must(r.header, 'description') } : {}),
      ...(cell(r.header, 'currency') ? { currency: must(r.header, 'currency') } : {}),
      lines: r.lines.map((l) => ({
        accountNo: must(l, 'line_account'),
        amount: must(l, 'line_amount'),
        ...(cell(l, 'line_memo') ? { memo: must(l, 'line_memo') } : {}),
        dimensions: {
          ...(cell(l, 'line_location') ? { location: must(l, 'line_location') } : {}),
          ...(cell(l, 'line_department') ? { department: must(l, 'line_department') } : {}),
        },
      })),
    }),
  sources: [
    'developer.intacct.com/api/accounts-payable/bills/: APBILL create with WHENCREATED, VENDORID, RECORDID (the bill number, the lookup field), DOCNUMBER (the reference: the PO number here), DESCRIPTION, WHENDUE, CURRENCY, APBILLITEMS/APBILLITEM (ACCOUNTNO, TRX_AMOUNT, ENTRYDESCRIPTION, LOCATIONID, DEPARTMENTID)',
    'src/intacct/objects/po-document.ts: DOCNO, the purchase order number the PO check reads',
  ],
});
