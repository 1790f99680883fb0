import { defineObject } from './descriptor.ts';
import { PAYMENT_DETAIL_FIELDS } from './shared-fields.ts';

export const arPaymentDetail = defineObject({
  object: 'ARPYMTDETAIL',
  table: 'ar_payment_detail',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'ARPYMT', field: 'PAYMENTKEY' },
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-receivable/ar-payments/ (copy: russellkt/intacct-mcp-server docs/accounts-receivable-ar-payments.md)',
      fields: 'RECORDNO PAYMENTDATE RECORDKEY ENTRYKEY TRX_PAYMENTAMOUNT CURRENCY BASECURR',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PAYMENTKEY PAYMENTAMOUNT WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
    'MEGAENTITYID MEGAENTITYNAME',
  fields: PAYMENT_DETAIL_FIELDS,
});
