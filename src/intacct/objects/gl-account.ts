import { defineObject } from './descriptor.ts';

export const glAccount = defineObject({
  object: 'GLACCOUNT',
  table: 'gl_account',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/general-ledger/accounts/ (copy: russellkt/intacct-mcp-server docs/general-ledger-accounts.md)',
      fields:
        'RECORDNO ACCOUNTNO TITLE ACCOUNTTYPE NORMALBALANCE CLOSINGTYPE CLOSINGACCOUNTNO CATEGORY ' +
        'ALTERNATIVEACCOUNT STATUS REQUIREDEPT REQUIRELOC REQUIREPROJECT REQUIRECUSTOMER ' +
        'REQUIREVENDOR REQUIREEMPLOYEE REQUIREITEM REQUIRECLASS',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_gl_account_columns.sql',
      fields:
        'RECORDNO ACCOUNTNO TITLE ACCOUNTTYPE NORMALBALANCE CLOSINGTYPE CLOSINGACCOUNTNO ' +
        'CLOSINGACCOUNTTITLE CATEGORY ALTERNATIVEACCOUNT STATUS REQUIREDEPT REQUIRELOC ' +
        'REQUIREPROJECT REQUIRECUSTOMER REQUIREVENDOR REQUIREEMPLOYEE REQUIREITEM REQUIRECLASS ' +
        'TAXABLE WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/general_ledger_accounts.json @2585e89^',
      fields:
        'RECORDNO ACCOUNTNO TITLE ACCOUNTTYPE NORMALBALANCE CLOSINGTYPE CLOSINGACCOUNTNO CATEGORY ' +
        'ALTERNATIVEACCOUNT STATUS REQUIREDEPT REQUIRELOC REQUIREPROJECT REQUIRECUSTOMER ' +
        'REQUIREVENDOR REQUIREEMPLOYEE REQUIREITEM REQUIRECLASS TAXABLE SUBLEDGERCONTROLON ' +
        'WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/GeneralLedger/AccountCreate.ts',
      fields:
        'ACCOUNTNO TITLE ACCOUNTTYPE NORMALBALANCE CLOSINGTYPE CLOSINGACCOUNTNO CATEGORY STATUS ' +
        'REQUIREDEPT REQUIRELOC REQUIREPROJECT REQUIRECUSTOMER REQUIREVENDOR REQUIREEMPLOYEE ' +
        'REQUIREITEM REQUIRECLASS TAXABLE',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'REQUIREGLDIMFUND ENABLEGLDIMFUND',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'ACCOUNTNO', type: 'string' },
    { name: 'TITLE', type: 'string' },
    { name: 'ACCOUNTTYPE', type: 'string' },
    { name: 'NORMALBALANCE', type: 'string' },
    { name: 'CLOSINGTYPE', type: 'string' },
    { name: 'CLOSINGACCOUNTNO', type: 'string' },
    { name: 'CLOSINGACCOUNTTITLE', type: 'string' },
    { name: 'CATEGORY', type: 'string' },
    { name: 'ALTERNATIVEACCOUNT', type: 'string' },
    { name: 'STATUS', type: 'string' },
    { name: 'REQUIREDEPT', type: 'boolean' },
    { name: 'REQUIRELOC', type: 'boolean' },
    { name: 'REQUIREPROJECT', type: 'boolean' },
    { name: 'REQUIRECUSTOMER', type: 'boolean' },
    { name: 'REQUIREVENDOR', type: 'boolean' },
    { name: 'REQUIREEMPLOYEE', type: 'boolean' },
    { name: 'REQUIREITEM', type: 'boolean' },
    { name: 'REQUIRECLASS', type: 'boolean' },
    { name: 'REQUIREGLDIMFUND', type: 'boolean', optional: true },
    { name: 'TAXABLE', type: 'boolean' },
    { name: 'SUBLEDGERCONTROLON', type: 'boolean' },
    { name: 'ENABLEGLDIMFUND', type: 'boolean', optional: true },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
