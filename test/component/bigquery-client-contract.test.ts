/**
 * Contract tests: the real @google-cloud/bigquery 8.x client against the emulator, one behaviour
 * each — the REST calls it makes, the upload protocol, job polling, paging, typed parameters, cell
 * encodings, error envelopes, and BigQuery's traps the emulator reproduces (duplicate MERGE
 * matches, DDL in transactions, scripts that roll back). If a client upgrade changes any of these,
 * these tests say which.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BigQuery } from '@google-cloud/bigquery';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningBigQueryEmulator } from '../emulators/bigquery/server.ts';
import { EMULATOR_TOKEN, startEmulator } from '../support/bigquery-emulator.ts';

const PROJECT = 'contract-proj';
let emulator: RunningBigQueryEmulator;
let bq: BigQuery;
let dir: string;

async function client(options: { apiEndpoint?: string; token?: string } = {}): Promise<BigQuery> {
  const { BigQuery } = await import('@google-cloud/bigquery');
  const { OAuth2Client } = await import('google-auth-library');
  const authClient = new OAuth2Client();
  authClient.setCredentials({
    access_token: options.token ?? EMULATOR_TOKEN,
    expiry_date: Date.now() + 3_600_000,
  });
  return new BigQuery({
    projectId: PROJECT,
    location: 'US',
    authClient,
    autoRetry: false,
    ...(options.apiEndpoint === undefined ? {} : { apiEndpoint: options.apiEndpoint }),
  });
}

interface ApiErrorShape {
  code?: number;
  errors?: { reason?: string; message?: string }[];
  message: string;
}

async function failure(promise: Promise<unknown>): Promise<ApiErrorShape> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, 'the call should have failed').toBeInstanceOf(Error);
  return error as ApiErrorShape;
}

/** Raw rows (skipParsing): what the API sent, cell by cell. */
async function rawQuery(sql: string, params?: unknown[] | Record<string, unknown>) {
  const [rows] = (await bq.query({
    query: sql,
    skipParsing: true,
    ...(params ? { params } : {}),
  } as never)) as [{ f: { v: unknown }[] }[]];
  return rows.map((r) => r.f.map((c) => c.v));
}

beforeAll(async () => {
  emulator = await startEmulator();
  bq = await client({ apiEndpoint: emulator.url });
  dir = mkdtempSync(join(tmpdir(), 'bq-contract-'));
});

afterAll(async () => {
  await emulator?.close();
});

beforeEach(async () => {
  await emulator.duck('DROP SCHEMA IF EXISTS d CASCADE');
  await emulator.duck('CREATE SCHEMA d');
});

describe('routing and auth', () => {
  it('apiEndpoint sends REST calls under /bigquery/v2; BIGQUERY_EMULATOR_HOST sends them bare', async () => {
    const before = emulator.requests.length;
    await bq.dataset('d').get();
    expect(emulator.requests.at(-1)?.path).toBe(`/bigquery/v2/projects/${PROJECT}/datasets/d`);
    process.env['BIGQUERY_EMULATOR_HOST'] = emulator.url;
    let bare: BigQuery;
    try {
      bare = await client();
    } finally {
      delete process.env['BIGQUERY_EMULATOR_HOST'];
    }
    const [exists] = await bare.dataset('d').exists();
    expect(exists).toBe(true);
    const seen = emulator.requests.slice(before);
    expect(seen.at(-1)).toMatchObject({ path: `/projects/${PROJECT}/datasets/d`, prefixed: false });
    expect(seen.every((r) => r.query['prettyPrint'] === 'false')).toBe(true);
  });

  it('a wrong token is refused with a 401 envelope whose reason is authError', async () => {
    const bad = await client({ apiEndpoint: emulator.url, token: 'not-the-token' });
    const error = await failure(bad.dataset('d').get());
    expect(error.code).toBe(401);
    expect(error.errors?.[0]?.reason).toBe('authError');
  });
});

