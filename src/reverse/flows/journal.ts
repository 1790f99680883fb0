/**
 * The journal-entry flows share one shape: a header (journal, batch date, title) and lines (account,
 * side, amount, dimensions). Entries are never edited: a correction is a reversing entry (the same
 * lines with debit and credit swapped, on the original date) plus a new version.
 */
import type { WriteFunction } from '../../intacct/envelope.ts';
import { buildGlBatch, type GlEntryInput } from '../../intacct/writes/index.ts';
import { type BuildContext, cell, must, type Row, type SourceRecord } from '../flow.ts';

/** GLBATCH with REFERENCENO (the lookup key): Intacct's GLBATCH create fields, see the gl-batch builder. */
export const JOURNAL_SOURCES = [
  'developer.intacct.com/api/general-ledger/journal-entries/: GLBATCH create with JOURNAL, BATCH_DATE, BATCH_TITLE, REFERENCENO, STATE and ENTRIES/GLENTRY (ACCOUNTNO, TR_TYPE, TRX_AMOUNT, DESCRIPTION, LOCATION, DEPARTMENT, PROJECTID, TASKID, EMPLOYEEID, CLASSID)',
  'intacct/intacct-sdk-php JournalEntryCreate / JournalEntryLineCreate and their tests: the same names',
  'developer.intacct.com/web-services/queries/: `query` with an `in` filter on REFERENCENO finds an entry by its reference',
] as const;

function line(l: Row, flip: boolean): GlEntryInput {
  const side = must(l, 'line_side') === 'debit' ? 'debit' : 'credit';
  const dims = {
    ...(cell(l, 'line_department') ? { department: must(l, 'line_department') } : {}),
    ...(cell(l, 'line_location') ? { location: must(l, 'line_location') } : {}),
    ...(cell(l, 'line_project') ? { project: must(l, 'line_project') } : {}),
    ...(cell(l, 'line_task') ? { task: must(l, 'line_task') } : {}),
    ...(cell(l, 'line_employee') ? { employee: must(l, 'line_employee') } : {}),
    ...(cell(l, 'line_class') ? { class: must(l, 'line_class') } : {}),
  };
  return {
    accountNo: must(l, 'line_account'),
    side: flip ? (side === 'debit' ? 'credit' : 'debit') : side,
    amount: must(l, 'line_amount'),
    ...(cell(l, 'line_memo') ? { memo: must(l, 'line_memo') } : {}),
    dimensions: dims,
  };
}

export function buildJournal(record: SourceRecord, ctx: BuildContext): WriteFunction {
  const h = record.header;
  return buildGlBatch({
    controlId: ctx.controlId,
    journal: must(h, 'journal'),
    batchDate: must(h, 'batch_date'),
    title: must(h, 'title'),
    referenceNo: ctx.reference,
    lines: record.lines.map((l) => line(l, false)),
  });
}

export function buildJournalReversal(record: SourceRecord, ctx: BuildContext): WriteFunction {
  const h = record.header;
  return buildGlBatch({
    controlId: ctx.controlId,
    journal: must(h, 'journal'),
    batchDate: must(h, 'batch_date'),
    title: `Reversal of ${must(h, 'title')}`.slice(0, 100),
    referenceNo: ctx.reference,
    lines: record.lines.map((l) => line(l, true)),
  });
}

export const JOURNAL_CHECKS = {
  dates: ['batch_date'],
  postingDate: 'batch_date',
  required: ['journal', 'batch_date', 'title'],
  amounts: ['line_amount'],
  account: 'line_account',
  manualJournal: true,
  balance: { side: 'line_side', amount: 'line_amount' },
} as const;
