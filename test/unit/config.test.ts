import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.ts';
import { ConfigError } from '../../src/core/errors.ts';

function dir(files: Record<string, string>): string {
  const d = mkdtempSync(join(tmpdir(), 'intacct-elt-config-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(d, name), text);
  return d;
}

const SECRETS = { INTACCT_SENDER_PASSWORD: 'sender-pw-123', INTACCT_USER_PASSWORD: 'user-pw-456' };

const GOOD_YAML = `
intacct:
  senderId: acme-sender
  companyId: ACME
  userId: ws_user
  timezone: America/Chicago
  entities: [US1, UK1]
warehouse:
  type: duckdb
  path: books.duckdb
`;

function problemsOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config loading', () => {
  it('reads the file, applies the environment and fills defaults', () => {
    const cwd = dir({ 'intacct-elt.config.yaml': GOOD_YAML });
    const { config, sources } = loadConfig({ env: { ...SECRETS, INTACCT_CONCURRENCY: '4' }, cwd });
    expect(config.intacct.senderPassword).toBe('sender-pw-123');
    expect(config.intacct.concurrency).toBe(4);
    expect(config.intacct.pageSize).toBe(1000);
    expect(config.warehouse).toEqual({ type: 'duckdb', path: 'books.duckdb' });
    expect(config.schemas.raw).toBe('intacct_raw');
    expect(sources.get('intacct.concurrency')).toBe('environment variable INTACCT_CONCURRENCY');
    expect(sources.get('intacct.companyId')).toMatch(/intacct-elt\.config\.yaml$/);
  });

  it('takes --config and JSON files', () => {
    const cwd = dir({
      'other.json': JSON.stringify({
        intacct: { senderId: 's', companyId: 'C', userId: 'u', timezone: 'UTC' },
      }),
    });
    const { config, file } = loadConfig({ argvConfigPath: 'other.json', env: SECRETS, cwd });
    expect(file).toMatch(/other\.json$/);
    expect(config.intacct.timezone).toBe('UTC');
  });

  it('reads secrets from a file whose path is in the config', () => {
    const cwd = dir({
      'intacct-elt.config.yaml': `${GOOD_YAML.replace('userId: ws_user', 'userId: ws_user\n  userPasswordFile: user.secret\n  senderPasswordFile: sender.secret')}`,
      'user.secret': 'from-file-pw\n',
      'sender.secret': 'sender-file-pw',
    });
    const { config } = loadConfig({ env: {}, cwd });
    expect(config.intacct.userPassword).toBe('from-file-pw');
    expect(config.intacct.senderPassword).toBe('sender-file-pw');
  });

  it('refuses inline secrets and reports every problem at once with its source', () => {
    const cwd = dir({
      'intacct-elt.config.yaml': `
intacct:
  senderId: acme-sender
  senderPassword: do-not-commit-me
  companyId: ACME
  userId: ws_user
  timezone: Mars/Olympus_Mons
  pageSize: 5000
warehouse:
  type: duckdb
schemas:
  raw: Raw-Data
`,
    });
    const problems = problemsOf(() =>
      loadConfig({
        env: { INTACCT_USER_PASSWORD: 'x1234', INTACCT_ENDPOINT_URL: 'http://api.example.com/x' },
        cwd,
      }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        'intacct.endpointUrl',
        'intacct.pageSize',
        'intacct.senderPassword',
        'intacct.timezone',
        'schemas.raw',
      ].sort(),
    );
    expect(byPath['intacct.senderPassword']?.message).toMatch(/INTACCT_SENDER_PASSWORD/);
    expect(byPath['intacct.endpointUrl']?.source).toBe('environment variable INTACCT_ENDPOINT_URL');
    expect(byPath['intacct.timezone']?.source).toMatch(/intacct-elt\.config\.yaml$/);
    expect(JSON.stringify(problems)).not.toContain('do-not-commit-me');
  });

  it('reports a missing --config file and unknown keys', () => {
    expect(
      problemsOf(() => loadConfig({ argvConfigPath: 'nope.yaml', env: {}, cwd: dir({}) }))[0]?.source,
    ).toBe('--config');
    const cwd = dir({
      'intacct-elt.config.yaml': `${GOOD_YAML.replace('  userId: ws_user', '  userId: ws_user\n  userID: typo')}\nsyncc: {}\n`,
    });
    const problems = problemsOf(() => loadConfig({ env: SECRETS, cwd }));
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p]));
    expect(byPath.syncc?.message).toBe('unknown key syncc');
    expect(byPath['intacct.userID']?.message).toBe('unknown key userID in intacct');
    for (const p of problems) {
      expect(p.source).toMatch(/intacct-elt\.config\.yaml$/);
      expect(p.source).not.toMatch(/missing/);
    }
  });

  it('says which type a wrongly typed value should have, and where it came from', () => {
    const cwd = dir({
      'intacct-elt.config.yaml': GOOD_YAML.replace(
        '  userId: ws_user',
        '  userId: ws_user\n  concurrency: lots',
      ),
    });
    const [fromFile] = problemsOf(() => loadConfig({ env: SECRETS, cwd }));
    expect(fromFile?.path).toBe('intacct.concurrency');
    expect(fromFile?.message).toBe('must be a number, not "lots"');
    expect(fromFile?.source).toMatch(/intacct-elt\.config\.yaml$/);
    const [fromEnv] = problemsOf(() =>
      loadConfig({
        env: { ...SECRETS, INTACCT_PAGE_SIZE: 'many' },
        cwd: dir({ 'intacct-elt.config.yaml': GOOD_YAML }),
      }),
    );
    expect(fromEnv?.message).toMatch(/must be a number/);
    expect(fromEnv?.source).toBe('environment variable INTACCT_PAGE_SIZE');
    // Other types are named the same way.
    const secretCwd = dir({
      'intacct-elt.config.yaml': GOOD_YAML.replace('  userId: ws_user', '  userId: 12345'),
    });
    const [wrongId] = problemsOf(() => loadConfig({ env: SECRETS, cwd: secretCwd }));
    expect(wrongId?.message).toBe('must be a string, not 12345');
  });

  it('accepts http only for a loopback sandbox', () => {
    const cwd = dir({ 'intacct-elt.config.yaml': GOOD_YAML });
    const { config } = loadConfig({
      env: { ...SECRETS, INTACCT_ENDPOINT_URL: 'http://127.0.0.1:8080/ia/xml/xmlgw.phtml' },
      cwd,
    });
    expect(config.intacct.endpointUrl).toContain('127.0.0.1');
  });
});
