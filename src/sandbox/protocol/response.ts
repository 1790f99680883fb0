import type { ProtocolError } from './errors.ts';
import { type XmlText, XmlWriter } from './xml-writer.ts';

/**
 * The response envelope, in Intacct's element order: control, then either control-level errors or
 * the operation (authentication, then either authentication errors or one result per function).
 */
export interface ControlEcho {
  readonly status: 'success' | 'failure';
  readonly senderId?: string;
  readonly controlId?: string;
  readonly uniqueId?: string;
  readonly dtdVersion?: string;
}

export interface AuthEcho {
  readonly status: 'success' | 'failure';
  readonly userId: string;
  readonly companyId: string;
  readonly locationId?: string;
  readonly sessionTimestamp?: string;
  readonly sessionTimeout?: string;
}

export const RESULT_STATUSES = ['success', 'failure', 'aborted'] as const;
export type ResultStatus = (typeof RESULT_STATUSES)[number];

export interface FunctionResult {
  readonly status: ResultStatus;
  readonly function: string;
  readonly controlId: string;
  /** Pre-rendered `<data>` or `<key>` XML. */
  readonly body?: XmlText;
  readonly errors?: readonly ProtocolError[];
  /** `query` failures put the empty data element after the errors. */
  readonly bodyAfterErrors?: boolean;
  /** UNCONFIRMED duplicate-controlid shape: a result without `<status>`. */
  readonly omitStatus?: boolean;
}

export interface ResponseDoc {
  readonly control: ControlEcho;
  readonly controlErrors?: readonly ProtocolError[];
  readonly auth?: AuthEcho;
  readonly authErrors?: readonly ProtocolError[];
  readonly results?: readonly FunctionResult[];
}

const PROLOG = '<?xml version="1.0" encoding="UTF-8"?>\n';

export function writeErrors(w: XmlWriter, errors: readonly ProtocolError[]): void {
  w.open('errormessage');
  for (const e of errors) {
    w.open('error').leaf('errorno', e.errorno);
    // Gateway errors carry only a description; every other level writes all four elements.
    if (e.description !== undefined) w.leaf('description', e.description);
    if (e.description2 !== undefined) w.leaf('description2', e.description2);
    if (e.correction !== undefined) w.leaf('correction', e.correction);
    w.close('error');
  }
  w.close('errormessage');
}

function writeControl(w: XmlWriter, c: ControlEcho): void {
  w.open('control').leaf('status', c.status);
  if (c.senderId !== undefined) w.leaf('senderid', c.senderId);
  if (c.controlId !== undefined) w.leaf('controlid', c.controlId);
  if (c.uniqueId !== undefined) w.leaf('uniqueid', c.uniqueId);
  if (c.dtdVersion !== undefined) w.leaf('dtdversion', c.dtdVersion);
  w.close('control');
}

export function writeResult(w: XmlWriter, r: FunctionResult): void {
  w.open('result');
  if (!r.omitStatus) w.leaf('status', r.status);
  w.leaf('function', r.function).leaf('controlid', r.controlId);
  if (r.body && !r.bodyAfterErrors) w.raw(r.body);
  if (r.errors && r.errors.length > 0) writeErrors(w, r.errors);
  if (r.body && r.bodyAfterErrors) w.raw(r.body);
  w.close('result');
}

export function writeResponse(doc: ResponseDoc): string {
  return responseWriter(doc).toString();
}

/** The response as UTF-8: the bytes of `writeResponse`, with record pages encoded straight from their pieces. */
export function writeResponseBuffer(doc: ResponseDoc): Buffer {
  return responseWriter(doc).toBuffer();
}

function responseWriter(doc: ResponseDoc): XmlWriter {
  const w = new XmlWriter().raw(PROLOG).open('response');
  writeControl(w, doc.control);
  if (doc.controlErrors && doc.controlErrors.length > 0) {
    writeErrors(w, doc.controlErrors);
    return w.close('response');
  }
  if (doc.auth) {
    w.open('operation');
    const a = doc.auth;
    w.open('authentication').leaf('status', a.status).leaf('userid', a.userId).leaf('companyid', a.companyId);
    if (a.locationId !== undefined) w.leaf('locationid', a.locationId);
    if (a.sessionTimestamp !== undefined) w.leaf('sessiontimestamp', a.sessionTimestamp);
    if (a.sessionTimeout !== undefined) w.leaf('sessiontimeout', a.sessionTimeout);
    w.close('authentication');
    if (doc.authErrors && doc.authErrors.length > 0) writeErrors(w, doc.authErrors);
    else for (const r of doc.results ?? []) writeResult(w, r);
    w.close('operation');
  }
  return w.close('response');
}

/** Gateway errors (GW-nnnn, HTTP 4xx): a control block with only a status, then the errors. */
export function writeGatewayError(errors: readonly ProtocolError[]): string {
  const w = new XmlWriter().raw(PROLOG).open('response');
  writeControl(w, { status: 'failure' });
  writeErrors(w, errors);
  return w.close('response').toString();
}
