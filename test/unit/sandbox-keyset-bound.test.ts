import { describe, expect, it } from 'vitest';
import { keyLowerBound } from '../../src/sandbox/protocol/select.ts';

describe('sandbox keyset lower bound', () => {
  const gt = (value: string) => ({ kind: 'cmp', field: 'RECORDNO', op: '>', value }) as const;
  it('starts a key-ordered page after the key a filter names', () => {
    expect(keyLowerBound(gt('41'), 'RECORDNO')).toBe(41);
    expect(keyLowerBound({ kind: 'cmp', field: 'recordno', op: '>=', value: '41' }, 'RECORDNO')).toBe(40);
    expect(
      keyLowerBound(
        { kind: 'and', items: [{ kind: 'null', field: 'WHENMODIFIED', negate: true }, gt('7'), gt('9')] },
        'RECORDNO',
      ),
    ).toBe(9);
  });
  it('gives no bound where the filter does not restrict the key from below', () => {
    expect(keyLowerBound(null, 'RECORDNO')).toBeUndefined();
    expect(keyLowerBound({ kind: 'or', items: [gt('7'), gt('9')] }, 'RECORDNO')).toBeUndefined();
    expect(
      keyLowerBound({ kind: 'cmp', field: 'RECORDNO', op: '<', value: '9' }, 'RECORDNO'),
    ).toBeUndefined();
    expect(keyLowerBound({ kind: 'not', item: gt('7') }, 'RECORDNO')).toBeUndefined();
  });
});

describe('sandbox keyset base filter', () => {
  it('drops only the lower bounds on the key', async () => {
    const { withoutKeyLowerBound } = await import('../../src/sandbox/protocol/select.ts');
    const gt = { kind: 'cmp', field: 'RECORDNO', op: '>', value: '5' } as const;
    const lt = { kind: 'cmp', field: 'RECORDNO', op: '<', value: '50' } as const;
    const other = { kind: 'null', field: 'WHENMODIFIED', negate: true } as const;
    expect(withoutKeyLowerBound(gt, 'RECORDNO')).toBeNull();
    expect(withoutKeyLowerBound({ kind: 'and', items: [gt, other] }, 'RECORDNO')).toEqual(other);
    expect(withoutKeyLowerBound({ kind: 'and', items: [gt, lt, other] }, 'RECORDNO')).toEqual({
      kind: 'and',
      items: [lt, other],
    });
    expect(withoutKeyLowerBound({ kind: 'or', items: [gt, other] }, 'RECORDNO')).toEqual({
      kind: 'or',
      items: [gt, other],
    });
  });
});
