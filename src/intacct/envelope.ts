import { el, opt, serialize, type XmlChild, type XmlElement } from './xml.ts';

/**
 * Pure compilation of Intacct requests: functions and the request envelope around them. Nothing
 * here does I/O; the output is golden-tested.
 */

/** One `<function>` of a request. `write` functions are retried only with uniqueid=true. */
export interface IntacctFunction {
  readonly controlId: string;
  /** The function element's name (`readByQuery`, `create`, `create_invoice`, …), for stats and results. */
  readonly name: string;
  readonly body: XmlElement;
  readonly write: boolean;
}

/** A write function: built by src/intacct/writes/, sent with client.write(). */
export type WriteFunction = IntacctFunction & { readonly write: true };

export const CONTROL_ID_MAX = 256;

function fn(controlId: string, body: XmlElement, write: boolean): IntacctFunction {
  if (controlId.length === 0 || controlId.length > CONTROL_ID_MAX) {
    throw new RangeError(`function controlid must be 1..${CONTROL_ID_MAX} characters`);
  }
  return { controlId, name: body.name, body, write };
}

export function writeFunction(controlId: string, body: XmlElement): WriteFunction {
  return fn(controlId, body, true) as WriteFunction;
}

export function readFunction(controlId: string, body: XmlElement): IntacctFunction {
  return fn(controlId, body, false);
}

// ---- read functions ----

export const READ_BY_QUERY_MAX_PAGE = 1000;
export const QUERY_MAX_PAGE = 2000;
export const READ_MAX_KEYS = 100;

function clampPage(size: number, max: number): number {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`page size must be a positive integer: ${size}`);
  return Math.min(size, max);
}

export function readByQuery(
  controlId: string,
  req: {
    object: string;
    fields: readonly string[] | '*';
    query: string;
    pageSize: number;
    docparid?: string;
  },
): IntacctFunction {
  return readFunction(
    controlId,
    el('readByQuery', [
      el('object', req.object),
      el('fields', req.fields === '*' ? '*' : req.fields.join(',')),
      el('query', req.query),
      el('pagesize', clampPage(req.pageSize, READ_BY_QUERY_MAX_PAGE)),
      el('returnFormat', 'xml'),
      opt('docparid', req.docparid),
    ]),
  );
}

export function readMore(controlId: string, resultId: string): IntacctFunction {
  return readFunction(controlId, el('readMore', [el('resultId', resultId)]));
}

export interface QueryRequest {
  readonly object: string;
  readonly select: readonly string[];
  readonly filter: XmlElement | null;
  readonly orderBy?: readonly { field: string; descending?: boolean }[];
  readonly pageSize: number;
  readonly offset: number;
  readonly showPrivate?: boolean;
  readonly caseInsensitive?: boolean;
}

export function query(controlId: string, req: QueryRequest): IntacctFunction {
  if (req.select.length === 0) throw new RangeError('query needs at least one selected field');
  if (!Number.isInteger(req.offset) || req.offset < 0) throw new RangeError(`bad offset ${req.offset}`);
  const orderBy = req.orderBy?.length
    ? el(
        'orderby',
        req.orderBy.map((o) =>
          el('order', [el('field', o.field), el(o.descending ? 'descending' : 'ascending')]),
        ),
      )
    : null;
  return readFunction(
    controlId,
    el('query', [
      el(
        'select',
        req.select.map((s) => el('field', s)),
      ),
      el('object', req.object),
      req.filter,
      orderBy,
      el('options', [
        el('caseinsensitive', String(req.caseInsensitive ?? false)),
        el('showprivate', String(req.showPrivate ?? false)),
      ]),
      el('pagesize', clampPage(req.pageSize, QUERY_MAX_PAGE)),
      el('offset', req.offset),
    ]),
  );
}

export function read(
  controlId: string,
  req: { object: string; keys: readonly string[]; fields: readonly string[] | '*' },
): IntacctFunction {
  if (req.keys.length > READ_MAX_KEYS) throw new RangeError(`read takes at most ${READ_MAX_KEYS} keys`);
  return readFunction(
    controlId,
    el('read', [
      el('object', req.object),
      el('keys', req.keys.join(',')),
      el('fields', req.fields === '*' ? '*' : req.fields.join(',')),
      el('returnFormat', 'xml'),
    ]),
  );
}

