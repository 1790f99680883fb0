import { defineObject } from './descriptor.ts';

export const customer = defineObject({
  object: 'CUSTOMER',
  table: 'customer',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'customer',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/accounts-receivable/customers/ (copy: russellkt/intacct-mcp-server docs/accounts-receivable-customers.md)',
      fields:
        'RECORDNO CUSTOMERID NAME PARENTID TERMNAME CUSTTYPE TERRITORYID CREDITLIMIT TOTALDUE ' +
        'ONHOLD ONETIME STATUS CURRENCY DISPLAYCONTACT.PRINTAS DISPLAYCONTACT.EMAIL1 ' +
        'DISPLAYCONTACT.PHONE1 DISPLAYCONTACT.MAILADDRESS.CITY DISPLAYCONTACT.MAILADDRESS.STATE ' +
        'DISPLAYCONTACT.MAILADDRESS.COUNTRY ARACCOUNT DELIVERY_OPTIONS',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/customers.json @2585e89^',
      fields:
        'RECORDNO CUSTOMERID NAME PARENTID PARENTNAME TERMNAME CUSTTYPE CUSTREPID TERRITORYID ' +
        'CREDITLIMIT TOTALDUE ONHOLD ONETIME STATUS CURRENCY ARACCOUNT ARACCOUNTTITLE ' +
        'DELIVERY_OPTIONS LAST_INVOICEDATE WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY ' +
        'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/AccountsReceivable/CustomerCreate.ts',
      fields:
        'CUSTOMERID NAME PARENTID TERMNAME CUSTTYPE CUSTREPID TERRITORYID CREDITLIMIT ONHOLD ' +
        'ONETIME STATUS CURRENCY DISPLAYCONTACT.PRINTAS DISPLAYCONTACT.EMAIL1 ' +
        'DISPLAYCONTACT.PHONE1 ARACCOUNT',
    },
  ],
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'PARENTID', type: 'string' },
    { name: 'PARENTNAME', type: 'string' },
    { name: 'TERMNAME', type: 'string' },
    { name: 'CUSTTYPE', type: 'string' },
    { name: 'CUSTREPID', type: 'string' },
    { name: 'TERRITORYID', type: 'string' },
    { name: 'CREDITLIMIT', type: 'decimal' },
    { name: 'TOTALDUE', type: 'decimal' },
    { name: 'ONHOLD', type: 'boolean' },
    { name: 'ONETIME', type: 'boolean' },
    { name: 'STATUS', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'DISPLAYCONTACT.PRINTAS', type: 'string' },
    { name: 'DISPLAYCONTACT.EMAIL1', type: 'string' },
    { name: 'DISPLAYCONTACT.PHONE1', type: 'string' },
    { name: 'DISPLAYCONTACT.MAILADDRESS.CITY', type: 'string' },
    { name: 'DISPLAYCONTACT.MAILADDRESS.STATE', type: 'string' },
    { name: 'DISPLAYCONTACT.MAILADDRESS.COUNTRY', type: 'string' },
    { name: 'ARACCOUNT', type: 'string' },
    { name: 'ARACCOUNTTITLE', type: 'string' },
    { name: 'DELIVERY_OPTIONS', type: 'string' },
    { name: 'LAST_INVOICEDATE', type: 'date' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
