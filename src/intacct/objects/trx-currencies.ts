import { defineObject } from './descriptor.ts';

export const trxCurrencies = defineObject({
  object: 'TRXCURRENCIES',
  table: 'trx_currencies',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  // No public source names this object: read only where the company's definition has it.
  optional: true,
  sources: [],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'RECORDNO CODE FULLNAME SYMBOL ISO_CODE DECIMALS WHENCREATED WHENMODIFIED CREATEDBY ' + 'MODIFIEDBY',
  fields: [
    { name: 'RECORDNO', type: 'integer', optional: true },
    { name: 'CODE', type: 'string', optional: true },
    { name: 'FULLNAME', type: 'string', optional: true },
    { name: 'SYMBOL', type: 'string', optional: true },
    { name: 'ISO_CODE', type: 'string', optional: true },
    { name: 'DECIMALS', type: 'integer', optional: true },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
  ],
});
