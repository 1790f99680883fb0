import { type ProtocolError, malformedXml, schemaError } from './errors.ts';
import {
  type XmlElement,
  type XmlNode,
  XmlSyntaxError,
  attr,
  child,
  childText,
  children,
  elementNames,
  parseXml,
} from './xml-node.ts';

/** The request envelope as the gateway needs it; function bodies stay XML for their handlers. */
export const DTD_VERSIONS = ['2.1', '3.0'] as const;
export type DtdVersion = (typeof DTD_VERSIONS)[number];

export interface ParsedControl {
  readonly senderId: string;
  readonly password: string;
  readonly controlId: string;
  /** Missing = true, as Intacct's default. */
  readonly uniqueId: boolean;
  /** The text to echo back (Intacct echoes what was sent; 'true' when omitted). */
  readonly uniqueIdEcho: string;
  readonly dtdVersion: DtdVersion;
}

export type ParsedAuth =
  | {
      readonly kind: 'login';
      readonly userId: string;
      readonly companyId: string;
      readonly password: string;
      /** undefined: not sent; '' : sent empty (top level). */
      readonly locationId: string | undefined;
    }
  | { readonly kind: 'session'; readonly sessionId: string };

export interface ParsedFunction {
  readonly controlId: string;
  /** The function element name (`readByQuery`, `create`, `create_invoice`, …). */
  readonly name: string;
  readonly node: XmlNode;
}

export interface ParsedOperation {
  readonly transaction: boolean;
  readonly auth: ParsedAuth;
  readonly functions: readonly ParsedFunction[];
}

export interface ParsedRequest {
  readonly control: ParsedControl;
  readonly operation: ParsedOperation;
}

/** A request the gateway refuses at control level; `control` is what could be echoed. */
export class ControlFailure extends Error {
  constructor(
    readonly errors: readonly ProtocolError[],
    readonly control: Partial<ParsedControl>,
  ) {
    super(errors.map((e) => e.description2 || e.errorno).join('; '));
    this.name = 'ControlFailure';
  }
}

function parseControl(node: XmlNode | undefined): Partial<ParsedControl> {
  const out: Record<string, unknown> = {};
  if (!node) return out;
  const senderId = childText(node, 'senderid');
  if (senderId !== undefined) out.senderId = senderId;
  const password = childText(node, 'password');
  if (password !== undefined) out.password = password;
  const controlId = childText(node, 'controlid');
  if (controlId !== undefined) out.controlId = controlId;
  const uniqueId = childText(node, 'uniqueid');
  out.uniqueIdEcho = uniqueId ?? 'true';
  out.uniqueId = uniqueId === undefined ? true : uniqueId.trim().toLowerCase() === 'true';
  const dtd = childText(node, 'dtdversion');
  if (dtd !== undefined) out.dtdVersion = dtd;
  return out as Partial<ParsedControl>;
}

/**
 * Parses and schema-checks a request body. Throws ControlFailure for malformed XML and for
 * envelopes the XSD would refuse (missing control fields, bad dtdversion, function without
 * controlid), which Intacct reports at control level.
 */
export function parseRequest(body: string): ParsedRequest {
  let doc: XmlElement;
  try {
    doc = parseXml(body);
  } catch (e) {
    if (e instanceof XmlSyntaxError)
      throw new ControlFailure([malformedXml(e.message, e.line, e.column)], {});
    throw e;
  }
  const request = child(doc, 'request');
  if (!request) throw new ControlFailure([schemaError("Element 'request' is missing.")], {});
  const controlNode = child(request, 'control');
  const control = parseControl(controlNode);
  const fail = (detail: string): never => {
    throw new ControlFailure([schemaError(detail)], control);
  };
  if (!controlNode) fail("Element 'control' is missing.");
  for (const required of ['senderid', 'password', 'controlid', 'dtdversion'] as const) {
    if (childText(controlNode, required) === undefined) {
      fail(`Element 'control': Missing child element(s). Expected is ( ${required} ).`);
    }
  }
  if (!(DTD_VERSIONS as readonly string[]).includes(control.dtdVersion ?? '')) {
    fail(
      `Element 'dtdversion': [facet 'enumeration'] The value '${control.dtdVersion}' is not an element of the set {'2.1', '3.0'}.`,
    );
  }
  const controlId = control.controlId ?? '';
  if (controlId.length < 1 || controlId.length > 256)
    fail("Element 'controlid': must be 1 to 256 characters.");

  const operations = children(request, 'operation');
  if (operations.length !== 1) fail("Element 'operation': exactly one operation is supported.");
  const op = operations[0] as XmlNode;
  const transactionText = attr(op, 'transaction');
  if (transactionText !== undefined && !['true', 'false'].includes(transactionText.toLowerCase())) {
    fail(
      `Attribute 'transaction': '${transactionText}' is not a valid value of the atomic type 'xs:boolean'.`,
    );
  }
  const transaction = transactionText?.toLowerCase() === 'true';

  const authNode = child(op, 'authentication');
  if (!authNode) fail("Element 'operation': Missing child element(s). Expected is ( authentication ).");
  let auth: ParsedAuth;
  const login = child(authNode, 'login');
  const sessionId = childText(authNode, 'sessionid');
  if (login) {
    const userId = childText(login, 'userid');
    const companyId = childText(login, 'companyid');
    const password = childText(login, 'password');
    if (userId === undefined || companyId === undefined || password === undefined) {
      fail("Element 'login': Missing child element(s). Expected is ( userid, companyid, password ).");
    }
    auth = {
      kind: 'login',
      userId: userId as string,
      companyId: companyId as string,
      password: password as string,
      locationId: childText(login, 'locationid'),
    };
  } else if (sessionId !== undefined) {
    auth = { kind: 'session', sessionId };
  } else {
    auth = fail("Element 'authentication': Expected is one of ( login, sessionid ).");
  }

  const functions: ParsedFunction[] = [];
  const contents = children(op, 'content');
  if (contents.length === 0) fail("Element 'operation': Missing child element(s). Expected is ( content ).");
  for (const content of contents) {
    for (const fn of children(content, 'function')) {
      const fnControlId = attr(fn, 'controlid');
      if (fnControlId === undefined)
        fail("Element 'function': The attribute 'controlid' is required but missing.");
      if ((fnControlId as string).length > 256) fail("Attribute 'controlid': at most 256 characters.");
      const names = elementNames(fn);
      if (names.length !== 1 || children(fn, names[0] as string).length !== 1) {
        fail("Element 'function': exactly one function element is expected.");
      }
      const name = names[0] as string;
      functions.push({ controlId: fnControlId as string, name, node: child(fn, name) as XmlNode });
    }
  }
  if (functions.length === 0) fail("Element 'content': Missing child element(s). Expected is ( function ).");

  return {
    control: {
      senderId: control.senderId ?? '',
      password: control.password ?? '',
      controlId,
      uniqueId: control.uniqueId ?? true,
      uniqueIdEcho: control.uniqueIdEcho ?? 'true',
      dtdVersion: control.dtdVersion as DtdVersion,
    },
    operation: { transaction, auth, functions },
  };
}
