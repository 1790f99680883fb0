/**
 * The journal entries an agent asks for, as a reverse flow in the engine's style: the same GLBATCH
 * builder, checks and correction rule as the other journal flows. Its "model" is the rows a gateway
 * plan staged in `_elt_mcp_staged_rows`; it is not in the push registry (push never reads it).
 */
import { defineFlow } from '../../reverse/flow.ts';
import {
  JOURNAL_CHECKS,
  JOURNAL_SOURCES,
  buildJournal,
  buildJournalReversal,
} from '../../reverse/flows/journal.ts';
import type { GatewayFlow } from './engine.ts';

export const agentJournal: GatewayFlow = {
  descriptor: defineFlow({
    name: 'mcp-journal',
    summary: 'Journal entries requested through the agent gateway (GLBATCH), planned then applied by plan id',
    model: '_elt_mcp_staged_rows',
    object: 'GLBATCH',
    lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
    onChange: 'correct',
    checks: {
      ...JOURNAL_CHECKS,
      dimensions: {
        line_department: 'department',
        line_location: 'location',
        line_project: 'project',
        line_class: 'class',
      },
    },
    build: buildJournal,
    buildReversal: buildJournalReversal,
    sources: JOURNAL_SOURCES,
  }),
  columns: [
    'journal',
    'batch_date',
    'title',
    'line_no',
    'line_account',
    'line_side',
    'line_amount',
    'line_memo',
    'line_department',
    'line_location',
    'line_project',
    'line_class',
  ],
};
