/**
 * Contract tests: the real snowflake-sdk driver against the emulator, one behaviour each — login
 * (password and key pair), binds, typed and chunked results, slow and async queries, token renewal,
 * Snowflake's semantic traps (identifier folding, duplicate MERGE matches, DDL committing a
 * transaction), error replies, PUT + COPY with load metadata, and session close.
 */
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import snowflake from 'snowflake-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../../src/core/errors.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { SnowflakeSession } from '../../../src/warehouse/snowflake/snowflake-connection.ts';
import { SnowflakeWarehouse } from '../../../src/warehouse/snowflake/snowflake-warehouse.ts';
import { tableSpecFromDescriptor } from '../../../src/warehouse/table-spec.ts';
import { defineObject } from '../../../src/intacct/objects/descriptor.ts';
import { blockedConnections } from '../../setup/network-guard.ts';
import { type RunningSnowflakeEmulator, startSnowflakeEmulator } from './server.ts';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const privateKey = keys.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const publicKeyPem = keys.publicKey.export({ format: 'pem', type: 'spki' }).toString();
const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
  .privateKey.export({ format: 'pem', type: 'pkcs8' })
  .toString();

let emulator: RunningSnowflakeEmulator;
let session: SnowflakeSession;

const connection = (extra: Record<string, string> = {}) => ({
  account: emulator.account,
  username: 'tester',
  password: 'secret-pw',
  database: 'TESTDB',
  accessUrl: emulator.url,
  ...extra,
});

async function failure(promise: Promise<unknown>): Promise<ClassifiedError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClassifiedError);
  return error as ClassifiedError;
}

beforeAll(async () => {
  emulator = await startSnowflakeEmulator({
    users: { TESTER: { password: 'secret-pw' }, KEYUSER: { publicKeyPem } },
    chunkRows: 40,
    syncWaitMs: 100,
  });
  session = await SnowflakeSession.open(connection());
  await session.execute('create schema if not exists "c"');
});

afterAll(async () => {
  await session.destroy();
  await emulator.close();
});

describe('snowflake-sdk against the emulator: login', () => {
  it('the driver was loaded with platform detection off (no cloud metadata probes)', () => {
    expect(process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION).toBe('true');
  });

  it('refuses a wrong password with 390100, classified as auth', async () => {
    const error = await failure(SnowflakeSession.open(connection({ password: 'wrong' })));
    expect(error.kind).toBe('auth');
    expect(error.codes).toEqual(['390100']);
    expect(error.message).not.toContain('wrong');
  });

  it('logs in with a key pair (JWT signed by the driver, verified by the emulator)', async () => {
    const keyed = await SnowflakeSession.open({
      ...connection(),
      username: 'keyuser',
      password: undefined,
      privateKey,
    } as never);
    expect((await keyed.execute('select 1 as "one"')).rows).toEqual([{ one: 1 }]);
    await keyed.destroy();
    const error = await failure(
      SnowflakeSession.open({
        ...connection(),
        username: 'keyuser',
        password: undefined,
        privateKey: otherKey,
      } as never),
    );
    expect(error.codes).toEqual(['390144']);
    expect(error.kind).toBe('auth');
  });
});

