import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, UNAUTHORIZED_SENDER_ID, startSandbox } from '../../src/sandbox/index.ts';
import { SandboxStore } from '../../src/sandbox/store.ts';
import {
  attr,
  child,
  childText,
  dataAttr,
  envelope,
  errorNos,
  errorTexts,
  post,
  records,
  result,
  results,
} from './sandbox-xml.ts';

// The gateway over a tiny hand-built company: envelope, authentication, sessions, every read function,
// paging with both cursor styles, multi-entity visibility, duplicate control ids.
const GL_LINES = 2_345;

function tinyStore(): SandboxStore {
  const store = new SandboxStore({
    companyId: 'TINY',
    companyName: 'Tiny Co',
    timezone: 'America/Los_Angeles',
    entities: [
      { id: 'US1', name: 'Tiny US', recordNo: 1, baseCurrency: 'USD', country: 'United States' },
      { id: 'UK1', name: 'Tiny UK', recordNo: 2, baseCurrency: 'GBP', country: 'United Kingdom' },
    ],
  });
  const stamp = '2026-11-01T08:00:00Z';
  store.insert('GLACCOUNT', {
    ACCOUNTNO: '1000',
    TITLE: 'Cash & <Equivalents>',
    WHENCREATED: stamp,
    WHENMODIFIED: stamp,
  });
  store.insert('GLACCOUNT', { ACCOUNTNO: '4000', TITLE: 'Revenue', WHENCREATED: stamp, WHENMODIFIED: null });
  store.insert('CUSTOMER', {
    CUSTOMERID: 'C-SHARED',
    NAME: "Jane's Deli",
    ONHOLD: 'false',
    WHENCREATED: stamp,
  });
  store.insert('CUSTOMER', {
    CUSTOMERID: 'C-UK',
    NAME: 'UK Only Ltd',
    ONHOLD: 'true',
    WHENCREATED: stamp,
    MEGAENTITYKEY: '2',
    MEGAENTITYID: 'UK1',
    MEGAENTITYNAME: 'Tiny UK',
  });
  for (let i = 0; i < GL_LINES; i++) {
    const uk = i % 5 === 0;
    const t = Date.UTC(2026, 9, 1) + i * 3_600_000;
    store.insert('GLDETAIL', {
      BATCH_NO: String(Math.floor(i / 2) + 1),
      ACCOUNTNO: i % 2 === 0 ? '1000' : '4000',
      TR_TYPE: i % 2 === 0 ? '1' : '-1',
      AMOUNT: `${(i % 97) + 1}.${String(i % 100).padStart(2, '0')}`,
      BATCH_DATE: new Date(t).toISOString().slice(0, 10),
      DESCRIPTION: i === 7 ? 'Fish & <chips> "quoted" \u{1F600}' : `line ${i}`,
      WHENCREATED: new Date(t).toISOString().slice(0, 10), // a date on GL lines
      WHENMODIFIED: i % 50 === 3 ? null : `${new Date(t + 60_000).toISOString().slice(0, 19)}Z`,
      MEGAENTITYKEY: uk ? '2' : '1',
      MEGAENTITYID: uk ? 'UK1' : 'US1',
      MEGAENTITYNAME: uk ? 'Tiny UK' : 'Tiny US',
    });
  }
  return store;
}

let sb: RunningSandbox;
let seq = 0;
const cid = () => `f-${++seq}`;

async function call(fnXml: string, extra: Partial<Parameters<typeof envelope>[0]> = {}) {
  return post(sb.url, envelope({ creds: sb.credentials, functions: [[cid(), fnXml]], ...extra }));
}

async function openSession(locationId?: string): Promise<string> {
  const inner =
    locationId === undefined
      ? '<getAPISession/>'
      : `<getAPISession><locationid>${locationId}</locationid></getAPISession>`;
  const a = await call(inner);
  const r = result(a);
  expect(childText(r, 'status')).toBe('success');
  return childText(child(child(r, 'data'), 'api'), 'sessionid') as string;
}

beforeAll(async () => {
  sb = await startSandbox({ store: tinyStore(), cursorTtlSeconds: 60 });
});
afterAll(async () => {
  await sb.close();
});

