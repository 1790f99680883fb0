import { describe, expect, it } from 'vitest';
import { SANDBOX_OBJECTS, objectDef } from '../../src/sandbox/catalog.ts';
import { SandboxClock, isoSeconds } from '../../src/sandbox/clock.ts';
import { SandboxStore } from '../../src/sandbox/store.ts';

function emptyStore(): SandboxStore {
  return new SandboxStore({
    companyId: 'T',
    companyName: 'Test Co',
    timezone: 'America/New_York',
    entities: [
      { id: 'US1', name: 'US', recordNo: 1, baseCurrency: 'USD', country: 'United States' },
      { id: 'UK1', name: 'UK', recordNo: 2, baseCurrency: 'GBP', country: 'United Kingdom' },
    ],
    clockStartMs: Date.UTC(2026, 10, 1),
  });
}

describe('sandbox catalog', () => {
  it('defines every object the job extracts, with unique field names and audit stamps', () => {
    const names = SANDBOX_OBJECTS.map((o) => o.name);
    for (const required of [
      'GLACCOUNT',
      'GLBATCH',
      'GLENTRY',
      'GLDETAIL',
      'GLACCOUNTBALANCE',
      'ARINVOICE',
      'ARPYMTDETAIL',
      'APPYMT',
      'PODOCUMENTENTRY',
      'TIMESHEETENTRY',
      'EXCHANGERATE',
      'TRXCURRENCIES',
      'AUDITHISTORY',
      'FUND',
      'LOCATIONENTITY',
    ]) {
      expect(names).toContain(required);
    }
    expect(new Set(names).size).toBe(names.length);
    for (const def of SANDBOX_OBJECTS) {
      const fields = def.fields.map((f) => f.name);
      expect(new Set(fields).size, def.name).toBe(fields.length);
      expect(fields, def.name).toContain(def.key);
      if (def.modifiedField) expect(fields, def.name).toContain(def.modifiedField);
      if (def.idField) expect(fields, def.name).toContain(def.idField);
    }
    expect(objectDef('gldetail')?.fields.length).toBeGreaterThanOrEqual(35);
    expect(objectDef('CUSTOMER')?.fields.find((f) => f.name === 'SALESFORCE_ID')?.custom).toBe(true);
    expect(objectDef('ARINVOICE')?.writable).toEqual(['create', 'update', 'delete']);
    expect(objectDef('GLDETAIL')?.writable).toEqual([]);
    expect(objectDef('AUDITHISTORY')?.key).toBe('ID');
    expect(objectDef('NOPE')).toBeUndefined();
  });
});

describe('sandbox clock', () => {
  it('moves only when told and stamps whole seconds in UTC', () => {
    const c = new SandboxClock(Date.UTC(2026, 10, 1, 9, 0, 0, 750));
    expect(c.now()).toBe(Date.UTC(2026, 10, 1, 9, 0, 0, 750));
    c.advance(60_000);
    expect(c.stamp()).toBe('2026-11-01T09:01:00Z');
    expect(() => c.advance(-1)).toThrow();
    c.set(0);
    expect(c.now()).toBe(0);
    expect(isoSeconds(Date.UTC(2026, 0, 2, 3, 4, 5, 999))).toBe('2026-01-02T03:04:05Z');
  });
});

