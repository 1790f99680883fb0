import { defineObject } from './descriptor.ts';

export const arInvoice = defineObject({
  object: 'ARINVOICE',
  table: 'ar_invoice',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'AUWHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'arinvoice',
  readMethod: 'query',
  // GLBATCHKEY is the sandbox's one-batch-per-document link; no source names it (unconfirmed). The
  // sources link a document to its AR/AP summary (PRBATCHKEY) and a GL batch to the summary that posted
  // it (GLBATCH.PRBATCHKEY, fivetran's gl_batch columns); GL lines carry MODULEKEY, RECORDID, DOCNUMBER.
  owns: [{ object: 'GLBATCH', field: 'GLBATCHKEY' }],
  // The invoices docs: an Order Entry edit deletes the AR invoice and recreates it with a new RECORDNO.
  recreatedOnEdit: { field: 'MODULEKEY', values: ['8.SO'] },
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-receivable/invoices/ (copy: russellkt/intacct-mcp-server docs/accounts-receivable-invoices.md)',
      fields: 'RECORDNO CUSTOMERNAME MODULEKEY',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_ar_invoice_columns.sql',
      fields:
        'RECORDNO RECORDTYPE RECORDID DOCNUMBER CUSTOMERID CUSTOMERNAME WHENCREATED WHENPOSTED ' +
        'WHENDUE WHENPAID DESCRIPTION CURRENCY BASECURR TOTALENTERED TOTALPAID TOTALDUE STATE ' +
        'AUWHENCREATED WHENMODIFIED CREATEDBY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/invoices.json @2585e89^',
      fields:
        'RECORDNO RECORDTYPE RECORDID DOCNUMBER PRBATCHKEY CUSTOMERID CUSTOMERNAME TERMNAME ' +
        'WHENCREATED WHENPOSTED WHENDUE WHENPAID DESCRIPTION CURRENCY BASECURR EXCH_RATE_DATE ' +
        'EXCH_RATE_TYPE_ID EXCHANGE_RATE TOTALENTERED TOTALPAID TOTALDUE TRX_TOTALENTERED ' +
        'TRX_TOTALPAID TRX_TOTALDUE STATE RAWSTATE MODULEKEY AUWHENCREATED WHENMODIFIED CREATEDBY ' +
        'MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'GLBATCHKEY',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'RECORDTYPE', type: 'string' },
    { name: 'RECORDID', type: 'string' },
    { name: 'DOCNUMBER', type: 'string' },
    { name: 'PRBATCHKEY', type: 'integer' },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'CUSTOMERNAME', type: 'string' },
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
    { name: 'RAWSTATE', type: 'string' },
    { name: 'MODULEKEY', type: 'string' },
    { name: 'GLBATCHKEY', type: 'string', optional: true },
    { name: 'AUWHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
