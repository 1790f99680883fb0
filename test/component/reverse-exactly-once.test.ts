import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrashPoint, CRASH_POINTS } from '../../src/reverse/apply.ts';
import { FLOWS, flowByName } from '../../src/reverse/flows/index.ts';
import { Ledger } from '../../src/reverse/ledger.ts';
import { CrashSignal } from '../../src/reverse/push.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { type ReverseWorld, pushOnce, reverseWorld } from '../support/reverse-harness.ts';
import { expectBatchesBalance, expectSubledgersTie } from '../unit/sandbox-invariants.ts';

// Exactly once under crashes and faults. Each trial gives every seed record new keys (a suffix), so
// each trial posts a fresh set of records into the same sandbox; then it checks that every ledger
// key of the trial is in Intacct exactly once.
let sandbox: RunningSandbox;
let world: ReverseWorld;
let ledger: Ledger;

beforeAll(async () => {
  sandbox = await startSandbox({ scale: 0.05, seed: 1 });
  world = await reverseWorld(sandbox);
  ledger = new Ledger(world.warehouse, world.config.schemas.raw);
});
afterAll(async () => {
  await world?.warehouse.close();
  await sandbox?.close();
});

/** Seed keys with a trial suffix: every record of every flow gets a new external key. */
const KEYED: readonly (readonly [string, readonly string[]])[] = [
  ['salesforce_account', ['id']],
  ['salesforce_opportunity', ['id', 'account_id']],
  ['salesforce_opportunity_line_item', ['opportunity_id']],
  ['stripe_payment_intent', ['metadata__opportunity_id']],
  ['stripe_charge', ['id']],
  ['chargebee_invoice', ['id']],
  ['adp_payroll_register', ['run_id']],
  ['timesheet_export', ['batch_id']],
  ['procurement_invoice', ['invoice_number']],
];

async function newKeys(trial: string): Promise<void> {
  for (const [table, columns] of KEYED) {
    const set = columns.map((c) => `${c} = regexp_replace(${c}, '~.*$', '') || '~${trial}'`).join(', ');
    await world.warehouse.query(`UPDATE analytics_seeds.${table} SET ${set}`);
  }
}

/** Every ledger key of the trial is posted, and Intacct holds each reference exactly once. */
async function expectExactlyOnce(trial: string, atLeast: number): Promise<number> {
  const entries = (await ledger.all()).filter((e) => e.externalKey.includes(`~${trial}`));
  expect(entries.length).toBeGreaterThanOrEqual(atLeast);
  for (const e of entries) {
    expect(e.status, `${e.flow} ${e.externalKey}: ${JSON.stringify(e.errors)}`).toBe('posted');
    const flow = flowByName(e.flow)!;
    const found = sandbox.store.lookup(flow.lookup.object, flow.lookup.field, e.externalKey);
    expect(found.length, `${e.flow} ${e.externalKey}`).toBe(1);
    expect(found[0]?.RECORDNO).toBe(e.intacctKey);
  }
  return entries.length;
}

/** A small seeded generator: the trials are the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('exactly once', () => {
  it('a push killed at a random point and run again posts every record once (10 trials)', async () => {
    // Every flow but the 64-entry subscription schedule (its corrections have their own test), small
    // batches so a crash can land between many requests.
    const flows = FLOWS.filter((f) => f.name !== 'subscription-revenue');
    const random = rng(20);
    const crashedAt: string[] = [];
    for (let trial = 1; trial <= 10; trial++) {
      await newKeys(`k${trial}`);
      const point: CrashPoint = CRASH_POINTS[Math.floor(random() * CRASH_POINTS.length)]!;
      const after = 1 + Math.floor(random() * 6);
      let seen = 0;
      const crash = (p: CrashPoint) => {
        if (p === point && ++seen === after) throw new CrashSignal(p);
      };
      let crashed = false;
      try {
        await pushOnce(world, { flows, batchSize: 4, crash });
      } catch (error) {
        if (!(error instanceof CrashSignal)) throw error;
        crashed = true;
        crashedAt.push(`${point}#${after}`);
      }
      const rerun = await pushOnce(world, { flows, batchSize: 4 });
      expect(rerun.flows.filter((f) => f.error)).toEqual([]);
      await expectExactlyOnce(`k${trial}`, 20);
      if (crashed) expect(rerun.items.some((i) => i.action === 'create')).toBe(true);
    }
    // The trials must have crashed, and at the points where it matters (after a write, before its ledger row).
    expect(crashedAt.length).toBeGreaterThanOrEqual(8);
    expect(crashedAt.some((c) => c.startsWith('after-write'))).toBe(true);
    expectBatchesBalance(sandbox.store);
    expectSubledgersTie(sandbox.store);
  });

  it('with 20% transient faults (lost replies included) and sessions expiring, every record is posted once', async () => {
    await newKeys('faults');
    sandbox.resetStats();
    sandbox.setFaults({
      transientRate: 0.2,
      transientMix: { reset: 1, truncate: 1, http502: 1, http503: 1, unavailable: 1 },
      sessionMaxAgeMs: 400,
      seed: 11,
    });
    try {
      const report = await pushOnce(world, { batchSize: 10 });
      // Rarely a request fails through every retry; its records are left for the next run.
      const left = report.flows.reduce((n, f) => n + (f.applied?.failed ?? 0), 0);
      if (left > 0) await pushOnce(world, { batchSize: 10 });
      const stats = sandbox.stats();
      expect(Object.values(stats.faultsInjected ?? {}).reduce((a, b) => a + b, 0)).toBeGreaterThan(5);
      expect(stats.faultsInjected?.reset ?? 0).toBeGreaterThan(0);
    } finally {
      sandbox.setFaults({ transientRate: 0, sessionMaxAgeMs: null });
    }
    expect(await expectExactlyOnce('faults', 80)).toBeGreaterThan(80);
    expectBatchesBalance(sandbox.store);
    expectSubledgersTie(sandbox.store);
  });
});