describe('envelope and authentication', () => {
  it('answers a login request with control echo, authentication block and results', async () => {
    const a = await call(
      '<readByQuery><object>GLACCOUNT</object><fields>*</fields><query></query></readByQuery>',
      {
        controlId: 'my-request-42',
      },
    );
    expect(a.status).toBe(200);
    expect(a.contentType).toContain('xml');
    const control = child(a.response, 'control');
    expect(childText(control, 'status')).toBe('success');
    expect(childText(control, 'senderid')).toBe(sb.credentials.senderId);
    expect(childText(control, 'controlid')).toBe('my-request-42');
    expect(childText(control, 'uniqueid')).toBe('false');
    expect(childText(control, 'dtdversion')).toBe('3.0');
    const auth = child(child(a.response, 'operation'), 'authentication');
    expect(childText(auth, 'status')).toBe('success');
    expect(childText(auth, 'userid')).toBe(sb.credentials.userId);
    expect(childText(auth, 'companyid')).toBe('TINY');
    // ISO 8601 with the company zone's offset (Los Angeles: -07:00 or -08:00).
    expect(childText(auth, 'sessiontimestamp')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d-0[78]:00$/);
    expect(childText(auth, 'sessiontimeout')).toMatch(/-0[78]:00$/);
  });

  it('fails malformed XML at control level with XL03000003 in an HTTP 200', async () => {
    const a = await post(sb.url, '<request><control><senderid>x</senderid></contrl></request>');
    expect(a.status).toBe(200);
    expect(childText(child(a.response, 'control'), 'status')).toBe('failure');
    expect(errorNos(a.response)).toEqual(['XL03000003']);
    expect(child(a.response, 'operation')).toBeUndefined();
  });

  it('refuses DTDs and entity declarations', async () => {
    const a = await post(sb.url, '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><request>&x;</request>');
    expect(errorNos(a.response)).toEqual(['XL03000003']);
  });

  it('fails bad sender credentials at control level with XL03000006', async () => {
    const a = await call('<getAPISession/>', { senderPassword: 'wrong' });
    expect(childText(child(a.response, 'control'), 'status')).toBe('failure');
    expect(errorNos(a.response)).toEqual(['XL03000006']);
    expect(errorTexts(a.response)).toContain('Incorrect Intacct XML Partner ID or password');
    expect(child(a.response, 'operation')).toBeUndefined();
  });

  it('fails bad user credentials at authentication level, with no result', async () => {
    const a = await call('<getAPISession/>', { userPassword: 'nope' });
    expect(childText(child(a.response, 'control'), 'status')).toBe('success');
    const op = child(a.response, 'operation');
    expect(childText(child(op, 'authentication'), 'status')).toBe('failure');
    expect(childText(child(op, 'authentication'), 'sessiontimeout')).toBeUndefined();
    expect(errorNos(op)).toEqual(['XL03000006']);
    expect(errorTexts(op)).toContain('Sign-in information is incorrect');
    expect(results(a)).toHaveLength(0);
  });

  it('fails a sender not authorized for the company at authentication level', async () => {
    const a = await call('<getAPISession/>', { senderId: UNAUTHORIZED_SENDER_ID });
    expect(childText(child(a.response, 'control'), 'status')).toBe('success');
    const op = child(a.response, 'operation');
    expect(errorNos(op)).toEqual(['XL03000006']);
    expect(errorTexts(op)).toContain('not authorized to make Web Services requests');
  });

  it('fails an unknown session id at authentication level', async () => {
    const a = await call('<getAPISession/>', { sessionId: 'not-a-session..' });
    const op = child(a.response, 'operation');
    expect(childText(child(op, 'authentication'), 'status')).toBe('failure');
    expect(errorNos(op)).toEqual(['XL03000006']);
  });

  it('refuses an unknown function and a bad dtdversion at control level', async () => {
    const a = await call('<readEverything/>');
    expect(errorNos(a.response)).toEqual(['XL03000003']);
    const b = await call('<getAPISession/>', { dtdVersion: '4.0' });
    expect(errorNos(b.response)).toEqual(['XL03000003']);
    const c = await call(
      '<query><object>GLACCOUNT</object><select><field>RECORDNO</field></select></query>',
      {
        dtdVersion: '2.1',
      },
    );
    expect(errorNos(c.response)).toEqual(['XL03000003']);
  });

  it('answers GW-0011 with HTTP 400 for an empty body and 404 elsewhere', async () => {
    const a = await post(sb.url, '');
    expect(a.status).toBe(400);
    expect(errorNos(a.response)).toEqual(['GW-0011']);
    expect(child(child(a.response, 'control'), 'senderid')).toBeUndefined();
  });
});

