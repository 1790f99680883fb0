import { defineObject } from './descriptor.ts';

export const glBatch = defineObject({
  object: 'GLBATCH',
  table: 'gl_batch',
  key: 'RECORDNO',
  watermark: 'WHENMODIFIED',
  created: 'WHENCREATED',
  lookbackMinutes: 60,
  refresh: 'incremental',
  entityScope: 'entity',
  deletes: 'audit',
  auditType: 'glbatch',
  readMethod: 'query',
  large: false,
  sources: [
    {
      ref: 'developer.intacct.com/api/general-ledger/journal-entries/ (copy: russellkt/intacct-mcp-server docs/general-ledger-journal-entries.md)',
      fields:
        'RECORDNO BATCHNO JOURNAL BATCH_DATE BATCH_TITLE BALANCE MODULE REFERENCENO REVERSEDATE ' +
        'REVERSEDKEY REVERSED REVERSEDFROM HISTORY_COMMENT PRBATCHKEY BASELOCATION ' +
        'BASELOCATION_NO STATE TAXIMPLICATIONS SUPDOCID ADJ STATISTICAL TRANSACTIONSOURCE ' +
        'WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY',
    },
    {
      ref: 'fivetran/dbt_sage_intacct_source macros/get_gl_batch_columns.sql',
      fields:
        'RECORDNO BATCHNO JOURNAL BATCH_DATE BATCH_TITLE MODULE REFERENCENO REVERSEDKEY REVERSED ' +
        'REVERSEDFROM PRBATCHKEY BASELOCATION BASELOCATION_NO STATE TAXIMPLICATIONS WHENCREATED ' +
        'WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'hotgluexyz/tap-intacct src/tap_intacct/schemas/general_ledger_journal_entries.json @2585e89^',
      fields:
        'RECORDNO BATCHNO JOURNAL BATCH_DATE BATCH_TITLE BALANCE MODULE REFERENCENO REVERSED ' +
        'STATE USERINFO.LOGINID WHENCREATED WHENMODIFIED CREATEDBY MODIFIEDBY MEGAENTITYKEY ' +
        'MEGAENTITYID MEGAENTITYNAME',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/GeneralLedger/JournalEntryCreate.ts',
      fields:
        'JOURNAL BATCH_DATE BATCH_TITLE REFERENCENO REVERSEDATE HISTORY_COMMENT BASELOCATION_NO ' +
        'STATE SUPDOCID',
    },
    {
      ref: 'Intacct/intacct-sdk-js src/Functions/GeneralLedger/StatisticalJournalEntryCreate.ts',
      fields: 'JOURNAL BATCH_DATE BATCH_TITLE REFERENCENO REVERSEDATE HISTORY_COMMENT STATE SUPDOCID',
    },
  ],
  fields: [
    { name: 'RECORDNO', type: 'integer' },
    { name: 'BATCHNO', type: 'integer' },
    { name: 'JOURNAL', type: 'string' },
    { name: 'BATCH_DATE', type: 'date' },
    { name: 'BATCH_TITLE', type: 'string' },
    { name: 'BALANCE', type: 'decimal' },
    { name: 'MODULE', type: 'string' },
    { name: 'REFERENCENO', type: 'string' },
    { name: 'REVERSEDATE', type: 'date' },
    { name: 'REVERSEDKEY', type: 'integer' },
    { name: 'REVERSED', type: 'date' },
    { name: 'REVERSEDFROM', type: 'integer' },
    { name: 'HISTORY_COMMENT', type: 'string' },
    { name: 'PRBATCHKEY', type: 'integer' },
    { name: 'BASELOCATION', type: 'string' },
    { name: 'BASELOCATION_NO', type: 'integer' },
    { name: 'STATE', type: 'string' },
    { name: 'TAXIMPLICATIONS', type: 'string' },
    { name: 'SUPDOCID', type: 'string' },
    { name: 'ADJ', type: 'boolean' },
    { name: 'STATISTICAL', type: 'boolean' },
    { name: 'TRANSACTIONSOURCE', type: 'string' },
    { name: 'USERINFO.LOGINID', type: 'string' },
    { name: 'WHENCREATED', type: 'timestamp' },
    { name: 'WHENMODIFIED', type: 'timestamp' },
    { name: 'CREATEDBY', type: 'integer' },
    { name: 'MODIFIEDBY', type: 'integer' },
    { name: 'MEGAENTITYKEY', type: 'integer', optional: true },
    { name: 'MEGAENTITYID', type: 'string', optional: true },
    { name: 'MEGAENTITYNAME', type: 'string', optional: true },
  ],
});