describe('snowflake-sdk against the emulator: statements', () => {
  it('single and array binds; numbers beyond 2^53 and NUMBER(38,9) arrive exact', async () => {
    await session.execute(
      'create table "c"."typed" ("id" NUMBER(38,0), "amount" NUMBER(38,9), "day" DATE, "at" TIMESTAMP_TZ(6), "ok" BOOLEAN, "note" VARCHAR)',
    );
    const inserted = await session.execute('insert into "c"."typed" values (?, ?, ?, ?, ?, ?)', [
      [
        '9007199254740993',
        '12345678901234567890.123456789',
        '2026-02-28',
        '2026-03-01T12:00:00.000001Z',
        true,
        "it's",
      ],
      ['2', '-0.010000000', null, null, false, null],
    ]);
    expect(inserted.numAffectedRows).toBe(2);
    const { rows } = await session.execute('select * from "c"."typed" where "id" >= ? order by "id"', ['2']);
    expect(rows).toEqual([
      { id: 2, amount: '-0.010000000', day: null, at: null, ok: false, note: null },
      {
        id: '9007199254740993',
        amount: '12345678901234567890.123456789',
        day: '2026-02-28',
        at: '2026-03-01T12:00:00.000001Z',
        ok: true,
        note: "it's",
      },
    ]);
  });

  it('large results arrive in chunks the driver downloads', async () => {
    await session.execute('create table "c"."many" ("n" NUMBER(38,0))');
    const values = Array.from({ length: 250 }, (_, i) => [i + 1]);
    await session.execute('insert into "c"."many" values (?)', values);
    const before = emulator.stats.chunkDownloads;
    const { rows } = await session.execute('select "n" from "c"."many" order by "n"');
    expect(rows.map((r) => r['n'])).toEqual(values.map((v) => v[0]));
    expect(emulator.stats.chunkDownloads - before).toBe(6);
  });

  it('a slow query is answered 333333 and the driver polls its result', async () => {
    const polls = emulator.stats.resultPolls;
    emulator.delayQueries(250);
    try {
      const { rows } = await session.execute('select 42 as "answer"');
      expect(rows).toEqual([{ answer: 42 }]);
    } finally {
      emulator.delayQueries(0);
    }
    expect(emulator.stats.resultPolls).toBeGreaterThan(polls);
  });

  it('an async query (333334) is polled by status and its result fetched by query id', async () => {
    const conn = snowflake.createConnection({ ...connection(), application: 'contract' } as never);
    await conn.connectAsync();
    try {
      emulator.delayQueries(800);
      const queryId = await new Promise<string>((resolve, reject) =>
        conn.execute({
          sqlText: 'select 5 as "five"',
          asyncExec: true,
          complete: (error, statement) => (error ? reject(error) : resolve(statement.getQueryId())),
        }),
      );
      emulator.delayQueries(0);
      expect(queryId).toMatch(/^[0-9a-f-]{36}$/);
      expect(conn.isStillRunning((await conn.getQueryStatus(queryId)) as never)).toBe(true);
      const statement = await conn.getResultsFromQueryId({ queryId });
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const out: unknown[] = [];
        statement
          .streamRows()
          .on('data', (r: unknown) => out.push(r))
          .on('end', () => resolve(out))
          .on('error', reject);
      });
      expect(rows).toEqual([{ five: 5 }]);
      expect(await conn.getQueryStatus(queryId)).toBe('SUCCESS');
    } finally {
      emulator.delayQueries(0);
      await new Promise<void>((resolve) => conn.destroy(() => resolve()));
    }
  });

  it('an expired session token (390112) is renewed with the master token and the query goes through', async () => {
    const renewals = emulator.stats.renewals;
    emulator.expireSessionTokens();
    expect((await session.execute('select 7 as "seven"')).rows).toEqual([{ seven: 7 }]);
    expect(emulator.stats.renewals).toBe(renewals + 1);
  });
});

