import { describe, expect, it } from 'vitest';
import { f, normalize, toFilterXml, toQueryString, v } from '../../src/intacct/filter.ts';
import { serialize } from '../../src/intacct/xml.ts';

const TZ = 'America/Los_Angeles';
// 2026-11-01T07:00:00Z is midnight in Los Angeles (PDT, UTC-7).
const MIDNIGHT_LA = Date.UTC(2026, 10, 1, 7, 0, 0);

describe('filter compile', () => {
  it('formats timestamps in the company time zone for both forms', () => {
    const filter = f.ge('WHENMODIFIED', v.ts(MIDNIGHT_LA));
    expect(toQueryString(filter, TZ)).toBe("WHENMODIFIED >= '11/01/2026 00:00:00'");
    expect(toQueryString(filter, 'UTC')).toBe("WHENMODIFIED >= '11/01/2026 07:00:00'");
    expect(serialize(toFilterXml(filter, TZ)!)).toBe(
      '<filter><greaterthanorequalto><field>WHENMODIFIED</field><value>11/01/2026 00:00:00</value></greaterthanorequalto></filter>',
    );
  });

  it('compiles and/or/in/like/isnull/between/dates/booleans/numbers', () => {
    const filter = f.and(
      f.or(f.eq('STATUS', 'active'), f.isNull('STATUS')),
      f.in('DEPARTMENTID', ['ENG', 'OPS']),
      f.like('MEMO', 'Pay%'),
      f.between('BATCH_DATE', v.date('2026-01-01'), v.date('2026-01-31')),
      f.eq('ADJ', v.bool(false)),
      f.gt('RECORDNO', v.num(100)),
    );
    expect(toQueryString(filter, TZ)).toBe(
      "(STATUS = 'active' OR STATUS IS NULL) AND DEPARTMENTID IN ('ENG','OPS') AND MEMO LIKE 'Pay%' AND " +
        "(BATCH_DATE >= '01/01/2026' AND BATCH_DATE <= '01/31/2026') AND ADJ = 'F' AND RECORDNO > 100",
    );
    expect(serialize(toFilterXml(filter, TZ)!)).toBe(
      '<filter><and><or><equalto><field>STATUS</field><value>active</value></equalto><isnull><field>STATUS</field></isnull></or>' +
        '<in><field>DEPARTMENTID</field><value>ENG</value><value>OPS</value></in><like><field>MEMO</field><value>Pay%</value></like>' +
        '<between><field>BATCH_DATE</field><value>01/01/2026</value><value>01/31/2026</value></between>' +
        '<equalto><field>ADJ</field><value>false</value></equalto><greaterthan><field>RECORDNO</field><value>100</value></greaterthan></and></filter>',
    );
  });

  it('pushes not down to the leaves (the query XML has no not)', () => {
    const filter = f.not(
      f.and(f.eq('A', 'x'), f.in('B', ['1']), f.isNull('C'), f.between('D', v.num(1), v.num(2))),
    );
    expect(normalize(filter)).toEqual({
      op: 'or',
      filters: [
        { op: 'ne', field: 'A', value: v.str('x') },
        { op: 'notin', field: 'B', values: [v.str('1')] },
        { op: 'isnotnull', field: 'C' },
        { op: 'lt', field: 'D', value: v.num(1) },
        { op: 'gt', field: 'D', value: v.num(2) },
      ],
    });
    expect(toQueryString(f.not(f.lt('X', v.num(5))), TZ)).toBe('X >= 5');
    expect(serialize(toFilterXml(f.not(f.like('M', 'a%')), TZ)!)).toBe(
      '<filter><notlike><field>M</field><value>a%</value></notlike></filter>',
    );
  });

  it('escapes quotes and backslashes in string literals; XML escaping is left to the envelope', () => {
    expect(toQueryString(f.eq('NAME', "Jane's \\ <Deli> & co"), TZ)).toBe(
      "NAME = 'Jane\\'s \\\\ <Deli> & co'",
    );
    const xml = serialize(toFilterXml(f.eq('NAME', 'a<b&c]]>\'"'), TZ)!);
    expect(xml).toContain('<value>a&lt;b&amp;c]]&gt;&apos;&quot;</value>');
  });

  it('splits IN lists over 1000 values', () => {
    const values = Array.from({ length: 2500 }, (_, i) => v.num(i));
    const n = normalize(f.in('RECORDNO', values));
    expect(n.op).toBe('or');
    const parts = (n as unknown as { filters: { values: unknown[] }[] }).filters;
    expect(parts.map((p) => p.values.length)).toEqual([1000, 1000, 500]);
    const notIn = normalize(f.notIn('RECORDNO', values));
    expect(notIn.op).toBe('and');
  });

  it('refuses unsafe field names and empty groups', () => {
    expect(() => toQueryString(f.eq("A' OR 1=1 --", 'x'), TZ)).toThrow(/field name/);
    expect(() => toQueryString(f.and(), TZ)).toThrow(/empty/);
    expect(() => v.num('1e5')).toThrow();
  });
});
