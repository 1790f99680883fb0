import { formatOffsetTimestamp } from '../../core/time.ts';
import type { SessionStore } from '../sessions.ts';
import type { SandboxStore } from '../store.ts';
import type { FunctionContext, FunctionHandler, PageServing, ProtocolSettings } from './context.ts';
import type { CursorStore } from './cursors.ts';
import {
  BAD_SENDER,
  BAD_SESSION,
  BAD_USER,
  BAD_USER_401,
  FunctionFailure,
  type ProtocolError,
  ROLLED_BACK,
  badLocation,
  duplicateControlId,
  senderNotAuthorized,
  unknownFunction,
} from './errors.ts';
import { inspect, lookup } from './functions-definition.ts';
import { query } from './functions-query.ts';
import { read, readByName, readByQuery, readMore } from './functions-read.ts';
import { getAPISession } from './functions-session.ts';
import {
  type AuthEcho,
  type ControlEcho,
  type FunctionResult,
  type ResponseDoc,
  writeGatewayError,
  writeResponse,
  writeResponseBuffer,
} from './response.ts';
import { ControlFailure, type ParsedFunction, type ParsedRequest, parseRequest } from './request.ts';
import { XmlWriter } from './xml-writer.ts';

/**
 * The Intacct gateway without HTTP: request text in, response text out. Checks run in Intacct's
 * order: XML and schema (control), sender credentials (control), user or session (authentication),
 * then each function (result). HTTP-level behaviour (throttling, faults) lives in server.ts.
 */

export interface SandboxCredentials {
  readonly senderId: string;
  readonly senderPassword: string;
  readonly companyId: string;
  readonly userId: string;
  readonly userPassword: string;
}

/** A sender id Intacct knows but the company has not authorized (for the authorization error). */
export const UNAUTHORIZED_SENDER_ID = 'sandbox-unauthorized-sender';

export interface GatewayStats {
  onFunction(name: string): void;
  onObject(name: string): void;
  onEntity(entityId: string | null): void;
}

export interface GatewayState {
  readonly store: SandboxStore;
  readonly settings: ProtocolSettings;
  readonly credentials: SandboxCredentials;
  readonly sessions: SessionStore;
  readonly cursors: CursorStore;
  /** Function control ids that completed, keyed company|sender|controlid. */
  readonly executed: Set<string>;
  readonly stats: GatewayStats;
  /** Idle session duration, for the login answer's sessiontimeout. */
  sessionIdleMs(): number;
  now(): number;
  /** How record pages are served (context.ts); `fast` when absent. */
  readonly pageServing?: PageServing;
}

const handlers = new Map<string, FunctionHandler>([
  ['getAPISession', getAPISession],
  ['readByQuery', readByQuery],
  ['readMore', readMore],
  ['read', read],
  ['readByName', readByName],
  ['query', query],
  ['lookup', lookup],
  ['inspect', inspect],
]);

/** Remembered function control ids (UNCONFIRMED retention); the oldest are forgotten first. */
export const MAX_REMEMBERED_CONTROL_IDS = 500_000;

function remember(executed: Set<string>, key: string): void {
  executed.add(key);
  if (executed.size > MAX_REMEMBERED_CONTROL_IDS) {
    const oldest = executed.values().next().value;
    if (oldest !== undefined) executed.delete(oldest);
  }
}

/** Functions the 2.1 DTD does not know; they need dtdversion 3.0. */
const V3_ONLY = new Set(['create', 'update', 'delete', 'query']);

/** Registers more function handlers (write and legacy functions live in their own modules). */
export function registerFunction(name: string, handler: FunctionHandler, v3Only = false): void {
  handlers.set(name, handler);
  if (v3Only) V3_ONLY.add(name);
}

export function knownFunctions(): string[] {
  return [...handlers.keys()];
}

export interface GatewayAnswer {
  /** 200 except where Intacct answers otherwise (newer gateways' 401 for bad user credentials). */
  readonly httpStatus: number;
  /** The response document, UTF-8. */
  readonly body: Buffer;
  readonly functions: readonly string[];
}

function echo(c: Partial<ParsedRequest['control']>, status: 'success' | 'failure'): ControlEcho {
  return {
    status,
    ...(c.senderId === undefined ? {} : { senderId: c.senderId }),
    ...(c.controlId === undefined ? {} : { controlId: c.controlId }),
    ...(c.uniqueIdEcho === undefined ? {} : { uniqueId: c.uniqueIdEcho }),
    ...(c.dtdVersion === undefined ? {} : { dtdVersion: c.dtdVersion }),
  };
}

