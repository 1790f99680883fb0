import { defineFlow } from '../flow.ts';
import { buildJournal, buildJournalReversal, JOURNAL_CHECKS, JOURNAL_SOURCES } from './journal.ts';

export const timesheetCosts = defineFlow({
  name: 'timesheet-costs',
  summary:
    'Timesheet hours × cost rate → project cost journal entries with project, task and employee dimensions (GLBATCH)',
  model: 'rev_timesheet_costs',
  object: 'GLBATCH',
  lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
  onChange: 'correct',
  checks: {
    ...JOURNAL_CHECKS,
    dimensions: {
      line_location: 'location',
      line_department: 'department',
      line_project: 'project',
      line_task: 'task',
      line_employee: 'employee',
    },
  },
  build: buildJournal,
  buildReversal: buildJournalReversal,
  sources: JOURNAL_SOURCES,
});
