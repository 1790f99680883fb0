/**
 * The closed set of failure kinds. Every failure is classified once, at the boundary where it
 * happens (Intacct client, warehouse driver, reverse-ETL validation), and the rest of the code
 * only ever switches on `kind`.
 */
export const ERROR_KINDS = [
  /** Retry with backoff and jitter: network errors, 5xx, malformed or cut-off bodies, outages. */
  'transient',
  /** Retry after the governor slows down: Intacct's concurrency or rate limits. */
  'throttled',
  /** Refresh the session once, then fail: bad credentials, expired or invalid sessions. */
  'auth',
  /** Fail the stream, keeping the vendor's codes: bad query, permission, unknown object. */
  'terminal',
  /** Reject one record and keep going: a business-rule failure on one write. */
  'record',
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

/** Where in an Intacct response an error was reported. */
export const ERROR_LEVELS = [
  'http',
  'network',
  'control',
  'authentication',
  'result',
  'warehouse',
  'local',
] as const;
export type ErrorLevel = (typeof ERROR_LEVELS)[number];

/** One vendor error as the vendor reported it (Intacct's errormessage/error block, a SQL state, …). */
export interface VendorError {
  readonly code: string;
  readonly description?: string;
  readonly description2?: string;
  readonly correction?: string;
}

export interface ClassifiedErrorOptions {
  readonly kind: ErrorKind;
  readonly level?: ErrorLevel;
  readonly vendor?: readonly VendorError[];
  readonly httpStatus?: number;
  /** A hint for the user: what to change so this does not happen again. */
  readonly fix?: string;
  readonly cause?: unknown;
  /** Seconds the vendor asked us to wait, when it said so (Retry-After). */
  readonly retryAfterSeconds?: number;
}

export class ClassifiedError extends Error {
  readonly kind: ErrorKind;
  readonly level: ErrorLevel;
  readonly vendor: readonly VendorError[];
  readonly httpStatus: number | undefined;
  readonly fix: string | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(message: string, options: ClassifiedErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ClassifiedError';
    this.kind = options.kind;
    this.level = options.level ?? 'local';
    this.vendor = options.vendor ?? [];
    this.httpStatus = options.httpStatus;
    this.fix = options.fix;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'throttled';
  }

  /** The vendor codes, for logs and run reports. */
  get codes(): string[] {
    return this.vendor.map((v) => v.code);
  }

  toJSON(): Record<string, unknown> {
    return {
      kind: this.kind,
      level: this.level,
      message: this.message,
      vendor: this.vendor,
      httpStatus: this.httpStatus,
      fix: this.fix,
    };
  }
}

export function isClassified(error: unknown): error is ClassifiedError {
  return error instanceof ClassifiedError;
}

/**
 * Invalid usage or configuration, found before any network call. The CLI exits with code 2 and
 * prints every problem; no stack trace.
 */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: readonly ConfigProblem[]) {
    super(
      `invalid configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  - ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export interface ConfigProblem {
  /** Dotted key path, for example `intacct.pageSize`. */
  readonly path: string;
  readonly message: string;
  /** Where the value came from: a file and key, an environment variable, or `default`/`missing`. */
  readonly source: string;
}

export function formatProblem(p: ConfigProblem): string {
  return `${p.path || '(root)'}: ${p.message} [from ${p.source}]`;
}

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Documented process exit codes. */
export const EXIT = {
  ok: 0,
  failure: 1,
  usage: 2,
  /** Finished, but some records were rejected or some objects failed. */
  partial: 3,
  /** `status`: some object's last load is older than its freshness threshold. */
  stale: 10,
  /**
   * Stopped by SIGTERM/SIGINT within the grace period: staged rows merged, state written, lease
   * released; rerun to finish (sysexits' EX_TEMPFAIL).
   */
  interrupted: 75,
  /** A second signal, or the grace period ran out: exited at once (128 + SIGINT; 143 for SIGTERM). */
  forced: 130,
} as const;

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
