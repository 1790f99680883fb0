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
    { name: 'EMPLOYEENAME', type: 'string' },
    { name: 'BEGINDATE', type: 'date' },
    { name: 'ENDDATE', type: 'date' },
    { name: 'STATE', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'UOM', type: 'string' },
    { name: 'HOURSINDAY', type: 'decimal' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
