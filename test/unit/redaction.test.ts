import { describe, expect, it } from 'vitest';
import { Capture } from '../support/capture.ts';
import { main } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config/load.ts';
import { ClassifiedError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SENDER_PW = 'Sender$ecret-9f2c';
const USER_PW = 'User&Pass<word>-77';
const SESSION = 'sess-abcdef123456';

function configDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'intacct-elt-redact-'));
  writeFileSync(
    join(d, 'intacct-elt.config.yaml'),
    'intacct:\n  senderId: s\n  companyId: C\n  userId: u\n  timezone: America/New_York\n',
  );
  return d;
}

describe('secret redaction', () => {
  it('no secret reaches a log line, whether JSON or pretty, in fields, messages or errors', () => {
    const cwd = configDir();
    const { config } = loadConfig({
      env: { INTACCT_SENDER_PASSWORD: SENDER_PW, INTACCT_USER_PASSWORD: USER_PW },
      cwd,
    });
    for (const format of ['json', 'pretty'] as const) {
      const out = new Capture();
      const logger = createLogger({ stream: out, format, level: 'debug' });
      logger.info('loaded config', { config });
      logger.debug(`request body <password>${USER_PW}</password><sessionid>${SESSION}</sessionid>`);
      const error = new ClassifiedError(`login failed for password ${SENDER_PW}`, {
        kind: 'auth',
        vendor: [{ code: 'XL03000006', description: `bad password ${USER_PW}` }],
        cause: new Error(`inner ${SENDER_PW}`),
      });
      logger.error('request failed', {
        error,
        sessionId: SESSION,
        headers: { authorization: 'Bearer tok-123456' },
      });
      logger.child({ userPassword: USER_PW }).warn('child');
      expect(out.text).toContain('loaded config');
      expect(out.text).toContain('XL03000006');
      for (const secret of [SENDER_PW, USER_PW, SESSION, 'tok-123456', 'User&amp;Pass']) {
        expect(out.text).not.toContain(secret);
      }
      expect(out.text).toContain('[redacted]');
    }
  });

  it('config check prints the resolved config without secrets', async () => {
    const cwd = configDir();
    for (const json of [false, true]) {
      const stdout = new Capture();
      const stderr = new Capture();
      const code = await main(['config', 'check', ...(json ? ['--json'] : [])], {
        stdout,
        stderr,
        env: { INTACCT_SENDER_PASSWORD: SENDER_PW, INTACCT_USER_PASSWORD: USER_PW },
        cwd,
      });
      expect(code).toBe(0);
      expect(stdout.text).toContain('America/New_York');
      expect(stdout.text + stderr.text).not.toContain(SENDER_PW);
      expect(stdout.text + stderr.text).not.toContain(USER_PW);
    }
  });
});
