import { isDecimal } from '../core/decimal.ts';
import { parseIntacctDate, parseIntacctTimestamp, toIsoUtc } from '../core/time.ts';
import type { FieldType } from '../intacct/objects/descriptor.ts';
import type { RecordRows } from '../intacct/record-rows.ts';

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
 * The page converter for one table, compiled once per stream: each page's field order is matched to
 * the table's columns once, then every row is one array fill with a precomputed function per column
 * (this is the hot path). Dates and times repeat down a page (a batch's lines share them), so each
 * column remembers its last conversion.
 */
export function compilePageConverter(
  columns: readonly TypedColumn[],
  keyField: string,
  timeZone: string,
): (page: RecordRows) => StagedRow[] {
  const plan = columns.map((c) => {
    const convert = converter(c.type, timeZone);
    return { source: c.source ?? c.name.toUpperCase(), type: c.type, convert: remembering(c.type, convert) };
  });
  const n = plan.length;
  let fields: readonly string[] | undefined;
  let at: number[] = [];
  let keyAt = -1;
  return (page) => {
    if (page.fields !== fields) {
      fields = page.fields;
      at = plan.map((p) => page.indexOf(p.source));
      keyAt = page.indexOf(keyField);
    }
    const rows = page.rows;
    const out = new Array<StagedRow>(rows.length);
    for (let r = 0; r < rows.length; r++) {
      const source = rows[r]!;
      const row: StagedRow = new Array(n);
      for (let i = 0; i < n; i++) {
        const k = at[i]!;
        const text = k < 0 ? undefined : source[k];
        // Intacct writes a null as an empty element.
        if (text === null || text === undefined || text === '') {
          row[i] = null;
          continue;
        }
        const p = plan[i]!;
        const value = p.convert(text);
        if (value === undefined) {
          throw new ValueError(p.source, text, p.type, keyAt < 0 ? null : (source[keyAt] ?? null));
        }
        row[i] = value;
      }
      out[r] = row;
    }
    return out;
  };
}

/** Dates and times with a one-value memory; other types as they are. */
function remembering(type: FieldType, convert: Convert): Convert {
  if (type !== 'date' && type !== 'timestamp') return convert;
  let lastText: string | undefined;
  let lastValue: string | undefined;
  return (text) => {
    if (text !== lastText) {
      lastValue = convert(text);
      lastText = text;
    }
    return lastValue;
  };
}