describe('sessions', () => {
  it('getAPISession returns sessionid, endpoint and locationid; the session works and is scoped', async () => {
    const a = await call('<getAPISession><locationid>UK1</locationid></getAPISession>');
    const api = child(child(result(a), 'data'), 'api');
    const sessionId = childText(api, 'sessionid') as string;
    expect(sessionId).toMatch(/\.\.$/);
    expect(childText(api, 'endpoint')).toBe(sb.url);
    expect(childText(api, 'locationid')).toBe('UK1');
    const b = await call(
      '<readByQuery><object>CUSTOMER</object><fields>CUSTOMERID</fields><query></query></readByQuery>',
      {
        sessionId,
      },
    );
    expect(childText(child(child(b.response, 'operation'), 'authentication'), 'locationid')).toBe('UK1');
    expect(records(result(b), 'customer').map((r) => r.CUSTOMERID)).toEqual(['C-SHARED', 'C-UK']);
  });

  it('an empty locationid gives a top-level session; an unknown one fails', async () => {
    const top = await openSession('');
    const b = await call(
      '<readByQuery><object>CUSTOMER</object><fields>CUSTOMERID</fields><query></query></readByQuery>',
      {
        sessionId: top,
      },
    );
    expect(records(result(b), 'customer').map((r) => r.CUSTOMERID)).toEqual(['C-SHARED']);
    const bad = await call('<getAPISession><locationid>NOPE</locationid></getAPISession>');
    expect(childText(result(bad), 'status')).toBe('failure');
  });

  it('an entity login (locationid in login) scopes the request', async () => {
    const a = await call(
      '<readByQuery><object>GLDETAIL</object><fields>MEGAENTITYID</fields><query></query><pagesize>1000</pagesize></readByQuery>',
      {
        locationId: 'UK1',
      },
    );
    const rows = records(result(a), 'gldetail');
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.MEGAENTITYID))).toEqual(new Set(['UK1']));
    expect(Number(dataAttr(result(a), 'totalcount'))).toBe(Math.ceil(GL_LINES / 5));
    const bad = await call('<getAPISession/>', { locationId: 'NOPE' });
    expect(childText(child(child(bad.response, 'operation'), 'authentication'), 'status')).toBe('failure');
  });

  it('expired sessions fail at authentication level; expireSessions ends them all', async () => {
    const s = await openSession('US1');
    expect(sb.expireSessions()).toBeGreaterThan(0);
    const a = await call('<getAPISession/>', { sessionId: s });
    expect(childText(child(child(a.response, 'operation'), 'authentication'), 'status')).toBe('failure');
  });
});

