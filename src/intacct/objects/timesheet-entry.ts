import { defineObject } from './descriptor.ts';

export const timesheetEntry = defineObject({
  object: 'TIMESHEETENTRY',
  table: 'timesheet_entry',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'reconcile',
  readMethod: 'query',
  large: true,
  sources: [
    {
      ref: 'developer.intacct.com/api/project-resource-mgmt/timesheets/ (copy: russellkt/intacct-mcp-server docs/project-resource-mgmt-timesheets.md)',
      fields:
        'RECORDNO LINENO ENTRYDATE QTY BILLABLE DESCRIPTION NOTES PROJECTID TASKID CUSTOMERID ' +
        'EMPLOYEEID ITEMID DEPARTMENTID LOCATIONID CLASSID STATE',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Projects/TimesheetEntryCreate.ts',
      fields:
        'ENTRYDATE QTY BILLABLE DESCRIPTION NOTES PROJECTID CUSTOMERID ITEMID DEPARTMENTID ' +
        'LOCATIONID CLASSID',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'TIMESHEETKEY WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID ' +
    'MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'TIMESHEETKEY', type: 'integer', optional: true },
    { name: 'LINENO', type: 'integer' },
    { name: 'ENTRYDATE', type: 'date' },
    { name: 'QTY', type: 'decimal' },
    { name: 'BILLABLE', type: 'boolean' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'NOTES', type: 'string' },
    { name: 'PROJECTID', type: 'string' },
    { name: 'TASKID', type: 'string' },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'EMPLOYEEID', type: 'string' },
    { name: 'ITEMID', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'CLASSID', type: 'string' },
    { name: 'STATE', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
