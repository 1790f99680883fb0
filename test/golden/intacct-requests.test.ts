import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  getAPISession,
  getTrialBalance,
  type IntacctFunction,
  lookup,
  query,
  read,
  readByQuery,
  readMore,
  remove,
  requestElement,
} from '../../src/intacct/envelope.ts';
import { probeFunction } from '../../src/intacct/client.ts';
import { f, toFilterXml, toQueryString, v } from '../../src/intacct/filter.ts';
import { serializePretty } from '../../src/intacct/xml.ts';

/** Golden request envelopes, one per read/session function. UPDATE_GOLDEN=1 rewrites them. */
const DIR = join(import.meta.dirname, 'intacct-requests');
const TZ = 'America/Los_Angeles';
const control = { senderId: 'SENDER', senderPassword: 'SENDER_PASSWORD', controlId: 'ielt-golden-1', uniqueId: false };

function golden(name: string, fn: IntacctFunction, auth: 'login' | 'session' = 'session'): void {
  const xml = `${serializePretty(
    requestElement({
      control,
      auth:
        auth === 'login'
          ? { login: { userId: 'WS_USER', companyId: 'ACME', password: 'USER_PASSWORD' } }
          : { sessionId: 'SESSION..' },
      functions: [fn],
    }),
  )}\n`;
  const file = join(DIR, `${name}.xml`);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, xml);
  }
  expect(existsSync(file), `missing golden file ${file}; run with UPDATE_GOLDEN=1`).toBe(true);
  expect(xml).toBe(readFileSync(file, 'utf8'));
}

const since = Date.UTC(2026, 10, 1, 8, 0, 0); // 11/01/2026 01:00:00 in Los Angeles (PDT)
const window = f.and(
  f.or(f.ge('WHENMODIFIED', v.ts(since)), f.and(f.isNull('WHENMODIFIED'), f.ge('WHENCREATED', v.ts(since)))),
  f.in('STATE', ['Posted', "O'Neil & <Co>"]),
);

describe('request envelopes (golden XML)', () => {
  it('getAPISession with login, top level and entity', () => {
    golden('get-api-session-login', getAPISession('session', null), 'login');
    golden('get-api-session-entity', getAPISession('session', 'US1'));
  });
  it('readByQuery and readMore', () => {
    golden('read-by-query', readByQuery('readByQuery', { object: 'GLDETAIL', fields: ['RECORDNO', 'AMOUNT'], query: toQueryString(window, TZ), pageSize: 1000 }));
    golden('read-more', readMore('readMore', '7765a1b2'));
  });
  it('the unchanged-stream probe: one row, newest first, key and watermark only', () =>
    golden(
      'probe-window',
      probeFunction(
        'probe-1',
        { object: 'CUSTOMER', key: 'RECORDNO', watermark: 'WHENMODIFIED', filter: window, showPrivate: true },
        TZ,
      ),
    ));
  it('query with filter, orderby and offset', () =>
    golden(
      'query',
      query('query', {
        object: 'GLDETAIL',
        select: ['RECORDNO', 'WHENMODIFIED', 'AMOUNT'],
        filter: toFilterXml(window, TZ),
        orderBy: [{ field: 'WHENMODIFIED' }, { field: 'RECORDNO' }],
        pageSize: 2000,
        offset: 4000,
        showPrivate: true,
      }),
    ));
  it('read, lookup, get_trialbalance, delete', () => {
    golden('read', read('read', { object: 'CUSTOMER', keys: ['1', '2'], fields: '*' }));
    golden('lookup', lookup('lookup', 'GLDETAIL'));
    golden('get-trialbalance', getTrialBalance('tb', { startDate: '2026-01-01', endDate: '2026-11-30' }));
    golden('delete', remove('del-1', 'CUSTOMER', ['42']));
  });
});
