import type { SandboxFieldDef, SandboxObjectDef } from '../catalog.ts';
import type { SandboxRecord } from '../store.ts';
import type { ReadStyle } from './records.ts';
import { type BooleanStyle, formatDate, formatTimestamp, formatValue } from './values.ts';
import { escapeXml, isXmlName } from './xml-writer.ts';

/**
 * Record pages are most of what the sandbox serves (a GL backfill is ~1,000 records of ~60 fields
 * per request). `recordRenderer` (records.ts) reads each field by a computed name and builds the
 * record from ~200 small concatenations; this compiles a field list once into one function per
 * record shape instead: literal property reads (the store builds every record of an object with the
 * same hidden class) and one array of constant tags and formatted values, joined once into a flat
 * string. The bytes are the same as `recordRenderer`'s; a test compares the two, before and after
 * records change.
 *
 * Rendered records are not cached: keeping each record's XML (keyed by the immutable record object)
 * made a second read of a scale-2 GL 10x cheaper but the first read 2x dearer, as every page's
 * strings then survive into the old generation (~180 MB copied and marked), and a backfill reads
 * each record once.
 */

export type CompiledRecord = (record: SandboxRecord) => string;

/** Formats one canonical value for the wire and escapes it; '' for null (an empty element). */
type ValueFormatter = (raw: string | null | undefined) => string;

function formatter(
  f: SandboxFieldDef,
  timezone: string,
  booleans: BooleanStyle,
  map: Readonly<Record<string, string>> | undefined,
): ValueFormatter {
  if (map) {
    // The general form, as recordRenderer writes it: wire-value maps are rare (two fields).
    return (raw) => {
      if (raw === null || raw === undefined) return '';
      const v = formatValue(raw, f.type, timezone, booleans);
      return escapeXml(map[raw] ?? v);
    };
  }
  switch (f.type) {
    case 'timestamp':
      return (raw) => (raw === null || raw === undefined ? '' : escapeXml(formatTimestamp(raw, timezone)));
    case 'date':
      return (raw) => (raw === null || raw === undefined ? '' : escapeXml(formatDate(raw)));
    case 'boolean':
      return (raw) =>
        raw === null || raw === undefined ? '' : escapeXml(formatValue(raw, f.type, timezone, booleans));
    default:
      // text, integer and decimal are written as stored.
      return (raw) => (raw === null || raw === undefined ? '' : escapeXml(raw));
  }
}

export interface CompileOptions {
  readonly timezone: string;
  readonly style: ReadStyle;
  /** Wire-value map per field name (readByQuery's letters and words), from records.ts. */
  readonly valueMap: (field: string) => Readonly<Record<string, string>> | undefined;
}

// A field list compiles once and serves every page that selects it. Few lists are in use at a time
// (one per object and select list a client pages with); the bound only guards against a client that
// varies its select list forever.
const COMPILED_LIMIT = 256;
const compiled = new Map<string, CompiledRecord>();

/**
 * The compiled renderer for a field list, or undefined when a name could not be written safely into
 * generated code (element names come from the catalog and company profiles, never from requests,
 * but the compiler checks rather than trusts; the caller then renders the general way).
 */
export function compiledRecord(
  def: SandboxObjectDef,
  fields: readonly SandboxFieldDef[],
  tag: string,
  opts: CompileOptions,
): CompiledRecord | undefined {
  if (!isXmlName(tag) || !fields.every((f) => isXmlName(f.name))) return undefined;
  const key = JSON.stringify([def.name, tag, opts.style, opts.timezone, fields.map((f) => [f.name, f.type])]);
  let fn = compiled.get(key);
  if (fn) return fn;
  const booleans: BooleanStyle = opts.style === 'readByQuery' ? 'TF' : 'truefalse';
  const formatters = fields.map((f) => formatter(f, opts.timezone, booleans, opts.valueMap(f.name)));
  // ['<TAG>', '<A>', value of r["A"], '</A>', ...'</TAG>'].join(''): names are checked XML names,
  // quoted by JSON.stringify, so the source holds only string literals, property reads and calls of
  // the formatters. Fields written as stored (text and numbers, most of them) are escaped inline
  // rather than through a formatter call each.
  const items = [JSON.stringify(`<${tag}>`)];
  fields.forEach((f, i) => {
    const read = `r[${JSON.stringify(f.name)}]`;
    const asStored =
      f.type !== 'timestamp' && f.type !== 'date' && f.type !== 'boolean' && !opts.valueMap(f.name);
    items.push(
      JSON.stringify(`<${f.name}>`),
      asStored ? `((x = ${read}) === null || x === undefined ? '' : e(x))` : `v[${i}](${read})`,
      JSON.stringify(`</${f.name}>`),
    );
  });
  items.push(JSON.stringify(`</${tag}>`));
  const body = new Function('v', 'e', 'r', `let x; return [${items.join(', ')}].join('');`) as (
    v: readonly ValueFormatter[],
    e: (value: string) => string,
    r: SandboxRecord,
  ) => string;
  fn = (record) => body(formatters, escapeXml, record);
  compiled.set(key, fn);
  if (compiled.size > COMPILED_LIMIT) compiled.delete(compiled.keys().next().value as string);
  return fn;
}
