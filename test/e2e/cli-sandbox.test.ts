import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { main } from '../../src/cli/main.ts';
import { type RunningSandbox, UNAUTHORIZED_SENDER_ID, startSandbox } from '../../src/sandbox/index.ts';

/** The job commands end to end through the CLI router, against the sandbox over HTTP. */
describe('job commands against the sandbox', () => {
  let sandbox: RunningSandbox;
  let cwd: string;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.02, seed: 4 });
    cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-cli-'));
    const c = sandbox.credentials;
    writeFileSync(
      join(cwd, 'intacct-elt.config.yaml'),
      [
        'intacct:',
        `  senderId: ${c.senderId}`,
        `  companyId: ${c.companyId}`,
        `  userId: ${c.userId}`,
        `  endpointUrl: ${sandbox.url}`,
        `  timezone: ${sandbox.store.timezone}`,
        'warehouse:',
        '  type: duckdb',
        '  path: books.duckdb',
        'sync:',
        '  safetyLagSeconds: 0',
      ].join('\n'),
    );
    env = {
      INTACCT_SENDER_PASSWORD: c.senderPassword,
      INTACCT_USER_PASSWORD: c.userPassword,
      INTACCT_ELT_LOG_LEVEL: 'error',
    };
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  async function run(args: string[], extraEnv: NodeJS.ProcessEnv = {}) {
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(args, { stdout, stderr, env: { ...env, ...extraEnv }, cwd });
    return { code, stdout: stdout.text, stderr: stderr.text };
  }

  it('check lists the entities and the readable objects', async () => {
    const { code, stdout } = await run(['check', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      ok: boolean;
      entities: { id: string }[];
      objects: { object: string; readable: boolean }[];
    };
    expect(report.ok).toBe(true);
    expect(report.entities.map((e) => e.id).sort()).toEqual(['DE1', 'UK1', 'US1']);
    expect(report.objects.find((o) => o.object === 'AUDITHISTORY')?.readable).toBe(true);
  });

  it('check explains an unauthorized sender, without leaking the password', async () => {
    const { code, stdout, stderr } = await run(['check'], { INTACCT_SENDER_ID: UNAUTHORIZED_SENDER_ID });
    expect(code).toBe(1);
    expect(stdout + stderr).toMatch(/authoriz/i);
    expect(stdout + stderr).not.toContain(sandbox.credentials.senderPassword);
  });

  it('sync, status and a no-change sync report what they did', async () => {
    const first = await run(['sync', '--json']);
    expect(first.code).toBe(0);
    const report = JSON.parse(first.stdout) as {
      status: string;
      objects: { object: string; inserted: number }[];
    };
    expect(report.status).toBe('succeeded');
    expect(report.objects.find((o) => o.object === 'GLDETAIL')?.inserted).toBeGreaterThan(100);
    const status = await run(['status', '--json']);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('GLDETAIL');
    const second = await run(['sync']);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('sync succeeded');
  });

  it('run syncs, builds, ties out and publishes; broken books make models test exit 3', async () => {
    const ok = await run(['run']);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/PASS ties_out_trial_balance_tie_out/);
    expect(ok.stdout).not.toMatch(/^(ERR|FAIL|SKIP) /m);
    expect(existsSync(join(cwd, 'books.bi.duckdb'))).toBe(true);
    expect(existsSync(join(cwd, 'books-parquet', 'trial_balance.parquet'))).toBe(true);
    // A line that unbalances its batch, written as a faulty load would.
    const instance = await DuckDBInstance.create(join(cwd, 'books.duckdb'));
    const connection = await instance.connect();
    await connection.run(
      `insert into intacct_raw.gl_detail (record_no, batchkey, batch_date, accountno, tr_type, amount, debitamount,
              creditamount, bookid, _entity, _load_id, _loaded_at)
       select 990000001, batchkey, batch_date, accountno, 1, 5, 5, 0, bookid, _entity, 'test', now()
         from intacct_raw.gl_detail order by record_no limit 1`,
    );
    connection.closeSync();
    instance.closeSync();
    const build = await run(['models', 'build', '--select', 'fct_gl_entry']);
    expect(build.code).toBe(0);
    const test = await run(['models', 'test']);
    expect(test.code).toBe(3);
    expect(test.stdout).toMatch(
      /FAIL balanced_batches_fct_gl_entry\n +test balanced_batches_fct_gl_entry failed on fct_gl_entry: 1 offending row/,
    );
  });
});
