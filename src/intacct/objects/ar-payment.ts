import { defineObject } from './descriptor.ts';

export const arPayment = defineObject({
  object: 'ARPYMT',
  table: 'ar_payment',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'AUWHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'arpymt',
  readMethod: 'query',
  // GLBATCHKEY is the sandbox's one-batch-per-document link; no source names it (unconfirmed). The
  // sources link a document to its AR/AP summary (PRBATCHKEY) and a GL batch to the summary that posted
  // it (GLBATCH.PRBATCHKEY, fivetran's gl_batch columns); GL lines carry MODULEKEY, RECORDID, DOCNUMBER.
  owns: [{ object: 'GLBATCH', field: 'GLBATCHKEY' }],
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-receivable/ar-payments/ (copy: russellkt/intacct-mcp-server docs/accounts-receivable-ar-payments.md)',
      fields:
        'RECORDNO RECORDTYPE DOCNUMBER CUSTOMERID FINANCIALENTITY PAYMENTMETHOD RECEIPTDATE ' +
        'PAYMENTDATE WHENPAID DESCRIPTION CURRENCY BASECURR EXCH_RATE_TYPE_ID EXCHANGE_RATE',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'RECORDID PRBATCHKEY CUSTOMERNAME WHENCREATED EXCH_RATE_DATE TOTALENTERED TOTALPAID ' +
    'TRX_TOTALENTERED TRX_TOTALPAID STATE RAWSTATE MODULEKEY GLBATCHKEY AUWHENCREATED ' +
    'WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'RECORDTYPE', type: 'string' },
    { name: 'RECORDID', type: 'string', optional: true },
    { name: 'DOCNUMBER', type: 'string' },
    { name: 'PRBATCHKEY', type: 'integer', optional: true },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'CUSTOMERNAME', type: 'string', optional: true },
    { name: 'FINANCIALENTITY', type: 'string' },
    { name: 'PAYMENTMETHOD', type: 'string' },
    { name: 'WHENCREATED', type: 'date', optional: true },
    { name: 'RECEIPTDATE', type: 'date' },
    { name: 'PAYMENTDATE', type: 'date' },
    { name: 'WHENPAID', type: 'date' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BASECURR', type: 'string' },
    { name: 'EXCH_RATE_DATE', type: 'date', optional: true },
    { name: 'EXCH_RATE_TYPE_ID', type: 'string' },
    { name: 'EXCHANGE_RATE', type: 'decimal' },
    { name: 'TOTALENTERED', type: 'decimal', optional: true },
    { name: 'TOTALPAID', type: 'decimal', optional: true },
    { name: 'TRX_TOTALENTERED', type: 'decimal', optional: true },
    { name: 'TRX_TOTALPAID', type: 'decimal', optional: true },
    { name: 'STATE', type: 'string', optional: true },
    { name: 'RAWSTATE', type: 'string', optional: true },
    { name: 'MODULEKEY', type: 'string', optional: true },
    { name: 'GLBATCHKEY', type: 'string', optional: true },
    { name: 'AUWHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
