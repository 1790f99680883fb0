import { defineObject } from './descriptor.ts';

export const reportingPeriod = defineObject({
  object: 'REPORTINGPERIOD',
  table: 'reporting_period',
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
      ref: 'developer.intacct.com/api/general-ledger/reporting-periods/ (copy: russellkt/intacct-mcp-server docs/general-ledger-reporting-periods.md)',
      fields: 'RECORDNO NAME HEADER1 HEADER2 START_DATE END_DATE BUDGETING STATUS',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'DATETYPE WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID ' + 'MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'NAME', type: 'string' },
    { name: 'HEADER1', type: 'string' },
    { name: 'HEADER2', type: 'string' },
    { name: 'START_DATE', type: 'date' },
    { name: 'END_DATE', type: 'date' },
    { name: 'BUDGETING', type: 'boolean' },
    { name: 'DATETYPE', type: 'string', optional: true },
    { name: 'STATUS', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
