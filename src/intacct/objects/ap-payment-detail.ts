import { defineObject } from './descriptor.ts';
import { PAYMENT_DETAIL_FIELDS } from './shared-fields.ts';

export const apPaymentDetail = defineObject({
  object: 'APPYMTDETAIL',
  table: 'ap_payment_detail',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'APPYMT', field: 'PAYMENTKEY' },
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-payable/ap-payments/ (copy: russellkt/intacct-mcp-server docs/accounts-payable-ap-payments.md)',
      fields:
        'RECORDNO PAYMENTDATE RECORDKEY ENTRYKEY PAYMENTAMOUNT TRX_PAYMENTAMOUNT CURRENCY ' +
        'BASECURR WHENCREATED',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'PAYMENTKEY WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: PAYMENT_DETAIL_FIELDS,
});
