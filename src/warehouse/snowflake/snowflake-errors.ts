/**
 * Snowflake failures classified once, here, from the driver's error: server errors carry a
 * six-digit code and an SQL state (HTTP 200 with success:false); client and network errors carry
 * the driver's own numeric codes (4xxxxx). Codes: warehouses.md §1.2 and the driver's
 * lib/constants/gs_errors and lib/error_code.
 */
import { ClassifiedError, type ErrorKind } from '../../core/errors.ts';

interface DriverError {
  readonly code?: string | number;
  readonly sqlState?: string;
  readonly message?: string;
}

/** Session and login codes: refresh or log in again once, then fail. */
const AUTH_CODES = new Set(['390100', '390104', '390111', '390112', '390114', '390144', '390318']);
/** Lock waits, internal errors and cancelled statements: safe to retry. */
const TRANSIENT_CODES = new Set(['000625', '000603', '000604', '000630', '000606']);

const FIXES: Readonly<Record<string, string>> = {
  '002003':
    'Run `intacct-elt migrate`, and check the schema names in the config and the role’s grants on them',
  '100090':
    'The MERGE source has two rows for one key; the generated MERGE deduplicates, so a hand-written statement must too',
  '390100': 'Check warehouse.username and the password (SNOWFLAKE_PASSWORD or passwordFile)',
  '390144':
    'Check the private key (SNOWFLAKE_PRIVATE_KEY or privateKeyFile) and the public key registered for the user',
  '000625': 'Another statement holds a lock on the table; the run retries',
};

function kindFor(code: string, sqlState: string | undefined): ErrorKind {
  if (AUTH_CODES.has(code)) return 'auth';
  if (TRANSIENT_CODES.has(code)) return 'transient';
  // The driver's client-side network and HTTP failures (401xxx, 402xxx): retried with backoff.
  if (/^40[12]\d{3}$/.test(code)) return 'transient';
  if (sqlState === '57014' || sqlState === '08001' || sqlState === '08006') return 'transient';
  return 'terminal';
}

export function classifySnowflakeError(error: unknown, sqlText?: string): ClassifiedError {
  if (error instanceof ClassifiedError) return error;
  const e = (error ?? {}) as DriverError;
  const code = e.code === undefined ? 'unknown' : String(e.code);
  const message = e.message ?? String(error);
  const kind = kindFor(code, e.sqlState);
  const statement = sqlText === undefined ? '' : ` [${sqlText.replace(/\s+/g, ' ').trim().slice(0, 160)}]`;
  const fix = FIXES[code];
  return new ClassifiedError(
    `Snowflake ${code}${e.sqlState ? ` (${e.sqlState})` : ''}: ${message}${statement}`,
    {
      kind,
      level: 'warehouse',
      vendor: [
        { code, description: message, ...(e.sqlState ? { description2: `SQL state ${e.sqlState}` } : {}) },
      ],
      ...(fix === undefined ? {} : { fix }),
      cause: error,
    },
  );
}
