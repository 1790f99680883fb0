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
    { name: 'DOCHDRID', type: 'string', optional: true },
    { name: 'LINE_NO', type: 'integer', optional: true },
    { name: 'ITEMID', type: 'string' },
    { name: 'ITEMDESC', type: 'string', optional: true },
    { name: 'UNIT', type: 'string', optional: true },
    { name: 'QUANTITY', type: 'decimal', optional: true },
    { name: 'PRICE', type: 'decimal', optional: true },
    { name: 'TRX_PRICE', type: 'decimal', optional: true },
    { name: 'VALUE', type: 'decimal', optional: true },
    { name: 'TRX_VALUE', type: 'decimal', optional: true },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string', optional: true },
    { name: 'PROJECTID', type: 'string', optional: true },
    { name: 'CLASSID', type: 'string', optional: true },
    { name: 'MEMO', type: 'string', optional: true },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
