/**
 * Purchase orders an agent asks for: a purchasing transaction through the legacy
 * `create_potransaction` (no generic PODOCUMENT create is documented). A purchase order posts
 * nothing to the GL, so no period check applies; it is never edited once created (onChange none).
 *
 * The external key goes in as the document number (`documentno`, read back as PODOCUMENT.DOCNO,
 * the lookup field) and as the reference number. Intacct's docs say a blank document number lets a
 * definition with auto numbering choose; whether a given one is kept under auto numbering is not
 * documented. Where it is not kept the lookup finds nothing, and a replay is still refused by the
 * function's deterministic control id (uniqueid), so it never posts twice.
 */
import { buildPurchaseOrder } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../../reverse/flow.ts';
import type { GatewayFlow } from './engine.ts';

export const agentPurchaseOrder: GatewayFlow = {
  descriptor: defineFlow({
    name: 'mcp-purchase-order',
    summary: 'Purchase orders requested through the agent gateway (PODOCUMENT via create_potransaction)',
    model: '_elt_mcp_staged_rows',
    object: 'PODOCUMENT',
    lookup: { object: 'PODOCUMENT', field: 'DOCNO' },
    onChange: 'none',
    checks: {
      required: ['transaction_type', 'vendor_id', 'order_date'],
      dates: ['order_date', 'due_date'],
      amounts: ['line_quantity', 'line_price', 'total'],
      dimensions: {
        vendor_id: 'vendor',
        line_location: 'location',
        line_department: 'department',
        line_project: 'project',
        line_class: 'class',
      },
      currency: 'currency',
    },
    validate: (r) => {
      const reasons: string[] = [];
      if (cell(r.header, 'due_date') === null && cell(r.header, 'term_name') === null)
        reasons.push('a purchase order needs a due date or a payment term');
      if (r.lines.length === 0) reasons.push('a purchase order needs at least one line');
      r.lines.forEach((l, i) => {
        if (cell(l, 'line_item') === null) reasons.push(`line ${i + 1}: item is missing`);
      });
      return reasons;
    },
    build: (r, ctx) =>
      buildPurchaseOrder({
        controlId: ctx.controlId,
        transactionType: must(r.header, 'transaction_type'),
        date: must(r.header, 'order_date'),
        vendorId: must(r.header, 'vendor_id'),
        documentNo: ctx.reference,
        referenceNo: ctx.reference,
        ...(cell(r.header, 'due_date') ? { dueDate: must(r.header, 'due_date') } : {}),
        ...(cell(r.header, 'term_name') ? { termName: must(r.header, 'term_name') } : {}),
        ...(cell(r.header, 'description') ? { message: must(r.header, 'description') } : {}),
        ...(cell(r.header, 'currency') ? { currency: must(r.header, 'currency') } : {}),
        lines: r.lines.map((l) => ({
          itemId: must(l, 'line_item'),
          quantity: must(l, 'line_quantity'),
          ...(cell(l, 'line_price') ? { price: must(l, 'line_price') } : {}),
          ...(cell(l, 'line_location') ? { locationId: must(l, 'line_location') } : {}),
          ...(cell(l, 'line_department') ? { departmentId: must(l, 'line_department') } : {}),
          ...(cell(l, 'line_memo') ? { memo: must(l, 'line_memo') } : {}),
          ...(cell(l, 'line_project') ? { projectId: must(l, 'line_project') } : {}),
          ...(cell(l, 'line_class') ? { classId: must(l, 'line_class') } : {}),
        })),
      }),
    sources: [
      'developer.intacct.com/api/purchasing/purchasing-transactions/ (copy: russellkt/intacct-mcp-server docs/purchasing-purchasing-transactions.md): "Create Purchasing Transaction (Legacy)" create_potransaction with transactiontype, datecreated, vendorid, documentno ("Leave blank to use auto numbering if set in definition"), referenceno, termname or datedue (one required), message, returnto and payto (contactname; empty for the vendor default), currency, state (Draft, Pending, Closed), potransitems/potransitem (itemid, quantity required; unit, price, locationid "required if company is multi-entity enabled", departmentid, memo, projectid, classid)',
      'Intacct/intacct-sdk-js test/Functions/Purchasing/PurchasingTransactionCreateTest.ts and PurchasingTransactionLineCreateTest.ts: the element order, and returnto/payto sent with an empty contactname',
      'the same docs page, query example: PODOCUMENT fields RECORDNO, DOCNO, DOCPARID (DOCNO is the lookup field)',
      'shared reference intacct-protocol-facts.md §6: a legacy create answers <key> (what key a purchasing transaction answers is not documented; the ledger keeps whatever comes back)',
    ],
  }),
  columns: [
    'transaction_type',
    'vendor_id',
    'order_date',
    'due_date',
    'term_name',
    'description',
    'currency',
    'total',
    'line_no',
    'line_item',
    'line_quantity',
    'line_price',
    'line_memo',
    'line_department',
    'line_location',
    'line_project',
    'line_class',
  ],
  approvalAmount: 'total',
};
