import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const BIN = resolve(import.meta.dirname, '../../bin/intacct-elt.js');
const EXAMPLE = resolve(import.meta.dirname, '../../intacct-elt.config.example.yaml');

async function cli(args: string[], env: Record<string, string> = {}, cwd = tmpdir()) {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('the intacct-elt binary', () => {
  it('prints help listing the commands and exit codes', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('config check');
    expect(stdout).toContain('Exit codes');
  });

  it('prints help for a command', async () => {
    const { code, stdout } = await cli(['config', 'check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('--config PATH');
  });

  it('checks the sample config with secrets from the environment', async () => {
    const { code, stdout, stderr } = await cli(['config', 'check', '--config', EXAMPLE], {
      INTACCT_SENDER_PASSWORD: 'sample-sender-secret',
      INTACCT_USER_PASSWORD: 'sample-user-secret',
    });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('intacct.companyId = "MYCOMPANY"');
    expect(stdout).toContain('[redacted]');
    expect(stdout).not.toContain('sample-user-secret');
  });

  it('reports all three problems of a broken config, exit code 2, no stack trace', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'intacct-elt-cli-'));
    writeFileSync(
      join(cwd, 'broken.yaml'),
      [
        'intacct:',
        '  senderId: s',
        '  companyId: C',
        '  userId: u',
        '  timezone: Not/AZone', // 1: bad time zone
        '  concurrency: 0', // 2: out of range
        'warehouse:',
        '  type: oracle', // 3: unknown warehouse
      ].join('\n'),
    );
    const { code, stdout, stderr } = await cli(
      ['config', 'check', '--config', 'broken.yaml'],
      {
        INTACCT_SENDER_PASSWORD: 'x-secret-1',
        INTACCT_USER_PASSWORD: 'x-secret-2',
      },
      cwd,
    );
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('3 problems');
    expect(stderr).toContain('intacct.timezone');
    expect(stderr).toContain('intacct.concurrency');
    expect(stderr).toContain('warehouse.type');
    expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('rejects an unknown command and unknown options with exit code 2', async () => {
    expect((await cli(['frobnicate'])).code).toBe(2);
    expect((await cli(['config', 'check', '--nope'])).code).toBe(2);
  });
});

describe('job commands refuse bad arguments before any network call', () => {
  it('names an unknown object and a bad date', async () => {
    const env = { INTACCT_SENDER_PASSWORD: 'x-secret-1', INTACCT_USER_PASSWORD: 'x-secret-2' };
    const objects = await cli(['sync', '--config', EXAMPLE, '--objects', 'GLDETAIL,NOPE'], env);
    expect(objects.code).toBe(2);
    expect(objects.stderr).toContain('unknown object NOPE');
    const dates = await cli(
      ['backfill', '--config', EXAMPLE, '--from', '2026-13-01', '--to', '2026-01-31'],
      env,
    );
    expect(dates.code).toBe(2);
    expect(dates.stderr).toContain('--from');
  });
});
