import { ClassifiedError, type ErrorKind, type ErrorLevel, type VendorError } from '../core/errors.ts';
import { type ParsedResponse, parseResponse, type ResultBlock } from './response.ts';

/**
 * The one classifier: HTTP status, network errors, and Intacct errors at the control,
 * authentication and result levels map to the closed set of kinds in core/errors.ts. Intacct
 * reports most failures inside HTTP 200 bodies, so callers always pass the parsed body too.
 */

const THROTTLE_RE = /rate limit|too many requests|concurren\w* (request|limit|job)|GW-0010|throttl/i;
const OUTAGE_RE =
  /temporarily off-?line|try again later|temporarily unavailable|service unavailable|maintenance|PL04000050/i;
const SESSION_RE = /session/i;
const SESSION_BAD_RE = /expired|invalid|timed? ?out|not (valid|found)|no longer/i;
const CURSOR_RE = /result ?id|resultid|cursor|readmore/i;
const DUPLICATE_CONTROL_RE =
  /(control ?id|controlid).*(already|duplicate|previously|executed|used)|(already|previously) (been )?(executed|processed)|uniqueid/i;
const PERMISSION_RE = /permission|not authorized|unauthori[sz]ed|access denied/i;

const allText = (errors: readonly VendorError[]) =>
  errors
    .map((e) => `${e.code} ${e.description ?? ''} ${e.description2 ?? ''} ${e.correction ?? ''}`)
    .join(' | ');

function summary(errors: readonly VendorError[]): string {
  return errors
    .map((e) => [e.code, e.description, e.description2].filter((x) => x && x.trim() !== '').join(': '))
    .join('; ');
}

/** Guidance for people, keyed by the failure we recognized. */
export const FIXES = {
  senderCredentials:
    'Check the Web Services sender id and sender password (the developer licence credentials, not the user).',
  senderNotAuthorized:
    'In Intacct: Company > Setup > Company > Security > Web Services authorizations, add the sender id.',
  userCredentials:
    'Check the user id, company id and password; the user must be a Web Services user, and "Needs login for API" must be No.',
  permission:
    "Grant the Web Services user's role read (List/View) permission on the object; AUDITHISTORY needs View permission for custom reports.",
  demoExpired: 'The company is an expired demo company; use an active company.',
  // GW-0011 is the gateway's answer to anything it cannot route: integrators see it for a wrong
  // company id or credentials and for posts to the wrong URL, far more often than for a bad body.
  invalidRequest:
    'Intacct refused the request as invalid (GW-0011). Check intacct.endpointUrl (normally https://api.intacct.com/ia/xml/xmlgw.phtml, or the endpoint your getAPISession returned), then intacct.companyId, intacct.senderId and the passwords. If all of them are right, report it with the log.',
  malformedRequest:
    'Intacct could not parse the request XML. Check that intacct.endpointUrl is the Intacct XML gateway and not a proxy that rewrites bodies; if it is, report it with the log.',
  throttled: 'Intacct is limiting requests; lower intacct.concurrency to your performance tier or run later.',
} as const;

export interface Classification {
  readonly kind: ErrorKind;
  readonly fix?: string;
}

/** Classifies vendor errors reported at one level. `write`: the failing function was a write. */
export function classifyVendor(
  level: ErrorLevel,
  errors: readonly VendorError[],
  write = false,
): Classification {
  const text = allText(errors);
  const codes = new Set(errors.map((e) => e.code.trim()));
  if (THROTTLE_RE.test(text)) return { kind: 'throttled', fix: FIXES.throttled };
  if (OUTAGE_RE.test(text)) return { kind: 'transient' };
  if (SESSION_RE.test(text) && SESSION_BAD_RE.test(text)) return { kind: 'auth' };
  if (codes.has('PL04000055') || /demo company.*expired/i.test(text))
    return { kind: 'terminal', fix: FIXES.demoExpired };

  if (level === 'control') {
    if (codes.has('GW-0011') || /invalid request/i.test(text)) {
      return { kind: 'terminal', fix: FIXES.invalidRequest };
    }
    if (codes.has('XL03000003') || /parse|schema/i.test(text)) {
      return { kind: 'terminal', fix: FIXES.malformedRequest };
    }
    if (codes.has('XMLGW_JPP0002') || codes.has('UJPP0002') || /sign-in information/i.test(text)) {
      return { kind: 'auth', fix: FIXES.userCredentials };
    }
    if (codes.has('XL03000006') || /partner id|sender/i.test(text))
      return { kind: 'auth', fix: FIXES.senderCredentials };
    return { kind: 'terminal' };
  }
  if (level === 'authentication') {
    if (/not authorized to make web services|web services authorization/i.test(text)) {
      return { kind: 'auth', fix: FIXES.senderNotAuthorized };
    }
    return { kind: 'auth', fix: FIXES.userCredentials };
  }
  // result level
  if (codes.has('PL04000005') || PERMISSION_RE.test(text)) return { kind: 'terminal', fix: FIXES.permission };
  if (
    /object definition .* not found|query failed|invalid (field|query|object)|unknown (field|object)/i.test(
      text,
    )
  ) {
    return { kind: 'terminal' };
  }
  // A write that Intacct refused on its merits (duplicate record, bad dimension, closed period,
  // unbalanced entry, or rolled back because a sibling failed) rejects that record only.
  if (write) return { kind: 'record' };
  return { kind: 'terminal' };
}

export function vendorError(
  level: ErrorLevel,
  errors: readonly VendorError[],
  write = false,
  context = '',
  httpStatus?: number,
): ClassifiedError {
  const c = classifyVendor(level, errors, write);
  const what = summary(errors) || 'failure without an error message';
  return new ClassifiedError(`Intacct ${level} error${context ? ` (${context})` : ''}: ${what}`, {
    kind: c.kind,
    level,
    vendor: errors,
    ...(c.fix ? { fix: c.fix } : {}),
    ...(httpStatus !== undefined ? { httpStatus } : {}),
  });
}

