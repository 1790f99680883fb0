import { describe, expect, it } from 'vitest';
import { QueryError } from '../../src/sandbox/protocol/query-ast.ts';
import { type ValueType, compileFilter } from '../../src/sandbox/protocol/query-eval.ts';
import { parseFilter } from '../../src/sandbox/protocol/query-filter.ts';
import { parseQueryString } from '../../src/sandbox/protocol/query-string.ts';
import { child, parseXml } from '../../src/sandbox/protocol/xml-node.ts';

// The query languages of readByQuery (string) and query (<filter> XML), evaluated against rows in the
// store's canonical form with the company zone America/Los_Angeles.
const TYPES: Record<string, ValueType> = {
  RECORDNO: 'integer',
  NAME: 'text',
  AMOUNT: 'decimal',
  WHENMODIFIED: 'timestamp',
  BATCH_DATE: 'date',
  ADJ: 'boolean',
};
const typeOf = (f: string) => TYPES[f];
const tz = 'America/Los_Angeles';
const rows = [
  {
    RECORDNO: '1',
    NAME: "Jane's Deli",
    AMOUNT: '10.50',
    WHENMODIFIED: '2026-11-01T08:00:00Z',
    BATCH_DATE: '2026-10-31',
    ADJ: 'false',
  },
  {
    RECORDNO: '2',
    NAME: 'Acme & Co <ltd>',
    AMOUNT: '200',
    WHENMODIFIED: '2026-11-01T07:59:59Z',
    BATCH_DATE: '2026-11-01',
    ADJ: 'true',
  },
  { RECORDNO: '3', NAME: 'acme west', AMOUNT: '-5', WHENMODIFIED: null, BATCH_DATE: null, ADJ: 'false' },
  {
    RECORDNO: '10',
    NAME: null,
    AMOUNT: '99.999',
    WHENMODIFIED: '2026-12-01T00:00:00Z',
    BATCH_DATE: '2026-12-01',
    ADJ: null,
  },
];

function select(query: string, caseInsensitive = false): string[] {
  const p = compileFilter(parseQueryString(query), typeOf, { timezone: tz, caseInsensitive });
  return rows.filter((r) => p(r)).map((r) => r.RECORDNO);
}

function selectXml(filter: string): string[] {
  const doc = parseXml(`<filter>${filter}</filter>`);
  const p = compileFilter(parseFilter(child(doc, 'filter')), typeOf, { timezone: tz });
  return rows.filter((r) => p(r)).map((r) => r.RECORDNO);
}

describe('readByQuery query strings', () => {
  it('compares numbers numerically, not as text', () => {
    expect(select('RECORDNO > 2')).toEqual(['3', '10']);
    expect(select("AMOUNT >= '99.99'")).toEqual(['2', '10']);
  });

  it('reads timestamp literals in the company zone (11/01 00:00 PDT = 07:00 UTC)', () => {
    expect(select("WHENMODIFIED >= '11/01/2026 00:00:00'")).toEqual(['1', '2', '10']);
    expect(select("WHENMODIFIED >= '11/01/2026 01:00:00'")).toEqual(['1', '10']);
    expect(select("WHENMODIFIED < '11/01/2026 00:59:59'")).toEqual([]);
  });

  it('handles AND/OR/NOT precedence and parentheses', () => {
    expect(select("RECORDNO = 1 OR RECORDNO = 2 AND ADJ = 'F'")).toEqual(['1']);
    expect(select("(RECORDNO = 1 OR RECORDNO = 2) AND ADJ = 'T'")).toEqual(['2']);
    expect(select("NOT (ADJ = 'T')")).toEqual(['1', '3']);
  });

  it('supports IN, NOT IN, LIKE, NOT LIKE, IS NULL, IS NOT NULL, escaped quotes', () => {
    expect(select("RECORDNO in ('1','10')")).toEqual(['1', '10']);
    expect(select("RECORDNO not in ('1','10')")).toEqual(['2', '3']);
    expect(select("NAME like 'Acme%'")).toEqual(['2']);
    expect(select("NAME like 'acme%'", true)).toEqual(['2', '3']);
    expect(select("NAME not like 'Acme%'")).toEqual(['1', '3']);
    expect(select("NAME = 'Jane\\'s Deli'")).toEqual(['1']);
    expect(select('WHENMODIFIED IS NULL')).toEqual(['3']);
    expect(select('NAME is not null')).toEqual(['1', '2', '3']);
    expect(select("BATCH_DATE = '11/01/2026'")).toEqual(['2']);
  });

  it('treats an empty query as no filter', () => {
    expect(select('')).toEqual(['1', '2', '3', '10']);
  });

  it('refuses malformed queries, unknown fields and wrongly formatted dates', () => {
    expect(() => select("RECORDNO = '1")).toThrow(QueryError);
    expect(() => select('RECORDNO =')).toThrow(QueryError);
    expect(() => select('(RECORDNO = 1')).toThrow(QueryError);
    try {
      select("FOO = 1 AND BAR = '2'");
      expect.unreachable();
    } catch (e) {
      expect((e as QueryError).reason).toBe('unknown-field');
      expect((e as QueryError).fields).toEqual(['FOO', 'BAR']);
    }
    expect(() => select("BATCH_DATE = '2026-11-01'")).toThrow(/mm\/dd\/yyyy/);
    expect(() => select("WHENMODIFIED > '2026-11-01T00:00:00'")).toThrow(/mm\/dd\/yyyy/);
    expect(() => select("AMOUNT > 'abc'")).toThrow(QueryError);
    const big = Array.from({ length: 1001 }, (_, i) => `'${i}'`).join(',');
    expect(() => select(`RECORDNO in (${big})`)).toThrow(/at most 1000/);
  });
});

