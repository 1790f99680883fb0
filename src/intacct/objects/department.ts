import { defineObject } from './descriptor.ts';

export const department = defineObject({
  object: 'DEPARTMENT',
  table: 'department',
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
      ref: 'developer.intacct.com/api/company-console/departments/ (readByQuery/read/readByName parameter tables)',
      fields: 'RECORDNO DEPARTMENTID STATUS',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Company/DepartmentCreate.ts',
      fields: 'DEPARTMENTID TITLE PARENTID SUPERVISORID STATUS CUSTTITLE',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'PARENTKEY PARENTNAME SUPERVISORKEY SUPERVISORNAME WHENCREATED WHENMODIFIED CREATEDBY ' +
    'MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'TITLE', type: 'string' },
    { name: 'PARENTKEY', type: 'integer', optional: true },
    { name: 'PARENTID', type: 'string' },
    { name: 'PARENTNAME', type: 'string', optional: true },
    { name: 'SUPERVISORKEY', type: 'integer', optional: true },
    { name: 'SUPERVISORID', type: 'string' },
    { name: 'SUPERVISORNAME', type: 'string', optional: true },
    { name: 'STATUS', type: 'string' },
    { name: 'CUSTTITLE', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