describe('readByQuery and readMore', () => {
  it('formats values as Intacct: lowercase records, zone-less times, dates, T/F, empty nulls, escaping', async () => {
    const a = await call(
      '<readByQuery><object>GLDETAIL</object><fields>RECORDNO,AMOUNT,BATCH_DATE,WHENCREATED,WHENMODIFIED,DESCRIPTION</fields><query>RECORDNO in (4, 8)</query><pagesize>10</pagesize></readByQuery>',
      { locationId: 'US1' },
    );
    const r = result(a);
    expect(childText(r, 'function')).toBe('readByQuery');
    expect(dataAttr(r, 'listtype')).toBe('gldetail');
    expect(dataAttr(r, 'numremaining')).toBe('0');
    expect(dataAttr(r, 'resultId')).toBe('');
    const rows = records(r, 'gldetail');
    expect(rows).toHaveLength(2);
    // RECORDNO 4 is i=3: WHENMODIFIED null. RECORDNO 8 is i=7: WHENMODIFIED 2026-10-01T07:01Z =
    // 10/01/2026 00:01:00 PDT (zone-less, in the company's zone).
    expect(rows[0]).toMatchObject({
      RECORDNO: '4',
      AMOUNT: '4.03',
      BATCH_DATE: '10/01/2026',
      WHENCREATED: '10/01/2026',
      WHENMODIFIED: '',
    });
    expect(rows[1]?.WHENMODIFIED).toBe('10/01/2026 00:01:00');
    expect(a.text).toContain('<WHENMODIFIED></WHENMODIFIED>');
    expect(rows[1]?.DESCRIPTION).toBe('Fish & <chips> "quoted" \u{1F600}');
    expect(a.text).toContain('Fish &amp; &lt;chips&gt; &quot;quoted&quot;');
    const c = await call(
      "<readByQuery><object>CUSTOMER</object><fields>CUSTOMERID,ONHOLD</fields><query>ONHOLD = 'F'</query></readByQuery>",
    );
    expect(records(result(c), 'customer')).toEqual([{ CUSTOMERID: 'C-SHARED', ONHOLD: 'F' }]);
  });

  it('pages a large object with readMore: no gap, no duplicate, RECORDNO order, even while data changes', async () => {
    const s = await openSession('');
    const first = await call(
      '<readByQuery><object>GLDETAIL</object><fields>RECORDNO</fields><query></query><pagesize>1000</pagesize></readByQuery>',
      { sessionId: s },
    );
    // The top level without showprivate sees no entity-owned GL lines.
    expect(dataAttr(result(first), 'totalcount')).toBe('0');

    const us = await openSession('US1');
    const seen: number[] = [];
    let a = await call(
      '<readByQuery><object>GLDETAIL</object><fields>RECORDNO</fields><query></query><pagesize>400</pagesize></readByQuery>',
      { sessionId: us },
    );
    const total = Number(dataAttr(result(a), 'totalcount'));
    expect(total).toBe(GL_LINES - Math.ceil(GL_LINES / 5));
    let pages = 0;
    for (;;) {
      const r = result(a);
      expect(childText(r, 'status')).toBe('success');
      seen.push(...records(r, 'gldetail').map((x) => Number(x.RECORDNO)));
      pages++;
      const remaining = Number(dataAttr(r, 'numremaining'));
      expect(remaining).toBe(total - seen.length);
      if (remaining === 0) break;
      if (pages === 2) {
        // A record added mid-paging is not in this result set.
        sb.store.insert('GLDETAIL', {
          ACCOUNTNO: '1000',
          MEGAENTITYID: 'US1',
          WHENCREATED: '2026-11-02T00:00:00Z',
        });
      }
      const id = dataAttr(r, 'resultId') as string;
      expect(id).not.toBe('');
      a = await call(`<readMore><resultId>${id}</resultId></readMore>`, { sessionId: us });
    }
    expect(pages).toBe(Math.ceil(total / 400));
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect([...seen].sort((x, y) => x - y)).toEqual(seen);
  });

  it('readMore by object continues the latest result set; unknown and exhausted ids fail', async () => {
    const us = await openSession('US1');
    const a = await call(
      '<readByQuery><object>GLACCOUNT</object><fields>ACCOUNTNO</fields><query></query><pagesize>1</pagesize></readByQuery>',
      { sessionId: us },
    );
    expect(records(result(a), 'glaccount').map((r) => r.ACCOUNTNO)).toEqual(['1000']);
    const b = await call('<readMore><object>GLACCOUNT</object></readMore>', { sessionId: us });
    expect(records(result(b), 'glaccount').map((r) => r.ACCOUNTNO)).toEqual(['4000']);
    expect(dataAttr(result(b), 'numremaining')).toBe('0');
    const c = await call(`<readMore><resultId>${dataAttr(result(a), 'resultId')}</resultId></readMore>`, {
      sessionId: us,
    });
    expect(childText(result(c), 'status')).toBe('failure');
    expect(errorTexts(result(c))).toContain('resultId');
  });

  it('cursors expire after cursorTtlSeconds without use', async () => {
    const short = await startSandbox({ store: sb.store, cursorTtlSeconds: 0.2 });
    try {
      const send = (fn: string) =>
        post(short.url, envelope({ creds: short.credentials, functions: [[cid(), fn]], locationId: 'US1' }));
      const a = await send(
        '<readByQuery><object>GLDETAIL</object><fields>RECORDNO</fields><query></query><pagesize>5</pagesize></readByQuery>',
      );
      const id = dataAttr(result(a), 'resultId') as string;
      expect(childText(result(await send(`<readMore><resultId>${id}</resultId></readMore>`)), 'status')).toBe(
        'success',
      );
      await new Promise((r) => setTimeout(r, 300));
      const late = result(await send(`<readMore><resultId>${id}</resultId></readMore>`));
      expect(childText(late, 'status')).toBe('failure');
      expect(errorTexts(late)).toContain('expired');
    } finally {
      await short.close();
    }
  });

  it('cursors can be expired through the API', async () => {
    const a = await call(
      '<readByQuery><object>GLDETAIL</object><fields>RECORDNO</fields><query></query><pagesize>5</pagesize></readByQuery>',
      { locationId: 'US1' },
    );
    const id = dataAttr(result(a), 'resultId') as string;
    expect(sb.expireCursors()).toBeGreaterThan(0);
    const b = await call(`<readMore><resultId>${id}</resultId></readMore>`, { locationId: 'US1' });
    expect(childText(result(b), 'status')).toBe('failure');
  });

  it('fails unknown objects, unknown fields, bad queries, bad dates and bad page sizes', async () => {
    const q = (obj: string, fields: string, query: string, extra = '') =>
      call(
        `<readByQuery><object>${obj}</object><fields>${fields}</fields><query>${query}</query>${extra}</readByQuery>`,
      );
    const unknownObject = result(await q('VENDOR9', '*', ''));
    expect(childText(unknownObject, 'status')).toBe('aborted');
    expect(errorNos(unknownObject)).toEqual(['Query Failed', 'XL03000009']);
    expect(errorTexts(unknownObject)).toContain('Object definition VENDOR9 not found');
    const unknownField = result(await q('GLACCOUNT', 'ACCOUNTNO,NOPE', ''));
    expect(errorTexts(unknownField)).toContain('NOPE');
    const unknownFilterField = result(await q('GLACCOUNT', '*', "BOGUS = '1'"));
    expect(errorTexts(unknownFilterField)).toContain('BOGUS');
    expect(childText(result(await q('GLACCOUNT', '*', "ACCOUNTNO = '1000' AND")), 'status')).not.toBe(
      'success',
    );
    const badDate = result(await q('GLACCOUNT', '*', "WHENMODIFIED &gt; '2026-11-01'"));
    expect(errorTexts(badDate)).toMatch(/mm\/dd\/yyyy/);
    for (const size of ['0', '1001', 'x']) {
      expect(
        childText(result(await q('GLACCOUNT', '*', '', `<pagesize>${size}</pagesize>`)), 'status'),
      ).not.toBe('success');
    }
    const ok = result(
      await q('GLACCOUNT', '*', "WHENMODIFIED &gt;= '10/31/2026 00:00:00' OR WHENMODIFIED IS NULL"),
    );
    expect(childText(ok, 'status')).toBe('success');
    expect(dataAttr(ok, 'count')).toBe('2');
  });
});

