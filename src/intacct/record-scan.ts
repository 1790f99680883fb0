/**
 * The hot path of a record page: the records inside `<data>`, read by a strict hand-written scanner
 * over the page text instead of an event parser. Intacct's record XML is flat elements of text
 * (sometimes one level of nesting, sometimes CDATA), so a scanner that walks it with indexOf and
 * slices values costs a few microseconds a record where saxes costs ~15 µs and a dozen short-lived
 * objects per field (bench/gl-backfill.ts profile). Strict: a mismatched close tag, an unknown
 * entity or a cut-off section throws, and the caller treats the page as malformed (never partial).
 */
import { type RecordRow, RecordRows } from './record-rows.ts';

export class ScanError extends Error {}

const LT = 60; // <
const GT = 62; // >
const SLASH = 47; // /
const BANG = 33; // !
const QUESTION = 63; // ?

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function isNameEnd(c: number): boolean {
  return c === GT || c === SLASH || isSpace(c);
}

/** Where a tag's name ends: at whitespace, `/` or `>`. */
function nameEnd(text: string, from: number): number {
  let i = from;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === GT || c === SLASH || isSpace(c)) return i;
  }
  throw new ScanError('document is incomplete');
}

/** Index of the `>` closing an open tag (attribute values may hold `>`); also whether it is `/>`. */
function tagEnd(text: string, from: number): { end: number; selfClosing: boolean } {
  let quote = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) {
      quote = c;
    } else if (c === GT) {
      return { end: i, selfClosing: text.charCodeAt(i - 1) === SLASH };
    } else if (c === LT) {
      throw new ScanError(`"<" inside a tag at ${i}`);
    }
  }
  throw new ScanError('document is incomplete');
}

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML text with its five named entities and numeric character references replaced. */
export function decodeEntities(raw: string): string {
  let out = '';
  let last = 0;
  for (let i = raw.indexOf('&'); i >= 0; i = raw.indexOf('&', last)) {
    const semi = raw.indexOf(';', i + 1);
    if (semi < 0 || semi - i > 12)
      throw new ScanError(`unterminated entity in ${JSON.stringify(raw.slice(i, i + 12))}`);
    const name = raw.slice(i + 1, semi);
    let ch: string | undefined;
    if (name.charCodeAt(0) === 35 /* # */) {
      const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
      const valid = /^#(x[0-9a-fA-F]+|[0-9]+)$/.test(name) && code <= 0x10ffff;
      if (!valid) throw new ScanError(`bad character reference &${name};`);
      ch = String.fromCodePoint(code);
    } else {
      ch = NAMED[name];
      if (ch === undefined) throw new ScanError(`undefined entity &${name};`);
    }
    out += raw.slice(last, i) + ch;
    last = semi + 1;
  }
  return last === 0 ? raw : out + raw.slice(last);
}

/** Skips a comment, processing instruction or CDATA section at `at` (a `<!` or `<?`); returns the index after it. */
function skipSpecial(text: string, at: number): number {
  const close = text.startsWith('<!--', at) ? '-->' : text.startsWith('<![CDATA[', at) ? ']]>' : '?>';
  if (close === '?>' && text.charCodeAt(at + 1) !== QUESTION)
    throw new ScanError(`unexpected markup at ${at}`);
  const end = text.indexOf(close, at);
  if (end < 0) throw new ScanError('document is incomplete');
  return end + close.length;
}

/** Expects `</name>` (whitespace allowed before `>`) at `at`; returns the index after it. */
function closeTag(text: string, at: number, name: string): number {
  if (!text.startsWith(name, at + 2)) {
    throw new ScanError(`close tag at ${at} does not match <${name}>`);
  }
  let i = at + 2 + name.length;
  while (i < text.length && isSpace(text.charCodeAt(i))) i++;
  if (i >= text.length) throw new ScanError('document is incomplete');
  if (text.charCodeAt(i) !== GT) throw new ScanError(`close tag at ${at} does not match <${name}>`);
  return i + 1;
}

/**
 * The row being read and the page's field names: each value is stored at its field's index. A
 * field's name is first compared with the name that followed the previous field in the page (records
 * of a page almost always carry the same fields in the same order), so the usual field costs no
 * slice of its name and no lookup.
 */
class RowBuilder {
  readonly fields: string[] = [];
  readonly #index = new Map<string, number>();
  row: RecordRow = [];

  /** Index of `name`, adding it when new. */
  indexOf(name: string): number {
    let at = this.#index.get(name);
    if (at === undefined) {
      at = this.fields.push(name) - 1;
      this.#index.set(name, at);
    }
    return at;
  }

  /** A field that appears twice keeps its last non-empty value; an empty one never hides a value. */
  put(at: number, value: string | null): void {
    if (value !== null || this.row[at] === undefined) this.row[at] = value;
  }
}

/**
 * Reads the content of element `name` (its open tag ends before `from`) into the row: a leaf's
 * text is stored under `path`, children under `path.child`. Returns the index after `</name>`.
 */
