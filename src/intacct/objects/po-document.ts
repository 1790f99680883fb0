import { defineObject } from './descriptor.ts';

export const poDocument = defineObject({
  object: 'PODOCUMENT',
  table: 'po_document',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'AUWHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'podocument',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/purchasing/purchasing-transactions/ (copy: russellkt/intacct-mcp-server docs/purchasing-purchasing-transactions.md)',
      fields: 'RECORDNO DOCNO DOCID DOCPARID STATE TOTAL',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'WHENCREATED WHENDUE CUSTVENDID CUSTVENDNAME PONUMBER VENDORDOCNO TERM.NAME MESSAGE ' +
    'CURRENCY BASECURR EXCHRATE SUBTOTAL TRX_SUBTOTAL TRX_TOTAL AUWHENCREATED WHENMODIFIED ' +
    'CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'DOCNO', type: 'string' },
    { name: 'DOCID', type: 'string' },
    { name: 'DOCPARID', type: 'string' },
    { name: 'STATE', type: 'string' },
    { name: 'WHENCREATED', type: 'date' },
    { name: 'WHENDUE', type: 'date' },
    { name: 'CUSTVENDID', type: 'string' },
    { name: 'CUSTVENDNAME', type: 'string' },
    { name: 'PONUMBER', type: 'string' },
    { name: 'VENDORDOCNO', type: 'string' },
    { name: 'TERM.NAME', type: 'string' },
    { name: 'MESSAGE', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BASECURR', type: 'string' },
    { name: 'EXCHRATE', type: 'decimal' },
    { name: 'SUBTOTAL', type: 'decimal' },
    { name: 'TOTAL', type: 'decimal' },
    { name: 'TRX_SUBTOTAL', type: 'decimal' },
    { name: 'TRX_TOTAL', type: 'decimal' },
    { name: 'AUWHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
