import { defineObject } from './descriptor.ts';

export const apBill = defineObject({
  object: 'APBILL',
  table: 'ap_bill',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'AUWHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'apbill',
  readMethod: 'query',
  // GLBATCHKEY is the sandbox's one-batch-per-document link; no source names it (unconfirmed). The
  // sources link a document to its AR/AP summary (PRBATCHKEY) and a GL batch to the summary that posted
  // it (GLBATCH.PRBATCHKEY, fivetran's gl_batch columns); GL lines carry MODULEKEY, RECORDID, DOCNUMBER.
  owns: [{ object: 'GLBATCH', field: 'GLBATCHKEY' }],
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-payable/bills/ (copy: russellkt/intacct-mcp-server docs/accounts-payable-bills.md)',
      fields:
        'RECORDNO RECORDID DOCNUMBER VENDORID VENDORNAME TERMNAME WHENCREATED WHENPOSTED WHENDUE ' +
        'DESCRIPTION CURRENCY BASECURR EXCH_RATE_DATE EXCH_RATE_TYPE_ID EXCHANGE_RATE STATE ' +
        'MODULEKEY ONHOLD PAYMENTPRIORITY',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_ap_bill_columns.sql',
      fields:
        'RECORDNO RECORDTYPE RECORDID DOCNUMBER VENDORID VENDORNAME WHENCREATED WHENPOSTED ' +
        'WHENDUE WHENPAID DESCRIPTION CURRENCY BASECURR TOTALENTERED TOTALPAID TOTALDUE STATE ' +
        'AUWHENCREATED WHENMODIFIED',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/accounts_payable_bills.json @2585e89^',
      fields:
        'RECORDNO RECORDID DOCNUMBER VENDORID VENDORNAME TERMNAME WHENCREATED WHENPOSTED WHENDUE ' +
        'WHENPAID DESCRIPTION CURRENCY BASECURR EXCH_RATE_DATE EXCH_RATE_TYPE_ID EXCHANGE_RATE ' +
        'TOTALENTERED TOTALPAID TOTALDUE TRX_TOTALENTERED TRX_TOTALPAID TRX_TOTALDUE STATE ONHOLD ' +
        'PAYMENTPRIORITY AUWHENCREATED WHENMODIFIED MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'PRBATCHKEY RAWSTATE GLBATCHKEY CREATEDBY MODIFIEDBY',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'RECORDTYPE', type: 'string' },
    { name: 'RECORDID', type: 'string' },
    { name: 'DOCNUMBER', type: 'string' },
    { name: 'PRBATCHKEY', type: 'integer', optional: true },
    { name: 'VENDORID', type: 'string' },
    { name: 'VENDORNAME', type: 'string' },
    { name: 'TERMNAME', type: 'string' },
    { name: 'WHENCREATED', type: 'date' },
    { name: 'WHENPOSTED', type: 'date' },
    { name: 'WHENDUE', type: 'date' },
    { name: 'WHENPAID', type: 'date' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BASECURR', type: 'string' },
    { name: 'EXCH_RATE_DATE', type: 'date' },
    { name: 'EXCH_RATE_TYPE_ID', type: 'string' },
    { name: 'EXCHANGE_RATE', type: 'decimal' },
    { name: 'TOTALENTERED', type: 'decimal' },
    { name: 'TOTALPAID', type: 'decimal' },
    { name: 'TOTALDUE', type: 'decimal' },
    { name: 'TRX_TOTALENTERED', type: 'decimal' },
    { name: 'TRX_TOTALPAID', type: 'decimal' },
    { name: 'TRX_TOTALDUE', type: 'decimal' },
    { name: 'STATE', type: 'string' },
    { name: 'RAWSTATE', type: 'string', optional: true },
    { name: 'MODULEKEY', type: 'string' },
    { name: 'GLBATCHKEY', type: 'string', optional: true },
    { name: 'ONHOLD', type: 'boolean' },
    { name: 'PAYMENTPRIORITY', type: 'string' },
    { name: 'AUWHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
