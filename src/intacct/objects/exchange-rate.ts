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
  sources: [
    {
      ref: 'developer.intacct.com/api/company-console/exchange-rates/ (copy: russellkt/intacct-mcp-server docs/company-console-exchange-rates.md)',
      fields: 'RECORDNO TYPENAME FROM_CURRENCY TO_CURRENCY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'TYPENAME', type: 'string' },
    { name: 'FROM_CURRENCY', type: 'string' },
    { name: 'TO_CURRENCY', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
