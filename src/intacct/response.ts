import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ClassifiedError, type VendorError } from '../core/errors.ts';

/**
 * Pure parsing of the small Intacct documents (sessions, write results, definitions, errors) with
 * fast-xml-parser, configured safely: no DTD, no entity expansion beyond XML's own, every value a
 * string, element order and repetition kept. Record pages go through record-stream.ts instead.
 */

/** A parsed element: repeated children are always kept as a list, every value is a string. */
export interface XNode {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XNode[];
}

export interface ResultBlock {
  /** `success`, `failure` or `aborted` (a transaction rolled back). */
  readonly status: string;
  readonly function: string;
  readonly controlId: string;
  readonly errors: readonly VendorError[];
  readonly data: XNode | undefined;
  /** Legacy create functions answer `<key>` instead of data. */
  readonly key: string | undefined;
}

export interface AuthenticationBlock {
  readonly status: string;
  readonly userId: string;
  readonly companyId: string;
  readonly locationId: string;
  readonly sessionTimestamp: string | undefined;
  readonly sessionTimeout: string | undefined;
}

export interface ParsedResponse {
  readonly control: { readonly status: string; readonly controlId: string };
  /** Errors after a failed control block (sender, malformed request, gateway errors). */
  readonly controlErrors: readonly VendorError[];
  readonly authentication: AuthenticationBlock | undefined;
  /** Errors that follow a failed authentication block inside operation. */
  readonly authenticationErrors: readonly VendorError[];
  readonly results: readonly ResultBlock[];
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

type Ordered = Record<string, unknown>;

function toNode(name: string, raw: Ordered): XNode {
  const attrsRaw = (raw[':@'] ?? {}) as Record<string, unknown>;
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrsRaw)) attrs[k] = String(v);
  const kids = (raw[name] ?? []) as Ordered[];
  const children: XNode[] = [];
  let text = '';
  for (const kid of kids) {
    if ('#text' in kid) {
      text += String(kid['#text']);
      continue;
    }
    const childName = Object.keys(kid).find((k) => k !== ':@');
    if (childName) children.push(toNode(childName, kid));
  }
  return { name, attrs, text, children };
}

/** Numeric character references fast-xml-parser leaves alone; decode them (only those). */
function decodeCharRefs(node: XNode): XNode {
  const fix = (s: string) =>
    s.includes('&#')
      ? s.replace(/&#(x[0-9a-fA-F]+|\d+);/g, (_m, ref: string) =>
          String.fromCodePoint(ref.startsWith('x') ? Number.parseInt(ref.slice(1), 16) : Number(ref)),
        )
      : s;
  const attrs: Record<string, string> = {};
  for (const [k, val] of Object.entries(node.attrs)) attrs[k] = fix(val);
  return { name: node.name, attrs, text: fix(node.text), children: node.children.map(decodeCharRefs) };
}

/**
 * Parses an XML document into an XNode tree. Anything that is not a well-formed, DTD-free XML
 * document (HTML error pages, cut-off bodies) is a transient error.
 */
export function parseDocument(xml: string): XNode {
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) {
    throw new ClassifiedError('response is not an Intacct XML document (it declares a DTD; an HTML page?)', {
      kind: 'transient',
      level: 'http',
    });
  }
  let parsed: Ordered[];
  try {
    // Validate first: the parser alone tolerates some cut-off documents.
    const validation = XMLValidator.validate(xml);
    if (validation !== true) throw new Error(`${validation.err.msg} (line ${validation.err.line})`);
    parsed = parser.parse(xml) as Ordered[];
  } catch (cause) {
    throw new ClassifiedError(`malformed or cut-off XML response: ${(cause as Error).message}`, {
      kind: 'transient',
      level: 'http',
      cause,
    });
  }
  const root = parsed.find((n) => Object.keys(n).some((k) => k !== ':@' && !k.startsWith('?')));
  const rootName = root && Object.keys(root).find((k) => k !== ':@');
  if (!root || !rootName) {
    throw new ClassifiedError('empty XML response', { kind: 'transient', level: 'http' });
  }
  return decodeCharRefs(toNode(rootName, root));
}

// ---- navigation helpers (case-sensitive by default; Intacct mixes cases by level) ----

