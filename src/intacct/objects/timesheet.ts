import { defineObject } from './descriptor.ts';

export const timesheet = defineObject({
  object: 'TIMESHEET',
  table: 'timesheet',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'timesheet',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/project-resource-mgmt/timesheets/ (copy: russellkt/intacct-mcp-server docs/project-resource-mgmt-timesheets.md)',
      fields: 'RECORDNO EMPLOYEEID BEGINDATE STATE DESCRIPTION LOCATIONID DEPARTMENTID',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Projects/TimesheetCreate.ts',
      fields: 'EMPLOYEEID BEGINDATE STATE DESCRIPTION',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'EMPLOYEENAME ENDDATE UOM HOURSINDAY WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY ' +
    'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'EMPLOYEEID', type: 'string' },
    { name: 'EMPLOYEENAME', type: 'string', optional: true },
    { name: 'BEGINDATE', type: 'date' },
    { name: 'ENDDATE', type: 'date', optional: true },
    { name: 'STATE', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'UOM', type: 'string', optional: true },
    { name: 'HOURSINDAY', type: 'decimal', optional: true },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
