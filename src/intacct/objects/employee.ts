import { defineObject } from './descriptor.ts';

export const employee = defineObject({
  object: 'EMPLOYEE',
  table: 'employee',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'employee',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/employee-expenses/employees/ (copy: russellkt/intacct-mcp-server docs/employee-expenses-employees.md)',
      fields:
        'RECORDNO EMPLOYEEID TITLE DEPARTMENTID LOCATIONID CLASSID SUPERVISORID STARTDATE ENDDATE ' +
        'EMPLOYEETYPE STATUS CURRENCY',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/EmployeeExpense/EmployeeCreate.ts',
      fields:
        'EMPLOYEEID TITLE DEPARTMENTID LOCATIONID CLASSID SUPERVISORID STARTDATE ENDDATE ' +
        'EMPLOYEETYPE STATUS CURRENCY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'CONTACT_NAME BILLINGRATE WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
    'MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'EMPLOYEEID', type: 'string' },
    { name: 'CONTACT_NAME', type: 'string', optional: true },
    { name: 'TITLE', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'CLASSID', type: 'string' },
    { name: 'SUPERVISORID', type: 'string' },
    { name: 'STARTDATE', type: 'date' },
    { name: 'ENDDATE', type: 'date' },
    { name: 'EMPLOYEETYPE', type: 'string' },
    { name: 'STATUS', type: 'string' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'BILLINGRATE', type: 'decimal', optional: true },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
