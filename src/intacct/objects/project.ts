import { defineObject } from './descriptor.ts';

export const project = defineObject({
  object: 'PROJECT',
  table: 'project',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'top',
  deletes: 'audit',
  auditType: 'project',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/project-resource-mgmt/projects/ (copy: russellkt/intacct-mcp-server docs/project-resource-mgmt-projects.md)',
      fields:
        'RECORDNO PROJECTID NAME DESCRIPTION PARENTID PROJECTCATEGORY PROJECTTYPE PROJECTSTATUS ' +
        'CUSTOMERID MANAGERID BEGINDATE ENDDATE BUDGETAMOUNT CONTRACTAMOUNT BUDGETQTY CURRENCY ' +
        'DEPARTMENTID LOCATIONID CLASSID BILLINGTYPE STATUS',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/projects.json @2585e89^',
      fields:
        'RECORDNO PROJECTID NAME DESCRIPTION PARENTKEY PARENTID PROJECTCATEGORY PROJECTTYPE ' +
        'PROJECTSTATUS CUSTOMERID CUSTOMERNAME MANAGERID BEGINDATE ENDDATE BUDGETAMOUNT ' +
        'CONTRACTAMOUNT BUDGETQTY CURRENCY DEPARTMENTID LOCATIONID BILLINGTYPE STATUS WHENCREATED ' +
        'WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/Projects/ProjectCreate.ts',
      fields:
        'PROJECTID NAME DESCRIPTION PARENTID PROJECTCATEGORY PROJECTTYPE PROJECTSTATUS CUSTOMERID ' +
        'MANAGERID BEGINDATE ENDDATE BUDGETAMOUNT CONTRACTAMOUNT BUDGETQTY CURRENCY DEPARTMENTID ' +
        'LOCATIONID CLASSID BILLINGTYPE STATUS',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed: 'PROJECTMANAGERNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'PROJECTID', type: 'string' },
    { name: 'NAME', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'PARENTKEY', type: 'integer' },
    { name: 'PARENTID', type: 'string' },
    { name: 'PROJECTCATEGORY', type: 'string' },
    { name: 'PROJECTTYPE', type: 'string' },
    { name: 'PROJECTSTATUS', type: 'string' },
    { name: 'CUSTOMERID', type: 'string' },
    { name: 'CUSTOMERNAME', type: 'string' },
    { name: 'MANAGERID', type: 'string' },
    { name: 'PROJECTMANAGERNAME', type: 'string', optional: true },
    { name: 'BEGINDATE', type: 'date' },
    { name: 'ENDDATE', type: 'date' },
    { name: 'BUDGETAMOUNT', type: 'decimal' },
    { name: 'CONTRACTAMOUNT', type: 'decimal' },
    { name: 'BUDGETQTY', type: 'decimal' },
    { name: 'CURRENCY', type: 'string' },
    { name: 'DEPARTMENTID', type: 'string' },
    { name: 'LOCATIONID', type: 'string' },
    { name: 'CLASSID', type: 'string' },
    { name: 'BILLINGTYPE', type: 'string' },
    { name: 'STATUS', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
