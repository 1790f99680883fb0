import { defineObject } from './descriptor.ts';

export const glDetail = defineObject({
  object: 'GLDETAIL',
  table: 'gl_detail',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'GLBATCH', field: 'BATCHKEY' },
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/general-ledger/general-ledger-detail/ (copy: russellkt/intacct-mcp-server docs/general-ledger-general-ledger-detail.md)',
      fields: 'RECORDNO BATCH_DATE BATCH_TITLE BOOKID MODULEKEY TRX_AMOUNT',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_gl_detail_columns.sql',
      fields:
        'RECORDNO BATCHKEY BATCH_NO BATCH_DATE BATCH_TITLE BOOKID RECORDTYPE RECORDID DOCNUMBER ' +
        'LINE_NO ENTRY_DATE TR_TYPE DOCUMENT DESCRIPTION ENTRYDESCRIPTION ACCOUNTNO ACCOUNTTITLE ' +
        'AMOUNT DEBITAMOUNT CREDITAMOUNT TRX_AMOUNT TRX_DEBITAMOUNT TRX_CREDITAMOUNT CURRENCY ' +
        'BASECURR DEPARTMENTID DEPARTMENTTITLE LOCATIONID LOCATIONNAME CLASSID CLASSNAME ' +
        'CUSTOMERID CUSTOMERNAME VENDORID VENDORNAME ENTRY_STATE WHENCREATED WHENMODIFIED',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/general_ledger_details.json @2585e89^',
      fields:
        'RECORDNO BATCH_NO BATCH_DATE BATCH_TITLE BATCH_STATE SYMBOL BOOKID MODULEKEY RECORDTYPE ' +
        'RECORDID DOCNUMBER REFERENCENO LINE_NO ENTRY_DATE TR_TYPE DOCUMENT DESCRIPTION ' +
        'ENTRYDESCRIPTION ACCOUNTNO ACCOUNTTITLE AMOUNT DEBITAMOUNT CREDITAMOUNT TRX_AMOUNT ' +
        'TRX_DEBITAMOUNT TRX_CREDITAMOUNT CURRENCY BASECURR DEPARTMENTID DEPARTMENTTITLE ' +
        'LOCATIONID LOCATIONNAME PROJECTID PROJECTNAME CLASSID CLASSNAME CUSTOMERID CUSTOMERNAME ' +
        'VENDORID VENDORNAME EMPLOYEEID EMPLOYEENAME ITEMID ITEMNAME STATISTICAL ADJ STATE ' +
        'ENTRY_STATE WHENCREATED WHENMODIFIED CREATEDBY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'ACCOUNTTYPE NORMALBALANCE EXCH_RATE_DATE EXCHANGE_RATE TASKID GLDIMFUND MODIFIEDBY ' +
    'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'BATCHKEY', type: 'integer' },
    { name: 'BATCH_NO', type: 'integer' },
    { name: 'BATCH_DATE', type: 'date' },
    { name: 'BATCH_TITLE', type: 'string' },
    { name: 'BATCH_STATE', type: 'string' },
    { name: 'SYMBOL', type: 'string' },
    { name: 'BOOKID', type: 'string' },
    { name: 'MODULEKEY', type: 'string' },
    { name: 'RECORDTYPE', type: 'string' },
    { name: 'RECORDID', type: 'string' },
    { name: 'DOCNUMBER', type: 'string' },
    { name: 'REFERENCENO', type: 'string' },
    { name: 'LINE_NO', type: 'integer' },
    { name: 'ENTRY_DATE', type: 'date' },
    { name: 'TR_TYPE', type: 'integer' },
    { name: 'DOCUMENT', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'ENTRYDESCRIPTION', type: 'string' },
    { name: 'ACCOUNTNO', type: 'string' },
    { name: 'ACCOUNTTITLE', type: 'string' },
    { name: 'ACCOUNTTYPE', type: 'string', optional: true },
    { name: 'NORMALBALANCE', type: 'string', optional: true },
    { name: 'AMOUNT', type: 'decimal' },
    { name: 'DEBITAMOUNT', type: 'decimal' },
    { name: 'CREDITAMOUNT', type: 'decimal' },
    { name: 'TRX_AMOUNT', type: 'decimal' },
    { name: 'TRX_DEBITAMOUNT', type: 'decimal' },
    { name: 'TRX_CREDITAMOUNT', type: 'decimal' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BASECURR', type: 'string' },
    { name: 'EXCH_RATE_DATE', type: 'date', optional: true },
    { name: 'EXCHANGE_RATE', type: 'decimal', optional: true },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'DEPARTMENTTITLE', type: 'string' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'LOCATIONNAME', type: 'string' },
    { name: 'PROJECTID', type: 'string' },
    { name: 'PROJECTNAME', type: 'string' },
    { name: 'TASKID', type: 'string', optional: true },
    { name: 'CLASSID', type: 'string' },
    { name: 'CLASSNAME', type: 'string' },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'CUSTOMERNAME', type: 'string' },
    { name: 'VENDORID', type: 'string' },
    { name: 'VENDORNAME', type: 'string' },
    { name: 'EMPLOYEEID', type: 'string' },
    { name: 'EMPLOYEENAME', type: 'string' },
    { name: 'ITEMID', type: 'string' },
    { name: 'ITEMNAME', type: 'string' },
    { name: 'GLDIMFUND', type: 'string', optional: true },
    { name: 'STATISTICAL', type: 'boolean' },
    { name: 'ADJ', type: 'boolean' },
    { name: 'STATE', type: 'string' },
    { name: 'ENTRY_STATE', type: 'string' },
    { name: 'WHENCREATED', type: 'date' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
