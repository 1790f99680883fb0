/**
 * A Snowflake emulator for tests and local runs: an HTTP server on 127.0.0.1 that speaks enough of
 * Snowflake's REST protocol for the unmodified snowflake-sdk driver (warehouses.md §1), backed by an
 * in-memory DuckDB. Test and dev only; never part of the product.
 *
 * Endpoints: login-request (password or key-pair JWT), token-request (renewal after 390112),
 * heartbeat, session delete, telemetry, query-request (single and array binds, async 333334,
 * slow-query 333333 polling), /queries/<id>/result, /monitoring/queries/<id>, chunk downloads,
 * and a GCS-style stage (`PUT`/`HEAD /stage/...`) that the driver uploads PUT files to.
 */
import { createHash, createPublicKey, randomUUID, verify } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { type DuckDBConnection, DuckDBInstance, DuckDBTypeId, type DuckDBValue } from '@duckdb/node-api';
import { SnowflakeSqlError, fromDuckDBError, unsupported } from './errors.ts';
import { type EncodedResult, encodeResult, statusResult } from './result-encode.ts';
import {
  DATE_MACROS_SQL,
  type CopyPlan,
  type Plan,
  type Rendered,
  STATEMENT_TYPE,
  type StageRef,
  decodeName,
  encodeName,
  quoteDuck,
  translate,
} from './sql-translate.ts';

export interface SnowflakeUser {
  /** Accepted password; leave out to refuse password logins for this user. */
  readonly password?: string;
  /** RSA public key (PEM) for key-pair (JWT) logins. */
  readonly publicKeyPem?: string;
}

export interface SnowflakeEmulatorOptions {
  readonly port?: number;
  /** Account name logins must name (case-insensitive). */
  readonly account?: string;
  /** Known users by upper-case login name; without it any user with a non-empty password logs in. */
  readonly users?: Readonly<Record<string, SnowflakeUser>>;
  /** Session token lifetime; the driver renews it with the master token after a 390112 reply. */
  readonly sessionValiditySeconds?: number;
  /** Rows in the first rowset and in each downloadable chunk after it. */
  readonly chunkRows?: number;
  /** How long a synchronous query-request waits before replying 333333 (the driver then polls). */
  readonly syncWaitMs?: number;
}

export interface EmulatorStats {
  logins: number;
  queries: number;
  renewals: number;
  chunkDownloads: number;
  uploads: number;
  resultPolls: number;
  sessionsClosed: number;
  /** Every SQL text received, in order (tests assert what the adapter sent). */
  readonly statements: string[];
  /** Time spent inside the emulator per statement kind (first word), for the benchmark. */
  readonly timings: Record<string, { count: number; ms: number }>;
}

export interface RunningSnowflakeEmulator {
  readonly url: string;
  readonly port: number;
  readonly account: string;
  readonly stats: EmulatorStats;
  /** Marks every live session token expired: the next request of each session gets 390112. */
  expireSessionTokens(): void;
  /** The next query-requests take this long inside the warehouse (exercises 333333 polling). */
  delayQueries(ms: number): void;
  /** Runs SQL as an admin session (test set-up and checks), Snowflake dialect. */
  adminQuery(sqlText: string): Promise<Record<string, string | null>[]>;
  close(): Promise<void>;
}

interface Session {
  readonly id: number;
  readonly user: string;
  readonly database: string;
  schema: string;
  token: string;
  tokenIssuedAt: number;
  tokenExpired: boolean;
  readonly masterToken: string;
  readonly stageToken: string;
  readonly conn: DuckDBConnection;
  inTransaction: boolean;
  queue: Promise<unknown>;
  closed: boolean;
}

interface Bind {
  readonly type: string;
  readonly value: string | null | (string | null)[];
}

interface QueryRecord {
  status: 'RUNNING' | 'SUCCESS' | 'FAILED_WITH_ERROR';
  readonly done: Promise<Reply>;
  reply?: Reply;
}

interface Reply {
  readonly success: boolean;
  readonly code: string | null;
  readonly message: string | null;
  readonly data: unknown;
}

