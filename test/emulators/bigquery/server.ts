/**
 * A BigQuery REST emulator for tests: node:http on 127.0.0.1, backed by in-memory DuckDB. It serves
 * the calls @google-cloud/bigquery 8.x makes (shared/reference/warehouses.md §2), under both the
 * `/bigquery/v2` prefix (apiEndpoint) and the bare one (BIGQUERY_EMULATOR_HOST):
 *
 *   datasets   POST/GET/DELETE /projects/{p}/datasets[/{d}], GET list
 *   tables     POST/GET/PATCH/PUT/DELETE /projects/{p}/datasets/{d}/tables[/{t}], GET list,
 *              GET …/tables/{t}/data (tabledata.list, paged)
 *   jobs       POST /projects/{p}/jobs (query jobs), GET /projects/{p}/jobs/{id}, POST …/{id}/cancel
 *   queries    POST /projects/{p}/queries (jobs.query), GET /projects/{p}/queries/{id} (paged)
 *   uploads    POST /upload/bigquery/v2/projects/{p}/jobs?uploadType=multipart|resumable, PUT to the
 *              resumable session URI (whole body or Content-Range chunks)
 *
 * Jobs pass through PENDING and RUNNING before DONE (one step per poll), timestamps go out as
 * microseconds, errors as BigQuery's envelope with a reason, and `failNext` injects rate limits
 * and outages. Sessions (createSession / connectionProperties session_id) keep one DuckDB
 * connection, so transactions can span queries as they do in BigQuery sessions.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { type Row, type SchemaField, catalogField, duckTypeOf } from './cells.ts';
import {
  DmlTracker,
  type ExecContext,
  type QueryOutcome,
  type QueryParameter,
  openContext,
  runQuery,
} from './engine.ts';
import { GoogleSqlError } from './googlesql.ts';

export interface Fault {
  readonly status: number;
  readonly reason: string;
  readonly message?: string;
  /** Only requests whose `METHOD path` matches (path without the /bigquery/v2 prefix). */
  readonly match?: RegExp;
}

export interface LoggedRequest {
  readonly method: string;
  /** Path as received, without the query string. */
  readonly path: string;
  readonly query: Record<string, string>;
  readonly prefixed: boolean;
  /** Time the emulator spent on it, filled in when it is answered. */
  ms?: number;
}

export interface BigQueryEmulatorOptions {
  readonly port?: number;
  /** Bearer token every request must carry; any non-empty token when left out. */
  readonly token?: string;
  /** jobs.get / getQueryResults calls a job needs before it is DONE (default 2: PENDING → RUNNING → DONE). */
  readonly pollsToDone?: number;
  /**
   * jobs.query answers `jobComplete: false` and leaves the job PENDING, so the client must poll
   * getQueryResults, as for a query slower than the request's timeoutMs. Default: a query that ran
   * comes back complete in the first reply, as fast queries do in BigQuery.
   */
  readonly slowQueries?: boolean;
}

export interface RunningBigQueryEmulator {
  /** http://127.0.0.1:<port>, the apiEndpoint to give the client. */
  readonly url: string;
  readonly requests: LoggedRequest[];
  /** The states each job was reported in, in order. */
  readonly jobStates: Map<string, string[]>;
  /** Sessions created so far, and those still open. */
  sessionStats(): { readonly created: number; readonly open: number };
  /** The most UPDATE/DELETE/MERGE statements that ran at once on each table (DuckDB name). */
  maxConcurrentDml(): ReadonlyMap<string, number>;
  /** The SQL text of every query (jobs.query and query jobs), in order. */
  readonly queries: string[];
  /** The next `count` matching requests fail with this error. */
  failNext(count: number, fault: Fault): void;
  /** Runs SQL straight on the emulator's DuckDB (test assertions). */
  duck(sql: string): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const STATUS: Readonly<Record<number, string>> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  409: 'ALREADY_EXISTS',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

function envelope(status: number, reason: string, message: string) {
  return {
    error: {
      code: status,
      message,
      errors: [{ message, domain: 'global', reason }],
      status: STATUS[status] ?? 'UNKNOWN',
    },
  };
}

interface Job {
  readonly jobReference: { projectId: string; jobId: string; location: string };
  readonly configuration: Record<string, unknown>;
  readonly created: number;
  polls: number;
  readonly outcome: QueryOutcome | null;
  readonly outputRows: number | null;
  readonly error: { reason: string; message: string } | null;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]{0,1023}$/;

function checkName(name: string, what: string): string {
  if (!IDENT.test(name)) throw new HttpError(400, 'invalid', `Invalid ${what} ID "${name}"`);
  return name;
}

const q = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): Record<string, unknown> {
  if (body.length === 0) return {};
  try {
    return JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw new HttpError(400, 'parseError', 'Parse Error: the request body is not JSON');
  }
}

