import { defineObject } from './descriptor.ts';

export const item = defineObject({
  object: 'ITEM',
  table: 'item',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'item',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/inventory-control/items/ (copy: russellkt/intacct-mcp-server docs/inventory-control-items.md)',
      fields:
        'RECORDNO ITEMID NAME PRODUCTLINEID ITEMTYPE STATUS EXTENDED_DESCRIPTION UOMGRP ' +
        'COST_METHOD BASEPRICE STANDARD_COST GLGROUP TAXABLE',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/items.json @2585e89^',
      fields:
        'RECORDNO ITEMID NAME PRODUCTLINEID ITEMTYPE STATUS EXTENDED_DESCRIPTION UOMGRP ' +
        'COST_METHOD BASEPRICE STANDARD_COST GLGROUP TAXABLE WHENCREATED WHENMODIFIED CREATEDBY ' +
        'MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/InventoryControl/ItemCreate.ts',
      fields:
        'ITEMID NAME PRODUCTLINEID ITEMTYPE STATUS EXTENDED_DESCRIPTION UOMGRP COST_METHOD ' +
        'BASEPRICE STANDARD_COST GLGROUP TAXABLE',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'INCOMEACCOUNTNO EXPENSEACCOUNTNO',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'ITEMID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'PRODUCTLINEID', type: 'string' },
    { name: 'ITEMTYPE', type: 'string' },
    { name: 'STATUS', type: 'string' },
    { name: 'EXTENDED_DESCRIPTION', type: 'string' },
    { name: 'UOMGRP', type: 'string' },
    { name: 'COST_METHOD', type: 'string' },
    { name: 'BASEPRICE', type: 'decimal' },
    { name: 'STANDARD_COST', type: 'decimal' },
    { name: 'GLGROUP', type: 'string' },
    { name: 'INCOMEACCOUNTNO', type: 'string', optional: true },
    { name: 'EXPENSEACCOUNTNO', type: 'string', optional: true },
    { name: 'TAXABLE', type: 'boolean' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
