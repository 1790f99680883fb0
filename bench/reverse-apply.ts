/**
 * Reverse ETL apply at 200 ms per request: `push` sending 50 functions per request (the default)
 * against one function per request, on the same records (N timesheet journal entries in one entity,
 * each looked up by its reference before it is created). Run: `npx tsx bench/reverse-apply.ts [N]`.
 */
import { pathToFileURL } from 'node:url';
import { flowByName } from '../src/reverse/flows/index.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { appendSeed, projectCopy, pushOnce, reverseWorld } from '../test/support/reverse-harness.ts';

export async function run(n = 100): Promise<string> {
  const sb = await startSandbox({ seed: 1, scale: 0.05 });
  const dir = projectCopy();
  const lines: string[] = [];
  for (let i = 1; i <= n; i++) {
    const batch = `TS-BENCH-${String(i).padStart(4, '0')}`;
    lines.push(`${batch},${batch}-1,US,W1001,IMPL-ACME,BUILD,2026-11-0${1 + (i % 9)},${1 + (i % 8)}.5,85.00`);
  }
  appendSeed(dir, 'timesheet_export', lines);
  const world = await reverseWorld(sb, dir);
  const flows = [flowByName('timesheet-costs')!];
  try {
    sb.setFaults({ latencyMs: 200 });
    const rows = [
      '| apply | functions per request | records posted | HTTP requests | functions | seconds | records/s |',
      '|---|---:|---:|---:|---:|---:|---:|',
    ];
    const results: { batch: number; seconds: number }[] = [];
    for (const batchSize of [50, 1]) {
      // Fresh keys and a fresh ledger for each run: the second run posts everything again (and does
      // not reverse the first run's entries, which left the model).
      await world.warehouse.query('DELETE FROM intacct_raw._elt_reverse_ledger');
      await world.warehouse.query(
        `UPDATE analytics_seeds.timesheet_export SET batch_id = regexp_replace(batch_id, '~.*$', '') || '~b${batchSize}'`,
      );
      sb.resetStats();
      const t = performance.now();
      const report = await pushOnce(world, { flows, batchSize });
      const seconds = (performance.now() - t) / 1000;
      const applied = report.flows[0]?.applied;
      const stats = sb.stats();
      const requests = stats.gatewayRequests;
      const functions = Object.values(stats.byFunction).reduce((a, b) => a + b, 0);
      results.push({ batch: batchSize, seconds });
      rows.push(
        `| ${batchSize === 1 ? 'one function per request' : 'batched (default)'} | ${batchSize} | ${applied?.posted ?? 0} | ${requests} | ${functions} | ${seconds.toFixed(1)} | ${((applied?.posted ?? 0) / seconds).toFixed(1)} |`,
      );
    }
    const [batched, single] = results;
    return [
      `Posting ${n + 2} project-cost journal entries (timesheet-costs flow, entity US1) with a lookup by reference before each create; sandbox latency 200 ms per request. Functions include the lookups (one query per batch, or per record) and session logins.`,
      '',
      ...rows,
      '',
      `Batched is ${(single!.seconds / batched!.seconds).toFixed(1)}× faster.`,
    ].join('\n');
  } finally {
    await world.warehouse.close();
    await sb.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await run(Number(process.argv[2] ?? 100)));
}
