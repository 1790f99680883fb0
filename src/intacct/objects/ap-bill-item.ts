import { defineObject } from './descriptor.ts';
import { DOCUMENT_LINE_FIELDS } from './shared-fields.ts';

export const apBillItem = defineObject({
  object: 'APBILLITEM',
  table: 'ap_bill_item',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  parent: { object: 'APBILL', field: 'RECORDKEY' },
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-payable/bills/ (copy: russellkt/intacct-mcp-server docs/accounts-payable-bills.md)',
      fields:
        'RECORDNO LINE_NO ACCOUNTNO OFFSETGLACCOUNTNO AMOUNT TRX_AMOUNT ENTRYDESCRIPTION ' +
        'DEPARTMENTID LOCATIONID PROJECTID TASKID CUSTOMERID VENDORID EMPLOYEEID ITEMID CLASSID ' +
        'CURRENCY BASECURR EXCHANGE_RATE WHENCREATED',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_ap_bill_item_columns.sql',
      fields:
        'RECORDNO RECORDKEY RECORDTYPE LINE_NO ACCOUNTKEY ACCOUNTNO ACCOUNTTITLE ' +
        'OFFSETGLACCOUNTNO OFFSETGLACCOUNTTITLE AMOUNT TOTALPAID ENTRYDESCRIPTION ENTRY_DATE ' +
        'DEPARTMENTID DEPARTMENTNAME LOCATIONID LOCATIONNAME PROJECTID CUSTOMERID VENDORID ITEMID ' +
        'CLASSID CURRENCY BASECURR EXCHANGE_RATE WHENCREATED WHENMODIFIED CREATEDBY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'TRX_TOTALPAID GLDIMFUND MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: DOCUMENT_LINE_FIELDS,
});
