import { defineObject } from './descriptor.ts';

export const glBudgetItem = defineObject({
  object: 'GLBUDGETITEM',
  table: 'gl_budget_item',
  key: 'RECORDNO',
  // No source confirms WHENMODIFIED on budget details: where the company lacks it the run reads the
  // object whole (planFields drops the watermark).
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
      ref: 'developer.intacct.com/api/general-ledger/budgets/ (copy: russellkt/intacct-mcp-server docs/general-ledger-budgets.md)',
      fields: 'RECORDNO BUDGETID ACCT_NO DEPT_NO LOCATION_NO PERIODNAME AMOUNT CURRENCY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'BUDGETKEY ACCOUNTKEY ACCTTITLE DEPT_TITLE LOCATION_NAME PERIODKEY PSTARTDATE PENDDATE ' +
    'BASEDON GROWBY PERPERIOD NOTE WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY ' +
    'MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'BUDGETKEY', type: 'integer', optional: true },
    { name: 'BUDGETID', type: 'string' },
    { name: 'ACCOUNTKEY', type: 'integer', optional: true },
    { name: 'ACCT_NO', type: 'string' },
    { name: 'ACCTTITLE', type: 'string', optional: true },
    { name: 'DEPT_NO', type: 'string' },
    { name: 'DEPT_TITLE', type: 'string', optional: true },
    { name: 'LOCATION_NO', type: 'string' },
    { name: 'LOCATION_NAME', type: 'string', optional: true },
    { name: 'PERIODKEY', type: 'integer', optional: true },
    { name: 'PERIODNAME', type: 'string' },
    { name: 'PSTARTDATE', type: 'date', optional: true },
    { name: 'PENDDATE', type: 'date', optional: true },
    { name: 'AMOUNT', type: 'decimal' },
    { name: 'BASEDON', type: 'string', optional: true },
    { name: 'GROWBY', type: 'decimal', optional: true },
    { name: 'PERPERIOD', type: 'string', optional: true },
    { name: 'NOTE', type: 'string', optional: true },
    { name: 'CURRENCY', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp', optional: true },
    { name: 'WHENMODIFIED', type: 'timestamp', optional: true },
    { name: 'CREATEDBY', type: 'integer', optional: true },
    { name: 'MODIFIEDBY', type: 'integer', optional: true },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
