/**
 * One Snowflake session through snowflake-sdk: connect with a password or a key pair (JWT),
 * execute one statement at a time with positional binds, and read rows with exact values. The SDK
 * is imported only here, lazily, after platform detection is switched off: otherwise it probes
 * cloud metadata addresses when it loads (warehouses.md §0.1).
 */
import type { Connection, ConnectionOptions, RowStatement } from 'snowflake-sdk';
import { classifySnowflakeError } from './snowflake-errors.ts';

export interface SnowflakeConnectionConfig {
  readonly account: string;
  readonly username: string;
  readonly password?: string | undefined;
  /** PEM private key: key-pair authentication (SNOWFLAKE_JWT) instead of a password. */
  readonly privateKey?: string | undefined;
  readonly privateKeyPassphrase?: string | undefined;
  readonly database: string;
  readonly warehouse?: string | undefined;
  readonly role?: string | undefined;
  readonly accessUrl?: string | undefined;
}

/** A bind value as the driver takes it: big integers and decimals travel as strings. */
export type SnowflakeBind = string | number | boolean | null;

export interface ExecuteResult {
  readonly rows: Record<string, unknown>[];
  /** Rows changed by DML; undefined for other statements. */
  readonly numAffectedRows: number | undefined;
}

type Sdk = typeof import('snowflake-sdk');
let sdk: Promise<Sdk> | undefined;

async function loadSdk(): Promise<Sdk> {
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
  sdk ??= import('snowflake-sdk').then((m) => {
    const loaded = ((m as { default?: Sdk }).default ?? m) as Sdk;
    // The driver's own log goes to a file by default; ours reports every failure it returns.
    loaded.configure({ logLevel: 'OFF' });
    return loaded;
  });
  return sdk;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** ISO UTC from the driver's timestamp (an SfDate), keeping microseconds when there are any. */
function isoFromSfDate(
  value: Date & { getEpochSeconds?: () => number; getNanoSeconds?: () => number },
): string {
  if (typeof value.getEpochSeconds !== 'function' || typeof value.getNanoSeconds !== 'function')
    return value.toISOString();
  const seconds = value.getEpochSeconds();
  const micros = Math.floor(value.getNanoSeconds() / 1000);
  const iso = new Date(seconds * 1000 + Math.floor(micros / 1000)).toISOString();
  const rest = micros % 1000;
  return rest === 0 ? iso : `${iso.slice(0, -1)}${String(rest).padStart(3, '0')}Z`;
}

interface ColumnInfo {
  readonly name: string;
  readonly convert: (value: unknown) => unknown;
}

/**
 * Per column: integers as numbers within 2^53 (else exact strings), decimals as exact strings.
 * Columns fetched as strings (numbers, JSON) come back as the text 'NULL' for SQL NULL, which no
 * number or JSON text can be.
 */
function columnsOf(statement: RowStatement): ColumnInfo[] {
  return (statement.getColumns() ?? []).map((column) => {
    const type = column.getType().toLowerCase();
    const name = column.getName();
    if (type === 'fixed' || type === 'variant' || type === 'object' || type === 'array') {
      const exact = type === 'fixed' && column.getScale() === 0;
      return {
        name,
        convert: (v) => {
          if (v === null || v === undefined || v === 'NULL') return null;
          if (!exact) return v;
          const big = BigInt(String(v));
          return big <= MAX_SAFE && big >= -MAX_SAFE ? Number(big) : big.toString();
        },
      };
    }
    if (type === 'date')
      return { name, convert: (v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v) };
    if (type.startsWith('timestamp'))
      return { name, convert: (v) => (v instanceof Date ? isoFromSfDate(v) : v) };
    return { name, convert: (v) => (v === undefined ? null : v) };
  });
}

export class SnowflakeSession {
  readonly #connection: Connection;
  #destroyed = false;

  private constructor(connection: Connection) {
    this.#connection = connection;
  }

  static async open(config: SnowflakeConnectionConfig): Promise<SnowflakeSession> {
    const snowflake = await loadSdk();
    const options: ConnectionOptions = {
      account: config.account,
      username: config.username,
      database: config.database,
      ...(config.warehouse ? { warehouse: config.warehouse } : {}),
      ...(config.role ? { role: config.role } : {}),
      ...(config.accessUrl ? { accessUrl: config.accessUrl } : {}),
      ...(config.privateKey
        ? {
            authenticator: 'SNOWFLAKE_JWT',
            privateKey: config.privateKey,
            ...(config.privateKeyPassphrase ? { privateKeyPass: config.privateKeyPassphrase } : {}),
          }
        : { password: config.password ?? '' }),
      // Array binds stay inline: the bulk path is explicit PUT + COPY, never the driver's hidden stage.
      arrayBindingThreshold: 1_000_000,
      application: 'intacct-elt',
    } as ConnectionOptions;
    const connection = snowflake.createConnection(options);
    try {
      await new Promise<void>((resolve, reject) =>
        connection.connect((error) => (error ? reject(error) : resolve())),
      );
    } catch (error) {
      throw classifySnowflakeError(error, 'login');
    }
    const session = new SnowflakeSession(connection);
    // Instants are read and written in UTC whatever the account default.
    await session.execute("ALTER SESSION SET TIMEZONE = 'UTC'");
    return session;
  }

  execute(
    sqlText: string,
    binds: readonly SnowflakeBind[] | readonly SnowflakeBind[][] = [],
  ): Promise<ExecuteResult> {
    return new Promise((resolve, reject) => {
      this.#connection.execute({
        sqlText,
        ...(binds.length > 0 ? { binds: binds as SnowflakeBind[] } : {}),
        fetchAsString: ['Number', 'JSON'],
        complete: (error, statement, rows) => {
          if (error) {
            reject(classifySnowflakeError(error, sqlText));
            return;
          }
          try {
            const columns = columnsOf(statement);
            const out = (rows ?? []).map((row: Record<string, unknown>) => {
              const o: Record<string, unknown> = {};
              for (const c of columns) o[c.name] = c.convert(row[c.name]);
              return o;
            });
            const updated = statement.getNumUpdatedRows();
            resolve({
              rows: out,
              numAffectedRows: updated === undefined || updated < 0 ? undefined : updated,
            });
          } catch (e) {
            reject(classifySnowflakeError(e, sqlText));
          }
        },
      });
    });
  }

  async destroy(): Promise<void> {
    if (this.#destroyed) return;
    this.#destroyed = true;
    await new Promise<void>((resolve) => this.#connection.destroy(() => resolve()));
  }
}

/** A JS parameter as a driver bind: Dates as ISO UTC text, bigints as exact strings. */
export function toSnowflakeBind(value: unknown): SnowflakeBind {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  throw new TypeError(`cannot bind a ${typeof value} parameter to Snowflake`);
}
