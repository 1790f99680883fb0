import { compare, sum } from '../../core/decimal.ts';
import { create, type WriteFunction } from '../envelope.ts';
import { el, opt } from '../xml.ts';
import {
  customFields,
  type Dimensions,
  date,
  dimensionElements,
  money,
  optDate,
  rate,
  reject,
  required,
} from './common.ts';

/** One journal entry line. Amounts are positive; `side` says debit or credit. */
// Elements: developer.intacct.com/api/general-ledger/journal-entries/ (create parameter tables) and
// Intacct/intacct-sdk-js src/Functions/GeneralLedger/JournalEntryCreate.ts, JournalEntryLineCreate.ts.
export interface GlEntryInput {
  readonly accountNo: string;
  readonly side: 'debit' | 'credit';
  /** Transaction-currency amount, a positive decimal string. */
  readonly amount: string;
  readonly memo?: string;
  readonly document?: string;
  readonly currency?: string;
  readonly exchangeRateDate?: string;
  readonly exchangeRateTypeId?: string;
  readonly exchangeRate?: string;
  readonly dimensions?: Dimensions;
}

export interface GlBatchInput {
  /** Deterministic function controlid (the idempotency key of this journal entry). */
  readonly controlId: string;
  readonly journal: string;
  /** ISO date. */
  readonly batchDate: string;
  readonly title: string;
  readonly referenceNo?: string;
  readonly reverseDate?: string;
  readonly historyComment?: string;
  /** Source entity, needed in multi-entity companies when entries do not balance by entity. */
  readonly baseLocation?: string;
  readonly supDocId?: string;
  readonly state?: 'Posted' | 'Draft';
  readonly customFields?: Readonly<Record<string, string>>;
  readonly lines: readonly GlEntryInput[];
}

/** GLBATCH create: a journal entry with lines, dimensions and currency; refused unless balanced. */
export function buildGlBatch(input: GlBatchInput): WriteFunction {
  if (input.lines.length < 2) reject(`journal entry ${input.controlId}: needs at least 2 lines`);
  const amounts = input.lines.map((l, i) =>
    money(l.amount, `journal entry ${input.controlId} line ${i + 1}`),
  );
  const debits = sum(amounts.filter((_, i) => input.lines[i]?.side === 'debit'));
  const credits = sum(amounts.filter((_, i) => input.lines[i]?.side === 'credit'));
  if (compare(debits, credits) !== 0) {
    reject(`journal entry ${input.controlId}: debits ${debits} do not equal credits ${credits}`);
  }
  const entries = input.lines.map((line, i) => {
    const what = `journal entry ${input.controlId} line ${i + 1}`;
    // The docs take one or the other: a rate type, or (with the type left blank) a rate.
    if (line.exchangeRateTypeId && line.exchangeRate) {
      reject(`${what}: give an exchange rate type or an exchange rate, not both`);
    }
    return el('GLENTRY', [
      opt('DOCUMENT', line.document),
      el('ACCOUNTNO', required(line.accountNo, `${what}: account`)),
      opt('CURRENCY', line.currency),
      el('TRX_AMOUNT', amounts[i]!),
      el('TR_TYPE', line.side === 'debit' ? '1' : '-1'),
      optDate('EXCH_RATE_DATE', line.exchangeRateDate, what),
      opt('EXCH_RATE_TYPE_ID', line.exchangeRateTypeId),
      line.exchangeRate ? el('EXCHANGE_RATE', rate(line.exchangeRate, what)) : null,
      opt('DESCRIPTION', line.memo),
      ...dimensionElements(line.dimensions, 'glentry'),
    ]);
  });
  return create(
    input.controlId,
    el('GLBATCH', [
      el('JOURNAL', required(input.journal, 'journal')),
      el('BATCH_DATE', date(input.batchDate, 'batch date')),
      optDate('REVERSEDATE', input.reverseDate, 'reverse date'),
      el('BATCH_TITLE', required(input.title, 'title')),
      opt('HISTORY_COMMENT', input.historyComment),
      opt('REFERENCENO', input.referenceNo),
      opt('BASELOCATION_NO', input.baseLocation),
      opt('SUPDOCID', input.supDocId),
      el('STATE', input.state ?? 'Posted'),
      ...customFields(input.customFields),
      el('ENTRIES', entries),
    ]),
  );
}
