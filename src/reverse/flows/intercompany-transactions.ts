import { defineFlow } from '../flow.ts';
import {
  buildIntercompanyEntry,
  buildIntercompanyReversal,
  counterpartyReasons,
  INTERCOMPANY_CHECKS,
  INTERCOMPANY_SOURCES,
  pairReasons,
} from './intercompany.ts';

/** Due-from and due-to accounts the model posts to (seed intercompany_accounts; the sandbox's chart). */
const ACCOUNTS = { dueFrom: '1400', dueTo: '2400' };

/**
 * Cross-entity transactions: one entity pays or bills on behalf of another. Two journal entries per
 * transaction, one in each entity, in the transaction currency (Intacct converts to each entity's
 * base currency at its daily rate for the date), with the counterparty dimension on the
 * intercompany lines. A pair that does not net to zero in the reporting currency posts neither leg.
 */
export const intercompanyTransactions = defineFlow({
  name: 'intercompany-transactions',
  summary:
    'Cross-entity transactions → due-from and due-to journal entries in both entities (GLBATCH, journal ICJ), converted at Intacct’s rate; a pair that does not net to zero in the reporting currency is refused',
  model: 'rev_intercompany_transactions',
  object: 'GLBATCH',
  lookup: { object: 'GLBATCH', field: 'REFERENCENO' },
  onChange: 'correct',
  checks: INTERCOMPANY_CHECKS,
  validate: (r) => [
    ...counterpartyReasons(r, ACCOUNTS),
    ...pairReasons(
      r,
      'record both sides in the same currency and amount (leave to_currency and to_amount empty) or correct the side that is wrong in the source',
    ),
  ],
  build: buildIntercompanyEntry,
  buildReversal: buildIntercompanyReversal,
  sources: INTERCOMPANY_SOURCES,
});
