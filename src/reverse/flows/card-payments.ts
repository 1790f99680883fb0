import { buildArPayment } from '../../intacct/writes/index.ts';
import { cell, defineFlow, must } from '../flow.ts';

/** 2. A succeeded card charge becomes an AR payment applied to the opportunity's open invoice. */
export const cardPayments = defineFlow({
  name: 'card-payments',
  summary: 'Stripe charges → AR payment (ARPYMT) applied to the matching open invoice',
  model: 'rev_card_payments',
  object: 'ARPYMT',
  lookup: { object: 'ARPYMT', field: 'DOCNUMBER' },
  onChange: 'none',
  dependsOn: ['crm-invoices'],
  checks: {
    required: ['customer_id', 'receipt_date', 'invoice_external_key', 'undeposited_account'],
    dates: ['receipt_date'],
    postingDate: 'receipt_date',
    amounts: ['amount'],
    currency: 'currency',
  },
  validate: (r, resolve) => {
    const invoice = cell(r.header, 'invoice_external_key');
    if (invoice && resolve('crm-invoices', invoice) === null)
      return [
        `invoice ${invoice} is not in Intacct and is not planned by crm-invoices; the payment has nothing to apply to`,
      ];
    return [];
  },
  build: (r, ctx) => {
    const invoiceKey = ctx.resolve('crm-invoices', must(r.header, 'invoice_external_key')) ?? '';
    return buildArPayment({
      controlId: ctx.controlId,
      customerId: must(r.header, 'customer_id'),
      method: 'Credit Card',
      undepositedAccountNo: must(r.header, 'undeposited_account'),
      receiptDate: must(r.header, 'receipt_date'),
      reference: ctx.reference,
      ...(cell(r.header, 'description') ? { description: must(r.header, 'description') } : {}),
      ...(cell(r.header, 'currency') ? { currency: must(r.header, 'currency') } : {}),
      applications: [{ invoiceKey, amount: must(r.header, 'amount') }],
    });
  },
  sources: [
    'developer.intacct.com/api/accounts-receivable/ar-payments/: ARPYMT create with PAYMENTMETHOD, CUSTOMERID, DOCNUMBER, RECEIPTDATE, UNDEPOSITEDACCOUNTNO (one of FINANCIALENTITY, PRBATCH, UNDEPOSITEDACCOUNTNO), ARPYMTDETAILS/ARPYMTDETAIL (RECORDKEY, TRX_PAYMENTAMOUNT)',
    'src/intacct/objects/ar-payment.ts: DOCNUMBER is read back by sync (the lookup field)',
  ],
});
