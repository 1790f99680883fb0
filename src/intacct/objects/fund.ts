import { defineObject } from './descriptor.ts';

export const fund = defineObject({
  object: 'FUND',
  table: 'fund',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 0,
  refresh: 'full',
  entityScope: 'top',
  deletes: 'full-refresh',
  readMethod: 'query',
  large: false,
  // A user-defined dimension: a Platform Services object (readByName by its `name`, GL field
  // GLDIM<object>), present only in companies that define it, under the name they chose. The sandbox
  // calls it FUND; its fields other than RECORDNO and NAME are unconfirmed.
  optional: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/platform-services/records/ (copy: russellkt/intacct-mcp-server docs/platform-services-records.md)',
      fields: 'RECORDNO NAME',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'FUNDID DESCRIPTION FUNDTYPE STATUS WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY ' +
    'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'FUNDID', type: 'string', optional: true },
    { name: 'NAME', type: 'string' },
    { name: 'DESCRIPTION', type: 'string', optional: true },
    { name: 'FUNDTYPE', type: 'string', optional: true },
    { name: 'STATUS', type: 'string', optional: true },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