describe('snowflake-sdk against the emulator: Snowflake semantics', () => {
  it('folds unquoted identifiers to upper case; quoted ones are exact', async () => {
    await session.execute('create table "c".folded (id NUMBER(38,0), "lower" VARCHAR)');
    await session.execute('insert into "c".FOLDED (ID, "lower") values (1, ?)', ['x']);
    expect((await session.execute('select id, "lower" from "c".Folded')).rows).toEqual([
      { ID: 1, lower: 'x' },
    ]);
    const missing = await failure(session.execute('select * from "c"."folded"'));
    expect(missing.codes).toEqual(['002003']);
    expect(missing.vendor[0]?.description2).toBe('SQL state 42S02');
    const column = await failure(session.execute('select "id" from "c".folded'));
    expect(column.codes).toEqual(['000904']);
  });

  it('refuses a MERGE whose source matches one target row twice (100090), changing nothing', async () => {
    await session.execute('create table "c"."tgt" ("k" VARCHAR, "v" VARCHAR)');
    await session.execute('insert into "c"."tgt" values (?, ?)', ['a', 'old']);
    const merge = `merge into "c"."tgt" as "T" using (select ? as "k", ? as "v" union all select ?, ?) as "S"
      on "T"."k" = "S"."k" when matched then update set "v" = "S"."v" when not matched then insert ("k", "v") values ("S"."k", "S"."v")`;
    const error = await failure(session.execute(merge, ['a', 'one', 'a', 'two']));
    expect(error.codes).toEqual(['100090']);
    expect(error.kind).toBe('terminal');
    expect(error.fix).toMatch(/deduplicates/);
    expect((await session.execute('select "v" from "c"."tgt"')).rows).toEqual([{ v: 'old' }]);
    const ok = await session.execute(merge, ['a', 'new', 'b', 'added']);
    expect(ok.rows).toEqual([{ 'number of rows inserted': 1, 'number of rows updated': 1 }]);
    expect(ok.numAffectedRows).toBe(2);
  });

  it('DDL commits the open transaction and ends it: a later ROLLBACK undoes nothing', async () => {
    await session.execute('create table "c"."tx" ("v" VARCHAR)');
    await session.execute('begin');
    await session.execute('insert into "c"."tx" values (?)', ['before ddl']);
    await session.execute('create table "c"."tx2" ("v" VARCHAR)');
    await session.execute('insert into "c"."tx" values (?)', ['after ddl']);
    await session.execute('rollback');
    expect((await session.execute('select "v" from "c"."tx" order by "v"')).rows).toEqual([
      { v: 'after ddl' },
      { v: 'before ddl' },
    ]);
    // Without DDL, ROLLBACK undoes everything since BEGIN.
    await session.execute('begin');
    await session.execute('insert into "c"."tx" values (?)', ['undone']);
    await session.execute('rollback');
    expect((await session.execute('select count(*) as "n" from "c"."tx"')).rows).toEqual([{ n: 2 }]);
  });

  it('DATEDIFF counts the boundaries crossed, as Snowflake does (not whole intervals elapsed)', async () => {
    const pairs: [string, string, string, string][] = [
      ['year', 'timestamp_ntz', '2024-12-31 23:59:59', '2025-01-01 00:00:00'],
      ['week', 'date', '2024-01-07', '2024-01-08'], // Sunday to Monday: a week starts (WEEK_START 0)
      ['wk', 'date', '2024-01-08', '2024-01-14'], // Monday to Sunday: the same week
      ['day', 'timestamp_ntz', '2024-01-01 23:00', '2024-01-02 01:00'],
      ['month', 'date', '2024-01-31', '2024-02-01'],
      ['days', 'date', '2024-03-01', '2024-02-01'],
      ['hour', 'date', '2024-01-01', '2024-01-02'],
      ['quarter', 'date', '2024-03-31', '2024-04-01'],
    ];
    const select = pairs
      .map(([part, type], i) => `datediff(${part}, cast(? as ${type}), cast(? as ${type})) as "d${i}"`)
      .join(', ');
    const { rows } = await session.execute(
      `select ${select}`,
      pairs.flatMap(([, , a, b]) => [a, b]),
    );
    expect(Object.values(rows[0]!).map(String)).toEqual(['1', '1', '0', '1', '1', '-29', '24', '1']);
    const alias = await session.execute(
      'select timestampdiff(month, cast(? as date), cast(? as date)) as "m", timeadd(day, 1, cast(? as date)) as "d"',
      ['2024-01-31', '2024-02-01', '2024-02-28'],
    );
    expect(alias.rows.map((r) => [String(r.m), r.d])).toEqual([['1', '2024-02-29']]);
  });

  it('DATEADD keeps a date a date, clamps month ends, and makes a date plus hours a timestamp', async () => {
    const { rows } = await session.execute(
      `select dateadd(month, 1, cast(? as date)) as "a", dateadd(d, -1, cast(? as date)) as "b",
        dateadd(hour, 25, cast(? as date)) as "c", dateadd(quarter, 1, cast(? as date)) as "e",
        dateadd(year, 1, cast(? as timestamp_ntz)) as "f", dateadd(day, ?, cast(? as date)) as "g"`,
      ['2024-01-31', '2024-03-01', '2024-01-01', '2024-11-30', '2024-02-29 10:00', 3, '2024-01-01'],
    );
    expect(rows).toEqual([
      {
        a: '2024-02-29',
        b: '2024-02-29',
        c: '2024-01-02T01:00:00.000Z',
        e: '2025-02-28',
        f: '2025-02-28T10:00:00.000Z',
        g: '2024-01-04',
      },
    ]);
  });

  it('EXTRACT returns the field as a number', async () => {
    const parts = ['year', 'month', 'day', 'quarter', 'dayofyear', 'dayofweekiso'];
    const { rows } = await session.execute(
      `select ${parts.map((p) => `extract(${p} from cast(? as date)) as "${p}"`).join(', ')},
        extract(hour from cast(? as timestamp_ntz)) as "hour", extract(second from cast(? as timestamp_ntz)) as "second"`,
      [...parts.map(() => '2024-03-05'), '2024-03-05 17:04:09.5', '2024-03-05 17:04:09.5'],
    );
    expect(Object.values(rows[0]!).map(String)).toEqual(['2024', '3', '5', '1', '65', '2', '17', '9']);
  });

  it('date parts, counts and argument types the emulator cannot keep exact are refused, not guessed', async () => {
    for (const sql of [
      'select extract(dayofweek from current_date) as "x"', // depends on WEEK_START
      'select dateadd(nanosecond, 1, current_timestamp) as "x"', // below DuckDB's microseconds
      'select datediff(fortnight, current_date, current_date) as "x"',
    ]) {
      expect((await failure(session.execute(sql))).codes, sql).toEqual(['002140']);
    }
    const fraction = await failure(session.execute('select dateadd(day, 1.5, current_date) as "x"'));
    expect(fraction.codes).toEqual(['000002']);
    expect(fraction.message).toMatch(/DATEADD with a count that is not an integer/);
    const text = await failure(session.execute('select dateadd(day, 1, ?) as "x"', ['2024-01-01']));
    expect(text.codes).toEqual(['000002']);
    expect(text.message).toMatch(/DATEADD on a value that is not a typed DATE/);
    const shape = await failure(session.execute('select datediff(day, current_date) as "x"'));
    expect(shape.codes).toEqual(['000002']);
  });

  it('SQL outside the subset is a clear success:false error, never a guess', async () => {
    const show = await failure(session.execute('show tables'));
    expect(show.codes).toEqual(['000002']);
    expect(show.message).toMatch(
      /Unsupported feature 'SHOW TABLES'.*outside the Snowflake emulator's SQL subset/,
    );
    const fn = await failure(session.execute('select editdistance(?, ?) as "d"', ['a', 'b']));
    expect(fn.codes).toEqual(['002140']);
    const syntax = await failure(session.execute('select 1; select 2'));
    expect(syntax.codes).toEqual(['000008']);
  });
});

