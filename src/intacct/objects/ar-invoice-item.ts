import { defineObject } from './descriptor.ts';
import { DOCUMENT_LINE_FIELDS } from './shared-fields.ts';

export const arInvoiceItem = defineObject({
  object: 'ARINVOICEITEM',
  table: 'ar_invoice_item',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'ARINVOICE', field: 'RECORDKEY' },
  large: true,
  fields: DOCUMENT_LINE_FIELDS,
});
