/**
 * Contract tests of the GoogleSQL functions the emulator translates (the ones the models' BigQuery
 * dialect emits), through the real @google-cloud/bigquery client. Expected values are BigQuery's, as
 * its function reference documents them, in the types BigQuery returns; where DuckDB's namesake
 * differs (argument order, NULL handling, day numbering, result type) the case is here. A function or
 * date part the emulator does not translate must fail, not run with DuckDB's meaning.
 */
import type { BigQuery } from '@google-cloud/bigquery';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBigQueryEmulator } from '../emulators/bigquery/server.ts';
import { EMULATOR_TOKEN, startEmulator } from '../support/bigquery-emulator.ts';

let emulator: RunningBigQueryEmulator;
let bq: BigQuery;

beforeAll(async () => {
  emulator = await startEmulator();
  const { BigQuery } = await import('@google-cloud/bigquery');
  const { OAuth2Client } = await import('google-auth-library');
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: EMULATOR_TOKEN, expiry_date: Date.now() + 3_600_000 });
  bq = new BigQuery({
    projectId: 'functions-proj',
    location: 'US',
    authClient,
    autoRetry: false,
    apiEndpoint: emulator.url,
  });
});

afterAll(async () => {
  await emulator?.close();
});

/** One row, each cell as the client decodes it: `{type, value}` for the civil and instant types. */
async function one(select: string): Promise<Record<string, unknown>> {
  const [rows] = (await bq.query(`SELECT ${select}`)) as [Record<string, unknown>[]];
  expect(rows).toHaveLength(1);
  return Object.fromEntries(
    Object.entries(rows[0]!).map(([k, v]) => [
      k,
      v !== null && typeof v === 'object' && 'value' in v
        ? { type: (v as object).constructor.name, value: (v as { value: unknown }).value }
        : v,
    ]),
  );
}

async function refused(select: string): Promise<{ reason?: string; message: string }> {
  const error = await bq.query(`SELECT ${select}`).then(
    () => undefined,
    (e: unknown) => e as { errors?: { reason?: string }[]; message: string },
  );
  expect(error, `SELECT ${select} should have failed`).toBeDefined();
  return {
    ...(error?.errors?.[0]?.reason ? { reason: error.errors[0].reason } : {}),
    message: error!.message,
  };
}

