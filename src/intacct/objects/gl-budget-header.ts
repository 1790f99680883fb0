import { defineObject } from './descriptor.ts';

export const glBudgetHeader = defineObject({
  object: 'GLBUDGETHEADER',
  table: 'gl_budget_header',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'glbudgetheader',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/general-ledger/budgets/ (copy: russellkt/intacct-mcp-server docs/general-ledger-budgets.md)',
      fields: 'RECORDNO BUDGETID DESCRIPTION DEFAULT_BUDGET ISCONSOLIDATED CURRENCY',
    },
  ],
  // Named by no public source: read only where the company's definition has them.
  unconfirmed:
    'SYSTEMGENERATED STATUS WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
    'MEGAENTITYID MEGAENTITYNAME',
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'BUDGETID', type: 'string' },
    { name: 'DESCRIPTION', type: 'string' },
    { name: 'SYSTEMGENERATED', type: 'boolean', optional: true },
    { name: 'DEFAULT_BUDGET', type: 'boolean' },
    { name: 'STATUS', type: 'string', optional: true },
    { name: 'ISCONSOLIDATED', type: 'boolean' },
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