const SETUP_SQL = [
  `CREATE SCHEMA IF NOT EXISTS ${quoteDuck('PUBLIC')}`,
  `CREATE SCHEMA IF NOT EXISTS ${quoteDuck('INFORMATION_SCHEMA')}`,
  // Snowflake reports names exactly and its own type names; views decode DuckDB's catalog.
  `CREATE MACRO main.sf_decode(s) AS array_to_string(list_transform(regexp_extract_all(s, '(?s)\\^?.'), x -> CASE WHEN x[1] = '^' AND length(x) = 2 THEN (CASE WHEN x[2] = '^' THEN '^' ELSE upper(x[2]) END) ELSE x END), '')`,
  `CREATE MACRO main.sf_type(t) AS CASE WHEN t LIKE 'DECIMAL%' OR t IN ('BIGINT', 'INTEGER', 'HUGEINT', 'SMALLINT') THEN 'NUMBER'
     WHEN t = 'VARCHAR' THEN 'TEXT' WHEN t = 'TIMESTAMP WITH TIME ZONE' THEN 'TIMESTAMP_TZ' WHEN t = 'TIMESTAMP' THEN 'TIMESTAMP_NTZ'
     WHEN t = 'DOUBLE' THEN 'FLOAT' WHEN t = 'JSON' THEN 'VARIANT' ELSE t END`,
  `CREATE VIEW ${quoteDuck('INFORMATION_SCHEMA')}.${quoteDuck('SCHEMATA')} AS SELECT main.sf_decode(schema_name) AS ${quoteDuck('SCHEMA_NAME')}
     FROM information_schema.schemata WHERE catalog_name = current_database() AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog')`,
  `CREATE VIEW ${quoteDuck('INFORMATION_SCHEMA')}.${quoteDuck('TABLES')} AS SELECT main.sf_decode(table_schema) AS ${quoteDuck('TABLE_SCHEMA')},
     main.sf_decode(table_name) AS ${quoteDuck('TABLE_NAME')}, table_type AS ${quoteDuck('TABLE_TYPE')}
     FROM information_schema.tables WHERE table_catalog = current_database() AND table_schema NOT IN ('main', '${encodeName('INFORMATION_SCHEMA')}')`,
  `CREATE VIEW ${quoteDuck('INFORMATION_SCHEMA')}.${quoteDuck('COLUMNS')} AS SELECT main.sf_decode(table_schema) AS ${quoteDuck('TABLE_SCHEMA')},
     main.sf_decode(table_name) AS ${quoteDuck('TABLE_NAME')}, main.sf_decode(column_name) AS ${quoteDuck('COLUMN_NAME')},
     ordinal_position AS ${quoteDuck('ORDINAL_POSITION')}, main.sf_type(data_type) AS ${quoteDuck('DATA_TYPE')},
     CASE WHEN data_type = 'HUGEINT' THEN 38 ELSE numeric_precision END AS ${quoteDuck('NUMERIC_PRECISION')},
     CASE WHEN data_type = 'HUGEINT' THEN 0 ELSE numeric_scale END AS ${quoteDuck('NUMERIC_SCALE')}, is_nullable AS ${quoteDuck('IS_NULLABLE')},
     column_default AS ${quoteDuck('COLUMN_DEFAULT')}
     FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema NOT IN ('main', '${encodeName('INFORMATION_SCHEMA')}')`,
];

/** Session parameters the emulator accepts in ALTER SESSION, with the values it can honour. */
const SESSION_SETTINGS: Readonly<Record<string, (value: string) => boolean>> = {
  TIMEZONE: (v) => v.toUpperCase() === 'UTC',
  QUERY_TAG: () => true,
  ERROR_ON_NONDETERMINISTIC_MERGE: (v) => v.toUpperCase() === 'TRUE',
};