describe('snowflake-sdk against the emulator: stages and sessions', () => {
  it('PUT uploads to the GCS-style stage and COPY INTO loads it once (load metadata skips a repeat)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sf-put-'));
    try {
      const file = join(dir, 'rows.csv.gz');
      writeFileSync(file, gzipSync('"1","a ""quoted"" value"\n"2",\n"3",""\n'));
      await session.execute('create table "c"."loaded" ("id" NUMBER(38,0), "v" VARCHAR)');
      const uploads = emulator.stats.uploads;
      const put = await session.execute(
        `PUT 'file://${file}' @~/contract/ AUTO_COMPRESS = FALSE SOURCE_COMPRESSION = GZIP OVERWRITE = TRUE`,
      );
      expect(put.rows[0]).toMatchObject({ source: 'rows.csv.gz', status: 'UPLOADED' });
      expect(emulator.stats.uploads).toBe(uploads + 1);
      const copy = `COPY INTO "c"."loaded" ("id", "v") FROM @~/contract/ FILES = ('rows.csv.gz') FILE_FORMAT = (TYPE = CSV FIELD_OPTIONALLY_ENCLOSED_BY = '"' NULL_IF = () COMPRESSION = GZIP)`;
      expect((await session.execute(copy)).rows).toEqual([
        expect.objectContaining({ file: 'contract/rows.csv.gz', status: 'LOADED', rows_loaded: 3 }),
      ]);
      expect((await session.execute(copy)).rows).toEqual([
        { status: 'Copy executed with 0 files processed.' },
      ]);
      expect((await session.execute('select "id", "v" from "c"."loaded" order by "id"')).rows).toEqual([
        { id: 1, v: 'a "quoted" value' },
        { id: 2, v: null },
        { id: 3, v: '' },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the warehouse stages through several parallel PUTs and one COPY', async () => {
    const wh = await SnowflakeWarehouse.open({
      connection: connection(),
      schemas: { staging: 'w_stg', raw: 'w_raw', analytics: 'w_an' },
      logger: silentLogger,
      stageFileBytes: 2_000,
      stageConcurrency: 3,
    });
    try {
      await wh.migrate();
      const spec = tableSpecFromDescriptor(
        defineObject({
          object: 'VENDOR',
          table: 'vendor',
          key: 'RECORDNO',
          watermark: 'WHENMODIFIED',
          lookbackMinutes: 0,
          refresh: 'incremental',
          entityScope: 'top',
          deletes: 'audit',
          readMethod: 'query',
          fields: [
            { name: 'RECORDNO', type: 'integer' },
            { name: 'NAME', type: 'string' },
            { name: 'WHENMODIFIED', type: 'timestamp' },
          ],
        } as never),
      );
      await wh.ensureTable(spec, 'raw', 'evolve');
      const uploads = emulator.stats.uploads;
      const copies = emulator.stats.statements.filter((s) => s.startsWith('COPY INTO')).length;
      const stage = await wh.openStage(spec, 'bulk-1');
      const rows = Array.from({ length: 500 }, (_, i) => [
        String(i + 1),
        `vendor ${i + 1}`,
        '2026-11-01T00:00:00.000Z',
      ]);
      await stage.append(rows);
      const { table } = await stage.finish();
      expect(emulator.stats.uploads - uploads).toBeGreaterThan(3);
      expect(emulator.stats.statements.filter((s) => s.startsWith('COPY INTO')).length - copies).toBe(1);
      expect(await wh.merge({ spec, stagingTable: table, loadId: 'bulk-1' })).toMatchObject({
        inserted: 500,
      });
    } finally {
      await wh.close();
    }
  });

  it('a COPY that fails names the bad value, and the staged files are removed', async () => {
    await session.execute(
      'create table "c"."typed_stage" ("id" NUMBER(38,0), "amount" NUMBER(38,9), "_seq" NUMBER(38,0), "_deleted_at" VARCHAR)',
    );
    const { SnowflakeStageWriter } = await import('../../../src/warehouse/snowflake/snowflake-loader.ts');
    const writer = await SnowflakeStageWriter.open(session, 'typed_stage', {
      table: '"c"."typed_stage"',
      columns: ['"id"', '"amount"', '"_seq"', '"_deleted_at"'],
      stagePath: 'intacct_elt/typed_stage',
    });
    await writer.append([
      ['1', '1.5'],
      ['2', 'not a number'],
    ]);
    const error = await failure(writer.finish());
    expect(error.codes).toEqual(['100038']);
    expect(error.kind).toBe('terminal');
    expect((await session.execute('LIST @~/intacct_elt/typed_stage/')).rows).toEqual([]);
    expect((await session.execute('select count(*) as "n" from "c"."typed_stage"')).rows).toEqual([{ n: 0 }]);
  });

  it('no connection of the driver left loopback (the network guard saw none)', () => {
    expect(blockedConnections).toEqual([]);
  });

  it('destroy closes the server session', async () => {
    const closed = emulator.stats.sessionsClosed;
    const other = await SnowflakeSession.open(connection());
    await other.destroy();
    expect(emulator.stats.sessionsClosed).toBe(closed + 1);
  });
});