interface Principal {
  readonly companyId: string;
  readonly userId: string;
  readonly entityId: string | null;
  readonly timeoutAt: number;
}

export function handleGateway(bodyText: string, state: GatewayState): GatewayAnswer {
  const pageServing = state.pageServing ?? 'fast';
  // The general path joins the response into one string first, as the gateway always did.
  const encode = (doc: ResponseDoc): Buffer =>
    pageServing === 'fast' ? writeResponseBuffer(doc) : Buffer.from(writeResponse(doc), 'utf8');
  let req: ParsedRequest;
  try {
    req = parseRequest(bodyText);
    for (const fn of req.operation.functions) {
      if (!handlers.has(fn.name) || (req.control.dtdVersion === '2.1' && V3_ONLY.has(fn.name))) {
        throw new ControlFailure([unknownFunction(fn.name)], req.control);
      }
    }
  } catch (e) {
    if (e instanceof ControlFailure) {
      return {
        httpStatus: 200,
        body: encode({ control: echo(e.control, 'failure'), controlErrors: e.errors }),
        functions: [],
      };
    }
    throw e;
  }
  const { control, operation } = req;
  const creds = state.credentials;
  const functions = operation.functions.map((f) => f.name);
  for (const f of functions) state.stats.onFunction(f);

  const knownSender =
    (control.senderId === creds.senderId || control.senderId === UNAUTHORIZED_SENDER_ID) &&
    control.password === creds.senderPassword;
  if (!knownSender) {
    return {
      httpStatus: 200,
      body: encode({ control: echo(control, 'failure'), controlErrors: [BAD_SENDER] }),
      functions,
    };
  }
  const controlEcho = echo(control, 'success');
  const now = state.now();
  const tz = state.store.timezone;

  // Authentication.
  let principal: Principal;
  const authFail = (auth: AuthEcho, errors: readonly ProtocolError[]): GatewayAnswer => ({
    httpStatus: 200,
    body: encode({ control: controlEcho, auth, authErrors: errors }),
    functions,
  });
  const auth = operation.auth;
  if (auth.kind === 'login') {
    const failedEcho: AuthEcho = {
      status: 'failure',
      userId: auth.userId,
      companyId: auth.companyId,
      ...(auth.locationId === undefined ? {} : { locationId: auth.locationId }),
    };
    if (
      auth.companyId.toLowerCase() !== creds.companyId.toLowerCase() ||
      auth.userId !== creds.userId ||
      auth.password !== creds.userPassword
    ) {
      if (state.settings.badUserStyle === 'http401') {
        return { httpStatus: 401, body: Buffer.from(writeGatewayError([BAD_USER_401]), 'utf8'), functions };
      }
      return authFail(failedEcho, [BAD_USER]);
    }
    if (control.senderId === UNAUTHORIZED_SENDER_ID) {
      return authFail(failedEcho, [senderNotAuthorized(control.senderId, auth.companyId)]);
    }
    let entityId: string | null = null;
    if (auth.locationId !== undefined && auth.locationId.trim() !== '') {
      const entity = state.store.entity(auth.locationId.trim());
      if (!entity || entity.id === '') return authFail(failedEcho, [badLocation(auth.locationId)]);
      entityId = entity.id;
    }
    principal = {
      companyId: creds.companyId,
      userId: creds.userId,
      entityId,
      timeoutAt: now + state.sessionIdleMs(),
    };
  } else {
    const session = state.sessions.use(auth.sessionId.trim(), now);
    if (!session) return authFail({ status: 'failure', userId: '', companyId: '' }, [BAD_SESSION]);
    if (control.senderId === UNAUTHORIZED_SENDER_ID) {
      return authFail({ status: 'failure', userId: session.userId, companyId: session.companyId }, [
        senderNotAuthorized(control.senderId, session.companyId),
      ]);
    }
    principal = {
      companyId: session.companyId,
      userId: session.userId,
      entityId: session.entityId,
      timeoutAt: state.sessions.timeoutAt(session),
    };
  }
  state.stats.onEntity(principal.entityId);
  const authEcho: AuthEcho = {
    status: 'success',
    userId: principal.userId,
    companyId: principal.companyId,
    locationId: principal.entityId ?? '',
    sessionTimestamp: formatOffsetTimestamp(now, tz),
    sessionTimeout: formatOffsetTimestamp(principal.timeoutAt, tz),
  };

  const ctx: FunctionContext = {
    store: state.store,
    settings: state.settings,
    cursors: state.cursors,
    companyId: principal.companyId,
    userId: principal.userId,
    entityId: principal.entityId,
    dtdVersion: control.dtdVersion,
    nowMs: now,
    pageServing,
    openSession: (entityId) => {
      const s = state.sessions.open(principal.companyId, principal.userId, entityId, now);
      return { sessionId: s.id, locationId: entityId ?? '' };
    },
    noteObject: (o) => state.stats.onObject(o),
  };

  const dupKey = (fn: ParsedFunction) =>
    `${principal.companyId.toLowerCase()}|${control.senderId}|${fn.controlId}`;
  const run = (fn: ParsedFunction): FunctionResult => {
    if (control.uniqueId && state.executed.has(dupKey(fn))) {
      return {
        status: 'failure',
        function: fn.name,
        controlId: fn.controlId,
        errors: [duplicateControlId(fn.controlId)],
        ...(state.settings.duplicateStyle === 'no-status' ? { omitStatus: true } : {}),
      };
    }
    const handler = handlers.get(fn.name) as FunctionHandler;
    try {
      const out = handler(fn, ctx);
      return {
        status: 'success',
        function: fn.name,
        controlId: fn.controlId,
        ...(out.body ? { body: out.body } : {}),
      };
    } catch (e) {
      if (e instanceof FunctionFailure) {
        const emptyData = e.emptyData ? new XmlWriter().empty('data', e.emptyData).toString() : undefined;
        return {
          status: e.status,
          function: fn.name,
          controlId: fn.controlId,
          errors: e.errors,
          ...(emptyData ? { body: emptyData, bodyAfterErrors: !e.emptyDataFirst } : {}),
        };
      }
      throw e;
    }
  };

  let results: FunctionResult[];
  if (operation.transaction) {
    results = runTransaction(operation.functions, run, state);
    if (results.every((r) => r.status === 'success'))
      for (const fn of operation.functions) remember(state.executed, dupKey(fn));
  } else {
    results = operation.functions.map((fn) => {
      // Write handlers are all-or-nothing on their own (books run in store transactions).
      const r = run(fn);
      if (r.status === 'success') remember(state.executed, dupKey(fn));
      return r;
    });
  }
  return {
    httpStatus: 200,
    body: encode({ control: controlEcho, auth: authEcho, results }),
    functions,
  };
}

