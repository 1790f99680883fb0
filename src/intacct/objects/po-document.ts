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
    { name: 'WHENCREATED', type: 'date', optional: true },
    { name: 'WHENDUE', type: 'date', optional: true },
    { name: 'CUSTVENDID', type: 'string', optional: true },
    { name: 'CUSTVENDNAME', type: 'string', optional: true },
    { name: 'PONUMBER', type: 'string', optional: true },
    { name: 'VENDORDOCNO', type: 'string', optional: true },
    { name: 'TERM.NAME', type: 'string', optional: true },
    { name: 'MESSAGE', type: 'string', optional: true },
    { name: 'CURRENCY', type: 'string', optional: true },
    { name: 'BASECURR', type: 'string', optional: true },
    { name: 'EXCHRATE', type: 'decimal', optional: true },
    { name: 'SUBTOTAL', type: 'decimal', optional: true },
    { name: 'TOTAL', type: 'decimal' },
    { name: 'TRX_SUBTOTAL', type: 'decimal', optional: true },
    { name: 'TRX_TOTAL', type: 'decimal', optional: true },
    { name: 'AUWHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
