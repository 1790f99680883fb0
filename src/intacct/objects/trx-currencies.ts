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
    { name: 'RECORDNO', type: 'integer' },
    { name: 'CODE', type: 'string' },
    { name: 'FULLNAME', type: 'string' },
    { name: 'SYMBOL', type: 'string' },
    { name: 'ISO_CODE', type: 'string' },
    { name: 'DECIMALS', type: 'integer' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
  ],
});
