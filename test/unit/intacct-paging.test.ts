import { describe, expect, it } from 'vitest';
import { ClassifiedError } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { IntacctFunction } from '../../src/intacct/envelope.ts';
import { type PagingStats, pageRecords } from '../../src/intacct/paging.ts';
import { RecordRows } from '../../src/intacct/record-rows.ts';
import {
  type DataAttributes,
  type RawRecord,
  type RecordPage,
  recordPage,
} from '../../src/intacct/record-stream.ts';
import { serialize } from '../../src/intacct/xml.ts';

const envelope = {
  control: { status: 'success', controlId: '' },
  controlErrors: [],
  authentication: undefined,
  authenticationErrors: [],
  results: [],
};
/** A `query` answer: the page's records and its <data> attributes. */
const queryPage = (
  records: RawRecord[],
  data: { totalCount?: number; numRemaining: number; offset?: number },
): RecordPage =>
  page(records, {
    listType: 'X',
    count: records.length,
    totalCount: data.totalCount,
    numRemaining: data.numRemaining,
    resultId: '',
    offset: data.offset ?? 0,
  });
const page = (records: RawRecord[], data: DataAttributes): RecordPage =>
  recordPage(envelope, data, RecordRows.fromRecords(records));
const rows = (n: number): RawRecord[] =>
  Array.from({ length: n }, (_, i) => ({ RECORDNO: String(i + 1), V: `v${i + 1}` }));

/** A fake readByQuery server: cursors that expire after `expireEvery` readMore calls. */
function fakeReadByQuery(all: RawRecord[], pageSize: number, expireEvery: number, loseEvery = 0) {
  const cursors = new Map<string, { rows: RawRecord[]; pos: number }>();
  let n = 0;
  let readMores = 0;
  const queries: string[] = [];
  const pageOf = (id: string): RecordPage => {
    const c = cursors.get(id)!;
    const slice = c.rows.slice(c.pos, c.pos + pageSize);
    c.pos += slice.length;
    const remaining = c.rows.length - c.pos;
    return page(slice, {
      listType: 'x',
      count: slice.length,
      totalCount: c.rows.length,
      numRemaining: remaining,
      resultId: remaining ? id : '',
      offset: undefined,
    });
  };
  const fetch = async (fn: IntacctFunction): Promise<RecordPage> => {
    const xml = serialize(fn.body);
    if (fn.name === 'readByQuery') {
      const q = /<query>(.*)<\/query>/.exec(xml)?.[1] ?? '';
      queries.push(q);
      const after = /RECORDNO &gt; (\d+)/.exec(q)?.[1];
      const id = `c${++n}`;
      cursors.set(id, { rows: all.filter((r) => !after || Number(r.RECORDNO) > Number(after)), pos: 0 });
      return pageOf(id);
    }
    const id = /<resultId>(.*)<\/resultId>/.exec(xml)?.[1] ?? '';
    if (++readMores % expireEvery === 0 || !cursors.has(id)) {
      cursors.delete(id);
      throw new ClassifiedError('cursor gone', {
        kind: 'terminal',
        level: 'result',
        vendor: [
          {
            code: 'DL02000001',
            description2: `Invalid resultId '${id}': the result set does not exist or has expired.`,
          },
        ],
      });
    }
    // A lost answer: the server moved the cursor, the client's retry gets the following page.
    if (loseEvery && readMores % loseEvery === 0) pageOf(id);
    return pageOf(id);
  };
  return { fetch, queries };
}

const stats = (): PagingStats => ({
  pages: 0,
  rows: 0,
  cursorResumes: 0,
  duplicatesDropped: 0,
  countMismatches: 0,
});