describe('date arithmetic', () => {
  it('DATE_DIFF and DATETIME_DIFF take (later, earlier, part) and count part boundaries', async () => {
    expect(
      await one(`DATE_DIFF(DATE '2010-07-07', DATE '2008-12-25', DAY) AS days,
        DATE_DIFF(DATE '2017-12-30', DATE '2014-12-30', YEAR) AS years,
        DATE_DIFF(DATE '2018-01-01', DATE '2017-12-31', MONTH) AS months,
        DATETIME_DIFF(DATETIME '2017-10-15 00:00:00', DATETIME '2017-10-14 00:00:00', DAY) AS dt_days,
        DATE_DIFF(DATE '2008-12-25', DATE '2010-07-07', DAY) AS negative`),
    ).toEqual({ days: 559, years: 3, months: 1, dt_days: 1, negative: -559 });
  });

  it('DATE_ADD and DATE_SUB keep a DATE a DATE, clamp to the month end, and take an expression', async () => {
    expect(
      await one(`DATE_ADD(DATE '2008-12-25', INTERVAL 5 DAY) AS plus,
        DATE_SUB(DATE '2008-12-25', INTERVAL 5 DAY) AS minus,
        DATE_ADD(DATE '2008-01-31', INTERVAL 1 MONTH) AS clamped,
        DATE_ADD(DATE '2008-12-25', INTERVAL 2 WEEK) AS weeks,
        DATE_ADD(DATE '2008-12-25', INTERVAL 1 + 2 DAY) AS expression`),
    ).toEqual({
      plus: { type: 'BigQueryDate', value: '2008-12-30' },
      minus: { type: 'BigQueryDate', value: '2008-12-20' },
      clamped: { type: 'BigQueryDate', value: '2008-02-29' },
      weeks: { type: 'BigQueryDate', value: '2009-01-08' },
      expression: { type: 'BigQueryDate', value: '2008-12-28' },
    });
  });

  it('DATETIME_ADD returns a DATETIME', async () => {
    expect(
      await one(`DATETIME_ADD(DATETIME '2008-12-25 15:30:00', INTERVAL 1 MONTH) AS plus,
        DATETIME_SUB(CAST(DATE '2008-03-01' AS DATETIME), INTERVAL 1 DAY) AS minus`),
    ).toEqual({
      plus: { type: 'BigQueryDatetime', value: '2009-01-25T15:30:00' },
      minus: { type: 'BigQueryDatetime', value: '2008-02-29T00:00:00' },
    });
  });

  it('DATE_TRUNC, DATETIME_TRUNC and TIMESTAMP_TRUNC (UTC) keep their argument types', async () => {
    const row = await one(`DATE_TRUNC(DATE '2008-12-25', MONTH) AS d,
        DATETIME_TRUNC(DATETIME '2008-12-25 15:30:00', DAY) AS dt,
        TIMESTAMP_TRUNC(TIMESTAMP '2008-12-25 15:30:00+00', YEAR) AS ts`);
    expect(row.d).toEqual({ type: 'BigQueryDate', value: '2008-12-01' });
    expect(row.dt).toEqual({ type: 'BigQueryDatetime', value: '2008-12-25T00:00:00' });
    expect(row.ts).toEqual({ type: 'BigQueryTimestamp', value: '2008-01-01T00:00:00.000Z' });
  });

  it('LAST_DAY by month (the default), quarter and year', async () => {
    expect(
      await one(`LAST_DAY(DATE '2008-11-25') AS m, LAST_DAY(DATE '2008-02-10', MONTH) AS feb,
        LAST_DAY(DATE '2008-11-25', QUARTER) AS q, LAST_DAY(DATE '2008-05-25', YEAR) AS y`),
    ).toEqual({
      m: { type: 'BigQueryDate', value: '2008-11-30' },
      feb: { type: 'BigQueryDate', value: '2008-02-29' },
      q: { type: 'BigQueryDate', value: '2008-12-31' },
      y: { type: 'BigQueryDate', value: '2008-12-31' },
    });
  });

  it('LEAD and LAG look along the window, with a default past its ends', async () => {
    expect(
      await one(`* FROM (SELECT n, LEAD(n) OVER (ORDER BY n) AS next_n, LAG(n, 1, 0) OVER (ORDER BY n) AS prev_n
        FROM (SELECT 10 AS n UNION ALL SELECT 20)) WHERE n = 20`),
    ).toEqual({ n: 20, next_n: null, prev_n: 10 });
  });

  it('EXTRACT counts DAYOFWEEK from Sunday = 1', async () => {
    expect(
      await one(`EXTRACT(YEAR FROM DATE '2008-12-25') AS y, EXTRACT(MONTH FROM DATE '2008-12-25') AS m,
        EXTRACT(DAY FROM DATE '2008-12-25') AS d, EXTRACT(DAYOFWEEK FROM DATE '2008-12-25') AS dow,
        EXTRACT(DAYOFWEEK FROM DATE '2008-12-21') AS sunday, EXTRACT(DAYOFYEAR FROM DATE '2008-12-31') AS doy`),
    ).toEqual({ y: 2008, m: 12, d: 25, dow: 5, sunday: 1, doy: 366 });
  });

  it('a WEEK boundary (Sunday-based in BigQuery) or a time zone argument is refused, not guessed', async () => {
    const week = await refused(`DATE_DIFF(DATE '2017-12-18', DATE '2017-12-17', WEEK)`);
    expect(week.reason).toBe('invalidQuery');
    expect(week.message).toMatch(/DATE_DIFF with date part WEEK/);
    expect((await refused(`EXTRACT(WEEK FROM DATE '2017-12-18')`)).message).toMatch(
      /EXTRACT with date part WEEK/,
    );
    expect((await refused(`TIMESTAMP_TRUNC(CURRENT_TIMESTAMP(), DAY, 'Europe/Paris')`)).message).toMatch(
      /No matching signature for function TIMESTAMP_TRUNC/,
    );
  });
});

