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
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-receivable/invoices/ (copy: russellkt/intacct-mcp-server docs/accounts-receivable-invoices.md)',
      fields: 'RECORDNO LOCATIONID',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_ar_invoice_item_columns.sql',
      fields:
        'RECORDNO RECORDKEY RECORDTYPE LINE_NO ACCOUNTKEY ACCOUNTNO ACCOUNTTITLE ' +
        'OFFSETGLACCOUNTNO OFFSETGLACCOUNTTITLE AMOUNT TOTALPAID ENTRYDESCRIPTION ENTRY_DATE ' +
        'DEPARTMENTID DEPARTMENTNAME LOCATIONID LOCATIONNAME CUSTOMERID VENDORID ITEMID CLASSID ' +
        'CURRENCY BASECURR EXCHANGE_RATE WHENCREATED WHENMODIFIED',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'TRX_AMOUNT TRX_TOTALPAID PROJECTID TASKID EMPLOYEEID GLDIMFUND CREATEDBY MODIFIEDBY ' +
    'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: DOCUMENT_LINE_FIELDS,
});