describe('paging', () => {
  it('readByQuery: a cursor expiring mid-read resumes after the last key; every row exactly once', async () => {
    const all = rows(1050);
    const server = fakeReadByQuery(all, 100, 3);
    const s = stats();
    const out: RawRecord[] = [];
    for await (const batch of pageRecords(
      {
        object: 'GLDETAIL',
        fields: ['V'],
        key: 'RECORDNO',
        method: 'readByQuery',
        pageSize: 100,
        timezone: 'UTC',
      },
      server.fetch,
      silentLogger,
      s,
    ))
      out.push(...batch.toRecords());
    expect(out.map((r) => r.RECORDNO)).toEqual(all.map((r) => r.RECORDNO));
    expect(s.cursorResumes).toBeGreaterThan(2);
    expect(server.queries[1]).toMatch(/^RECORDNO &gt; \d+$/);
    // Resumes never start over: the total queried rows stay close to the rows read.
    expect(s.duplicatesDropped).toBe(0);
  });

  it('readByQuery: a page lost to a cut-off readMore is noticed by the counts and re-read', async () => {
    const all = rows(2000);
    const server = fakeReadByQuery(all, 100, 1_000_000, 4);
    const s = stats();
    const out: RawRecord[] = [];
    for await (const batch of pageRecords(
      {
        object: 'GLDETAIL',
        fields: '*',
        key: 'RECORDNO',
        method: 'readByQuery',
        pageSize: 100,
        timezone: 'UTC',
      },
      server.fetch,
      silentLogger,
      s,
    ))
      out.push(...batch.toRecords());
    expect(out.map((r) => r.RECORDNO)).toEqual(all.map((r) => r.RECORDNO));
    expect(s.countMismatches).toBeGreaterThan(0);
  });

  it('query: offset pages in order with prefetch, key appended to orderby', async () => {
    const all = rows(950);
    const seen: string[] = [];
    const fetch = async (fn: IntacctFunction): Promise<RecordPage> => {
      const xml = serialize(fn.body);
      seen.push(xml);
      const offset = Number(/<offset>(\d+)<\/offset>/.exec(xml)?.[1]);
      const slice = all.slice(offset, offset + 200);
      await new Promise((r) => setTimeout(r, Math.random() * 5));
      return queryPage(slice, {
        totalCount: all.length,
        numRemaining: all.length - offset - slice.length,
        offset,
      });
    };
    const out: RawRecord[] = [];
    for await (const b of pageRecords(
      {
        object: 'X',
        fields: ['V'],
        orderBy: ['WHENMODIFIED'],
        key: 'RECORDNO',
        method: 'query',
        pageSize: 200,
        timezone: 'UTC',
        prefetch: 3,
      },
      fetch,
      silentLogger,
    ))
      out.push(...b.toRecords());
    expect(out.map((r) => r.RECORDNO)).toEqual(all.map((r) => r.RECORDNO));
    expect(seen[0]).toContain(
      '<orderby><order><field>WHENMODIFIED</field><ascending/></order><order><field>RECORDNO</field><ascending/></order></orderby>',
    );
    expect(seen[0]).toContain(
      '<select><field>V</field><field>RECORDNO</field><field>WHENMODIFIED</field></select>',
    );
    expect(new Set(seen.map((x) => /<offset>(\d+)/.exec(x)?.[1])).size).toBe(seen.length);
  });

  it('query: a changing totalcount is reported, not papered over', async () => {
    let calls = 0;
    const fetch = async (): Promise<RecordPage> => {
      calls++;
      const total = calls === 1 ? 300 : 301;
      return page(rows(300).slice((calls - 1) * 100, calls * 100), {
        listType: 'X',
        count: 100,
        totalCount: total,
        numRemaining: 1,
        resultId: '',
        offset: 0,
      });
    };
    const it = pageRecords(
      {
        object: 'X',
        fields: ['V'],
        orderBy: ['V'],
        key: 'RECORDNO',
        method: 'query',
        pageSize: 100,
        timezone: 'UTC',
      },
      fetch,
      silentLogger,
    );
    await expect(
      (async () => {
        for await (const _ of it) {
          /* drain */
        }
      })(),
    ).rejects.toThrow(/inconsistent counts/);
  });

  it('readByQuery: a cursor repeating pages is a detected loop', async () => {
    const fetch = async (): Promise<RecordPage> =>
      page(rows(10), {
        listType: 'x',
        count: 10,
        totalCount: 100,
        numRemaining: 90,
        resultId: 'same',
        offset: undefined,
      });
    const it = pageRecords(
      { object: 'X', fields: '*', key: 'RECORDNO', method: 'readByQuery', pageSize: 10, timezone: 'UTC' },
      fetch,
      silentLogger,
    );
    const got: RawRecord[] = [];
    await expect(
      (async () => {
        for await (const b of it) got.push(...b.toRecords());
      })(),
    ).rejects.toThrow(/loop/);
    expect(got).toHaveLength(10);
  });

  it('query by key: the next page is asked for while the caller still holds this one, and none after the last', async () => {
    const all = rows(450);
    const log: string[] = [];
    const fetch = async (fn: IntacctFunction): Promise<RecordPage> => {
      const after = Number(/RECORDNO<\/field><value>(\d+)/.exec(serialize(fn.body))?.[1] ?? 0);
      log.push(`fetch after ${after}`);
      const slice = all.filter((r) => Number(r.RECORDNO) > after).slice(0, 200);
      return queryPage(slice, { numRemaining: all.length - after - slice.length });
    };
    const out: string[] = [];
    for await (const batch of pageRecords(
      {
        object: 'X',
        fields: ['V'],
        orderBy: ['RECORDNO'],
        key: 'RECORDNO',
        method: 'query',
        pageSize: 200,
        timezone: 'UTC',
      },
      fetch,
      silentLogger,
    )) {
      const page = batch.toRecords();
      log.push(`caller has ${page[0]?.RECORDNO}-${page.at(-1)?.RECORDNO}`);
      out.push(...page.map((r) => r.RECORDNO ?? ''));
    }
    expect(out).toEqual(all.map((r) => r.RECORDNO));
    // Each request after the first goes out before the caller gets the page before it.
    expect(log).toEqual([
      'fetch after 0',
      'fetch after 200',
      'caller has 1-200',
      'fetch after 400',
      'caller has 201-400',
      'caller has 401-450',
    ]);
  });
});