describe('datasets and tables', () => {
  it('creates, finds, refuses duplicates and deletes datasets', async () => {
    await bq.createDataset('e', { location: 'US' });
    expect((await bq.dataset('e').exists())[0]).toBe(true);
    expect((await bq.dataset('nope').exists())[0]).toBe(false);
    const duplicate = await failure(bq.createDataset('e'));
    expect([duplicate.code, duplicate.errors?.[0]?.reason]).toEqual([409, 'duplicate']);
    const [datasets] = await bq.getDatasets();
    expect(datasets.map((d) => d.id)).toEqual(expect.arrayContaining(['d', 'e']));
    await bq.dataset('e').delete();
    expect((await bq.dataset('e').exists())[0]).toBe(false);
  });

  it('refuses to delete a dataset with tables unless deleteContents is set', async () => {
    await bq.dataset('d').createTable('t', { schema: { fields: [{ name: 'a', type: 'STRING' }] } });
    const inUse = await failure(bq.dataset('d').delete());
    expect(inUse.errors?.[0]?.reason).toBe('resourceInUse');
    await bq.dataset('d').delete({ force: true });
    expect(emulator.requests.at(-1)?.query['deleteContents']).toBe('true');
    expect((await bq.dataset('d').exists())[0]).toBe(false);
  });

  it('creates a table with a schema, reads it back, and patches in a NULLABLE field only', async () => {
    const [table] = await bq.dataset('d').createTable('t', {
      schema: {
        fields: [
          { name: 'k', type: 'INT64', mode: 'REQUIRED' },
          { name: 'amount', type: 'NUMERIC', precision: '38', scale: '9' },
          { name: 'at', type: 'TIMESTAMP' },
        ],
      },
    });
    const [metadata] = await table.getMetadata();
    expect(metadata.schema.fields).toEqual([
      { name: 'k', type: 'INTEGER', mode: 'REQUIRED' },
      { name: 'amount', type: 'NUMERIC', mode: 'NULLABLE', precision: '38', scale: '9' },
      { name: 'at', type: 'TIMESTAMP', mode: 'NULLABLE' },
    ]);
    await table.setMetadata({
      schema: { fields: [...metadata.schema.fields, { name: 'note', type: 'STRING' }] },
    });
    expect(emulator.requests.at(-1)?.method).toBe('PATCH');
    const [after] = await table.getMetadata();
    expect(after.schema.fields.map((f: { name: string }) => f.name)).toEqual(['k', 'amount', 'at', 'note']);
    const dropped = await failure(table.setMetadata({ schema: { fields: metadata.schema.fields.slice(1) } }));
    expect(dropped.message).toMatch(/Field k is missing in new schema/);
    const required = await failure(
      table.setMetadata({
        schema: { fields: [...after.schema.fields, { name: 'r', type: 'STRING', mode: 'REQUIRED' }] },
      }),
    );
    expect(required.message).toMatch(/Cannot add required fields/);
    const missing = await failure(bq.dataset('d').table('nope').getMetadata());
    expect([missing.code, missing.errors?.[0]?.reason]).toEqual([404, 'notFound']);
  });
});

