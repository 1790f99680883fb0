import { defineObject } from './descriptor.ts';

export const task = defineObject({
  object: 'TASK',
  table: 'task',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'task',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/project-resource-mgmt/tasks/ (copy: russellkt/intacct-mcp-server docs/project-resource-mgmt-tasks.md)',
      fields:
        'RECORDNO TASKID NAME DESCRIPTION PROJECTID PBEGINDATE PENDDATE BUDGETQTY ESTQTY BILLABLE ' +
        'TASKSTATUS STATUS',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Projects/TaskCreate.ts',
      fields: 'NAME DESCRIPTION PROJECTID PBEGINDATE PENDDATE BUDGETQTY ESTQTY BILLABLE TASKSTATUS',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PROJECTKEY PROJECTNAME ACTUALQTY PERCENTCOMPLETE WHENCREATED WHENMODIFIED CREATEDBY ' +
    'MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'TASKID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'PROJECTKEY', type: 'integer', optional: true },
    { name: 'PROJECTID', type: 'string' },
    { name: 'PROJECTNAME', type: 'string', optional: true },
    { name: 'PBEGINDATE', type: 'date' },
    { name: 'PENDDATE', type: 'date' },
    { name: 'BUDGETQTY', type: 'decimal' },
    { name: 'ESTQTY', type: 'decimal' },
    { name: 'ACTUALQTY', type: 'decimal', optional: true },
    { name: 'BILLABLE', type: 'boolean' },
    { name: 'PERCENTCOMPLETE', type: 'decimal', optional: true },
    { name: 'TASKSTATUS', type: 'string' },
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