export async function startSnowflakeEmulator(
  options: SnowflakeEmulatorOptions = {},
): Promise<RunningSnowflakeEmulator> {
  const account = options.account ?? 'emulator';
  const validityMs = (options.sessionValiditySeconds ?? 3600) * 1000;
  const chunkRows = options.chunkRows ?? 1000;
  const syncWaitMs = options.syncWaitMs ?? 45_000;
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const setup = await instance.connect();
  for (const statement of [...SETUP_SQL, ...DATE_MACROS_SQL]) await setup.run(statement);
  setup.closeSync();
  const stageRoot = mkdtempSync(join(tmpdir(), 'sf-emulator-stage-'));
  const sessions = new Map<string, Session>();
  const byMaster = new Map<string, Session>();
  const byStageToken = new Map<string, Session>();
  const queries = new Map<string, QueryRecord>();
  const chunks = new Map<string, string>();
  /** COPY load metadata: files already loaded per table, skipped unless FORCE = TRUE. */
  const loaded = new Map<string, Set<string>>();
  let nextSessionId = 1;
  let queryDelayMs = 0;
  const stats: EmulatorStats = {
    logins: 0,
    queries: 0,
    renewals: 0,
    chunkDownloads: 0,
    uploads: 0,
    resultPolls: 0,
    sessionsClosed: 0,
    statements: [],
    timings: {},
  };
  let baseUrl = '';

  const ok = (data: unknown, code: string | null = null): Reply => ({
    success: true,
    code,
    message: null,
    data,
  });
  const fail = (code: string, message: string, data: Record<string, unknown> = {}): Reply => ({
    success: false,
    code,
    message,
    data: { ...data, errorCode: code },
  });

  function stageFiles(session: Session, stage: StageRef): string[] {
    const root = join(stageRoot, 'users', encodeURIComponent(session.user));
    if (!existsSync(root)) return [];
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else out.push(relative(root, full).split('\\').join('/'));
      }
    };
    walk(root);
    return out.filter((p) => p.startsWith(stage.path)).sort();
  }

  async function openSession(user: string, database: string, schema: string): Promise<Session> {
    const conn = await instance.connect();
    await conn.run(`SET TimeZone = 'UTC'`);
    const session: Session = {
      id: nextSessionId++,
      user,
      database,
      schema,
      token: `ST-${randomUUID()}`,
      tokenIssuedAt: Date.now(),
      tokenExpired: false,
      masterToken: `MT-${randomUUID()}`,
      stageToken: `GT-${randomUUID()}`,
      conn,
      inTransaction: false,
      queue: Promise.resolve(),
      closed: false,
    };
    await useSchema(session, schema);
    sessions.set(session.token, session);
    byMaster.set(session.masterToken, session);
    byStageToken.set(session.stageToken, session);
    return session;
  }

  async function useSchema(session: Session, schema: string): Promise<void> {
    const exists = await session.conn.run(
      `SELECT 1 FROM information_schema.schemata WHERE catalog_name = current_database() AND schema_name = $1`,
      [encodeName(schema)],
    );
    if ((await exists.getRows()).length > 0) {
      await session.conn.run(`SET search_path = '${encodeName(schema).replace(/'/g, "''")}'`);
      session.schema = schema;
    }
  }

  function closeSession(session: Session): void {
    if (session.closed) return;
    session.closed = true;
    sessions.delete(session.token);
    byMaster.delete(session.masterToken);
    byStageToken.delete(session.stageToken);
    // An open transaction is rolled back when its session ends, as in Snowflake.
    session.queue = session.queue.then(() => session.conn.closeSync());
    stats.sessionsClosed++;
  }

  function bindValue(bind: Bind | undefined, row: number, index: number): DuckDBValue {
    if (bind === undefined)
      throw new SnowflakeSqlError(
        '002049',
        '42601',
        `SQL compilation error: Bind variable ${index + 1} not set.`,
      );
    const raw = Array.isArray(bind.value) ? bind.value[row] : bind.value;
    if (raw === null || raw === undefined) return null;
    switch (bind.type) {
      case 'FIXED':
        return /^-?\d+$/.test(raw) ? BigInt(raw) : raw;
      case 'REAL':
        return Number(raw);
      case 'BOOLEAN':
        return raw === 'true' || raw === '1';
      case 'TEXT':
      case 'VARIANT':
      case 'DATE':
      case 'TIMESTAMP_TZ':
      case 'TIMESTAMP_NTZ':
      case 'TIMESTAMP_LTZ':
        return raw;
      default:
        throw unsupported(`bind type ${bind.type}`);
    }
  }

  function rowsOf(binds: Record<string, Bind>): number {
    const arrays = Object.values(binds).filter((b) => Array.isArray(b.value));
    if (arrays.length === 0) return 1;
    return (arrays[0]!.value as unknown[]).length;
  }

  async function run(session: Session, rendered: Rendered, binds: Record<string, Bind>, row = 0) {
    const values = rendered.params.map((index) => bindValue(binds[String(index + 1)], row, index));
    try {
      return await session.conn.run(rendered.sql, values);
    } catch (error) {
      throw fromDuckDBError(error, decodeName);
    }
  }

  async function inTransaction<T>(session: Session, work: () => Promise<T>): Promise<T> {
    if (session.inTransaction) return work();
    await session.conn.run('BEGIN TRANSACTION');
    try {
      const result = await work();
      await session.conn.run('COMMIT');
      return result;
    } catch (error) {
      await session.conn.run('ROLLBACK');
      throw error;
    }
  }

  async function execute(
    session: Session,
    plan: Plan,
    binds: Record<string, Bind>,
  ): Promise<{ result: EncodedResult; statementTypeId: number } | { upload: Record<string, unknown> }> {
    switch (plan.kind) {
      case 'select': {
        const result = await run(session, plan.sql, binds);
        return { result: await encodeResult(result), statementTypeId: STATEMENT_TYPE.select };
      }
      case 'insert':
      case 'update':
      case 'delete': {
        const n = rowsOf(binds);
        let changed = 0;
        // Array binds run the statement once per row, in one transaction (as one statement).
        await inTransaction(session, async () => {
          for (let row = 0; row < n; row++) changed += (await run(session, plan.sql, binds, row)).rowsChanged;
        });
        const count = String(changed);
        const columns: [string, 'fixed', string][] =
          plan.kind === 'insert'
            ? [['number of rows inserted', 'fixed', count]]
            : plan.kind === 'update'
              ? [
                  ['number of rows updated', 'fixed', count],
                  ['number of multi-joined rows updated', 'fixed', '0'],
                ]
              : [['number of rows deleted', 'fixed', count]];
        return { result: statusResult(columns), statementTypeId: STATEMENT_TYPE[plan.kind] };
      }
      case 'merge': {
        const counts = { inserted: 0, updated: 0, deleted: 0 };
        await inTransaction(session, async () => {
          if (plan.duplicates) {
            const dup = await run(session, plan.duplicates, binds);
            if ((await dup.getRows()).length > 0) {
              throw new SnowflakeSqlError('100090', '42P18', 'Duplicate row detected during DML action');
            }
          }
          const result = await run(session, plan.sql, binds);
          for (const [action] of await result.getRows()) {
            const key = action === 'INSERT' ? 'inserted' : action === 'UPDATE' ? 'updated' : 'deleted';
            counts[key]++;
          }
        });
        return {
          result: statusResult(plan.actions.map((a) => [`number of rows ${a}`, 'fixed', String(counts[a])])),
          statementTypeId: STATEMENT_TYPE.merge,
        };
      }
      case 'ddl': {
        // DDL commits the open transaction first and then runs on its own (Snowflake's rule).
        if (session.inTransaction) {
          await session.conn.run('COMMIT');
          session.inTransaction = false;
        }
        await run(session, plan.sql, binds);
        return {
          result: statusResult([['status', 'text', plan.status]]),
          statementTypeId: STATEMENT_TYPE.ddl,
        };
      }
      case 'begin':
        if (!session.inTransaction) {
          await session.conn.run('BEGIN TRANSACTION');
          session.inTransaction = true;
        }
        return {
          result: statusResult([['status', 'text', 'Statement executed successfully.']]),
          statementTypeId: STATEMENT_TYPE.transaction,
        };
      case 'commit':
      case 'rollback':
        // Without an open transaction both succeed and do nothing.
        if (session.inTransaction) {
          session.inTransaction = false;
          await session.conn.run(plan.kind === 'commit' ? 'COMMIT' : 'ROLLBACK');
        }
        return {
          result: statusResult([['status', 'text', 'Statement executed successfully.']]),
          statementTypeId: STATEMENT_TYPE.transaction,
        };
      case 'alter-session':
        for (const [name, value] of Object.entries(plan.settings)) {
          const accepts = SESSION_SETTINGS[name];
          if (!accepts?.(value)) throw unsupported(`ALTER SESSION SET ${name} = ${value}`);
        }
        return {
          result: statusResult([['status', 'text', 'Statement executed successfully.']]),
          statementTypeId: STATEMENT_TYPE.session,
        };
      case 'put': {
        const path =
          plan.stage.path === '' || plan.stage.path.endsWith('/') ? plan.stage.path : `${plan.stage.path}/`;
        return {
          upload: {
            command: 'UPLOAD',
            src_locations: [plan.localPath],
            parallel: plan.options.parallel,
            autoCompress: plan.options.autoCompress,
            overwrite: plan.options.overwrite,
            sourceCompression: plan.options.sourceCompression,
            clientShowEncryptionParameter: false,
            stageInfo: {
              locationType: 'GCS',
              location: `stage/users/${encodeURIComponent(session.user)}/${path}`,
              path,
              region: 'local',
              endPoint: baseUrl,
              creds: { GCS_ACCESS_TOKEN: session.stageToken },
              presignedUrl: null,
              isClientSideEncrypted: false,
            },
            encryptionMaterial: null,
          },
        };
      }
      case 'copy':
        return { result: await copyInto(session, plan.copy), statementTypeId: STATEMENT_TYPE.copy };
      case 'remove': {
        const files = stageFiles(session, plan.stage);
        for (const file of files) rmSync(join(stageRoot, 'users', encodeURIComponent(session.user), file));
        return {
          result: {
            rowtype: statusResult([
              ['name', 'text', null],
              ['result', 'text', null],
            ]).rowtype,
            rows: files.map((f) => [f, 'removed']),
          },
          statementTypeId: STATEMENT_TYPE.select,
        };
      }
      case 'list': {
        const root = join(stageRoot, 'users', encodeURIComponent(session.user));
        const files = stageFiles(session, plan.stage);
        return {
          result: {
            rowtype: statusResult([
              ['name', 'text', null],
              ['size', 'fixed', null],
            ]).rowtype,
            rows: files.map((f) => [f, String(statSync(join(root, f)).size)]),
          },
          statementTypeId: STATEMENT_TYPE.select,
        };
      }
    }
  }

  async function copyInto(session: Session, copy: CopyPlan): Promise<EncodedResult> {
    const root = join(stageRoot, 'users', encodeURIComponent(session.user));
    const dir =
      copy.stage.path === '' || copy.stage.path.endsWith('/') ? copy.stage.path : `${copy.stage.path}/`;
    const candidates = copy.files ? copy.files.map((f) => `${dir}${f}`) : stageFiles(session, copy.stage);
    for (const file of candidates) {
      if (!existsSync(join(root, file)))
        throw new SnowflakeSqlError('100038', '22000', `Remote file '${file}' was not found.`);
    }
    const tableKey = `${copy.table}`;
    const seen = loaded.get(tableKey) ?? new Set<string>();
    loaded.set(tableKey, seen);
    const digest = (file: string) =>
      `${file}:${createHash('md5')
        .update(readFileSync(join(root, file)))
        .digest('hex')}`;
    const files = candidates.filter((f) => copy.force || !seen.has(digest(f)));
    if (files.length === 0)
      return statusResult([['status', 'text', 'Copy executed with 0 files processed.']]);
    const probe = await session.conn.run(`SELECT * FROM ${copy.table} LIMIT 0`).catch((e) => {
      throw fromDuckDBError(e, decodeName);
    });
    const names = probe.columnNames();
    const types = probe.columnTypes();
    const targetColumns = copy.columns
      ? copy.columns.map(quoteDuck)
      : names.map((c) => `"${c.replace(/"/g, '""')}"`);
    const n = targetColumns.length;
    const typeOf = (i: number) => {
      const name = copy.columns ? encodeName(copy.columns[i]!) : names[i]!;
      return types[names.findIndex((c) => c.toLowerCase() === name.toLowerCase())];
    };
    // DuckDB parses text into DECIMAL(38,s) ~100x slower than into DECIMAL(18,s): values with at most
    // nine integer digits take the narrow parse and widen exactly; the rest take the wide one.
    const field = (i: number) => {
      const c = `c${i + 1}`;
      const type = typeOf(i);
      if (type?.typeId !== DuckDBTypeId.DECIMAL || type.width <= 18 || type.scale > 9) return c;
      const wide = type.toString();
      return `CASE WHEN length(split_part(${c}, '.', 1)) <= 9 THEN CAST(CAST(${c} AS DECIMAL(18,${type.scale})) AS ${wide}) ELSE CAST(${c} AS ${wide}) END`;
    };
    const columnsStruct = `{${Array.from({ length: n }, (_, i) => `'c${i + 1}': 'VARCHAR'`).join(', ')}}`;
    const nulls = [...copy.nullIf, ...(copy.emptyFieldAsNull ? [''] : [])];
    const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const results: (string | null)[][] = [];
    await inTransaction(session, async () => {
      for (const file of files) {
        const gz = copy.compression === 'gzip' || (copy.compression === 'auto' && file.endsWith('.gz'));
        const reader = `read_csv(${lit(join(root, file))}, delim = ${lit(copy.delimiter)}, quote = ${lit(copy.enclosedBy ?? '')}, escape = ${lit(copy.enclosedBy ?? '')},
          header = false, skip = ${copy.skipHeader}, columns = ${columnsStruct}, auto_detect = false,
          nullstr = [${(nulls.length > 0 ? nulls : ['\u0000']).map(lit).join(', ')}], allow_quoted_nulls = false, compression = ${lit(gz ? 'gzip' : 'none')})`;
        const sqlText = `INSERT INTO ${copy.table} (${targetColumns.join(', ')}) SELECT ${Array.from({ length: n }, (_, i) => field(i)).join(', ')} FROM ${reader}`;
        let rows: number;
        try {
          rows = (await session.conn.run(sqlText)).rowsChanged;
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          if (/Expected Number of Columns|column count|too many columns|Found: /i.test(message)) {
            throw new SnowflakeSqlError(
              '100080',
              '22000',
              `Number of columns in file does not match that of the corresponding table (${n}), file '${file}'`,
            );
          }
          throw fromDuckDBError(error, decodeName);
        }
        results.push([file, 'LOADED', String(rows), String(rows), '1', '0', null, null, null, null]);
      }
    });
    for (const file of files) seen.add(digest(file));
    if (copy.purge) for (const file of files) rmSync(join(root, file));
    return {
      rowtype: statusResult([
        ['file', 'text', null],
        ['status', 'text', null],
        ['rows_parsed', 'fixed', null],
        ['rows_loaded', 'fixed', null],
        ['error_limit', 'fixed', null],
        ['errors_seen', 'fixed', null],
        ['first_error', 'text', null],
        ['first_error_line', 'fixed', null],
        ['first_error_character', 'fixed', null],
        ['first_error_column_name', 'text', null],
      ]).rowtype,
      rows: results,
    };
  }

  function resultData(queryId: string, session: Session, encoded: EncodedResult, statementTypeId: number) {
    const first = encoded.rows.slice(0, chunkRows);
    const rest = encoded.rows.slice(chunkRows);
    const chunkList: { url: string; rowCount: number; uncompressedSize: number; compressedSize: number }[] =
      [];
    for (let i = 0; i < rest.length; i += chunkRows) {
      const part = rest.slice(i, i + chunkRows);
      const body = part.map((r) => JSON.stringify(r)).join(',');
      const key = `${queryId}/${chunkList.length}`;
      chunks.set(key, body);
      chunkList.push({
        url: `${baseUrl}/chunks/${key}`,
        rowCount: part.length,
        uncompressedSize: body.length,
        compressedSize: body.length,
      });
    }
    return {
      queryId,
      statementTypeId,
      version: 1,
      queryResultFormat: 'json',
      parameters: [{ name: 'TIMEZONE', value: 'UTC' }],
      rowtype: encoded.rowtype,
      rowset: first,
      total: encoded.rows.length,
      returned: encoded.rows.length,
      ...(chunkList.length > 0 ? { chunks: chunkList, chunkHeaders: {} } : {}),
      finalDatabaseName: session.database,
      finalSchemaName: session.schema,
      finalWarehouseName: 'EMULATOR',
      finalRoleName: 'EMULATOR',
      sqlState: '00000',
    };
  }

  function startQuery(session: Session, body: Record<string, unknown>): [string, QueryRecord] {
    const queryId = randomUUID();
    const sqlText = String(body['sqlText'] ?? '');
    stats.queries++;
    stats.statements.push(sqlText);
    const binds = (body['bindings'] ?? {}) as Record<string, Bind>;
    const delay = queryDelayMs;
    const work = async (): Promise<Reply> => {
      if (delay > 0) await new Promise((r) => setTimeout(r, delay));
      const started = performance.now();
      const kind = /^\s*(\w+)/.exec(sqlText)?.[1]?.toUpperCase() ?? '?';
      stats.timings[kind] ??= { count: 0, ms: 0 };
      const timing = stats.timings[kind];
      timing.count++;
      try {
        if (body['bindStage'])
          throw unsupported('stage binding (keep arrayBindingThreshold above the batch size)');
        const plan = translate(sqlText);
        const out = await execute(session, plan, binds);
        if ('upload' in out) return ok({ ...out.upload, queryId });
        return ok(resultData(queryId, session, out.result, out.statementTypeId));
      } catch (error) {
        const e = error instanceof SnowflakeSqlError ? error : fromDuckDBError(error, decodeName);
        return fail(e.code, e.message, { queryId, sqlState: e.sqlState, type: 'COMPILATION' });
      } finally {
        timing.ms += performance.now() - started;
      }
    };
    const done = session.queue.then(work, work) as Promise<Reply>;
    session.queue = done;
    const record: QueryRecord = { status: 'RUNNING', done };
    done.then((reply) => {
      record.reply = reply;
      record.status = reply.success ? 'SUCCESS' : 'FAILED_WITH_ERROR';
    });
    queries.set(queryId, record);
    return [queryId, record];
  }

  async function waitReply(queryId: string, record: QueryRecord): Promise<Reply> {
    const timeout = new Promise<null>((r) => setTimeout(() => r(null), syncWaitMs).unref());
    const reply = await Promise.race([record.done, timeout]);
    if (reply !== null) return reply;
    return ok({ queryId, getResultUrl: `/queries/${queryId}/result` }, '333333');
  }

  function sessionFor(req: IncomingMessage): Session | Reply {
    const token = /Snowflake Token="([^"]+)"/.exec(req.headers.authorization ?? '')?.[1];
    const session = token === undefined ? undefined : sessions.get(token);
    if (!session) return fail('390104', 'Invalid session token; please log in again.');
    if (session.tokenExpired || Date.now() - session.tokenIssuedAt > validityMs)
      return fail('390112', 'Your session has expired. Please login again.');
    return session;
  }

  function checkLogin(data: Record<string, unknown>): Reply | null {
    const acct = String(data['ACCOUNT_NAME'] ?? '');
    if (acct.toUpperCase() !== account.toUpperCase())
      return fail('390100', 'Incorrect username or password was specified.');
    const user = String(data['LOGIN_NAME'] ?? '').toUpperCase();
    const authenticator = String(data['AUTHENTICATOR'] ?? 'SNOWFLAKE').toUpperCase();
    const known = options.users?.[user];
    if (authenticator === 'SNOWFLAKE_JWT') {
      if (!known?.publicKeyPem) return fail('390144', 'JWT token is invalid.');
      return verifyJwt(String(data['TOKEN'] ?? ''), acct.toUpperCase(), user, known.publicKeyPem)
        ? null
        : fail('390144', 'JWT token is invalid.');
    }
    if (authenticator !== 'SNOWFLAKE')
      return fail('390100', `Authenticator ${authenticator} is not supported by the emulator.`);
    const password = String(data['PASSWORD'] ?? '');
    if (options.users === undefined)
      return password === '' ? fail('390100', 'Incorrect username or password was specified.') : null;
    return known?.password !== undefined && known.password === password
      ? null
      : fail('390100', 'Incorrect username or password was specified.');
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const path = url.pathname;
    const raw = await readBody(req);
    const send = (reply: Reply) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(reply));
    };
    const json = (): Record<string, unknown> =>
      raw.length === 0 ? {} : (JSON.parse(raw.toString('utf8')) as Record<string, unknown>);

    if (path.startsWith('/stage/')) return handleStage(req, res, path, raw);
    if (req.method === 'GET' && path.startsWith('/chunks/')) {
      const body = chunks.get(path.slice('/chunks/'.length));
      if (body === undefined) {
        res.writeHead(404).end();
        return;
      }
      stats.chunkDownloads++;
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end(body);
      return;
    }
    if (path === '/session/v1/login-request') {
      const data = (json()['data'] ?? {}) as Record<string, unknown>;
      const refused = checkLogin(data);
      if (refused) return send(refused);
      stats.logins++;
      const session = await openSession(
        String(data['LOGIN_NAME']).toUpperCase(),
        url.searchParams.get('databaseName') ?? 'EMULATOR',
        url.searchParams.get('schemaName') ?? 'PUBLIC',
      );
      return send(
        ok({
          token: session.token,
          masterToken: session.masterToken,
          validityInSeconds: validityMs / 1000,
          masterValidityInSeconds: 14400,
          sessionId: session.id,
          parameters: [
            { name: 'TIMEZONE', value: 'UTC' },
            { name: 'CLIENT_SESSION_KEEP_ALIVE', value: false },
          ],
          sessionInfo: {
            databaseName: session.database,
            schemaName: session.schema,
            warehouseName: url.searchParams.get('warehouse') ?? 'EMULATOR',
            roleName: url.searchParams.get('roleName') ?? 'EMULATOR',
          },
        }),
      );
    }
    if (path === '/session/token-request') {
      const master = /Snowflake Token="([^"]+)"/.exec(req.headers.authorization ?? '')?.[1];
      const session = master === undefined ? undefined : byMaster.get(master);
      if (!session) return send(fail('390114', 'Master token expired or invalid; please log in again.'));
      sessions.delete(session.token);
      session.token = `ST-${randomUUID()}`;
      session.tokenIssuedAt = Date.now();
      session.tokenExpired = false;
      sessions.set(session.token, session);
      stats.renewals++;
      return send(
        ok({
          sessionToken: session.token,
          validityInSecondsST: validityMs / 1000,
          masterToken: session.masterToken,
          validityInSecondsMT: 14400,
        }),
      );
    }
    if (path === '/telemetry/send') return send(ok(null));
    const session = sessionFor(req);
    if (!('conn' in session)) return send(session);
    if (path === '/session' && url.searchParams.get('delete') === 'true') {
      closeSession(session);
      return send(ok(null));
    }
    if (path === '/session/heartbeat') return send(ok(null));
    if (path === '/queries/v1/query-request') {
      const body = json();
      const [queryId, record] = startQuery(session, body);
      if (body['asyncExec'] === true)
        return send(ok({ queryId, getResultUrl: `/queries/${queryId}/result` }, '333334'));
      return send(await waitReply(queryId, record));
    }
    if (path === '/queries/v1/abort-request' || /^\/queries\/[^/]+\/abort-request$/.test(path))
      return send(ok(null));
    const result = /^\/queries\/([0-9a-f-]+)\/result$/.exec(path);
    if (result && req.method === 'GET') {
      stats.resultPolls++;
      const record = queries.get(result[1]!);
      if (!record) return send(fail('000709', `Statement ${result[1]} not found`));
      return send(await waitReply(result[1]!, record));
    }
    const monitoring = /^\/monitoring\/queries\/([0-9a-f-]+)$/.exec(path);
    if (monitoring) {
      const record = queries.get(monitoring[1]!);
      if (!record) return send(fail('000709', `Statement ${monitoring[1]} not found`));
      const reply = record.reply;
      return send(
        ok({
          queries: [
            {
              id: monitoring[1],
              status: record.status,
              ...(reply && !reply.success ? { errorCode: reply.code, errorMessage: reply.message } : {}),
            },
          ],
        }),
      );
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        success: false,
        code: '404',
        message: `no emulator route ${req.method} ${path}`,
        data: null,
      }),
    );
  }

  function handleStage(req: IncomingMessage, res: ServerResponse, path: string, raw: Buffer): void {
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const session = token === undefined ? undefined : byStageToken.get(token);
    if (!session) {
      res.writeHead(401).end();
      return;
    }
    const prefix = `/stage/users/${encodeURIComponent(session.user)}/`;
    const rel = decodeURIComponent(path.startsWith(prefix) ? path.slice(prefix.length) : '');
    if (rel === '' || rel.split('/').includes('..')) {
      res.writeHead(403).end();
      return;
    }
    const file = join(stageRoot, 'users', encodeURIComponent(session.user), rel);
    if (req.method === 'PUT') {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, raw);
      stats.uploads++;
      res.writeHead(200).end();
      return;
    }
    if (req.method === 'HEAD') {
      if (!existsSync(file)) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-length': String(statSync(file).size) }).end();
      return;
    }
    res.writeHead(405).end();
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ success: false, code: '000603', message: String(error), data: null }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  baseUrl = `http://127.0.0.1:${port}`;

  let admin: Session | undefined;
  return {
    url: baseUrl,
    port,
    account,
    stats,
    expireSessionTokens() {
      for (const session of sessions.values()) session.tokenExpired = true;
    },
    delayQueries(ms: number) {
      queryDelayMs = ms;
    },
    async adminQuery(sqlText: string) {
      admin ??= await openSession('ADMIN', 'EMULATOR', 'PUBLIC');
      const session = admin;
      const out = await execute(session, translate(sqlText), {});
      if ('upload' in out) throw new Error('adminQuery cannot PUT');
      return out.result.rows.map((row) =>
        Object.fromEntries(out.result.rowtype.map((c, i) => [c.name, row[i] ?? null])),
      );
    },
    async close() {
      for (const session of [...sessions.values()]) closeSession(session);
      if (admin) closeSession(admin);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await Promise.allSettled([...queries.values()].map((q) => q.done));
      instance.closeSync();
      rmSync(stageRoot, { recursive: true, force: true });
    },
  };
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  const body = Buffer.concat(parts);
  return req.headers['content-encoding'] === 'gzip' && req.url?.startsWith('/stage/') !== true
    ? gunzipSync(body)
    : body;
}

/** JWT (RS256) as the driver builds it: iss = ACCOUNT.USER.SHA256:<public key fingerprint>, sub = ACCOUNT.USER. */
function verifyJwt(token: string, account: string, user: string, publicKeyPem: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [header, payload, signature] = parts as [string, string, string];
  const key = createPublicKey(publicKeyPem);
  if (!verify('RSA-SHA256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url')))
    return false;
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  const fingerprint = `SHA256:${createHash('sha256')
    .update(key.export({ format: 'der', type: 'spki' }))
    .digest('base64')}`;
  const exp = Number(claims['exp']);
  return (
    claims['iss'] === `${account}.${user}.${fingerprint}` &&
    claims['sub'] === `${account}.${user}` &&
    Number.isFinite(exp) &&
    exp * (exp < 1e12 ? 1000 : 1) > Date.now()
  );
}