describe('query <filter> XML', () => {
  it('supports every operator', () => {
    expect(selectXml('<equalto><field>RECORDNO</field><value>2</value></equalto>')).toEqual(['2']);
    expect(selectXml('<notequalto><field>RECORDNO</field><value>2</value></notequalto>')).toEqual([
      '1',
      '3',
      '10',
    ]);
    expect(selectXml('<lessthan><field>AMOUNT</field><value>10.5</value></lessthan>')).toEqual(['3']);
    expect(
      selectXml('<lessthanorequalto><field>AMOUNT</field><value>10.5</value></lessthanorequalto>'),
    ).toEqual(['1', '3']);
    expect(selectXml('<greaterthan><field>AMOUNT</field><value>99.999</value></greaterthan>')).toEqual(['2']);
    expect(
      selectXml('<greaterthanorequalto><field>AMOUNT</field><value>99.999</value></greaterthanorequalto>'),
    ).toEqual(['2', '10']);
    expect(selectXml('<between><field>RECORDNO</field><value>2</value><value>3</value></between>')).toEqual([
      '2',
      '3',
    ]);
    expect(selectXml('<in><field>RECORDNO</field><value>1</value><value>3</value></in>')).toEqual(['1', '3']);
    expect(selectXml('<notin><field>RECORDNO</field><value>1</value><value>3</value></notin>')).toEqual([
      '2',
      '10',
    ]);
    expect(selectXml('<like><field>NAME</field><value>%&amp;%</value></like>')).toEqual(['2']);
    expect(selectXml('<notlike><field>NAME</field><value>%e%</value></notlike>')).toEqual([]);
    expect(selectXml('<isnull><field>NAME</field></isnull>')).toEqual(['10']);
    expect(selectXml('<isnotnull><field>BATCH_DATE</field></isnotnull>')).toEqual(['1', '2', '10']);
    expect(
      selectXml(
        '<or><equalto><field>RECORDNO</field><value>1</value></equalto><and><greaterthan><field>RECORDNO</field><value>2</value></greaterthan><isnull><field>NAME</field></isnull></and></or>',
      ),
    ).toEqual(['1', '10']);
  });

  it('refuses malformed filters', () => {
    expect(() => selectXml('<and><equalto><field>RECORDNO</field><value>1</value></equalto></and>')).toThrow(
      /at least two/,
    );
    expect(() => selectXml('<between><field>RECORDNO</field><value>1</value></between>')).toThrow(/two/);
    expect(() =>
      selectXml(
        '<equalto><field>RECORDNO</field><value>1</value></equalto><isnull><field>NAME</field></isnull>',
      ),
    ).toThrow(/exactly one/);
    expect(() => selectXml('<near><field>RECORDNO</field></near>')).toThrow(/unknown filter operator/);
  });
});