describe('load jobs', () => {
  it('table.load uploads multipart, then polls the job through PENDING, RUNNING, DONE', async () => {
    const [table] = await bq.dataset('d').createTable('t', {
      schema: {
        fields: [
          { name: 'k', type: 'INT64' },
          { name: 'amount', type: 'NUMERIC' },
          { name: 'at_time', type: 'TIMESTAMP' },
        ],
      },
    });
    const file = join(dir, 'rows.ndjson');
    writeFileSync(
      file,
      `${JSON.stringify({ k: 1, amount: '12345678901234567890.123456789', at_time: '2026-11-01T08:00:00.000001Z' })}\n${JSON.stringify({ k: 2, amount: '-0.5', at_time: null })}\n`,
    );
    const before = emulator.requests.length;
    const [job] = await table.load(file, {
      sourceFormat: 'NEWLINE_DELIMITED_JSON',
      writeDisposition: 'WRITE_TRUNCATE',
    });
    const calls = emulator.requests.slice(before);
    expect(calls[0]).toMatchObject({ method: 'POST', path: `/upload/bigquery/v2/projects/${PROJECT}/jobs` });
    expect(calls[0]?.query['uploadType']).toBe('multipart');
    expect(job.status?.state).toBe('DONE');
    expect(job.statistics?.load?.outputRows).toBe('2');
    expect(emulator.jobStates.get(job.jobReference?.jobId ?? '')).toEqual(['PENDING', 'RUNNING', 'DONE']);
    // NUMERIC exact, TIMESTAMP as microseconds on the wire.
    expect(await rawQuery('SELECT k, amount, at_time FROM d.t ORDER BY k')).toEqual([
      ['1', '12345678901234567890.123456789', '1793520000000001'],
      ['2', '-0.5', null],
    ]);
    // WRITE_TRUNCATE replaces the rows.
    await table.load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON', writeDisposition: 'WRITE_TRUNCATE' });
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['2']]);
  });

  it('a bad value fails the job with an errorResult, and the client rejects', async () => {
    const [table] = await bq
      .dataset('d')
      .createTable('t', { schema: { fields: [{ name: 'k', type: 'INT64' }] } });
    const file = join(dir, 'bad.ndjson');
    writeFileSync(file, '{"k":"not a number"}\n');
    const error = await failure(table.load(file, { sourceFormat: 'NEWLINE_DELIMITED_JSON' }));
    expect(error.errors?.[0]?.reason).toBe('invalid');
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['0']]);
  });

  it('a resumable upload (which this client never uses for files) is served too, in chunks', async () => {
    await bq.dataset('d').createTable('t', { schema: { fields: [{ name: 'k', type: 'INT64' }] } });
    const job = {
      configuration: {
        load: {
          destinationTable: { projectId: PROJECT, datasetId: 'd', tableId: 't' },
          sourceFormat: 'NEWLINE_DELIMITED_JSON',
        },
      },
      jobReference: { projectId: PROJECT, jobId: 'resumable-1', location: 'US' },
    };
    const auth = { authorization: `Bearer ${EMULATOR_TOKEN}` };
    const start = await fetch(
      `${emulator.url}/upload/bigquery/v2/projects/${PROJECT}/jobs?uploadType=resumable`,
      {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(job),
      },
    );
    const session = start.headers.get('location') ?? '';
    expect(session).toContain('upload_id=');
    const body = '{"k":1}\n{"k":2}\n{"k":3}\n';
    const first = await fetch(session, {
      method: 'PUT',
      headers: { ...auth, 'content-range': 'bytes 0-7/*' },
      body: body.slice(0, 8),
    });
    expect(first.status).toBe(308);
    const last = await fetch(session, {
      method: 'PUT',
      headers: { ...auth, 'content-range': `bytes 8-${body.length - 1}/${body.length}` },
      body: body.slice(8),
    });
    expect(((await last.json()) as { jobReference: { jobId: string } }).jobReference.jobId).toBe(
      'resumable-1',
    );
    const [metadata] = await bq.job('resumable-1').getMetadata();
    expect(metadata.status.state).toBe('RUNNING');
    expect(await rawQuery('SELECT SUM(k) FROM d.t')).toEqual([['6']]);
  });
});

