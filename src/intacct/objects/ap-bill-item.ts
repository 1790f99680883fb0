import { defineObject } from './descriptor.ts';
import { DOCUMENT_LINE_FIELDS } from './shared-fields.ts';

export const apBillItem = defineObject({
  object: 'APBILLITEM',
  table: 'ap_bill_item',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'APBILL', field: 'RECORDKEY' },
  large: true,
  fields: DOCUMENT_LINE_FIELDS,
});
