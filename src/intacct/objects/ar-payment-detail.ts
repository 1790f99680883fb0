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
  fields: PAYMENT_DETAIL_FIELDS,
});
