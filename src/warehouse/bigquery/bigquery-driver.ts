/**
 * Kysely driver over @google-cloud/bigquery. Every statement goes through jobs.query (the client's
 * fast path) with typed positional parameters, and its pages are read raw (skipParsing) so that
 * NUMERIC stays an exact string. The client's own retry is off: failures are classified once and
 * retried here with the job's backoff policy. BigQuery has transactions only inside one script or
 * one session, so a Kysely transaction is a BigQuery session: BEGIN creates it, COMMIT or ROLLBACK
 * ends the transaction and then the session.
 */
import type { BigQuery, Job, Query } from '@google-cloud/bigquery';
import { CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type { Logger } from '../../core/logger.ts';
import { DEFAULT_RETRY, type RetryPolicy, retry } from '../../core/retry.ts';
import { type ResultField, type ResultRow, decodeRows } from './bigquery-cells.ts';
import { classifyBigQueryError } from './bigquery-errors.ts';

export interface BigQueryRunnerOptions {
  readonly client: BigQuery;
  readonly location: string;
  readonly retry?: RetryPolicy;
  readonly logger?: Logger;
}

export interface RunResult {
  readonly rows: Record<string, unknown>[];
  readonly numAffectedRows: bigint | undefined;
  readonly sessionId: string | undefined;
}

interface QueryResponse {
  readonly schema?: { readonly fields?: readonly ResultField[] };
  readonly numDmlAffectedRows?: string;
  readonly sessionInfo?: { readonly sessionId?: string };
  readonly jobComplete?: boolean;
}

type NextQuery = (Record<string, unknown> & { job?: Job }) | null;

/** The BigQuery type of a bound value; nulls never get here (the compiler writes them as NULL). */
function typeOf(value: unknown): string {
  if (value === null || value === undefined) return 'STRING';
  if (value instanceof Date) return 'TIMESTAMP';
  switch (typeof value) {
    case 'boolean':
      return 'BOOL';
    case 'bigint':
      return 'INT64';
    case 'number':
      return Number.isInteger(value) ? 'INT64' : 'FLOAT64';
    case 'string':
      return 'STRING';
    default:
      throw new TypeError(`cannot bind a ${typeof value} parameter to BigQuery`);
  }
}

function bindValue(value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/** Runs SQL through the client: retries, paging, decoding. Shared by Kysely and the warehouse. */
export class BigQueryRunner {
  readonly client: BigQuery;
  readonly location: string;
  readonly #policy: RetryPolicy;
  readonly #logger: Logger | undefined;

  constructor(options: BigQueryRunnerOptions) {
    this.client = options.client;
    this.location = options.location;
    this.#policy = options.retry ?? DEFAULT_RETRY;
    this.#logger = options.logger;
  }

  /** Retries what BigQuery calls retryable (rate limits, backend errors), classified once. */
  async withRetry<T>(what: string, fn: () => Promise<T>): Promise<T> {
    return retry(
      async () => {
        try {
          return await fn();
        } catch (error) {
          throw classifyBigQueryError(error, what);
        }
      },
      {
        policy: this.#policy,
        onRetry: (error, attempt, delayMs) =>
          this.#logger?.warn('BigQuery call failed; retrying', {
            what: what.slice(0, 80),
            attempt,
            delayMs,
            codes: error.codes,
          }),
      },
    );
  }

  async run(
    sqlText: string,
    parameters: readonly unknown[],
    session: { readonly sessionId?: string; readonly createSession?: boolean } = {},
  ): Promise<RunResult> {
    return this.withRetry(sqlText, () => this.#runOnce(sqlText, parameters, session));
  }

  async #runOnce(
    sqlText: string,
    parameters: readonly unknown[],
    session: { readonly sessionId?: string; readonly createSession?: boolean },
  ): Promise<RunResult> {
    const query: Query & { skipParsing: boolean } = {
      query: sqlText,
      location: this.location,
      skipParsing: true,
      ...(parameters.length > 0 ? { params: parameters.map(bindValue), types: parameters.map(typeOf) } : {}),
      ...(session.createSession ? { createSession: true } : {}),
      ...(session.sessionId
        ? { connectionProperties: [{ key: 'session_id', value: session.sessionId }] }
        : {}),
    };
    let [rows, next, response] = (await this.client.query(query, { autoPaginate: false })) as unknown as [
      ResultRow[],
      NextQuery,
      QueryResponse | undefined,
    ];
    const job = next?.job;
    const all: ResultRow[] = [...(rows ?? [])];
    let last = response;
    let fields = response?.schema?.fields;
    // Not complete yet, or more pages: follow the job's getQueryResults pages.
    while (next && job) {
      [rows, next, response] = (await job.getQueryResults({ ...next, autoPaginate: false })) as unknown as [
        ResultRow[],
        NextQuery,
        QueryResponse | undefined,
      ];
      all.push(...(rows ?? []));
      if (response) last = response;
      fields = response?.schema?.fields ?? fields;
    }
    let sessionId = last?.sessionInfo?.sessionId ?? session.sessionId;
    if (session.createSession && sessionId === undefined && job) {
      const [metadata] = await job.getMetadata();
      sessionId = (metadata as { statistics?: { sessionInfo?: { sessionId?: string } } }).statistics
        ?.sessionInfo?.sessionId;
    }
    return {
      rows: fields ? decodeRows(fields, all) : [],
      numAffectedRows: last?.numDmlAffectedRows === undefined ? undefined : BigInt(last.numDmlAffectedRows),
      sessionId,
    };
  }
}