/**
 * Throws for control- or authentication-level failures (nothing ran). Result-level failures are
 * per function and left to the caller (see resultError).
 */
export function assertEnvelopeOk(parsed: ParsedResponse, httpStatus = 200): void {
  if (parsed.control.status !== 'success') {
    throw vendorError(
      'control',
      withFallback(parsed.controlErrors, 'control failure'),
      false,
      '',
      httpStatus,
    );
  }
  if (parsed.authentication && parsed.authentication.status !== 'success') {
    throw vendorError('authentication', withFallback(parsed.authenticationErrors, 'authentication failure'));
  }
  if (!parsed.authentication && parsed.authenticationErrors.length > 0) {
    throw vendorError('authentication', parsed.authenticationErrors);
  }
}

function withFallback(errors: readonly VendorError[], text: string): readonly VendorError[] {
  return errors.length > 0 ? errors : [{ code: '', description: text }];
}

/** The error for one failed result, or null when it succeeded. */
export function resultError(result: ResultBlock, write: boolean): ClassifiedError | null {
  if (result.status === 'success') return null;
  const errors = withFallback(
    result.errors,
    result.status ? `function ${result.function} ${result.status}` : 'result without a status',
  );
  return vendorError('result', errors, write, `${result.function} ${result.controlId}`.trim());
}

/** Whether a result says its function controlid already ran (uniqueid=true replay). */
export function isDuplicateControlId(errors: readonly VendorError[]): boolean {
  return DUPLICATE_CONTROL_RE.test(allText(errors));
}

/** Whether a readMore failed because its cursor (resultId) expired or is unknown. */
export function isCursorExpired(error: unknown): boolean {
  if (!(error instanceof ClassifiedError) || error.level !== 'result') return false;
  const text = allText(error.vendor);
  return CURSOR_RE.test(text) && /expired|invalid|unknown|not found|no longer|does not exist/i.test(text);
}

/** HTTP statuses other than 200, with whatever body came (XML, HTML, nothing). */
export function classifyHttp(
  status: number,
  parsed: ParsedResponse | undefined,
  retryAfter?: string | null,
): ClassifiedError {
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  const vendor = parsed ? [...parsed.controlErrors, ...parsed.authenticationErrors] : [];
  const base = {
    level: 'http' as const,
    httpStatus: status,
    vendor,
    ...(retryAfterSeconds ? { retryAfterSeconds } : {}),
  };
  const detail = vendor.length ? `: ${summary(vendor)}` : '';
  if (status === 429) {
    return new ClassifiedError(`Intacct HTTP 429 (throttled)${detail}`, {
      ...base,
      kind: 'throttled',
      fix: FIXES.throttled,
    });
  }
  if (status === 408 || status >= 500) {
    return new ClassifiedError(`Intacct HTTP ${status}${detail}`, { ...base, kind: 'transient' });
  }
  if (status === 401 || status === 403) {
    return new ClassifiedError(`Intacct HTTP ${status}${detail}`, {
      ...base,
      kind: 'auth',
      fix: FIXES.userCredentials,
    });
  }
  if (vendor.length) {
    const c = classifyVendor('control', vendor);
    return new ClassifiedError(`Intacct HTTP ${status}${detail}`, {
      ...base,
      kind: c.kind,
      ...(c.fix ? { fix: c.fix } : {}),
    });
  }
  return new ClassifiedError(`Intacct HTTP ${status}`, { ...base, kind: 'terminal' });
}

const TRANSIENT_NET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'UND_ERR_REQ_CONTENT_LENGTH_MISMATCH',
  'Z_BUF_ERROR',
  'Z_DATA_ERROR',
  'ERR_STREAM_PREMATURE_CLOSE',
]);

/** Network and stream errors. A caller's own abort is not classified: it is re-thrown as is. */
export function classifyNetwork(error: unknown): ClassifiedError {
  if (error instanceof ClassifiedError) return error;
  const code =
    (error as { code?: string } | null)?.code ?? (error as { cause?: { code?: string } })?.cause?.code;
  const message = error instanceof Error ? error.message : String(error);
  const kind: ErrorKind =
    code && !TRANSIENT_NET_CODES.has(code) && code.startsWith('ERR_TLS') ? 'terminal' : 'transient';
  return new ClassifiedError(`network error talking to Intacct${code ? ` (${code})` : ''}: ${message}`, {
    kind,
    level: 'network',
    cause: error,
  });
}

export function isAbort(error: unknown, signal?: AbortSignal): boolean {
  return (
    (signal?.aborted ?? false) ||
    (error instanceof Error &&
      (error.name === 'AbortError' || (error as { code?: string }).code === 'ABORT_ERR'))
  );
}

/**
 * Classifies a whole HTTP answer (status and body text): null when everything succeeded, else the
 * error of the first failing level (control, authentication, then the first failed result).
 */
export function classifyResponse(status: number, body: string, write = false): ClassifiedError | null {
  let parsed: ParsedResponse | undefined;
  try {
    parsed = parseResponse(body);
  } catch (error) {
    if (status !== 200) return classifyHttp(status, undefined);
    return error instanceof ClassifiedError ? error : classifyNetwork(error);
  }
  if (status !== 200) return classifyHttp(status, parsed);
  try {
    assertEnvelopeOk(parsed);
  } catch (error) {
    return error as ClassifiedError;
  }
  for (const r of parsed.results) {
    const error = resultError(r, write);
    if (error) return error;
  }
  return null;
}
