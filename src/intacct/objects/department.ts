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
    { name: 'PARENTKEY', type: 'integer' },
    { name: 'PARENTID', type: 'string' },
    { name: 'PARENTNAME', type: 'string' },
    { name: 'SUPERVISORKEY', type: 'integer' },
    { name: 'SUPERVISORID', type: 'string' },
    { name: 'SUPERVISORNAME', type: 'string' },
    { name: 'STATUS', type: 'string' },
    { name: 'CUSTTITLE', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
