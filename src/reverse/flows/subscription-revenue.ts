import { defineFlow } from '../flow.ts';
import { buildJournal, buildJournalReversal, JOURNAL_CHECKS, JOURNAL_SOURCES } from './journal.ts';

export const subscriptionRevenue = defineFlow({
  name: 'subscription-revenue',
  summary:
    'Chargebee subscriptions and invoices → deferred revenue at billing and a monthly recognition schedule (GLBATCH), corrected on upgrade, downgrade and cancel',
  model: 'rev_subscription_revenue',
  object: 'GLBATCH',
  lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
  onChange: 'correct',
  checks: { ...JOURNAL_CHECKS, dimensions: { line_location: 'location' } },
  build: buildJournal,
  buildReversal: buildJournalReversal,
  sources: JOURNAL_SOURCES,
});
