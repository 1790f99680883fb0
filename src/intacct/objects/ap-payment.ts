import { defineObject } from './descriptor.ts';

export const apPayment = defineObject({
  object: 'APPYMT',
  table: 'ap_payment',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'AUWHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'appymt',
  readMethod: 'query',
  // GLBATCHKEY is the sandbox's one-batch-per-document link; no source names it (unconfirmed). The
  // sources link a document to its AR/AP summary (PRBATCHKEY) and a GL batch to the summary that posted
  // it (GLBATCH.PRBATCHKEY, fivetran's gl_batch columns); GL lines carry MODULEKEY, RECORDID, DOCNUMBER.
  owns: [{ object: 'GLBATCH', field: 'GLBATCHKEY' }],
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-payable/ap-payments/ (copy: russellkt/intacct-mcp-server docs/accounts-payable-ap-payments.md)',
      fields:
        'RECORDNO DOCNUMBER VENDORID FINANCIALENTITY PAYMENTMETHOD WHENCREATED PAYMENTDATE ' +
        'DESCRIPTION CURRENCY BASECURR EXCH_RATE_DATE EXCH_RATE_TYPE_ID STATE',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/AccountsPayable/ApPaymentCreate.ts',
      fields:
        'DOCNUMBER VENDORID FINANCIALENTITY PAYMENTMETHOD PAYMENTDATE DESCRIPTION CURRENCY ' +
        'BASECURR EXCH_RATE_DATE EXCH_RATE_TYPE_ID',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'RECORDTYPE RECORDID PRBATCHKEY VENDORNAME RECEIPTDATE WHENPAID EXCHANGE_RATE ' +
    'TOTALENTERED TOTALPAID TRX_TOTALENTERED TRX_TOTALPAID RAWSTATE MODULEKEY GLBATCHKEY ' +
    'AUWHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID ' +
    'MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'RECORDTYPE', type: 'string', optional: true },
    { name: 'RECORDID', type: 'string', optional: true },
    { name: 'DOCNUMBER', type: 'string' },
    { name: 'PRBATCHKEY', type: 'integer', optional: true },
    { name: 'VENDORID', type: 'string' },
    { name: 'VENDORNAME', type: 'string', optional: true },
    { name: 'FINANCIALENTITY', type: 'string' },
    { name: 'PAYMENTMETHOD', type: 'string' },
    { name: 'WHENCREATED', type: 'date' },
    { name: 'RECEIPTDATE', type: 'date', optional: true },
    { name: 'PAYMENTDATE', type: 'date' },
    { name: 'WHENPAID', type: 'date', optional: true },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BASECURR', type: 'string' },
    { name: 'EXCH_RATE_DATE', type: 'date' },
    { name: 'EXCH_RATE_TYPE_ID', type: 'string' },
    { name: 'EXCHANGE_RATE', type: 'decimal', optional: true },
    { name: 'TOTALENTERED', type: 'decimal', optional: true },
    { name: 'TOTALPAID', type: 'decimal', optional: true },
    { name: 'TRX_TOTALENTERED', type: 'decimal', optional: true },
    { name: 'TRX_TOTALPAID', type: 'decimal', optional: true },
    { name: 'STATE', type: 'string' },
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