export function child(node: XNode | undefined, name: string): XNode | undefined {
  return node?.children.find((c) => c.name === name);
}
export function children(node: XNode | undefined, name: string): XNode[] {
  return node ? node.children.filter((c) => c.name === name) : [];
}
export function childText(node: XNode | undefined, name: string): string | undefined {
  return child(node, name)?.text;
}
/** Case-insensitive child lookup, for elements whose case differs between functions. */
export function childCi(node: XNode | undefined, name: string): XNode | undefined {
  const lower = name.toLowerCase();
  return node?.children.find((c) => c.name.toLowerCase() === lower);
}

export function parseErrors(errormessage: XNode | undefined): VendorError[] {
  return children(errormessage, 'error').map((e) => {
    const out: { code: string; description?: string; description2?: string; correction?: string } = {
      code: childText(e, 'errorno') ?? '',
    };
    const d = childText(e, 'description');
    const d2 = childText(e, 'description2');
    const c = childText(e, 'correction');
    if (d) out.description = d;
    if (d2) out.description2 = d2;
    if (c) out.correction = c;
    return out;
  });
}

/** Reads the response envelope. Does not judge it; classify.ts does. */
export function readEnvelope(root: XNode): ParsedResponse {
  if (root.name !== 'response') {
    throw new ClassifiedError(`unexpected XML root <${root.name}>, not an Intacct response`, {
      kind: 'transient',
      level: 'http',
    });
  }
  const control = child(root, 'control');
  const operation = child(root, 'operation');
  const auth = child(operation, 'authentication');
  return {
    control: { status: childText(control, 'status') ?? '', controlId: childText(control, 'controlid') ?? '' },
    controlErrors: parseErrors(child(root, 'errormessage')),
    authentication: auth
      ? {
          status: childText(auth, 'status') ?? '',
          userId: childText(auth, 'userid') ?? '',
          companyId: childText(auth, 'companyid') ?? '',
          locationId: childText(auth, 'locationid') ?? '',
          sessionTimestamp: childText(auth, 'sessiontimestamp'),
          sessionTimeout: childText(auth, 'sessiontimeout'),
        }
      : undefined,
    authenticationErrors: parseErrors(child(operation, 'errormessage')),
    results: children(operation, 'result').map((r) => ({
      status: childText(r, 'status') ?? '',
      function: childText(r, 'function') ?? '',
      controlId: childText(r, 'controlid') ?? '',
      errors: parseErrors(child(r, 'errormessage')),
      data: child(r, 'data'),
      key: childText(r, 'key'),
    })),
  };
}

export function parseResponse(xml: string): ParsedResponse {
  return readEnvelope(parseDocument(xml));
}

// ---- typed readers for the small documents ----

export interface ApiSession {
  readonly sessionId: string;
  readonly endpoint: string;
  readonly locationId: string;
}

export function readApiSession(result: ResultBlock): ApiSession {
  const api = child(result.data, 'api');
  const sessionId = childText(api, 'sessionid');
  if (!api || !sessionId) {
    throw new ClassifiedError('getAPISession answered without a session id', {
      kind: 'transient',
      level: 'result',
    });
  }
  return {
    sessionId,
    endpoint: childText(api, 'endpoint') ?? '',
    locationId: childText(api, 'locationid') ?? '',
  };
}

export interface WriteRecordRef {
  /** The object element name as returned (lower case for generic functions). */
  readonly object: string;
  readonly recordNo: string | undefined;
  /** Every field Intacct echoed (RECORDNO and the object's id field). */
  readonly fields: Readonly<Record<string, string>>;
}

/** The records a generic create/update answered, or the legacy `<key>`. */
export function readWriteRefs(result: ResultBlock): WriteRecordRef[] {
  if (result.key !== undefined)
    return [{ object: result.function, recordNo: result.key, fields: { key: result.key } }];
  return (result.data?.children ?? []).map((rec) => {
    const fields: Record<string, string> = {};
    for (const c of rec.children) fields[c.name] = c.text;
    return { object: rec.name, recordNo: fields.RECORDNO ?? fields.recordno, fields };
  });
}

export interface FieldDefinition {
  readonly name: string;
  readonly label: string;
  /** Intacct's data type word (`TEXT`, `DECIMAL`, `DATE`, `TIMESTAMP`, `BOOLEAN`, `INTEGER`, …). */
  readonly dataType: string;
  readonly isCustom: boolean;
  readonly required: boolean;
  readonly readOnly: boolean;
}

