import { describe, expect, it } from 'vitest';
import { generateActivity } from '../../src/sandbox/activity.ts';
import { generateCompany } from '../../src/sandbox/generator.ts';
import { storeDigest } from '../../src/sandbox/truth.ts';
import { expectBatchesBalance, expectSubledgersTie, expectTrialBalancesZero } from './sandbox-invariants.ts';

const options = { ms: 3 * 3_600_000, creates: 40, edits: 15, deletes: 6, seed: 5 };

describe('generateActivity', () => {
  it('adds, edits and deletes records inside the advanced window and keeps every invariant', () => {
    const store = generateCompany({ seed: 8, scale: 0.02 });
    const from = store.clock.now();
    const audits = store.count('AUDITHISTORY');
    const summary = generateActivity(store, options);

    expect(store.clock.now()).toBe(from + options.ms);
    expect(summary.fromMs).toBe(from);
    expect(summary.toMs).toBe(from + options.ms);
    const count = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);
    expect(count(summary.created) + count(summary.edited) + count(summary.deleted) + summary.skipped).toBe(
      61,
    );
    expect(summary.skipped).toBe(0);
    expect(count(summary.deleted)).toBe(6);
    expect(Object.keys(summary.created).length).toBeGreaterThanOrEqual(3);

    const inWindow = (stamp: string | null | undefined) => {
      const t = Date.parse(stamp ?? '');
      return t > from && t <= from + options.ms;
    };
    for (const c of summary.changes) {
      if (c.op === 'delete') {
        expect(store.get(c.object, c.recordNo), `${c.object} ${c.recordNo} still there`).toBeUndefined();
        continue;
      }
      const r = store.get(c.object, c.recordNo);
      if (!r) continue; // created, then deleted later in the same run
      expect(inWindow(r.WHENMODIFIED), `${c.op} ${c.object} ${c.recordNo} ${r.WHENMODIFIED}`).toBe(true);
    }
    const newAudits = store.list('AUDITHISTORY').slice(audits);
    expect(newAudits).toHaveLength(6);
    for (const a of newAudits) {
      expect(a.ACCESSMODE).toBe('D');
      expect(inWindow(a.ACCESSTIME)).toBe(true);
      const deleted = summary.changes.find((c) => c.op === 'delete' && `${c.recordNo}--REC` === a.OBJECTKEY);
      expect(deleted?.object.toLowerCase()).toBe(a.OBJECTTYPE);
    }

    expectBatchesBalance(store);
    expectSubledgersTie(store);
    expectTrialBalancesZero(store);
  });

  it('is deterministic for the same store and seed', () => {
    const a = generateCompany({ seed: 8, scale: 0.02 });
    const b = generateCompany({ seed: 8, scale: 0.02 });
    generateActivity(a, options);
    generateActivity(b, options);
    expect(storeDigest(a)).toBe(storeDigest(b));
    generateActivity(b, { ...options, seed: 6 });
    generateActivity(a, { ...options, seed: 7 });
    expect(storeDigest(a)).not.toBe(storeDigest(b));
  });

  it('with nothing to do only moves the clock', () => {
    const store = generateCompany({ seed: 8, scale: 0.02 });
    const digest = storeDigest(store);
    const summary = generateActivity(store, { ms: 60_000, creates: 0, edits: 0, deletes: 0, seed: 1 });
    expect(summary.changes).toHaveLength(0);
    expect(storeDigest(store)).toBe(digest);
  });
});
