import { defineObject } from './descriptor.ts';

export const vendor = defineObject({
  object: 'VENDOR',
  table: 'vendor',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'vendor',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-payable/vendors/ (copy: russellkt/intacct-mcp-server docs/accounts-payable-vendors.md)',
      fields:
        'RECORDNO VENDORID NAME PARENTID TERMNAME VENDTYPE TAXID CREDITLIMIT TOTALDUE ONHOLD ' +
        'STATUS CURRENCY PAYMENTPRIORITY FORM1099TYPE FORM1099BOX DISPLAYCONTACT.PRINTAS ' +
        'DISPLAYCONTACT.EMAIL1 DISPLAYCONTACT.MAILADDRESS.COUNTRY APACCOUNT',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/accounts_payable_vendors.json @2585e89^',
      fields:
        'RECORDNO VENDORID NAME PARENTID TERMNAME VENDTYPE TAXID CREDITLIMIT TOTALDUE ONHOLD ' +
        'STATUS CURRENCY PAYMENTPRIORITY APACCOUNT APACCOUNTTITLE WHENCREATED WHENMODIFIED ' +
        'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/AccountsPayable/VendorCreate.ts',
      fields:
        'VENDORID NAME PARENTID TERMNAME VENDTYPE TAXID CREDITLIMIT ONHOLD STATUS CURRENCY ' +
        'PAYMENTPRIORITY FORM1099TYPE FORM1099BOX DISPLAYCONTACT.PRINTAS DISPLAYCONTACT.EMAIL1 ' +
        'APACCOUNT',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'CREATEDBY MODIFIEDBY',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'VENDORID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'PARENTID', type: 'string' },
    { name: 'TERMNAME', type: 'string' },
    { name: 'VENDTYPE', type: 'string' },
    { name: 'TAXID', type: 'string' },
    { name: 'CREDITLIMIT', type: 'decimal' },
    { name: 'TOTALDUE', type: 'decimal' },
    { name: 'ONHOLD', type: 'boolean' },
    { name: 'STATUS', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'PAYMENTPRIORITY', type: 'string' },
    { name: 'FORM1099TYPE', type: 'string' },
    { name: 'FORM1099BOX', type: 'string' },
    { name: 'DISPLAYCONTACT.PRINTAS', type: 'string' },
    { name: 'DISPLAYCONTACT.EMAIL1', type: 'string' },
    { name: 'DISPLAYCONTACT.MAILADDRESS.COUNTRY', type: 'string' },
    { name: 'APACCOUNT', type: 'string' },
    { name: 'APACCOUNTTITLE', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