describe('query', () => {
  const queryXml = (opts: {
    filter?: string;
    order?: string;
    size?: number;
    offset?: number;
    options?: string;
  }) =>
    `<query><select><field>RECORDNO</field><field>AMOUNT</field></select><object>GLDETAIL</object>${
      opts.filter ? `<filter>${opts.filter}</filter>` : ''
    }${opts.order ?? ''}${opts.options ?? ''}${opts.size ? `<pagesize>${opts.size}</pagesize>` : ''}${
      opts.offset !== undefined ? `<offset>${opts.offset}</offset>` : ''
    }</query>`;

  it('pages with offset: no gap, no duplicate, upper-case records, no resultId', async () => {
    const us = await openSession('US1');
    const order = '<orderby><order><field>RECORDNO</field><ascending/></order></orderby>';
    const seen: number[] = [];
    let offset = 0;
    let total = -1;
    for (;;) {
      const a = await call(queryXml({ order, size: 700, offset }), { sessionId: us });
      const r = result(a);
      expect(childText(r, 'status')).toBe('success');
      expect(dataAttr(r, 'listtype')).toBe('GLDETAIL');
      expect(dataAttr(r, 'resultId')).toBeUndefined();
      expect(dataAttr(r, 'offset')).toBe(String(offset));
      total = Number(dataAttr(r, 'totalcount'));
      const rows = records(r, 'GLDETAIL');
      seen.push(...rows.map((x) => Number(x.RECORDNO)));
      offset += rows.length;
      expect(Number(dataAttr(r, 'numremaining'))).toBe(total - offset);
      if (Number(dataAttr(r, 'numremaining')) === 0) break;
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters, orders descending with nulls first, and honours caseinsensitive and showprivate', async () => {
    const a = await call(
      queryXml({
        filter:
          '<and><greaterthanorequalto><field>AMOUNT</field><value>97</value></greaterthanorequalto><lessthan><field>RECORDNO</field><value>300</value></lessthan></and>',
        order:
          '<orderby><order><field>AMOUNT</field><descending/></order><order><field>RECORDNO</field><ascending/></order></orderby>',
        size: 2000,
      }),
      { locationId: 'US1' },
    );
    const rows = records(result(a), 'GLDETAIL');
    expect(rows.length).toBeGreaterThan(1);
    for (let i = 1; i < rows.length; i++) {
      const prev = Number(rows[i - 1]?.AMOUNT);
      const cur = Number(rows[i]?.AMOUNT);
      expect(prev >= cur).toBe(true);
    }
    const top = await call(
      '<query><select><field>CUSTOMERID</field></select><object>CUSTOMER</object><filter><like><field>NAME</field><value>uk%</value></like></filter><options><caseinsensitive>true</caseinsensitive><showprivate>true</showprivate></options></query>',
    );
    expect(records(result(top), 'CUSTOMER').map((r) => r.CUSTOMERID)).toEqual(['C-UK']);
    const noPrivate = await call(
      '<query><select><field>CUSTOMERID</field></select><object>CUSTOMER</object><filter><like><field>NAME</field><value>uk%</value></like></filter><options><caseinsensitive>true</caseinsensitive></options></query>',
    );
    expect(dataAttr(result(noPrivate), 'totalcount')).toBe('0');
  });

  it('answers aggregates and fails bad queries with an empty data element after the errors', async () => {
    const filter =
      '<filter><lessthanorequalto><field>RECORDNO</field><value>10</value></lessthanorequalto></filter>';
    const agg = await call(
      `<query><select><count>RECORDNO</count><sum>AMOUNT</sum><max>AMOUNT</max></select><object>GLDETAIL</object>${filter}</query>`,
      { locationId: 'US1' },
    );
    // RECORDNO 1..10 minus the UK1 lines (i = 0, 5): amounts i%97+1 . i%100 for i in 1,2,3,4,6,7,8,9.
    expect(records(result(agg), 'GLDETAIL')[0]).toEqual({
      'COUNT.RECORDNO': '8',
      'SUM.AMOUNT': '48.4',
      'MAX.AMOUNT': '10.09',
    });
    const unknown = result(
      await call('<query><select><field>RECORDNO</field></select><object>SODOCUMENTPARAMS</object></query>'),
    );
    expect(childText(unknown, 'status')).toBe('failure');
    expect(errorNos(unknown)).toEqual(['XL03000009']);
    expect(errorTexts(unknown)).toContain('Object definition SODOCUMENTPARAMS not found');
    expect(dataAttr(unknown, 'count')).toBe('0');
    for (const bad of [
      '<query><select><field>*</field></select><object>GLACCOUNT</object></query>',
      '<query><select><field>NOPE</field></select><object>GLACCOUNT</object></query>',
      '<query><select><field>RECORDNO</field></select><object>GLACCOUNT</object><pagesize>2001</pagesize></query>',
      '<query><select><field>RECORDNO</field></select><object>GLACCOUNT</object><offset>-1</offset></query>',
      '<query><select><field>RECORDNO</field></select><object>GLACCOUNT</object><filter><equalto><field>WHENCREATED</field><value>2026-01-01</value></equalto></filter></query>',
    ]) {
      expect(childText(result(await call(bad)), 'status')).toBe('failure');
    }
  });
});

describe('read, readByName, lookup, inspect', () => {
  it('read returns upper-case records by key, true/false booleans, at most 100 keys', async () => {
    const a = await call('<read><object>CUSTOMER</object><keys>1,2</keys><fields>*</fields></read>');
    const r = result(a);
    expect(dataAttr(r, 'listtype')).toBe('CUSTOMER');
    // CUSTOMER 2 is private to UK1: not visible at the top level.
    const rows = records(r, 'CUSTOMER');
    expect(rows.map((x) => x.CUSTOMERID)).toEqual(['C-SHARED']);
    expect(rows[0]?.ONHOLD).toBe('false');
    const keys = Array.from({ length: 101 }, (_, i) => i + 1).join(',');
    expect(
      childText(
        result(
          await call(`<read><object>GLDETAIL</object><keys>${keys}</keys></read>`, { locationId: 'US1' }),
        ),
        'status',
      ),
    ).not.toBe('success');
  });

  it('readByName reads by the ID field (ACCOUNTNO), not the descriptive name, as the docs key it', async () => {
    const a = await call(
      '<readByName><object>GLACCOUNT</object><keys>4000</keys><fields>ACCOUNTNO,TITLE</fields></readByName>',
    );
    expect(records(result(a), 'GLACCOUNT')).toEqual([{ ACCOUNTNO: '4000', TITLE: 'Revenue' }]);
    const byTitle = await call(
      '<readByName><object>GLACCOUNT</object><keys>Revenue</keys><fields>ACCOUNTNO</fields></readByName>',
    );
    expect(records(result(byTitle), 'GLACCOUNT')).toEqual([]);
  });

  it('lookup and inspect describe fields with types, custom fields flagged', async () => {
    const a = await call('<lookup><object>CUSTOMER</object></lookup>');
    const type = child(child(result(a), 'data'), 'Type');
    expect(attr(type, 'Name')).toBe('CUSTOMER');
    const fields = (child(type, 'Fields') as Record<string, unknown>).Field as unknown[];
    const byId = new Map(fields.map((f) => [childText(f as never, 'ID'), f as never]));
    expect(childText(byId.get('RECORDNO'), 'DATATYPE')).toBe('INTEGER');
    expect(childText(byId.get('WHENMODIFIED'), 'DATATYPE')).toBe('TIMESTAMP');
    expect([...byId.values()].some((f) => childText(f, 'ISCUSTOM') === 'true')).toBe(true);
    const b = await call('<inspect detail="1"><object>GLDETAIL</object></inspect>');
    expect(a.text.length).toBeGreaterThan(1000);
    expect(b.text).toContain('<ID>AMOUNT</ID>');
    const c = await call('<inspect><object>GLDETAIL</object></inspect>');
    expect(c.text).toContain('<Field>AMOUNT</Field>');
    expect(childText(result(await call('<lookup><object>NOPE</object></lookup>')), 'status')).not.toBe(
      'success',
    );
  });
});

describe('control ids', () => {
  it('refuses a repeated function controlid when uniqueid is true or omitted, not when false', async () => {
    const fn =
      '<readByQuery><object>GLACCOUNT</object><fields>ACCOUNTNO</fields><query></query></readByQuery>';
    const id = `dup-${Date.now()}`;
    const first = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[id, fn]], uniqueId: null }),
    );
    expect(childText(child(first.response, 'control'), 'uniqueid')).toBe('true');
    expect(childText(result(first), 'status')).toBe('success');
    const again = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[id, fn]], uniqueId: true }),
    );
    expect(childText(result(again), 'status')).toBe('failure');
    expect(errorTexts(result(again))).toContain(id);
    const loose = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[id, fn]], uniqueId: false }),
    );
    expect(childText(result(loose), 'status')).toBe('success');
    // The request controlid is never checked.
    const r1 = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[`${id}-a`, fn]], uniqueId: true, controlId: 'same' }),
    );
    const r2 = await post(
      sb.url,
      envelope({ creds: sb.credentials, functions: [[`${id}-b`, fn]], uniqueId: true, controlId: 'same' }),
    );
    expect(childText(result(r1), 'status')).toBe('success');
    expect(childText(result(r2), 'status')).toBe('success');
  });

  it('answers several functions in order with their control ids', async () => {
    const a = await post(
      sb.url,
      envelope({
        creds: sb.credentials,
        functions: [
          [
            'one',
            '<readByQuery><object>GLACCOUNT</object><fields>ACCOUNTNO</fields><query></query></readByQuery>',
          ],
          ['two', '<readByQuery><object>NOPE</object><fields>*</fields><query></query></readByQuery>'],
          ['three', '<read><object>GLACCOUNT</object><keys>1</keys></read>'],
        ],
      }),
    );
    expect(results(a).map((r) => [childText(r, 'controlid'), childText(r, 'status')])).toEqual([
      ['one', 'success'],
      ['two', 'aborted'],
      ['three', 'success'],
    ]);
  });
});
