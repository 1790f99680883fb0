import { defineObject } from './descriptor.ts';

export const exchangeRateEntry = defineObject({
  object: 'EXCHANGERATEENTRY',
  table: 'exchange_rate_entry',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'reconcile',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/company-console/exchange-rates/ (copy: russellkt/intacct-mcp-server docs/company-console-exchange-rates.md)',
      fields: 'RECORDNO FROM_CURRENCY TO_CURRENCY EFFECTIVE_START_DATE EXCHANGE_RATE RECIPROCAL_RATE',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'EXCHANGERATEID WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID ' +
    'MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'EXCHANGERATEID', type: 'integer', optional: true },
    { name: 'FROM_CURRENCY', type: 'string' },
    { name: 'TO_CURRENCY', type: 'string' },
    { name: 'EFFECTIVE_START_DATE', type: 'date' },
    { name: 'EXCHANGE_RATE', type: 'decimal' },
    { name: 'RECIPROCAL_RATE', type: 'decimal' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
