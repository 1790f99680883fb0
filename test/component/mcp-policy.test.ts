import { describe, expect, it } from 'vitest';
import { AccessDenied, AccessPolicy } from '../../src/mcp/access.ts';
import { tokenMatches } from '../../src/mcp/http.ts';
import { SQL_DIALECTS, compilePage } from '../../src/mcp/sql.ts';

/** The gateway's pure parts: the query compiler binds every agent value, the policy and the token check. */
describe('gateway query compiler', () => {
  it('binds values as parameters in the warehouse placeholder style and asks for one extra row', () => {
    const query = {
      select: ['entity_id'],
      from: 'analytics_marts.trial_balance',
      where: [
        { column: 'entity_id', op: 'in' as const, values: ['US1', "x' or 1=1 --"] },
        { column: 'account_no', op: 'prefix' as const, value: '1_0%' },
      ],
      orderBy: ['closing_balance desc', 'account_no'],
      limit: 50,
      offset: 100,
    };
    const duck = compilePage(SQL_DIALECTS.duckdb, query);
    expect(duck.sql).toBe(
      "select entity_id from analytics_marts.trial_balance where entity_id in ($1, $2) and account_no like $3 escape '\\' order by closing_balance desc, account_no limit 51 offset 100",
    );
    expect(duck.params).toEqual(['US1', "x' or 1=1 --", '1\\_0\\%%']);
    expect(compilePage(SQL_DIALECTS.snowflake, query).sql).toContain(
      'entity_id in (?, ?) and account_no like ?',
    );
  });

  it('an empty allow-list slice matches nothing, and a malformed column is refused', () => {
    const base = { select: ['x'], from: 't', orderBy: ['x'], limit: 1, offset: 0 };
    expect(
      compilePage(SQL_DIALECTS.duckdb, { ...base, where: [{ column: 'e', op: 'in', values: [] }] }).sql,
    ).toContain('where 1 = 0');
    expect(() =>
      compilePage(SQL_DIALECTS.duckdb, { ...base, where: [], orderBy: ['x; drop table t'] }),
    ).toThrow(/bad column name/);
  });
});

describe('gateway access policy and bearer token', () => {
  it('is read-only and all-entities by default; allow-lists refuse with a fix', () => {
    const open = new AccessPolicy({ entities: [], writes: [] });
    expect(open.entities).toBeNull();
    expect(() => open.assertEntity('ANY')).not.toThrow();
    expect(() => open.assertWrite('create_journal_entry')).toThrow(AccessDenied);
    const narrow = new AccessPolicy({ entities: ['US1'], writes: ['create_journal_entry'] });
    expect(() => narrow.assertWrite('create_journal_entry')).not.toThrow();
    const error = (() => {
      try {
        narrow.assertEntity('DE1');
      } catch (e) {
        return e as AccessDenied;
      }
    })();
    expect(error?.message).toContain('outside');
    expect(error?.fix).toContain('mcp.entities');
  });

  it('accepts only the exact bearer token', () => {
    const token = 'a-long-secret-token-123';
    expect(tokenMatches(`Bearer ${token}`, token)).toBe(true);
    expect(tokenMatches(`bearer ${token}`, token)).toBe(true);
    for (const header of [
      undefined,
      '',
      token,
      `Bearer ${token}x`,
      `Bearer ${token.slice(1)}`,
      `Basic ${token}`,
    ]) {
      expect(tokenMatches(header, token), String(header)).toBe(false);
    }
  });
});
