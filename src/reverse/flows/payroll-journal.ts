import { defineFlow } from '../flow.ts';
import { buildJournal, buildJournalReversal, JOURNAL_CHECKS, JOURNAL_SOURCES } from './journal.ts';

export const payrollJournal = defineFlow({
  name: 'payroll-journal',
  summary:
    'ADP payroll register → one balanced journal entry per run and entity, by department and earning type (GLBATCH, journal PYJ)',
  model: 'rev_payroll_journal',
  object: 'GLBATCH',
  lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
  onChange: 'correct',
  checks: { ...JOURNAL_CHECKS, dimensions: { line_department: 'department', line_location: 'location' } },
  build: buildJournal,
  buildReversal: buildJournalReversal,
  sources: JOURNAL_SOURCES,
});