export class BigQueryConnection implements DatabaseConnection {
  readonly #runner: BigQueryRunner;
  /** Set while a transaction (a BigQuery session) is open on this connection. */
  sessionId: string | undefined;

  constructor(runner: BigQueryRunner) {
    this.#runner = runner;
  }

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.#runner.run(
      compiledQuery.sql,
      compiledQuery.parameters,
      this.sessionId === undefined ? {} : { sessionId: this.sessionId },
    );
    return {
      rows: result.rows as R[],
      ...(result.numAffectedRows === undefined ? {} : { numAffectedRows: result.numAffectedRows }),
    };
  }

  /** BigQuery pages are read whole; a stream yields them as one batch. */
  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(compiledQuery);
  }

  async begin(): Promise<void> {
    const result = await this.#runner.run('BEGIN TRANSACTION', [], { createSession: true });
    if (result.sessionId === undefined)
      throw new Error('BigQuery did not return a session for the transaction');
    this.sessionId = result.sessionId;
  }

  async end(statement: 'COMMIT TRANSACTION' | 'ROLLBACK TRANSACTION'): Promise<void> {
    const sessionId = this.sessionId;
    if (sessionId === undefined) return;
    try {
      await this.#runner.run(statement, [], { sessionId });
    } finally {
      this.sessionId = undefined;
      // Ends the session at once instead of leaving it to idle out.
      await this.#runner.run('CALL BQ.ABORT_SESSION()', [], { sessionId }).catch(() => undefined);
    }
  }
}

export class BigQueryDriver implements Driver {
  readonly #runner: BigQueryRunner;

  constructor(runner: BigQueryRunner) {
    this.#runner = runner;
  }

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    return new BigQueryConnection(this.#runner);
  }

  async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as BigQueryConnection).begin();
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as BigQueryConnection).end('COMMIT TRANSACTION');
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as BigQueryConnection).end('ROLLBACK TRANSACTION');
  }

  async releaseConnection(): Promise<void> {}

  async destroy(): Promise<void> {}
}

/** `$1`-style parameters (the Warehouse.query contract) as BigQuery's positional `?`, in order of use. */
export function positionalize(sqlText: string, params: readonly unknown[]): CompiledQuery {
  const ordered: unknown[] = [];
  let out = '';
  let i = 0;
  while (i < sqlText.length) {
    const c = sqlText[i]!;
    if (c === "'" || c === '"' || c === '`') {
      const end = sqlText.indexOf(c, i + 1);
      const stop = end < 0 ? sqlText.length : end + 1;
      out += sqlText.slice(i, stop);
      i = stop;
      continue;
    }
    const m = c === '$' ? /^\$(\d+)/.exec(sqlText.slice(i)) : null;
    if (m) {
      const index = Number(m[1]) - 1;
      if (index < 0 || index >= params.length) {
        throw new RangeError(`$${m[1]} has no parameter (${params.length} given)`);
      }
      ordered.push(params[index]);
      out += '?';
      i += m[0].length;
      continue;
    }
    out += c;
    i++;
  }
  return CompiledQuery.raw(out, ordered);
}