describe('queries', () => {
  beforeEach(async () => {
    await emulator.duck(
      "CREATE TABLE d.t AS SELECT i AS k, CAST(i * 1.5 AS DECIMAL(38,9)) AS amount, 'r' || i AS name FROM range(1, 6) AS x(i)",
    );
  });

  it('jobs.query with typed positional and named parameters; NUMERIC, INT64, BOOL, DATE decoded by the client', async () => {
    const [rows] = await bq.query({
      query:
        'SELECT k, amount, k > @min AS big, DATE "2026-11-01" AS day FROM `contract-proj.d.t` WHERE name != @skip ORDER BY k',
      params: { min: 3, skip: 'r1' },
    });
    expect(rows).toHaveLength(4);
    expect(rows[0].k).toBe(2);
    expect(rows[0].amount.toFixed()).toBe('3');
    expect(rows[3].big).toBe(true);
    expect(rows[0].day.value).toBe('2026-11-01');
    const positional = await rawQuery('SELECT COUNT(*) FROM d.t WHERE k BETWEEN ? AND ?', [2, 4]);
    expect(positional).toEqual([['3']]);
    const sent = emulator.requests.filter((r) => r.path.endsWith('/queries') && r.method === 'POST');
    expect(sent.length).toBeGreaterThan(0);
  });

  it('a slow query is polled through getQueryResults until jobComplete', async () => {
    const slow = await startEmulator({ slowQueries: true });
    try {
      const c = await client({ apiEndpoint: slow.url });
      const [rows] = await c.query('SELECT 1 + 1 AS two');
      expect(rows).toEqual([{ two: 2 }]);
      const paths = slow.requests.map((r) => `${r.method} ${r.path.replace(/queries\/.+/, 'queries/{id}')}`);
      expect(paths).toEqual([
        `POST /bigquery/v2/projects/${PROJECT}/queries`,
        `GET /bigquery/v2/projects/${PROJECT}/queries/{id}`,
        `GET /bigquery/v2/projects/${PROJECT}/queries/{id}`,
      ]);
      expect([...slow.jobStates.values()][0]).toEqual(['PENDING', 'RUNNING', 'DONE']);
    } finally {
      await slow.close();
    }
  });

  it('getQueryResults pages with maxResults and pageToken', async () => {
    const [job] = await bq.createQueryJob({ query: 'SELECT k FROM d.t ORDER BY k', jobId: 'paged-1' });
    const keys: number[] = [];
    type Next = Record<string, unknown> | null;
    let next: Next = { maxResults: 2, autoPaginate: false };
    while (next) {
      const [rows, nextQuery]: [{ k: number }[], Next] = (await job.getQueryResults(next)) as never;
      keys.push(...rows.map((r) => r.k));
      next = nextQuery;
    }
    expect(keys).toEqual([1, 2, 3, 4, 5]);
    const pages = emulator.requests.filter((r) => r.path.endsWith('/queries/paged-1'));
    expect(pages.filter((r) => r.query['pageToken'] !== undefined).map((r) => r.query['pageToken'])).toEqual([
      '2',
      '4',
    ]);
    const duplicate = await failure(bq.createQueryJob({ query: 'SELECT 1', jobId: 'paged-1' }));
    expect([duplicate.code, duplicate.errors?.[0]?.reason]).toEqual([409, 'duplicate']);
  });

  it('tabledata.list pages the rows of a table', async () => {
    const names: unknown[] = [];
    type Next = Record<string, unknown> | null;
    let next: Next = { maxResults: 2, autoPaginate: false };
    while (next) {
      const [rows, nextQuery]: [{ name: string }[], Next] = (await bq
        .dataset('d')
        .table('t')
        .getRows(next)) as never;
      names.push(...rows.map((r) => r.name));
      next = nextQuery;
    }
    expect(names).toEqual(['r1', 'r2', 'r3', 'r4', 'r5']);
    const data = emulator.requests.filter((r) => r.path.endsWith('/tables/t/data'));
    expect(data.map((r) => r.query['pageToken'] ?? '')).toEqual(['', '2', '4']);
  });

  it('MERGE is DML: dmlStats per action and statementType MERGE in the job statistics', async () => {
    const [job] = await bq.createQueryJob({
      query: `MERGE d.t AS T USING (SELECT 1 AS k, 'new' AS name UNION ALL SELECT 9, 'nine') AS S ON T.k = S.k
              WHEN MATCHED THEN UPDATE SET name = S.name
              WHEN NOT MATCHED THEN INSERT (k, amount, name) VALUES (S.k, 0, S.name)`,
    });
    await job.getQueryResults();
    const [metadata] = await job.getMetadata();
    expect(metadata.statistics.query).toMatchObject({
      statementType: 'MERGE',
      numDmlAffectedRows: '2',
      dmlStats: { insertedRowCount: '1', updatedRowCount: '1', deletedRowCount: '0' },
    });
  });
});

