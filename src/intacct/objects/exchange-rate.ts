import { defineObject } from './descriptor.ts';

export const exchangeRate = defineObject({
  object: 'EXCHANGERATE',
  table: 'exchange_rate',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'TYPENAME', type: 'string' },
    { name: 'FROM_CURRENCY', type: 'string' },
    { name: 'TO_CURRENCY', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer' },
    { name: 'MEGAENTITYID', type: 'string' },
    { name: 'MEGAENTITYNAME', type: 'string' },
  ],
});