class Rollback extends Error {}

/** All-or-nothing: the failing function gets XL03000009 added, every other one is `aborted`. */
function runTransaction(
  fns: readonly ParsedFunction[],
  run: (fn: ParsedFunction) => FunctionResult,
  state: GatewayState,
): FunctionResult[] {
  const results: FunctionResult[] = [];
  try {
    state.store.transaction(() => {
      for (const fn of fns) {
        const r = run(fn);
        results.push(r);
        if (r.status !== 'success') throw new Rollback();
      }
    });
    return results;
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  const failedIndex = results.length - 1;
  return fns.map((fn, i) => {
    if (i === failedIndex) {
      const r = results[i] as FunctionResult;
      const errors = r.errors ?? [];
      const hasRollback = errors.some((x) => x.errorno === ROLLED_BACK.errorno);
      return {
        ...r,
        status: r.status === 'success' ? 'failure' : r.status,
        errors: hasRollback ? errors : [...errors, ROLLED_BACK],
      };
    }
    return { status: 'aborted', function: fn.name, controlId: fn.controlId, errors: [ROLLED_BACK] };
  });
}

/**
 * The answer during an outage in Intacct's in-body form: HTTP 200, control success, and every
 * function failing with "The Service is Temporarily Off-line" (nothing is applied).
 */
export function unavailableAnswer(bodyText: string, errors: readonly ProtocolError[]): string {
  let req: ParsedRequest;
  try {
    req = parseRequest(bodyText);
  } catch (e) {
    if (e instanceof ControlFailure)
      return writeResponse({ control: echo(e.control, 'failure'), controlErrors: e.errors });
    throw e;
  }
  const auth = req.operation.auth;
  return writeResponse({
    control: echo(req.control, 'success'),
    auth: {
      status: 'success',
      userId: auth.kind === 'login' ? auth.userId : '',
      companyId: auth.kind === 'login' ? auth.companyId : '',
    },
    results: req.operation.functions.map((fn) => ({
      status: 'failure',
      function: fn.name,
      controlId: fn.controlId,
      errors,
    })),
  });
}