export function lookup(controlId: string, object: string): IntacctFunction {
  return readFunction(controlId, el('lookup', [el('object', object)]));
}

/** Opens an API session; `locationId` '' is the top level. Intacct wants it alone in its request. */
export function getAPISession(controlId: string, locationId: string | null): IntacctFunction {
  return readFunction(
    controlId,
    el('getAPISession', locationId === null ? undefined : [el('locationid', locationId)]),
  );
}

function legacyDate(name: string, isoDate: string): XmlElement {
  const [y, m, d] = isoDate.split('-');
  if (!y || !m || !d) throw new RangeError(`not an ISO date: ${isoDate}`);
  return el(name, [el('year', y), el('month', m), el('day', d)]);
}

export { legacyDate };

export function getTrialBalance(
  controlId: string,
  req: { startDate: string; endDate: string; showZeroBalances?: boolean },
): IntacctFunction {
  return readFunction(
    controlId,
    el('get_trialbalance', [
      legacyDate('startdate', req.startDate),
      legacyDate('enddate', req.endDate),
      opt('showzerobalances', req.showZeroBalances === undefined ? undefined : String(req.showZeroBalances)),
    ]),
  );
}

// ---- generic writes ----

export function create(controlId: string, record: XmlElement): WriteFunction {
  return writeFunction(controlId, el('create', [record]));
}

export function update(controlId: string, record: XmlElement): WriteFunction {
  return writeFunction(controlId, el('update', [record]));
}

export function remove(controlId: string, object: string, keys: readonly string[]): WriteFunction {
  return writeFunction(controlId, el('delete', [el('object', object), el('keys', keys.join(','))]));
}

// ---- the request envelope ----

export interface ControlSpec {
  readonly senderId: string;
  readonly senderPassword: string;
  /** Request correlation id; Intacct only echoes it. */
  readonly controlId: string;
  /** true: Intacct refuses a function controlid that already executed. Writes set it; reads do not. */
  readonly uniqueId: boolean;
  readonly dtdVersion?: '3.0' | '2.1';
}

export type Authentication =
  | { readonly sessionId: string }
  | {
      readonly login: {
        readonly userId: string;
        readonly companyId: string;
        readonly password: string;
        readonly locationId?: string;
      };
    };

export interface RequestSpec {
  readonly control: ControlSpec;
  readonly auth: Authentication;
  readonly transaction?: boolean;
  readonly functions: readonly IntacctFunction[];
}

export function requestElement(spec: RequestSpec): XmlElement {
  if (spec.functions.length === 0) throw new RangeError('a request needs at least one function');
  const seen = new Set<string>();
  for (const f of spec.functions) {
    if (seen.has(f.controlId))
      throw new RangeError(`duplicate function controlid in one request: ${f.controlId}`);
    seen.add(f.controlId);
  }
  const c = spec.control;
  const auth: XmlChild =
    'sessionId' in spec.auth
      ? el('sessionid', spec.auth.sessionId)
      : el('login', [
          el('userid', spec.auth.login.userId),
          el('companyid', spec.auth.login.companyId),
          el('password', spec.auth.login.password),
          opt('locationid', spec.auth.login.locationId),
        ]);
  return el('request', [
    el('control', [
      el('senderid', c.senderId),
      el('password', c.senderPassword),
      el('controlid', c.controlId),
      el('uniqueid', String(c.uniqueId)),
      el('dtdversion', c.dtdVersion ?? '3.0'),
      el('includewhitespace', 'false'),
    ]),
    el(
      'operation',
      [
        el('authentication', [auth]),
        el(
          'content',
          spec.functions.map((f) => el('function', [f.body], { controlid: f.controlId })),
        ),
      ],
      { transaction: String(spec.transaction ?? false) },
    ),
  ]);
}

/** Compiles a request to the bytes sent on the wire. */
export function compileRequest(spec: RequestSpec): string {
  return `<?xml version="1.0" encoding="UTF-8"?>${serialize(requestElement(spec))}`;
}