describe("BigQuery's traps", () => {
  beforeEach(async () => {
    await emulator.duck('CREATE TABLE d.t (k BIGINT, v VARCHAR)');
    await emulator.duck("INSERT INTO d.t VALUES (1, 'a'), (2, 'b')");
  });

  it('a MERGE whose target row matches two source rows fails', async () => {
    const error = await failure(
      bq.query(`MERGE INTO d.t AS T USING (SELECT 1 AS k, 'x' AS v UNION ALL SELECT 1, 'y') AS S ON T.k = S.k
                WHEN MATCHED THEN UPDATE SET v = S.v`),
    );
    expect(error.code).toBe(400);
    expect(error.errors?.[0]?.reason).toBe('invalidQuery');
    expect(error.message).toBe('UPDATE/MERGE must match at most one source row for each target row');
    expect(await rawQuery('SELECT v FROM d.t ORDER BY k')).toEqual([['a'], ['b']]);
  });

  it('DDL on a permanent table inside a transaction fails and rolls back; on a temp table it is fine', async () => {
    const error = await failure(
      bq.query(
        `BEGIN TRANSACTION; DELETE FROM d.t WHERE k = 1; CREATE TABLE d.u (a INT64); COMMIT TRANSACTION;`,
      ),
    );
    expect(error.message).toMatch(/only for DML and temporary tables/);
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['2']]);
    expect((await bq.dataset('d').table('u').exists())[0]).toBe(false);
    const [rows] = await bq.query(
      `BEGIN TRANSACTION; CREATE TEMP TABLE c AS SELECT COUNT(*) AS n FROM d.t; DELETE FROM d.t WHERE k = 1; COMMIT TRANSACTION; SELECT n FROM c;`,
    );
    expect(rows).toEqual([{ n: 2 }]);
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['1']]);
  });

  it('a transaction left open at the end of a script is rolled back and fails it', async () => {
    const error = await failure(bq.query('BEGIN TRANSACTION; DELETE FROM d.t WHERE k = 1;'));
    expect(error.message).toMatch(/not committed/);
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['2']]);
  });

  it('a session holds a transaction across queries; ROLLBACK undoes it', async () => {
    const [, , begun] = (await bq.query(
      { query: 'BEGIN TRANSACTION', createSession: true } as never,
      {
        autoPaginate: false,
      } as never,
    )) as unknown as [unknown, unknown, { jobReference: { jobId: string } }];
    const [job] = await bq.job(begun.jobReference.jobId).getMetadata();
    const sessionId = job.statistics.sessionInfo.sessionId as string;
    const inSession = { connectionProperties: [{ key: 'session_id', value: sessionId }] };
    await bq.query({ query: 'DELETE FROM d.t WHERE TRUE', ...inSession } as never);
    await bq.query({ query: 'ROLLBACK TRANSACTION', ...inSession } as never);
    await bq.query({ query: 'CALL BQ.ABORT_SESSION()', ...inSession } as never);
    expect(await rawQuery('SELECT COUNT(*) FROM d.t')).toEqual([['2']]);
    const gone = await failure(bq.query({ query: 'SELECT 1', ...inSession } as never));
    expect(gone.message).toMatch(/Session .* was not found/);
  });

  it('UPDATE and DELETE without WHERE are refused, as in BigQuery', async () => {
    expect((await failure(bq.query('DELETE FROM d.t'))).message).toBe('DELETE must have a WHERE clause');
    expect((await failure(bq.query("UPDATE d.t SET v = 'z'"))).message).toBe(
      'UPDATE must have a WHERE clause',
    );
  });

  it('SQL outside the subset, unknown types and unknown tables fail with clear reasons', async () => {
    const type = await failure(bq.query('SELECT CAST(1 AS VARCHAR)'));
    expect([type.errors?.[0]?.reason, type.message]).toEqual(['invalidQuery', 'Type not found: VARCHAR']);
    const outside = await failure(bq.query('GRANT SELECT ON d.t TO x'));
    expect(outside.message).toMatch(/outside the documented GoogleSQL subset/);
    const missing = await failure(bq.query('SELECT * FROM d.nope'));
    expect(missing.errors?.[0]?.reason).toBe('notFound');
  });

  it('rate limits come back as 429 rateLimitExceeded, which the client marks retryable', async () => {
    emulator.failNext(1, { status: 429, reason: 'rateLimitExceeded' });
    const error = await failure(bq.query('SELECT 1'));
    expect([error.code, error.errors?.[0]?.reason]).toEqual([429, 'rateLimitExceeded']);
    const { util } = await import('@google-cloud/common');
    expect(util.shouldRetryRequest(error as never)).toBe(true);
  });
});