function readElement(text: string, from: number, name: string, path: string, out: RowBuilder): number {
  let i = from;
  let value = '';
  let leaf = true;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) throw new ScanError('document is incomplete');
    if (lt > i && leaf) {
      const raw = text.slice(i, lt);
      value += raw.indexOf('&') >= 0 ? decodeEntities(raw) : raw;
    }
    const c = text.charCodeAt(lt + 1);
    if (c === SLASH) {
      const after = closeTag(text, lt, name);
      if (leaf) out.put(out.indexOf(path), value === '' ? null : value);
      return after;
    }
    if (c === BANG) {
      if (text.startsWith('<![CDATA[', lt)) {
        const end = text.indexOf(']]>', lt + 9);
        if (end < 0) throw new ScanError('document is incomplete');
        if (leaf) value += text.slice(lt + 9, end);
        i = end + 3;
      } else i = skipSpecial(text, lt);
      continue;
    }
    if (c === QUESTION) {
      i = skipSpecial(text, lt);
      continue;
    }
    // A child element: this one is not a leaf, and its text is not a value.
    leaf = false;
    const ne = nameEnd(text, lt + 1);
    const child = text.slice(lt + 1, ne);
    if (child === '') throw new ScanError(`empty tag name at ${lt}`);
    const { end, selfClosing } = tagEnd(text, ne);
    const childPath = `${path}.${child}`;
    if (selfClosing) {
      out.put(out.indexOf(childPath), null);
      i = end + 1;
    } else i = readElement(text, end + 1, child, childPath, out);
  }
}

/**
 * Reads the records of a `<data>` element whose open tag ends just before `from`; returns them and
 * the index of its `</data>`.
 */
export function scanRecords(text: string, from: number): { rows: RecordRows; closeAt: number } {
  const rows: RecordRow[] = [];
  const out = new RowBuilder();
  let i = from;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) throw new ScanError('document is incomplete');
    const c = text.charCodeAt(lt + 1);
    if (c === SLASH) {
      closeTag(text, lt, 'data');
      return { rows: new RecordRows(out.fields, rows), closeAt: lt };
    }
    if (c === BANG || c === QUESTION) {
      i = skipSpecial(text, lt);
      continue;
    }
    const ne = nameEnd(text, lt + 1);
    const name = text.slice(lt + 1, ne);
    if (name === '') throw new ScanError(`empty tag name at ${lt}`);
    const open = tagEnd(text, ne);
    // Sized for the fields seen so far: one allocation, filled in order.
    out.row = new Array(out.fields.length);
    i = open.selfClosing ? open.end + 1 : readFields(text, open.end + 1, name, out);
    rows.push(out.row);
  }
}

/** The fields of one record element (their open tags start after `from`); returns the index after `</name>`. */
function readFields(text: string, from: number, name: string, out: RowBuilder): number {
  const fields = out.fields;
  let i = from;
  let next = 0;
  for (;;) {
    const lt = text.indexOf('<', i);
    if (lt < 0) throw new ScanError('document is incomplete');
    const c = text.charCodeAt(lt + 1);
    if (c === SLASH) return closeTag(text, lt, name);
    if (c === BANG || c === QUESTION) {
      // Text (and CDATA) directly inside a record is not a field: skipped, as before.
      i = skipSpecial(text, lt);
      continue;
    }
    let field = fields[next];
    let at = next;
    let ne: number;
    if (
      field !== undefined &&
      text.startsWith(field, lt + 1) &&
      isNameEnd(text.charCodeAt(lt + 1 + field.length))
    ) {
      ne = lt + 1 + field.length;
    } else {
      ne = nameEnd(text, lt + 1);
      field = text.slice(lt + 1, ne);
      if (field === '') throw new ScanError(`empty tag name at ${lt}`);
      at = out.indexOf(field);
    }
    next = at + 1;
    // The common case, `<F>text</F>` or `<F/>`, without the general element walk.
    const gt = text.charCodeAt(ne);
    if (gt === GT) {
      const vlt = text.indexOf('<', ne + 1);
      if (vlt < 0) throw new ScanError('document is incomplete');
      if (
        text.charCodeAt(vlt + 1) === SLASH &&
        text.startsWith(field, vlt + 2) &&
        text.charCodeAt(vlt + 2 + field.length) === GT
      ) {
        const raw = text.slice(ne + 1, vlt);
        out.put(at, raw === '' ? null : raw.indexOf('&') >= 0 ? decodeEntities(raw) : raw);
        i = vlt + 3 + field.length;
        continue;
      }
      i = readElement(text, ne + 1, field, field, out);
      continue;
    }
    const { end, selfClosing } = tagEnd(text, ne);
    if (selfClosing) {
      out.put(at, null);
      i = end + 1;
    } else i = readElement(text, end + 1, field, field, out);
  }
}

/**
 * Finds the first `<data>` element after the first `<result>`: the index just after its open tag,
 * or -1 when there is none or it is empty (`<data .../>`).
 */
export function findDataContent(text: string): number {
  const result = text.indexOf('<result');
  if (result < 0) return -1;
  let at = text.indexOf('<data', result);
  while (at >= 0) {
    const c = text.charCodeAt(at + 5);
    if (c === GT || c === SLASH || isSpace(c)) {
      const { end, selfClosing } = tagEnd(text, at + 5);
      return selfClosing ? -1 : end + 1;
    }
    at = text.indexOf('<data', at + 5);
  }
  return -1;
}