describe('SandboxStore', () => {
  it('assigns increasing RECORDNOs, fills every field, indexes by key and id', () => {
    const s = emptyStore();
    const a = s.insert('CLASS', { CLASSID: 'A', NAME: 'Alpha' });
    const b = s.insert('CLASS', { CLASSID: 'B', NAME: 'Beta' });
    expect(a.RECORDNO).toBe('1');
    expect(b.RECORDNO).toBe('2');
    expect(Object.keys(a)).toEqual(objectDef('CLASS')!.fields.map((f) => f.name));
    expect(a.DESCRIPTION).toBeNull();
    expect(s.get('CLASS', 2)).toBe(b);
    expect(s.get('class', '1')).toBe(a);
    expect(s.findById('CLASS', 'B')).toBe(b);
    expect(s.list('CLASS').map((r) => r.CLASSID)).toEqual(['A', 'B']);
    expect(() => s.insert('CLASS', { CLASSID: 'A', NAME: 'dup' })).toThrow(/duplicate/);
    expect(() => s.insert('CLASS', { CLASSID: 'C', BOGUS: 'x' })).toThrow(/no field BOGUS/);
    expect(() => s.list('NOPE')).toThrow(/unknown object/);
  });

  it('keeps key order with explicit keys and replaces records on update', () => {
    const s = emptyStore();
    s.insert('CLASS', { RECORDNO: '10', CLASSID: 'X', NAME: 'x' });
    s.insert('CLASS', { RECORDNO: '5', CLASSID: 'Y', NAME: 'y' });
    expect(s.list('CLASS').map((r) => r.RECORDNO)).toEqual(['5', '10']);
    expect(s.peekNextKey('CLASS')).toBe(11);
    const before = s.get('CLASS', 5)!;
    const after = s.update('CLASS', 5, { NAME: 'why', CLASSID: 'Y2' });
    expect(before.NAME).toBe('y');
    expect(after.NAME).toBe('why');
    expect(s.findById('CLASS', 'Y')).toBeUndefined();
    expect(s.findById('CLASS', 'Y2')).toBe(after);
    expect(() => s.update('CLASS', 5, { RECORDNO: '6' })).toThrow(/key/);
    s.remove('CLASS', 10);
    expect(s.list('CLASS').map((r) => r.RECORDNO)).toEqual(['5']);
  });

  it('undoes every change of a failed transaction, including nested ones', () => {
    const s = emptyStore();
    s.insert('CLASS', { CLASSID: 'KEEP', NAME: 'keep' });
    s.insert('CLASS', { CLASSID: 'GONE', NAME: 'gone' });
    const version = s.version;
    expect(() =>
      s.transaction(() => {
        s.insert('CLASS', { CLASSID: 'NEW', NAME: 'new' });
        s.update('CLASS', 1, { NAME: 'changed' });
        s.remove('CLASS', 2);
        s.setClosedThrough('US1', '2026-01-31');
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(s.list('CLASS').map((r) => `${r.RECORDNO}:${r.CLASSID}:${r.NAME}`)).toEqual([
      '1:KEEP:keep',
      '2:GONE:gone',
    ]);
    expect(s.findById('CLASS', 'NEW')).toBeUndefined();
    expect(s.closedThrough('US1')).toBeNull();
    expect(s.peekNextKey('CLASS')).toBe(3);
    expect(s.version).toBeGreaterThan(version);

    // An inner failure caught by the outer transaction undoes only the inner work.
    s.transaction(() => {
      s.insert('CLASS', { CLASSID: 'OUTER', NAME: 'o' });
      expect(() =>
        s.transaction(() => {
          s.insert('CLASS', { CLASSID: 'INNER', NAME: 'i' });
          throw new Error('inner');
        }),
      ).toThrow('inner');
    });
    expect(s.findById('CLASS', 'OUTER')).toBeDefined();
    expect(s.findById('CLASS', 'INNER')).toBeUndefined();
    expect(s.counters.rollbacks).toBe(2);
  });

  it('maintains secondary indexes through inserts, updates, removes and undo', () => {
    const s = emptyStore();
    s.insert('TASK', { TASKID: 'T1', NAME: 'a', PROJECTID: 'P1' });
    expect(s.lookup('TASK', 'PROJECTID', 'P1').map((r) => r.TASKID)).toEqual(['T1']);
    s.insert('TASK', { TASKID: 'T2', NAME: 'b', PROJECTID: 'P1' });
    s.update('TASK', 1, { PROJECTID: 'P2' });
    expect(s.lookup('TASK', 'PROJECTID', 'P1').map((r) => r.TASKID)).toEqual(['T2']);
    expect(s.lookup('TASK', 'PROJECTID', 'P2').map((r) => r.TASKID)).toEqual(['T1']);
    expect(() =>
      s.transaction(() => {
        s.remove('TASK', 2);
        throw new Error('undo');
      }),
    ).toThrow();
    expect(s.lookup('TASK', 'PROJECTID', 'P1').map((r) => r.TASKID)).toEqual(['T2']);
  });

  it('shows each session the records of its entity plus shared top-level lists', () => {
    const s = emptyStore();
    s.insert('CUSTOMER', { CUSTOMERID: 'TOP', NAME: 'shared' });
    s.insert('CUSTOMER', {
      CUSTOMERID: 'PRIV',
      NAME: 'uk only',
      MEGAENTITYKEY: '2',
      MEGAENTITYID: 'UK1',
      MEGAENTITYNAME: 'UK',
    });
    s.insert('GLBATCH', { BATCH_TITLE: 'us', MEGAENTITYID: 'US1' });
    s.insert('GLBATCH', { BATCH_TITLE: 'top' });
    const ids = (object: string, entity: string | null, priv: boolean, field: string) =>
      [...s.visible(object, entity, priv)].map((r) => r[field]);
    expect(ids('CUSTOMER', 'US1', false, 'CUSTOMERID')).toEqual(['TOP']);
    expect(ids('CUSTOMER', 'UK1', false, 'CUSTOMERID')).toEqual(['TOP', 'PRIV']);
    expect(ids('CUSTOMER', null, false, 'CUSTOMERID')).toEqual(['TOP']);
    expect(ids('CUSTOMER', '', true, 'CUSTOMERID')).toEqual(['TOP', 'PRIV']);
    // Transactions are not shared down: an entity sees only its own.
    expect(ids('GLBATCH', 'US1', false, 'BATCH_TITLE')).toEqual(['us']);
    expect(ids('GLBATCH', 'UK1', false, 'BATCH_TITLE')).toEqual([]);
    expect(ids('GLBATCH', null, false, 'BATCH_TITLE')).toEqual(['top']);
    expect(ids('GLBATCH', null, true, 'BATCH_TITLE')).toEqual(['us', 'top']);
  });

  it('serves virtual objects from a provider, cached until the store changes', () => {
    const s = emptyStore();
    let calls = 0;
    s.registerVirtual('GLACCOUNTBALANCE', (st) => {
      calls++;
      return [{ RECORDNO: '1', PERIOD: `v${st.count('CLASS')}` }];
    });
    expect(s.list('GLACCOUNTBALANCE')[0]?.PERIOD).toBe('v0');
    s.list('GLACCOUNTBALANCE');
    expect(calls).toBe(1);
    s.insert('CLASS', { CLASSID: 'A', NAME: 'a' });
    expect(s.list('GLACCOUNTBALANCE')[0]?.PERIOD).toBe('v1');
    expect(s.get('GLACCOUNTBALANCE', 1)?.PERIOD).toBe('v1');
    expect(calls).toBe(2);
  });

  it('knows its entities, the top level and their currencies', () => {
    const s = emptyStore();
    expect(s.entities.map((e) => e.id)).toEqual(['', 'US1', 'UK1']);
    expect(s.entityList.map((e) => e.id)).toEqual(['US1', 'UK1']);
    expect(s.baseCurrency('UK1')).toBe('GBP');
    expect(s.baseCurrency(null)).toBe('USD');
    expect(s.entity('XX')).toBeUndefined();
  });
});
