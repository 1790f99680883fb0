import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';
import { redactString } from '../../src/core/redact.ts';

const INTACCT = { INTACCT_SENDER_PASSWORD: 'sender-pw-123', INTACCT_USER_PASSWORD: 'user-pw-456' };

function configDir(warehouse: string, files: Record<string, string> = {}): string {
  const d = mkdtempSync(join(tmpdir(), 'intacct-elt-sf-config-'));
  writeFileSync(
    join(d, 'intacct-elt.config.yaml'),
    `intacct:\n  senderId: s\n  companyId: C\n  userId: u\n  timezone: UTC\nwarehouse:\n${warehouse}`,
  );
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

function problems(cwd: string, env: Record<string, string>) {
  try {
    loadConfig({ cwd, env: { ...INTACCT, ...env } });
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.message}`);
    throw error;
  }
  return [];
}

const BASE = '  type: snowflake\n  account: myorg-acct1\n  username: loader\n  database: FINANCE\n';

describe('warehouse.type: snowflake config', () => {
  it('takes the password from the environment and registers it as a secret', () => {
    const { config } = loadConfig({
      cwd: configDir(BASE),
      env: { ...INTACCT, SNOWFLAKE_PASSWORD: 'sf-pw-789' },
    });
    expect(config.warehouse).toMatchObject({
      type: 'snowflake',
      account: 'myorg-acct1',
      password: 'sf-pw-789',
      stageConcurrency: 4,
    });
    expect(redactString('login failed for sf-pw-789')).not.toContain('sf-pw-789');
  });

  it('takes a private key from a file for key-pair authentication', () => {
    const cwd = configDir(`${BASE}  privateKeyFile: key.p8\n`, {
      'key.p8': '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----\n',
    });
    const { config } = loadConfig({ cwd, env: INTACCT });
    expect(config.warehouse).toMatchObject({
      privateKey: '-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----',
    });
  });

  it('needs a password or a private key, not both, and never in the file', () => {
    expect(problems(configDir(BASE), {})).toEqual([
      expect.stringMatching(/^warehouse.password: is required: set SNOWFLAKE_PASSWORD/),
    ]);
    expect(problems(configDir(BASE), { SNOWFLAKE_PASSWORD: 'p', SNOWFLAKE_PRIVATE_KEY: 'k' })).toEqual([
      'warehouse.privateKey: give either a password or a private key, not both',
    ]);
    expect(problems(configDir(`${BASE}  password: inline\n`), { SNOWFLAKE_PASSWORD: 'p' })).toEqual([
      expect.stringMatching(/^warehouse.password: secrets may not be written in the config file/),
    ]);
  });

  it('accepts plain http only for a loopback emulator, and a well-formed account', () => {
    expect(
      problems(configDir(`${BASE}  accessUrl: http://127.0.0.1:8085\n`), { SNOWFLAKE_PASSWORD: 'p' }),
    ).toEqual([]);
    expect(
      problems(configDir(`${BASE}  accessUrl: http://snowflake.example.com\n`), { SNOWFLAKE_PASSWORD: 'p' }),
    ).toEqual(['warehouse.accessUrl: must use https (plain http is accepted only for a loopback emulator)']);
    expect(
      problems(configDir(BASE.replace('myorg-acct1', 'bad account')), { SNOWFLAKE_PASSWORD: 'p' }),
    ).toEqual([expect.stringMatching(/^warehouse.account: must be an account identifier/)]);
  });
});