/** multipart/related: part 1 the job (JSON), part 2 the data. */
function parseMultipart(
  body: Buffer,
  contentType: string,
): { metadata: Record<string, unknown>; data: Buffer } {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) throw new HttpError(400, 'badRequest', 'multipart upload without a boundary');
  const delimiter = Buffer.from(`--${boundary}`);
  const parts: Buffer[] = [];
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const next = body.indexOf(delimiter, at + delimiter.length);
    if (next < 0) break;
    parts.push(body.subarray(at + delimiter.length, next));
    at = next;
  }
  const content = parts.map((part) => {
    const split = part.indexOf('\r\n\r\n');
    const payload = part.subarray(split + 4);
    // Each part ends with the CRLF that precedes the next delimiter.
    return payload.subarray(0, payload.length - (payload.subarray(-2).toString() === '\r\n' ? 2 : 0));
  });
  if (content.length < 2)
    throw new HttpError(400, 'badRequest', 'multipart upload needs a metadata part and a data part');
  return { metadata: parseJson(content[0]!), data: content[1]! };
}

export async function startBigQueryEmulator(
  options: BigQueryEmulatorOptions = {},
): Promise<RunningBigQueryEmulator> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const admin = await openContext(instance);
  const files = mkdtempSync(join(tmpdir(), 'bq-emulator-'));
  const jobs = new Map<string, Job>();
  const sessions = new Map<string, ExecContext>();
  const uploads = new Map<
    string,
    { metadata: Record<string, unknown>; chunks: Buffer[]; received: number }
  >();
  const requests: LoggedRequest[] = [];
  const jobStates = new Map<string, string[]>();
  const faults: (Fault & { remaining: number })[] = [];
  const queries: string[] = [];
  const tracker = new DmlTracker();
  let sessionsCreated = 0;
  const pollsToDone = options.pollsToDone ?? 2;
  let baseUrl = '';

  async function duck(sqlText: string, values: (string | null)[] = []): Promise<Record<string, unknown>[]> {
    const result = await admin.connection.run(sqlText, values.length ? values : undefined);
    return (await result.getRowObjectsJson()) as Record<string, unknown>[];
  }

  async function datasetExists(project: string, dataset: string): Promise<boolean> {
    const rows = await duck('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [dataset]);
    void project;
    return rows.length > 0;
  }

  async function requireDataset(project: string, dataset: string) {
    if (!(await datasetExists(project, dataset)))
      throw new HttpError(404, 'notFound', `Not found: Dataset ${project}:${dataset}`);
  }

  async function tableFields(dataset: string, table: string): Promise<SchemaField[] | null> {
    const rows = await duck(
      `SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
      [dataset, table],
    );
    if (rows.length === 0) return null;
    return rows.map((r) =>
      catalogField(String(r['column_name']), String(r['data_type']), r['is_nullable'] === 'YES'),
    );
  }

  function tableResource(project: string, dataset: string, table: string, fields: SchemaField[]) {
    return {
      kind: 'bigquery#table',
      id: `${project}:${dataset}.${table}`,
      tableReference: { projectId: project, datasetId: dataset, tableId: table },
      schema: { fields },
      type: 'TABLE',
      location: 'US',
    };
  }

  function columnDefs(fields: readonly SchemaField[]): string {
    return fields
      .map(
        (f) => `${q(checkName(f.name, 'field'))} ${duckTypeOf(f)}${f.mode === 'REQUIRED' ? ' NOT NULL' : ''}`,
      )
      .join(', ');
  }

  function stateOf(job: Job): string {
    return job.polls === 0 ? 'PENDING' : job.polls < pollsToDone ? 'RUNNING' : 'DONE';
  }

  /** One poll: the job moves one state on. */
  function poll(job: Job): string {
    job.polls = Math.min(job.polls + 1, pollsToDone);
    const state = stateOf(job);
    jobStates.get(job.jobReference.jobId)?.push(state);
    return state;
  }

  function jobResource(job: Job) {
    const state = stateOf(job);
    const status: Record<string, unknown> = { state };
    if (state === 'DONE' && job.error) {
      status['errorResult'] = { reason: job.error.reason, message: job.error.message, location: 'query' };
      status['errors'] = [status['errorResult']];
    }
    const statistics: Record<string, unknown> = {
      creationTime: String(job.created),
      startTime: String(job.created),
    };
    if (state === 'DONE') statistics['endTime'] = String(Date.now());
    if (job.outcome) {
      statistics['query'] = {
        statementType: job.outcome.statementType,
        totalBytesProcessed: '0',
        ...(job.outcome.numDmlAffectedRows === null
          ? {}
          : { numDmlAffectedRows: String(job.outcome.numDmlAffectedRows) }),
        ...(job.outcome.dmlStats === null ? {} : { dmlStats: job.outcome.dmlStats }),
      };
      if (job.outcome.sessionId) statistics['sessionInfo'] = { sessionId: job.outcome.sessionId };
    }
    if (job.outputRows !== null) statistics['load'] = { outputRows: String(job.outputRows), inputFiles: '1' };
    return {
      kind: 'bigquery#job',
      id: `${job.jobReference.projectId}:${job.jobReference.location}.${job.jobReference.jobId}`,
      jobReference: job.jobReference,
      configuration: job.configuration,
      status,
      statistics,
    };
  }

  function newJob(
    project: string,
    reference: Record<string, unknown> | undefined,
    location: string,
    configuration: Record<string, unknown>,
    result: { outcome?: QueryOutcome; outputRows?: number; error?: { reason: string; message: string } },
  ): Job {
    const jobId = (reference?.['jobId'] as string | undefined) ?? `job_${randomUUID().replace(/-/g, '')}`;
    if (jobs.has(jobId))
      throw new HttpError(409, 'duplicate', `Already Exists: Job ${project}:${location}.${jobId}`);
    const job: Job = {
      jobReference: { projectId: project, jobId, location },
      configuration,
      created: Date.now(),
      polls: 0,
      outcome: result.outcome ?? null,
      outputRows: result.outputRows ?? null,
      error: result.error ?? null,
    };
    jobs.set(jobId, job);
    jobStates.set(jobId, ['PENDING']);
    return job;
  }

  function getJob(project: string, jobId: string): Job {
    const job = jobs.get(jobId);
    if (!job) throw new HttpError(404, 'notFound', `Not found: Job ${project}:${jobId}`);
    return job;
  }

  async function sessionContext(
    query: Record<string, unknown>,
  ): Promise<{ ctx: ExecContext; sessionId: string | null; owned: boolean }> {
    const properties = (query['connectionProperties'] as { key: string; value: string }[] | undefined) ?? [];
    const sessionId = properties.find((p) => p.key === 'session_id')?.value;
    if (sessionId !== undefined) {
      const ctx = sessions.get(sessionId);
      if (!ctx)
        throw new HttpError(400, 'invalidQuery', `Session ${sessionId} was not found or has been terminated`);
      return { ctx, sessionId, owned: false };
    }
    if (query['createSession'] === true) {
      const id = `session_${randomUUID().replace(/-/g, '')}`;
      sessionsCreated += 1;
      const ctx = await openContext(instance);
      sessions.set(id, ctx);
      return { ctx, sessionId: id, owned: false };
    }
    return { ctx: await openContext(instance), sessionId: null, owned: true };
  }

  /** Runs a query configuration; SQL errors come back as `{ error }`, never thrown. */
  async function executeQuery(
    project: string,
    query: Record<string, unknown>,
  ): Promise<{ outcome?: QueryOutcome; error?: { reason: string; message: string } }> {
    if (query['useLegacySql'] === true) {
      return {
        error: {
          reason: 'invalid',
          message: 'the BigQuery emulator speaks GoogleSQL only (useLegacySql: false)',
        },
      };
    }
    queries.push(String(query['query'] ?? ''));
    const { ctx, sessionId, owned } = await sessionContext(query);
    const work = async () => {
      try {
        const outcome = await runQuery(ctx, {
          query: String(query['query'] ?? ''),
          projectId: project,
          parameters: (query['queryParameters'] as QueryParameter[] | undefined) ?? [],
          inSession: sessionId !== null,
          sessionId,
          tracker,
        });
        if (/^\s*CALL\s+BQ\.ABORT_SESSION\s*\(\s*\)\s*;?\s*$/i.test(String(query['query'])) && sessionId) {
          sessions.delete(sessionId);
          if (ctx.inTransaction) await ctx.connection.run('ROLLBACK').catch(() => undefined);
          ctx.connection.closeSync();
        }
        return { outcome };
      } catch (error) {
        if (error instanceof GoogleSqlError)
          return { error: { reason: error.reason, message: error.message } };
        throw error;
      } finally {
        if (owned) ctx.connection.closeSync();
      }
    };
    if (owned) return work();
    const next = ctx.queue.then(work, work);
    ctx.queue = next.catch(() => undefined);
    return next;
  }

  function page(job: Job, params: URLSearchParams) {
    const outcome = job.outcome!;
    const start = Number(params.get('pageToken') ?? params.get('startIndex') ?? '0');
    const max =
      params.get('maxResults') === null ? Number.POSITIVE_INFINITY : Number(params.get('maxResults'));
    const rows: Row[] = outcome.rows.slice(start, start + max);
    const end = start + rows.length;
    return {
      kind: 'bigquery#getQueryResultsResponse',
      jobReference: job.jobReference,
      jobComplete: true,
      ...(outcome.schema ? { schema: outcome.schema, rows, totalRows: String(outcome.rows.length) } : {}),
      ...(end < outcome.rows.length ? { pageToken: String(end) } : {}),
      ...(outcome.numDmlAffectedRows === null
        ? {}
        : { numDmlAffectedRows: String(outcome.numDmlAffectedRows) }),
      ...(outcome.dmlStats === null ? {} : { dmlStats: outcome.dmlStats }),
      ...(outcome.sessionId ? { sessionInfo: { sessionId: outcome.sessionId } } : {}),
      totalBytesProcessed: '0',
      cacheHit: false,
    };
  }

  /** A load job: the uploaded bytes into the destination table, in one DuckDB transaction. */
  async function load(project: string, metadata: Record<string, unknown>, data: Buffer) {
    const configuration = (metadata['configuration'] as Record<string, unknown> | undefined) ?? {};
    const config = (configuration['load'] as Record<string, unknown> | undefined) ?? {};
    const reference = metadata['jobReference'] as Record<string, unknown> | undefined;
    const location = String(reference?.['location'] ?? config['location'] ?? 'US');
    const destination = (config['destinationTable'] as Record<string, string> | undefined) ?? {};
    const dataset = checkName(destination['datasetId'] ?? '', 'dataset');
    const table = checkName(destination['tableId'] ?? '', 'table');
    const format = String(config['sourceFormat'] ?? 'CSV');
    const disposition = String(config['writeDisposition'] ?? 'WRITE_APPEND');
    let outputRows = 0;
    let error: { reason: string; message: string } | undefined;
    await requireDataset(project, dataset);
    const ctx = await openContext(instance);
    try {
      let fields = await tableFields(dataset, table);
      const schema = (config['schema'] as { fields?: SchemaField[] } | undefined)?.fields;
      if (fields === null) {
        if (config['createDisposition'] === 'CREATE_NEVER' || !schema)
          throw new HttpError(404, 'notFound', `Not found: Table ${project}:${dataset}.${table}`);
        await ctx.connection.run(`CREATE TABLE ${q(dataset)}.${q(table)} (${columnDefs(schema)})`);
        fields = schema;
      }
      const file = join(files, `${randomUUID()}.data`);
      writeFileSync(file, data);
      const columns = fields.map((f) => `${q(f.name)}: 'VARCHAR'`).join(', ');
      const reader =
        format === 'NEWLINE_DELIMITED_JSON'
          ? `read_json('${file}', format = 'newline_delimited', columns = {${columns}})`
          : format === 'PARQUET'
            ? `read_parquet('${file}')`
            : format === 'CSV'
              ? `read_csv('${file}', header = ${Number(config['skipLeadingRows'] ?? 0) > 0}, columns = {${columns}})`
              : null;
      if (reader === null) throw new HttpError(400, 'invalid', `the BigQuery emulator cannot load ${format}`);
      const names = fields.map((f) => q(f.name)).join(', ');
      try {
        await ctx.connection.run('BEGIN TRANSACTION');
        if (disposition === 'WRITE_TRUNCATE')
          await ctx.connection.run(`DELETE FROM ${q(dataset)}.${q(table)}`);
        if (disposition === 'WRITE_EMPTY') {
          const rows = await (
            await ctx.connection.run(`SELECT 1 FROM ${q(dataset)}.${q(table)} LIMIT 1`)
          ).getRows();
          if (rows.length > 0)
            throw new Error(`Already Exists: Table ${project}:${dataset}.${table} is not empty`);
        }
        const result = await ctx.connection.run(
          `INSERT INTO ${q(dataset)}.${q(table)} (${names}) SELECT ${names} FROM ${reader}`,
        );
        outputRows = Number(result.rowsChanged);
        await ctx.connection.run('COMMIT');
      } catch (e) {
        await ctx.connection.run('ROLLBACK').catch(() => undefined);
        error = {
          reason: 'invalid',
          message: `Error while reading data: ${e instanceof Error ? e.message : String(e)}`,
        };
      } finally {
        rmSync(file, { force: true });
      }
    } finally {
      ctx.connection.closeSync();
    }
    const job = newJob(
      project,
      reference,
      location,
      { ...configuration, jobType: 'LOAD' },
      {
        ...(error ? { error } : { outputRows }),
      },
    );
    return jobResource(job);
  }

  async function route(req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer): Promise<unknown> {
    const method = req.method ?? 'GET';
    const uploadMatch = /^\/upload\/bigquery\/v2\/projects\/([^/]+)\/jobs$/.exec(url.pathname);
    if (uploadMatch) {
      const project = uploadMatch[1]!;
      const type = url.searchParams.get('uploadType');
      if (method === 'POST' && type === 'multipart') {
        const { metadata, data } = parseMultipart(body, String(req.headers['content-type'] ?? ''));
        return load(project, metadata, data);
      }
      if (method === 'POST' && type === 'resumable') {
        const id = randomUUID();
        uploads.set(id, { metadata: parseJson(body), chunks: [], received: 0 });
        res.setHeader(
          'location',
          `${baseUrl}/upload/bigquery/v2/projects/${project}/jobs?uploadType=resumable&upload_id=${id}`,
        );
        return {};
      }
      if (method === 'PUT' && type === 'resumable') {
        const id = url.searchParams.get('upload_id') ?? '';
        const upload = uploads.get(id);
        if (!upload) throw new HttpError(404, 'notFound', `Not found: upload session ${id}`);
        upload.chunks.push(body);
        upload.received += body.length;
        const range = /bytes (\d+)-(\d+)\/(\d+|\*)/.exec(String(req.headers['content-range'] ?? ''));
        if (range && range[3] === '*') {
          res.statusCode = 308;
          res.setHeader('range', `bytes=0-${upload.received - 1}`);
          return null;
        }
        uploads.delete(id);
        return load(project, upload.metadata, Buffer.concat(upload.chunks));
      }
      throw new HttpError(400, 'badRequest', `unsupported upload: ${method} uploadType=${type}`);
    }
    const prefixed = url.pathname.startsWith('/bigquery/v2/');
    const path = prefixed ? url.pathname.slice('/bigquery/v2'.length) : url.pathname;
    const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
    if (parts[0] !== 'projects' || parts[1] === undefined)
      throw new HttpError(404, 'notFound', `Not found: ${path}`);
    const project = parts[1];
    const [, , collection, id, sub, subId, leaf] = parts;
    const json = () => parseJson(body);

    if (collection === 'datasets') {
      if (id === undefined) {
        if (method === 'POST') {
          const ref = (json()['datasetReference'] as Record<string, string> | undefined) ?? {};
          const dataset = checkName(ref['datasetId'] ?? '', 'dataset');
          if (await datasetExists(project, dataset))
            throw new HttpError(409, 'duplicate', `Already Exists: Dataset ${project}:${dataset}`);
          await duck(`CREATE SCHEMA ${q(dataset)}`);
          return {
            kind: 'bigquery#dataset',
            id: `${project}:${dataset}`,
            datasetReference: { projectId: project, datasetId: dataset },
            location: String(json()['location'] ?? 'US'),
          };
        }
        const rows = await duck(
          "SELECT schema_name FROM information_schema.schemata WHERE catalog_name = current_database() AND schema_name NOT IN ('main', 'information_schema', 'pg_catalog') ORDER BY 1",
        );
        return {
          kind: 'bigquery#datasetList',
          datasets: rows.map((r) => ({
            datasetReference: { projectId: project, datasetId: String(r['schema_name']) },
          })),
        };
      }
      const dataset = checkName(id, 'dataset');
      if (sub === undefined) {
        await requireDataset(project, dataset);
        if (method === 'DELETE') {
          const contents = url.searchParams.get('deleteContents') === 'true';
          const tables = await duck(
            'SELECT 1 FROM information_schema.tables WHERE table_schema = $1 LIMIT 1',
            [dataset],
          );
          if (tables.length > 0 && !contents)
            throw new HttpError(400, 'resourceInUse', `Dataset ${project}:${dataset} is still in use`);
          await duck(`DROP SCHEMA ${q(dataset)} CASCADE`);
          res.statusCode = 204;
          return null;
        }
        return {
          kind: 'bigquery#dataset',
          id: `${project}:${dataset}`,
          datasetReference: { projectId: project, datasetId: dataset },
          location: 'US',
        };
      }
      if (sub !== 'tables') throw new HttpError(404, 'notFound', `Not found: ${path}`);
      await requireDataset(project, dataset);
      if (subId === undefined) {
        if (method === 'POST') {
          const resource = json();
          const table = checkName(
            (resource['tableReference'] as Record<string, string> | undefined)?.['tableId'] ?? '',
            'table',
          );
          const fields = (resource['schema'] as { fields?: SchemaField[] } | undefined)?.fields ?? [];
          if ((await tableFields(dataset, table)) !== null)
            throw new HttpError(409, 'duplicate', `Already Exists: Table ${project}:${dataset}.${table}`);
          if (fields.length === 0)
            throw new HttpError(400, 'invalid', 'the BigQuery emulator needs a schema to create a table');
          await duck(`CREATE TABLE ${q(dataset)}.${q(table)} (${columnDefs(fields)})`);
          return tableResource(project, dataset, table, (await tableFields(dataset, table))!);
        }
        const rows = await duck(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1',
          [dataset],
        );
        return {
          kind: 'bigquery#tableList',
          tables: rows.map((r) => ({
            kind: 'bigquery#table',
            tableReference: { projectId: project, datasetId: dataset, tableId: String(r['table_name']) },
            type: 'TABLE',
          })),
          totalItems: rows.length,
        };
      }
      const table = checkName(subId, 'table');
      const fields = await tableFields(dataset, table);
      if (fields === null)
        throw new HttpError(404, 'notFound', `Not found: Table ${project}:${dataset}.${table}`);
      if (leaf === 'data' && method === 'GET') {
        const ctx = await openContext(instance);
        const result = await runQuery(ctx, {
          query: `SELECT * FROM \`${dataset}.${table}\``,
          projectId: project,
          parameters: [],
          inSession: false,
          sessionId: null,
        }).finally(() => ctx.connection.closeSync());
        const fake: Job = {
          jobReference: { projectId: project, jobId: '', location: 'US' },
          configuration: {},
          created: 0,
          polls: pollsToDone,
          outcome: result,
          outputRows: null,
          error: null,
        };
        const p = page(fake, url.searchParams);
        return {
          kind: 'bigquery#tableDataList',
          totalRows: p.totalRows,
          rows: p.rows,
          ...(p.pageToken ? { pageToken: p.pageToken } : {}),
        };
      }
      if (leaf !== undefined) throw new HttpError(404, 'notFound', `Not found: ${path}`);
      if (method === 'GET') return tableResource(project, dataset, table, fields);
      if (method === 'DELETE') {
        await duck(`DROP TABLE ${q(dataset)}.${q(table)}`);
        res.statusCode = 204;
        return null;
      }
      if (method === 'PATCH' || method === 'PUT') {
        const wanted = (json()['schema'] as { fields?: SchemaField[] } | undefined)?.fields ?? null;
        if (wanted !== null) {
          const byName = new Map(wanted.map((f) => [f.name.toLowerCase(), f]));
          for (const existing of fields) {
            const next = byName.get(existing.name.toLowerCase());
            if (!next)
              throw new HttpError(
                400,
                'invalid',
                `Provided Schema does not match Table ${project}:${dataset}.${table}. Field ${existing.name} is missing in new schema`,
              );
            if (duckTypeOf(next) !== duckTypeOf(existing))
              throw new HttpError(
                400,
                'invalid',
                `Provided Schema does not match Table ${project}:${dataset}.${table}. Field ${existing.name} has changed type from ${existing.type} to ${next.type}`,
              );
          }
          const known = new Set(fields.map((f) => f.name.toLowerCase()));
          for (const field of wanted.filter((f) => !known.has(f.name.toLowerCase()))) {
            if (field.mode === 'REQUIRED')
              throw new HttpError(
                400,
                'invalid',
                `Provided Schema does not match Table ${project}:${dataset}.${table}. Cannot add required fields to an existing schema. (field: ${field.name})`,
              );
            await duck(
              `ALTER TABLE ${q(dataset)}.${q(table)} ADD COLUMN ${q(checkName(field.name, 'field'))} ${duckTypeOf(field)}`,
            );
          }
        }
        return tableResource(project, dataset, table, (await tableFields(dataset, table))!);
      }
      throw new HttpError(400, 'badRequest', `unsupported ${method} on a table`);
    }

    if (collection === 'jobs') {
      if (id === undefined && method === 'POST') {
        const resource = json();
        const configuration = (resource['configuration'] as Record<string, unknown> | undefined) ?? {};
        const query = configuration['query'] as Record<string, unknown> | undefined;
        const reference = resource['jobReference'] as Record<string, unknown> | undefined;
        const location = String(reference?.['location'] ?? 'US');
        if (!query)
          throw new HttpError(
            400,
            'invalid',
            'the BigQuery emulator runs query jobs here; loads go through the upload endpoint (gs:// sources are not emulated)',
          );
        const jobId = reference?.['jobId'] as string | undefined;
        if (jobId !== undefined && jobs.has(jobId))
          throw new HttpError(409, 'duplicate', `Already Exists: Job ${project}:${location}.${jobId}`);
        const result = await executeQuery(project, query);
        return jobResource(
          newJob(project, reference, location, { ...configuration, jobType: 'QUERY' }, result),
        );
      }
      if (id !== undefined && sub === 'cancel' && method === 'POST') {
        const job = getJob(project, id);
        return { kind: 'bigquery#jobCancelResponse', job: jobResource(job) };
      }
      if (id !== undefined && sub === undefined && method === 'GET') {
        const job = getJob(project, id);
        poll(job);
        return jobResource(job);
      }
    }

    if (collection === 'queries') {
      if (id === undefined && method === 'POST') {
        const request = json();
        const result = await executeQuery(project, request);
        if (result.error) throw new HttpError(400, result.error.reason, result.error.message);
        const location = String(request['location'] ?? 'US');
        const job = newJob(
          project,
          undefined,
          location,
          { query: { query: request['query'] }, jobType: 'QUERY' },
          result,
        );
        // A slow query is not complete yet: the client follows up with getQueryResults.
        if (options.slowQueries)
          return { kind: 'bigquery#queryResponse', jobReference: job.jobReference, jobComplete: false };
        job.polls = pollsToDone;
        jobStates.get(job.jobReference.jobId)?.push('DONE');
        const params = new URLSearchParams();
        if (request['maxResults'] !== undefined) params.set('maxResults', String(request['maxResults']));
        return { ...page(job, params), kind: 'bigquery#queryResponse' };
      }
      if (id !== undefined && method === 'GET') {
        const job = getJob(project, id);
        if (poll(job) !== 'DONE')
          return {
            kind: 'bigquery#getQueryResultsResponse',
            jobReference: job.jobReference,
            jobComplete: false,
          };
        if (job.error) throw new HttpError(400, job.error.reason, job.error.message);
        if (!job.outcome) throw new HttpError(400, 'invalid', `Job ${id} is not a query job`);
        return page(job, url.searchParams);
      }
    }
    throw new HttpError(404, 'notFound', `Not found: ${method} ${path}`);
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const prefixed = url.pathname.startsWith('/bigquery/v2/');
      const started = performance.now();
      const logged: LoggedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        prefixed,
      };
      requests.push(logged);
      let status = 200;
      let payload: unknown;
      try {
        const body = await readBody(req);
        const auth = String(req.headers['authorization'] ?? '');
        if (!auth.startsWith('Bearer ') || auth.length <= 'Bearer '.length)
          throw new HttpError(
            401,
            'required',
            'Request is missing required authentication credential. Expected OAuth 2 access token.',
          );
        if (options.token !== undefined && auth !== `Bearer ${options.token}`)
          throw new HttpError(401, 'authError', 'Invalid Credentials');
        const bare = prefixed ? url.pathname.slice('/bigquery/v2'.length) : url.pathname;
        const fault = faults.find(
          (f) => f.remaining > 0 && (!f.match || f.match.test(`${req.method} ${bare}`)),
        );
        if (fault) {
          fault.remaining--;
          throw new HttpError(fault.status, fault.reason, fault.message ?? `Injected fault: ${fault.reason}`);
        }
        payload = await route(req, res, url, body);
        status = res.statusCode;
      } catch (error) {
        if (error instanceof HttpError) {
          status = error.status;
          payload = envelope(error.status, error.reason, error.message);
        } else if (error instanceof GoogleSqlError) {
          status = 400;
          payload = envelope(400, error.reason, error.message);
        } else {
          status = 500;
          payload = envelope(
            500,
            'internalError',
            `emulator: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
      }
      res.statusCode = status;
      logged.ms = performance.now() - started;
      if (payload === null || status === 204) {
        res.end();
        return;
      }
      res.setHeader('content-type', 'application/json; charset=UTF-8');
      res.end(JSON.stringify(payload));
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    requests,
    jobStates,
    queries,
    maxConcurrentDml: () => tracker.max,
    sessionStats: () => ({ created: sessionsCreated, open: sessions.size }),
    failNext(count, fault) {
      faults.push({ ...fault, remaining: count });
    },
    duck: (sqlText) => duck(sqlText),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const ctx of sessions.values()) ctx.connection.closeSync();
      admin.connection.closeSync();
      instance.closeSync();
      rmSync(files, { recursive: true, force: true });
    },
  };
}
