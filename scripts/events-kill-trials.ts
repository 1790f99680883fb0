/**
 * Kills `intacct-elt events serve` (a real child process, SIGKILL) at random points of a batch and
 * starts it again, then checks that every event it had acknowledged is in the sandbox exactly once.
 * Each trial delivers 12 Salesforce Closed-Won callouts (24 records: customers and invoices).
 *   npx tsx scripts/events-kill-trials.ts [trials=5] [seed=7]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { silentLogger } from '../src/core/logger.ts';
import { EventQueue } from '../src/events/queue.ts';
import { Ledger } from '../src/reverse/ledger.ts';
import { CLOSED_THROUGH } from '../src/sandbox/generator.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { deliver, SECRETS, salesforceClosedWon } from '../test/support/events-harness.ts';
import { PROJECT_DIR, reverseWorld } from '../test/support/reverse-harness.ts';

const trials = Number(process.argv[2] ?? 5);
let state = Number(process.argv[3] ?? 7);
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const BIN = resolve(import.meta.dirname, '../bin/intacct-elt.js');

const sandbox = await startSandbox({ seed: 5, scale: 0.05, latencyMs: 15 });
const world = await reverseWorld(sandbox);
await world.warehouse.close();
if (world.config.warehouse.type !== 'duckdb') throw new Error('DuckDB only');
const configPath = join(resolve(world.config.warehouse.path, '..'), 'events.config.json');
const c = sandbox.credentials;
writeFileSync(
  configPath,
  JSON.stringify({
    intacct: {
      senderId: c.senderId,
      companyId: c.companyId,
      userId: c.userId,
      endpointUrl: sandbox.url,
      timezone: sandbox.store.timezone,
    },
    warehouse: world.config.warehouse,
    reverse: { batchSize: 4, closedThrough: CLOSED_THROUGH },
    events: { port: 0, debounceMs: 300, leaseSeconds: 2, retryBaseSeconds: 0.2 },
  }),
);
const env = {
  PATH: process.env.PATH ?? '',
  INTACCT_SENDER_PASSWORD: c.senderPassword,
  INTACCT_USER_PASSWORD: c.userPassword,
  SALESFORCE_WEBHOOK_SECRET: SECRETS.salesforceSecret,
  INTACCT_ELT_LOG_LEVEL: 'error',
};

function serve(): Promise<{ child: ChildProcess; url: string; exited: Promise<number | null> }> {
  const child = spawn(
    process.execPath,
    [BIN, 'events', 'serve', '-c', configPath, '--project', PROJECT_DIR],
    {
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  return new Promise((ok, fail) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) ok({ child, url: m[1]!, exited });
    });
    void exited.then((code) => fail(new Error(`events serve exited ${code}`)));
  });
}

const lines: string[] = [];
let bad = 0;
for (let t = 1; t <= trials; t++) {
  const first = await serve();
  const opps = Array.from({ length: 12 }, (_, i) => `006T${t}${String(i).padStart(5, '0')}`);
  const before = sandbox.stats().gatewayRequests;
  for (const [i, opp] of opps.entries()) {
    const body = salesforceClosedWon({
      eventId: `sf-${opp}`,
      opportunityId: opp,
      accountId: `001T${t}${String(i).padStart(5, '0')}`,
      amount: '250.00',
      closeDate: '2026-11-12',
      occurredAt: '2026-11-12T10:00:00Z',
    });
    if ((await deliver(first.url, 'salesforce', body)).status !== 200) throw new Error('refused');
  }
  // A batch of 12 Closed-Won events is about 12 requests (4 records per request, each after a lookup).
  const killAt = 1 + Math.floor(random() * 11);
  await new Promise<void>((done) => {
    const watch = setInterval(() => {
      if (sandbox.stats().gatewayRequests - before >= killAt) {
        clearInterval(watch);
        first.child.kill('SIGKILL');
        done();
      }
    }, 1);
  });
  const code = await first.exited;
  const answered = sandbox.stats().gatewayRequests - before;
  const invoicesAtKill = opps.filter(
    (o) => sandbox.store.lookup('ARINVOICE', 'RECORDID', `SO-${o}`).length > 0,
  ).length;
  const second = await serve();
  for (let h = { queued: 1, waiting: 0 }; h.queued + h.waiting > 0; ) {
    await new Promise((r) => setTimeout(r, 200));
    h = (await (await fetch(`${second.url}/health`)).json()) as { queued: number; waiting: number };
  }
  second.child.kill('SIGTERM');
  const secondCode = await second.exited;
  const w = await openWarehouse(world.config.warehouse, world.config.schemas, silentLogger);
  const ledger = new Ledger(w, world.config.schemas.raw);
  const dead = (await new EventQueue(w, world.config.schemas.raw).deadEvents()).length;
  const entries = (await ledger.all()).filter((e) => e.externalKey.includes(`T${t}`));
  await w.close();
  let once = 0;
  for (const [i, opp] of opps.entries()) {
    for (const [object, field, key] of [
      ['ARINVOICE', 'RECORDID', `SO-${opp}`],
      ['CUSTOMER', 'CUSTOMERID', `SF-001T${t}${String(i).padStart(5, '0')}`],
    ] as const) {
      const n = sandbox.store.lookup(object, field, key).length;
      const posted = entries.some((e) => e.externalKey === key && e.status === 'posted');
      if (n === 1 && posted) once++;
      else {
        bad++;
        console.error(`trial ${t}: ${key}: ${n} in Intacct, ledger posted: ${posted}`);
      }
    }
  }
  lines.push(
    `| ${t} | request ${killAt} | ${code === null ? 'killed' : `exited ${code}`} | ${answered} | ${invoicesAtKill} of 12 | exit ${secondCode} | ${dead} | ${once} of 24 |`,
  );
}
await sandbox.close();
console.log(
  '| trial | SIGKILL after | first serve | requests answered by the kill | invoices in Intacct at the kill | restarted serve (SIGTERM) | dead letters | records exactly once |',
);
console.log('|---:|---:|---|---:|---:|---|---:|---:|');
for (const l of lines) console.log(l);
console.log(
  bad === 0
    ? '\nEvery acknowledged event of every trial is in Intacct exactly once.'
    : `\n${bad} records NOT exactly once.`,
);
process.exitCode = bad === 0 ? 0 : 1;
