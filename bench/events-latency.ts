/**
 * Events: time from an event's receipt (its POST to `events serve`) to its record posted in Intacct
 * (found in the sandbox by its reference), at 200 ms per Intacct request: single events one at a
 * time, then a burst of 1,000 delivered at once. Run: `npx tsx bench/events-latency.ts [burst]`.
 */
import { pathToFileURL } from 'node:url';
import pLimit from 'p-limit';
import { createLogger, silentLogger } from '../src/core/logger.ts';
import { seedRelations } from '../src/events/landing.ts';
import { startEventService } from '../src/events/service.ts';
import { flowByName } from '../src/reverse/flows/index.ts';
import { CLOSED_THROUGH } from '../src/sandbox/generator.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { deliver, payrollFinalized, SECRETS, salesforceClosedWon } from '../test/support/events-harness.ts';
import { PROJECT_DIR, reverseWorld } from '../test/support/reverse-harness.ts';
import { clientOf } from '../test/support/sync-harness.ts';

function quantile(sorted: readonly number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i] ?? Number.NaN;
}

const fmt = (ms: number) => (ms / 1000).toFixed(2);

export async function run(burst = 1000, singles = Number(process.env.BENCH_SINGLES ?? 20)): Promise<string> {
  const sb = await startSandbox({ seed: 1, scale: 0.05 });
  const world = await reverseWorld(sb);
  const config = { ...world.config, events: { ...world.config.events, ...SECRETS } };
  const client = clientOf(config);
  const stop = new AbortController();
  const service = await startEventService({
    config,
    warehouse: world.warehouse,
    client,
    relationOf: world.relationOf,
    tables: seedRelations(config, PROJECT_DIR),
    reverse: { batchSize: config.reverse.batchSize, closedThrough: CLOSED_THROUGH, approvalThreshold: null },
    // BENCH_LOG=1 shows each worker batch with its phase timings.
    logger: process.env.BENCH_LOG ? createLogger({ level: 'info', format: 'json' }) : silentLogger,
    stop: stop.signal,
    port: 0,
  });
  const posted = (flow: string, key: string) => {
    const f = flowByName(flow)!;
    return sb.store.lookup(f.lookup.object, f.lookup.field, key).length > 0;
  };
  /** Receipt → posted, per key, polling the sandbox every 5 ms. */
  const timeToPosted = async (flow: string, keys: readonly string[], send: () => Promise<void>) => {
    const started = performance.now();
    const pending = new Set(keys);
    const at = new Map<string, number>();
    const sent = send();
    while (pending.size > 0) {
      for (const k of pending)
        if (posted(flow, k)) {
          at.set(k, performance.now() - started);
          pending.delete(k);
        }
      if (performance.now() - started > 300_000) throw new Error(`not posted after 300 s: ${pending.size}`);
      await new Promise((r) => setTimeout(r, 5));
    }
    await sent;
    return keys.map((k) => at.get(k)!);
  };
  try {
    sb.setFaults({ latencyMs: 200 });
    const rows = [
      '| events | what is posted | p50 s | p95 s | max s | Intacct requests |',
      '|---|---|---:|---:|---:|---:|',
    ];
    // Single events, one at a time: a payroll run → its journal entry; a Closed-Won → its invoice
    // (after its customer: two flows, four requests).
    const single = async (
      label: string,
      flow: string,
      make: (i: number) => { key: string; send: () => Promise<void> },
    ) => {
      const times: number[] = [];
      sb.resetStats();
      for (let i = 0; i < singles; i++) {
        const e = make(i);
        times.push(...(await timeToPosted(flow, [e.key], e.send)));
      }
      times.sort((a, b) => a - b);
      rows.push(
        `| ${singles} single, one at a time | ${label} | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.95))} | ${fmt(times.at(-1)!)} | ${(sb.stats().gatewayRequests / singles).toFixed(1)} per event |`,
      );
    };
    const payroll = (i: number, tag: string) => {
      const runId = `PR-BENCH-${tag}-${String(i).padStart(4, '0')}`;
      const body = payrollFinalized({
        eventId: runId,
        runId,
        payDate: '2026-11-15',
        occurredAt: '2026-11-15T18:00:00Z',
      });
      return {
        key: `${runId}-ACME-US`,
        send: async () => {
          const r = await deliver(service.url, 'payroll', body);
          if (r.status !== 200) throw new Error(`payroll event refused: ${JSON.stringify(r.json)}`);
        },
      };
    };
    await single('payroll.finalized → GLBATCH (payroll-journal)', 'payroll-journal', (i) => payroll(i, 'S'));
    await single(
      'Closed-Won → CUSTOMER then ARINVOICE (crm-customers, crm-invoices)',
      'crm-invoices',
      (i) => {
        const opp = `006B${String(i).padStart(6, '0')}`;
        const body = salesforceClosedWon({
          eventId: `sf-${opp}`,
          opportunityId: opp,
          accountId: `001B${String(i).padStart(6, '0')}`,
          amount: '990.00',
          closeDate: '2026-11-12',
          occurredAt: '2026-11-12T10:00:00Z',
        });
        return {
          key: `SO-${opp}`,
          send: async () => {
            const r = await deliver(service.url, 'salesforce', body);
            if (r.status !== 200) throw new Error(`salesforce event refused: ${JSON.stringify(r.json)}`);
          },
        };
      },
    );
    // The burst: every event delivered at once (50 connections), batched by the worker.
    sb.resetStats();
    const events = Array.from({ length: burst }, (_, i) => payroll(i, 'B'));
    const limit = pLimit(50);
    const started = performance.now();
    const times = await timeToPosted(
      'payroll-journal',
      events.map((e) => e.key),
      async () => {
        await Promise.all(events.map((e) => limit(e.send)));
      },
    );
    const wall = performance.now() - started;
    times.sort((a, b) => a - b);
    rows.push(
      `| burst of ${burst}, delivered at once | payroll.finalized → GLBATCH | ${fmt(quantile(times, 0.5))} | ${fmt(quantile(times, 0.95))} | ${fmt(times.at(-1)!)} | ${sb.stats().gatewayRequests} in all |`,
    );
    return [
      `Receipt (the POST to \`events serve\`, signed) to the record found in the sandbox, with 200 ms per Intacct request, debounce ${config.events.debounceMs} ms, ${config.reverse.batchSize} functions per request. Each posting is looked up by its reference first (exactly once).`,
      '',
      ...rows,
      '',
      `The burst of ${burst} was all posted ${fmt(wall)} s after its first delivery (${(burst / (wall / 1000)).toFixed(0)} events/s).`,
    ].join('\n');
  } finally {
    stop.abort();
    await service.close();
    await client.close();
    await world.warehouse.close();
    await sb.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run(Number(process.argv[2] ?? 1000)));
}
