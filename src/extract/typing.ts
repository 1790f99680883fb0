import { isDecimal } from '../core/decimal.ts';
import { parseIntacctDate, parseIntacctTimestamp, toIsoUtc } from '../core/time.ts';
import type { FieldType } from '../intacct/objects/descriptor.ts';

/** A raw Intacct record: upper-case field names, values exactly as Intacct sent them. */
export type RawRecord = Readonly<Record<string, string | null>>;

/** A row for the stage writer: canonical strings aligned with the table's data columns. */
export type StagedRow = (string | null)[];

export interface TypedColumn {
  readonly name: string;
  readonly type: FieldType;
  /** The Intacct field the column is read from. */
  readonly source?: string;
}

/** A value Intacct sent that does not fit its declared type: the stream stops rather than lose it. */
export class ValueError extends Error {
  constructor(
    readonly field: string,
    readonly value: string,
    readonly expected: FieldType,
    readonly key: string | null,
  ) {
    super(
      `field ${field} of record ${key ?? '(no key)'} holds ${JSON.stringify(value.slice(0, 80))}, which is not a valid ${expected}`,
    );
    this.name = 'ValueError';
  }
}

const TRUE_WORDS = new Set(['true', 't', 'yes', 'y', '1', 'active']);
const FALSE_WORDS = new Set(['false', 'f', 'no', 'n', '0', 'inactive']);
const INTEGER_RE = /^[+-]?\d+$/;

type Convert = (text: string) => string | undefined;

function converter(type: FieldType, timeZone: string): Convert {
  switch (type) {
    case 'string':
      return (t) => t;
    case 'integer':
      return (t) => (INTEGER_RE.test(t.trim()) ? t.trim().replace(/^\+/, '') : undefined);
    case 'decimal':
      // Kept as the exact text Intacct sent; never through a JS number.
      return (t) => (isDecimal(t) ? t.trim().replace(/^\+/, '') : undefined);
    case 'date':
      return (t) => {
        try {
          return parseIntacctDate(t) ?? undefined;
        } catch {
          return undefined;
        }
      };
    case 'timestamp':
      return (t) => {
        try {
          const epoch = parseIntacctTimestamp(t, timeZone);
          return epoch === null ? undefined : toIsoUtc(epoch);
        } catch {
          return undefined;
        }
      };
    case 'boolean':
      return (t) => {
        const w = t.trim().toLowerCase();
        return TRUE_WORDS.has(w) ? 'true' : FALSE_WORDS.has(w) ? 'false' : undefined;
      };
  }
}

/**
 * Compiles a converter from raw records to staged rows for one table, once per stream: the
 * per-row work is one array fill with a precomputed function per column (this is the hot path).
 */
export function compileRowConverter(
  columns: readonly TypedColumn[],
  keyField: string,
  timeZone: string,
): (record: RawRecord) => StagedRow {
  const plan = columns.map((c) => ({
    source: c.source ?? c.name.toUpperCase(),
    type: c.type,
    convert: converter(c.type, timeZone),
  }));
  return (record) => {
    const row: StagedRow = new Array(plan.length);
    for (let i = 0; i < plan.length; i++) {
      const p = plan[i]!;
      const text = record[p.source];
      // Intacct writes a null as an empty element.
      if (text === null || text === undefined || text === '') {
        row[i] = null;
        continue;
      }
      const value = p.convert(text);
      if (value === undefined) throw new ValueError(p.source, text, p.type, record[keyField] ?? null);
      row[i] = value;
    }
    return row;
  };
}
