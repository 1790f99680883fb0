/**
 * Kills `intacct-elt push` (a real child process, SIGKILL) at random moments and runs it again, then
 * checks that every record is in the sandbox exactly once. Each trial gives the seed records new keys.
 *   npx tsx scripts/push-kill-trials.ts [trials=10] [seed=7]
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { silentLogger } from '../src/core/logger.ts';
import { flowByName } from '../src/reverse/flows/index.ts';
import { Ledger } from '../src/reverse/ledger.ts';
import { CLOSED_THROUGH } from '../src/sandbox/generator.ts';
import { startSandbox } from '../src/sandbox/index.ts';
import { openWarehouse } from '../src/warehouse/open-warehouse.ts';
import { projectCopy, reverseWorld } from '../test/support/reverse-harness.ts';

const trials = Number(process.argv[2] ?? 10);
let state = Number(process.argv[3] ?? 7);
const random = () => {
  state = (state * 1103515245 + 12345) % 2 ** 31;
  return state / 2 ** 31;
};
const BIN = resolve(import.meta.dirname, '../bin/intacct-elt.js');
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

const sandbox = await startSandbox({ seed: 1, scale: 0.05, latencyMs: 20 });
const dir = projectCopy();
const world = await reverseWorld(sandbox, dir);
await world.warehouse.close();
const cwd = resolve(dir, '..');
const configPath = join(cwd, 'intacct-elt.config.json');
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
    reverse: { batchSize: 10, closedThrough: CLOSED_THROUGH },
  }),
);
const env = {
  ...process.env,
  INTACCT_SENDER_PASSWORD: c.senderPassword,
  INTACCT_USER_PASSWORD: c.userPassword,
  INTACCT_ELT_LOG_LEVEL: 'error',
};

/** Runs push; with `killAtRequest`, SIGKILLs it once the sandbox has answered that many requests. */
function pushProcess(killAtRequest: number | null): Promise<{ code: number | null; killed: boolean }> {
  const start = sandbox.stats().gatewayRequests;
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'push', '-c', configPath, '--project', dir], {
      cwd,
      env,
      stdio: 'ignore',
    });
    let killed = false;
    const timer =
      killAtRequest === null
        ? null
        : setInterval(() => {
            if (sandbox.stats().gatewayRequests - start >= killAtRequest) killed = child.kill('SIGKILL');
          }, 2);
    child.on('exit', (code) => {
      if (timer) clearInterval(timer);
      done({ code, killed });
    });
  });
}

const lines: string[] = [];
let bad = 0;
for (let t = 1; t <= trials; t++) {
  const w = await openWarehouse(world.config.warehouse, world.config.schemas, silentLogger);
  for (const [table, columns] of KEYED) {
    const set = columns.map((col) => `${col} = regexp_replace(${col}, '~.*$', '') || '~x${t}'`).join(', ');
    await w.query(`UPDATE analytics_seeds.${table} SET ${set}`);
  }
  await w.close();
  const before = sandbox.stats().gatewayRequests;
  // A whole push is about 30 requests at 10 functions each; kill somewhere inside it.
  const killAt = 1 + Math.floor(random() * 28);
  const first = await pushProcess(killAt);
  const sentBeforeKill = sandbox.stats().gatewayRequests - before;
  const second = await pushProcess(null);
  const check = await openWarehouse(world.config.warehouse, world.config.schemas, silentLogger);
  const entries = (await new Ledger(check, world.config.schemas.raw).all()).filter((e) =>
    e.externalKey.includes(`~x${t}`),
  );
  await check.close();
  let once = 0;
  for (const e of entries) {
    const flow = flowByName(e.flow)!;
    const n = sandbox.store.lookup(flow.lookup.object, flow.lookup.field, e.externalKey).length;
    if (e.status === 'posted' && n === 1) once++;
    else {
      bad++;
      console.error(`trial ${t}: ${e.flow} ${e.externalKey} status ${e.status}, ${n} in Intacct`);
    }
  }
  lines.push(
    `| ${t} | request ${killAt} | ${first.killed ? 'killed' : `exited ${first.code}`} | ${sentBeforeKill} | exit ${second.code} | ${entries.length} | ${once} |`,
  );
}
await sandbox.close();
console.log(
  '| trial | SIGKILL at | first push | requests answered before the kill | rerun | ledger records | posted exactly once |',
);
console.log('|---:|---:|---|---:|---|---:|---:|');
for (const l of lines) console.log(l);
console.log(
  bad === 0
    ? '\nEvery record of every trial is in Intacct exactly once.'
    : `\n${bad} records NOT exactly once.`,
);
process.exitCode = bad === 0 ? 0 : 1;
