/**
 * The records of one page as rows of values in the order of `fields`, the names the records carry.
 * This is the hot path's form: the scanner stores each value at an array index instead of a named
 * property (a page's 62,000 stores under 62 names made every store a generic keyed store), and the
 * row converter reads values by index. `toRecords()` gives the named form to everything else.
 */
import type { RawRecord } from './record-stream.ts';

/** One record's values by field index; undefined where the record did not carry the field. */
export type RecordRow = (string | null | undefined)[];

export class RecordRows {
  /** Field names in the order first seen; shared by every row (a row may be shorter). */
  readonly fields: readonly string[];
  readonly rows: readonly RecordRow[];
  #index: Map<string, number> | undefined;

  constructor(fields: readonly string[], rows: readonly RecordRow[]) {
    this.fields = fields;
    this.rows = rows;
  }

  static fromRecords(records: readonly RawRecord[]): RecordRows {
    const fields: string[] = [];
    const index = new Map<string, number>();
    const rows = records.map((record) => {
      const row: RecordRow = [];
      for (const [name, value] of Object.entries(record)) {
        let at = index.get(name);
        if (at === undefined) {
          at = fields.push(name) - 1;
          index.set(name, at);
        }
        row[at] = value;
      }
      return row;
    });
    return new RecordRows(fields, rows);
  }

  get length(): number {
    return this.rows.length;
  }

  /** The index of `field` in every row, or -1. */
  indexOf(field: string): number {
    if (this.#index === undefined) this.#index = new Map(this.fields.map((name, i) => [name, i]));
    return this.#index.get(field) ?? -1;
  }

  /** The rows for which `keep(rowIndex)` holds, with the same fields. */
  filter(keep: (row: number) => boolean): RecordRows {
    const kept = this.rows.filter((_, i) => keep(i));
    return kept.length === this.rows.length ? this : new RecordRows(this.fields, kept);
  }

  toRecords(): RawRecord[] {
    const fields = this.fields;
    return this.rows.map((row) => {
      const record: RawRecord = {};
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        if (value !== undefined) record[fields[i]!] = value;
      }
      return record;
    });
  }
}
