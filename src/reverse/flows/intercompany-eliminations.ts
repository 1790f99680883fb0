import { defineFlow } from '../flow.ts';
import {
  buildIntercompanyEntry,
  buildIntercompanyReversal,
  counterpartyReasons,
  INTERCOMPANY_CHECKS,
  INTERCOMPANY_SOURCES,
  pairReasons,
} from './intercompany.ts';

const ACCOUNTS = { dueFrom: '1400', dueTo: '2400' };

/**
 * Month-end consolidation eliminations: per entity pair and currency, the due-from and due-to
 * balances not yet eliminated, reversed against the elimination clearing account in both entities
 * (journal ADJ by default), so the consolidated intercompany balance is zero. Computed from the GL
 * as synced, so run it after the month's intercompany entries are in Intacct and synced back.
 */
export const intercompanyEliminations = defineFlow({
  name: 'intercompany-eliminations',
  summary:
    'Month-end consolidation eliminations of intercompany balances per entity pair and currency (GLBATCH, journal ADJ), refused for a pair that does not net to zero',
  model: 'rev_intercompany_eliminations',
  object: 'GLBATCH',
  lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
  onChange: 'correct',
  dependsOn: ['intercompany-transactions'],
  checks: INTERCOMPANY_CHECKS,
  validate: (r) => [
    ...counterpartyReasons(r, ACCOUNTS),
    ...pairReasons(
      r,
      'reconcile the pair before eliminating it (the model intercompany_reconciliation_entries lists its lines)',
    ),
  ],
  build: buildIntercompanyEntry,
  buildReversal: buildIntercompanyReversal,
  sources: [
    ...INTERCOMPANY_SOURCES,
    'developer.intacct.com/api/general-ledger/journal-entries/: JOURNAL names the journal (ADJ here, the sandbox’s adjustments journal; set var intercompany_elimination_journal to yours)',
  ],
});
