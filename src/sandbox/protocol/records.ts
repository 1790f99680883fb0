import type { SandboxFieldDef, SandboxObjectDef } from '../catalog.ts';
import type { SandboxRecord } from '../store.ts';
import { compiledRecord } from './record-compiler.ts';
import { type BooleanStyle, formatValue } from './values.ts';
import { XmlWriter, escapeXml } from './xml-writer.ts';

/**
 * Writing records as Intacct does: one element per record (lower-case object name in readByQuery,
 * upper case in query and read), upper-case field tags, an empty element for every null.
 */
export const READ_STYLES = ['readByQuery', 'query', 'read'] as const;
export type ReadStyle = (typeof READ_STYLES)[number];

/**
 * Values readByQuery writes differently from query: GLBATCH STATE as one-letter codes, AUDITHISTORY
 * ACCESSMODE as words (query uses the letters). Keyed `OBJECT.FIELD`; maps canonical -> readByQuery.
 */
const READ_BY_QUERY_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'GLBATCH.STATE': {
    Draft: 'I',
    Submitted: 'S',
    'Partially Approved': 'X',
    Approved: 'A',
    Posted: 'P',
    Declined: 'R',
    'Reversal Pending': 'L',
    Reversed: 'Z',
  },
  'AUDITHISTORY.ACCESSMODE': {
    A: 'Access',
    M: 'Modify',
    C: 'Create',
    D: 'Delete',
    W: 'Workflow',
    T: 'Activity',
    U: 'User action',
  },
};

export function wireValueMap(
  object: string,
  field: string,
  style: ReadStyle,
): Readonly<Record<string, string>> | undefined {
  return style === 'readByQuery' ? READ_BY_QUERY_VALUES[`${object}.${field}`] : undefined;
}

/** A readByQuery filter literal written in the wire form, mapped back to the canonical value. */
export function canonicalFromWire(object: string, field: string, literal: string): string {
  const map = READ_BY_QUERY_VALUES[`${object}.${field}`];
  if (!map) return literal;
  for (const [canonical, wire] of Object.entries(map)) if (wire === literal) return canonical;
  return literal;
}

export interface RenderOptions {
  readonly timezone: string;
  readonly style: ReadStyle;
}

type FieldWriter = (record: SandboxRecord) => string;

function fieldWriter(def: SandboxObjectDef, f: SandboxFieldDef, opts: RenderOptions): FieldWriter {
  const booleans: BooleanStyle = opts.style === 'readByQuery' ? 'TF' : 'truefalse';
  const map = wireValueMap(def.name, f.name, opts.style);
  const open = `<${f.name}>`;
  const close = `</${f.name}>`;
  return (record) => {
    const raw = record[f.name];
    let v = formatValue(raw, f.type, opts.timezone, booleans);
    if (map && raw !== null && raw !== undefined) v = map[raw] ?? v;
    return v === '' ? open + close : open + escapeXml(v) + close;
  };
}

/** Builds a fast renderer for a fixed field list; reused for every record of a page. */
export function recordRenderer(
  def: SandboxObjectDef,
  fields: readonly SandboxFieldDef[],
  tag: string,
  opts: RenderOptions,
): (w: XmlWriter, record: SandboxRecord) => void {
  const writers = fields.map((f) => fieldWriter(def, f, opts));
  const open = `<${tag}>`;
  const close = `</${tag}>`;
  return (w, record) => {
    let s = open;
    for (const write of writers) s += write(record);
    w.raw(s + close);
  };
}

export function renderData(
  attrs: Readonly<Record<string, string | number | undefined>>,
  def: SandboxObjectDef,
  fields: readonly SandboxFieldDef[],
  tag: string,
  records: readonly SandboxRecord[],
  opts: RenderOptions,
): string {
  const w = new XmlWriter();
  if (records.length === 0) return w.empty('data', attrs).toString();
  w.open('data', attrs);
  const render = recordRenderer(def, fields, tag, opts);
  for (const r of records) render(w, r);
  return w.close('data').toString();
}

/**
 * `renderData` for record pages as the gateway serves them: the same bytes, as pieces (the data
 * element's tags and one flat string per record, from the compiled renderer) for the response to
 * encode once. `renderData` stays the general path, which a test holds this one to.
 */
export function renderDataPieces(
  attrs: Readonly<Record<string, string | number | undefined>>,
  def: SandboxObjectDef,
  fields: readonly SandboxFieldDef[],
  tag: string,
  records: readonly SandboxRecord[],
  opts: RenderOptions,
): readonly string[] {
  if (records.length === 0) return [new XmlWriter().empty('data', attrs).toString()];
  const record = compiledRecord(def, fields, tag, {
    ...opts,
    valueMap: (field) => wireValueMap(def.name, field, opts.style),
  });
  if (!record) return [renderData(attrs, def, fields, tag, records, opts)];
  const pieces: string[] = [new XmlWriter().open('data', attrs).toString()];
  for (const r of records) pieces.push(record(r));
  pieces.push('</data>');
  return pieces;
}