export interface ObjectDefinition {
  readonly object: string;
  readonly fields: readonly FieldDefinition[];
}

const truthy = (s: string | undefined) => s !== undefined && /^(true|t|1|yes)$/i.test(s.trim());

/** Reads a `lookup` answer: data/Type/Fields/Field (case tolerant). */
export function readObjectDefinition(result: ResultBlock, object: string): ObjectDefinition {
  const type = childCi(result.data, 'Type') ?? result.data?.children[0];
  const fieldsNode = childCi(type, 'Fields');
  const fields = (fieldsNode?.children ?? [])
    .filter((f) => f.name.toLowerCase() === 'field')
    .map((f) => ({
      name: childCi(f, 'ID')?.text ?? childCi(f, 'Name')?.text ?? '',
      label: childCi(f, 'LABEL')?.text ?? '',
      dataType: (childCi(f, 'DATATYPE')?.text ?? 'TEXT').toUpperCase(),
      isCustom: truthy(childCi(f, 'ISCUSTOM')?.text),
      required: truthy(childCi(f, 'REQUIRED')?.text),
      readOnly: truthy(childCi(f, 'READONLY')?.text),
    }))
    .filter((f) => f.name !== '');
  return { object: type?.attrs.Name ?? type?.attrs.name ?? object, fields };
}

export interface TrialBalanceRow {
  readonly glAccountNo: string;
  readonly startBalance: string;
  readonly debits: string;
  readonly credits: string;
  readonly endBalance: string;
  readonly departmentId?: string;
  readonly locationId?: string;
}

export function readTrialBalance(result: ResultBlock): TrialBalanceRow[] {
  return children(result.data, 'trialbalance').map((t) => {
    const row: {
      glAccountNo: string;
      startBalance: string;
      debits: string;
      credits: string;
      endBalance: string;
      departmentId?: string;
      locationId?: string;
    } = {
      glAccountNo: childText(t, 'glaccountno') ?? '',
      startBalance: childText(t, 'startbalance') || '0',
      debits: childText(t, 'debits') || '0',
      credits: childText(t, 'credits') || '0',
      endBalance: childText(t, 'endbalance') || '0',
    };
    const dept = childText(t, 'departmentid');
    const loc = childText(t, 'locationid');
    if (dept) row.departmentId = dept;
    if (loc) row.locationId = loc;
    return row;
  });
}

/** The total and the first record of a one-row read page (the unchanged-stream probe). */
export interface CountedFirst {
  /** Intacct's count of every record the read matches; undefined when the answer does not say. */
  readonly totalCount: number | undefined;
  /** The first record, field name to text (empty elements null); undefined when there is none. */
  readonly first: Readonly<Record<string, string | null>> | undefined;
}

const COUNT_RE = /^\s*\d+\s*$/;

function attrCi(node: XNode, name: string): string | undefined {
  const key = Object.keys(node.attrs).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : node.attrs[key];
}

/**
 * Reads `<data totalcount=… count=… numremaining=…>` and its first record. The documented form is
 * `totalcount` (intacct-protocol-facts.md §3, §4: query and readByQuery both write it, lower case);
 * the attribute is matched without regard to case, and when it is absent but `count` and
 * `numremaining` are there, the total is offset + count + numremaining (numremaining counts the
 * records after this page). Anything else leaves the total undefined: the caller must not guess.
 */
export function readCountedFirst(result: ResultBlock): CountedFirst {
  const data = result.data;
  if (!data) return { totalCount: undefined, first: undefined };
  const int = (s: string | undefined) => (s !== undefined && COUNT_RE.test(s) ? Number(s) : undefined);
  let totalCount = int(attrCi(data, 'totalcount'));
  if (totalCount === undefined) {
    const count = int(attrCi(data, 'count'));
    const remaining = int(attrCi(data, 'numremaining'));
    const offset = attrCi(data, 'offset') === undefined ? 0 : int(attrCi(data, 'offset'));
    if (count !== undefined && remaining !== undefined && offset !== undefined)
      totalCount = offset + count + remaining;
  }
  const record = data.children[0];
  const first = record
    ? Object.fromEntries(record.children.map((c) => [c.name, c.text === '' ? null : c.text]))
    : undefined;
  return { totalCount, first };
}
