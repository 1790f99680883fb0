/**
 * A reverse flow: one model in `models/reverse/` (one row per Intacct record, or a header repeated
 * on each of its lines) posted as one Intacct object. The engine (plan, validate, apply) is generic
 * and reads these descriptors; each flow lives in its own file under `flows/` and is listed in
 * `flows/index.ts`.
 */
import type { WriteFunction } from '../intacct/envelope.ts';

/** A value of a model row: models cast their columns to text, so dates and amounts stay exact. */
export type Cell = string | null;
export type Row = Readonly<Record<string, Cell>>;

/** One desired Intacct record, grouped from the model by its external key. */
export interface SourceRecord {
  readonly flow: string;
  readonly externalKey: string;
  /** The entity (LOCATIONENTITY id) whose session posts it; '' is the top level. */
  readonly entity: string;
  readonly header: Row;
  /** `line_*` columns of each line, ordered by `line_no`; empty for single-row records. */
  readonly lines: readonly Row[];
}

export const DIMENSION_KINDS = [
  'department',
  'location',
  'project',
  'task',
  'employee',
  'class',
  'customer',
  'vendor',
] as const;
export type DimensionKind = (typeof DIMENSION_KINDS)[number];

/**
 * What the generic validator checks, by column name. Line columns are `line_*`; header columns are
 * plain. Every `<column>_source` column a model emits is a mapped value: a source value with no
 * mapping (the column null) is rejected as unmapped.
 */
export interface FlowChecks {
  /** Header columns that must be ISO dates. */
  readonly dates?: readonly string[];
  /** The header date whose period must be open (after the entity's books-closed date). */
  readonly postingDate?: string;
  /** Header columns that must be present. */
  readonly required?: readonly string[];
  /** Decimal amount columns (header or line). */
  readonly amounts?: readonly string[];
  /** The line column holding a GL account number. */
  readonly account?: string;
  /** Journal entries: manual entries may not post to subledger control accounts. */
  readonly manualJournal?: boolean;
  /** Journal entries: line side ('debit'|'credit') and amount columns that must balance. */
  readonly balance?: { readonly side: string; readonly amount: string };
  /** Column (header or line) to the dimension it names; the value must exist and be active in the entity. */
  readonly dimensions?: Readonly<Record<string, DimensionKind>>;
  /** Header column holding a currency code. */
  readonly currency?: string;
  /** Header column holding a purchase order number that must exist in Intacct when given. */
  readonly purchaseOrder?: string;
}

export interface BuildContext {
  readonly controlId: string;
  /** The value of the lookup field this write sets (the external key, versioned for journal entries). */
  readonly reference: string;
  /** create, or update of the record posted as `intacctKey`. */
  readonly mode: 'create' | 'update';
  readonly intacctKey: string | null;
  /** The Intacct key another flow posted for an external key (payments find their invoice). */
  readonly resolve: (flow: string, externalKey: string) => string | null;
}

export interface FlowDescriptor {
  readonly name: string;
  readonly summary: string;
  /** The reverse model (a relation in the analytics schema). */
  readonly model: string;
  readonly object: 'CUSTOMER' | 'VENDOR' | 'ARINVOICE' | 'ARPYMT' | 'GLBATCH' | 'APBILL' | 'PODOCUMENT';
  /** Where the external key lives in Intacct, to find a record an earlier (crashed) run posted. */
  readonly lookup: { readonly object: string; readonly field: string };
  /**
   * The flow's writes change a record that already exists (master-data updates keyed by a change
   * request, not by the record): such a write is idempotent by itself, and the record is found
   * under its own id, so nothing is looked up before it is sent.
   */
  readonly updatesExisting?: boolean;
  /**
   * What a changed payload does: `update` the record, `correct` it (journal entries: a reversing
   * entry plus a new version, never an edit), or `none` (documents with payments cannot change:
   * the change is rejected with a reason).
   */
  readonly onChange: 'update' | 'correct' | 'none';
  /** Flows whose records this one needs posted first (applied earlier in the same push). */
  readonly dependsOn?: readonly string[];
  /** Records of this flow go to Slack for approval above the configured amount (header column). */
  readonly approvalAmount?: string;
  readonly checks: FlowChecks;
  /** Flow-specific reasons to reject a record (beyond the generic checks). */
  readonly validate?: (record: SourceRecord, resolve: BuildContext['resolve']) => string[];
  /** The write function for the record; throws a `record` ClassifiedError for input it cannot send. */
  readonly build: (record: SourceRecord, ctx: BuildContext) => WriteFunction;
  /** Journal entries only: the reversing entry of a posted version (`correct` flows). */
  readonly buildReversal?: (record: SourceRecord, ctx: BuildContext) => WriteFunction;
  /** Public sources for every Intacct name the flow relies on. */
  readonly sources: readonly string[];
}

export function defineFlow(flow: FlowDescriptor): FlowDescriptor {
  return flow;
}

/** A header or line value, trimmed; null when empty. */
export function cell(row: Row, column: string): string | null {
  const v = row[column];
  if (v === undefined || v === null) return null;
  const t = String(v).trim();
  return t === '' ? null : t;
}

/** A value the model guarantees (validation has already rejected records without it). */
export function must(row: Row, column: string): string {
  return cell(row, column) ?? '';
}