describe('literals', () => {
  it('a literal with a decimal point is FLOAT64; a string cast to NUMERIC is exact', async () => {
    const [rows] = (await bq.query({
      query: `SELECT 0.1 + 0.2 AS float_sum, CAST('0.1' AS NUMERIC) + CAST('0.2' AS NUMERIC) AS exact_sum,
        CAST(12345 AS NUMERIC) * CAST('0.01' AS NUMERIC(3, 2)) AS cents`,
      skipParsing: true,
    } as never)) as [{ f: { v: unknown }[] }[]];
    expect(rows[0]!.f.map((c) => c.v)).toEqual(['0.30000000000000004', '0.3', '123.45']);
  });

  it("NUMERIC(P, S) takes BigQuery's ranges: scale up to 9, precision up to scale + 29", async () => {
    const row = await one(
      `CAST('1.5' AS NUMERIC(38, 9)) AS wide, CAST('1.25' AS DECIMAL(28, 2)) AS money, CAST('7' AS NUMERIC(5)) AS whole`,
    );
    expect([row.wide, row.money, row.whole].map(String)).toEqual(['1.5', '1.25', '7']);
    expect((await refused(`CAST('1.5' AS NUMERIC(38, 2))`)).message).toMatch(
      /Invalid NUMERIC type parameters/,
    );
    expect((await refused(`CAST('1.5' AS NUMERIC(12, 10))`)).message).toMatch(
      /Invalid NUMERIC type parameters/,
    );
  });

  it('a NUMERIC cast to STRING has no trailing zeros; other types keep their text', async () => {
    expect(
      await one(`CAST(CAST('12.50' AS NUMERIC) AS STRING) AS half, CAST(CAST('100' AS NUMERIC) AS STRING) AS whole,
        CAST(CAST('-0.000' AS NUMERIC(10, 3)) AS STRING) AS zero, SAFE_CAST(CAST('7.250' AS NUMERIC(10, 3)) AS STRING) AS safe,
        CAST(100 AS STRING) AS int, CAST(DATE '2008-12-25' AS STRING) AS day, CAST(NULL AS STRING) AS nothing`),
    ).toEqual({
      half: '12.5',
      whole: '100',
      zero: '0',
      safe: '7.25',
      int: '100',
      day: '2008-12-25',
      nothing: null,
    });
  });
});

describe('INFORMATION_SCHEMA', () => {
  it("a missing dataset's INFORMATION_SCHEMA fails with notFound instead of returning no rows", async () => {
    const error = await bq.query('SELECT table_name FROM `no_such_dataset`.INFORMATION_SCHEMA.TABLES').then(
      () => undefined,
      (e: unknown) => e as { errors?: { reason?: string }[]; message: string },
    );
    expect(error?.errors?.[0]?.reason).toBe('notFound');
    expect(error?.message).toMatch(/Dataset no_such_dataset was not found/);
    await bq.query('CREATE SCHEMA IF NOT EXISTS `empty_dataset`');
    const [rows] = await bq.query('SELECT table_name FROM `empty_dataset`.INFORMATION_SCHEMA.TABLES');
    expect(rows).toEqual([]);
  });
});

describe('strings and NULLs', () => {
  it('CONCAT, GREATEST and LEAST return NULL when any argument is NULL', async () => {
    expect(
      await one(`CONCAT('T.P.', ' ', 'Bar') AS joined, CONCAT('a', NULL) AS null_concat,
        GREATEST(1, 3, 2) AS g, GREATEST(1, NULL) AS null_g, LEAST(4, 2) AS l, LEAST(NULL, 2) AS null_l`),
    ).toEqual({ joined: 'T.P. Bar', null_concat: null, g: 3, null_g: null, l: 2, null_l: null });
  });

  it('SUBSTR reads position 0 as 1 and a negative one from the end', async () => {
    expect(
      await one(`SUBSTR('apple', 0, 2) AS zero, SUBSTR('apple', 2, 2) AS two, SUBSTR('apple', -2) AS tail`),
    ).toEqual({ zero: 'ap', two: 'pp', tail: 'le' });
  });

  it('MD5 is BYTES and TO_HEX turns it into lower-case hex', async () => {
    expect(await one(`TO_HEX(MD5('')) AS h, TO_HEX(MD5('abc')) AS abc`)).toEqual({
      h: 'd41d8cd98f00b204e9800998ecf8427e',
      abc: '900150983cd24fb0d6963f7d28e17f72',
    });
  });

  it('a function outside the list fails with "Function not found", naming it', async () => {
    const error = await refused(`FARM_FINGERPRINT('x') AS f`);
    expect(error.reason).toBe('invalidQuery');
    expect(error.message).toMatch(/^Function not found: FARM_FINGERPRINT/);
    // DuckDB's date() would take a string BigQuery refuses: untranslated, so refused here.
    expect((await refused(`DATE('2008-12-25') AS d`)).message).toMatch(/^Function not found: DATE/);
  });
});
