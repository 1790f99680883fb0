/**
 * BigQuery failures classified once, here, from the reasons in its error envelope
 * (https://cloud.google.com/bigquery/docs/error-messages): rate limits are throttled, backend
 * errors and dropped connections transient, bad credentials auth, everything else terminal with
 * the reasons kept as vendor codes.
 */
import { ClassifiedError, type ErrorKind } from '../../core/errors.ts';

interface ApiErrorLike {
  readonly code?: number | string;
  readonly message?: string;
  readonly errors?: readonly { readonly reason?: string; readonly message?: string }[];
}

const THROTTLED = new Set([
  'rateLimitExceeded',
  'userRateLimitExceeded',
  'jobRateLimitExceeded',
  'quotaExceeded',
]);
const TRANSIENT = new Set([
  'backendError',
  'internalError',
  'jobBackendError',
  'jobInternalError',
  'timeout',
]);
const AUTH = new Set(['authError', 'required', 'unauthorized']);
const NETWORK = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up/i;
/** Two mutating statements touched the same table at once; BigQuery asks for a retry. */
const CONCURRENT = /Could not serialize access to table .* due to concurrent update/i;

function kindFor(status: number | undefined, reasons: readonly string[], message: string): ErrorKind {
  if (reasons.some((r) => THROTTLED.has(r)) || status === 429) return 'throttled';
  if (reasons.some((r) => AUTH.has(r)) || status === 401) return 'auth';
  if (reasons.some((r) => TRANSIENT.has(r)) || CONCURRENT.test(message)) return 'transient';
  if (status !== undefined && [408, 500, 502, 503, 504].includes(status)) return 'transient';
  if (status === undefined && NETWORK.test(message)) return 'transient';
  return 'terminal';
}

const FIXES: Readonly<Record<string, string>> = {
  auth: 'Check warehouse.keyFilename (a service-account key) or warehouse.accessToken (it may have expired)',
  notFound:
    'Check warehouse.projectId and warehouse.location, and run `intacct-elt migrate` to create the datasets',
  accessDenied: 'Grant the service account BigQuery Data Editor and Job User on the project',
};

/** A BigQuery error (an ApiError from the client, a job's errorResult, a network error) classified. */
export function classifyBigQueryError(error: unknown, context?: string): ClassifiedError {
  if (error instanceof ClassifiedError) return error;
  const e = (error ?? {}) as ApiErrorLike;
  const message = error instanceof Error ? error.message : (e.message ?? String(error));
  const status = typeof e.code === 'number' ? e.code : undefined;
  const vendor = (e.errors ?? []).map((x) => ({
    code: x.reason ?? 'unknown',
    ...(x.message === undefined ? {} : { description: x.message }),
  }));
  const reasons = vendor.map((v) => v.code);
  const kind = kindFor(status, reasons, message);
  const fix = kind === 'auth' ? FIXES['auth'] : reasons.map((r) => FIXES[r]).find((f) => f !== undefined);
  const where = context === undefined ? '' : ` [${context.replace(/\s+/g, ' ').trim().slice(0, 160)}]`;
  return new ClassifiedError(`BigQuery: ${message}${where}`, {
    kind,
    level: 'warehouse',
    vendor,
    ...(status === undefined ? {} : { httpStatus: status }),
    ...(fix === undefined ? {} : { fix }),
    cause: error,
  });
}

/** A job that ended with `status.errorResult`. */
export function jobError(status: {
  readonly errorResult?: { readonly reason?: string; readonly message?: string } | null;
  readonly errors?: readonly { readonly reason?: string; readonly message?: string }[] | null;
}): ApiErrorLike & Error {
  const first = status.errorResult ?? {};
  const error = new Error(first.message ?? 'job failed') as Error & ApiErrorLike;
  (error as { errors?: unknown }).errors = status.errors ?? [first];
  return error;
}
