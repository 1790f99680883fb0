import { defineObject } from './descriptor.ts';

export const poDocumentEntry = defineObject({
  object: 'PODOCUMENTENTRY',
  table: 'po_document_entry',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/purchasing/purchasing-transactions/ (copy: russellkt/intacct-mcp-server docs/purchasing-purchasing-transactions.md)',
      fields: 'RECORDNO DOCHDRNO ITEMID LOCATIONID',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'DOCHDRID LINE_NO ITEMDESC UNIT QUANTITY PRICE TRX_PRICE VALUE TRX_VALUE DEPARTMENTID ' +
    'PROJECTID CLASSID MEMO WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
    'MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'DOCHDRNO', type: 'integer' },
    { name: 'DOCHDRID', type: 'string' },
    { name: 'LINE_NO', type: 'integer' },
    { name: 'ITEMID', type: 'string' },
    { name: 'ITEMDESC', type: 'string' },
    { name: 'UNIT', type: 'string' },
    { name: 'QUANTITY', type: 'decimal' },
    { name: 'PRICE', type: 'decimal' },
    { name: 'TRX_PRICE', type: 'decimal' },
    { name: 'VALUE', type: 'decimal' },
    { name: 'TRX_VALUE', type: 'decimal' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'PROJECTID', type: 'string' },
    { name: 'CLASSID', type: 'string' },
    { name: 'MEMO', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
