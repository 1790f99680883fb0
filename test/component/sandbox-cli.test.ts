import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { sandboxCommand } from '../../src/cli/commands/sandbox.ts';
import { UsageError } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { child, childText, envelope, post, result } from './sandbox-xml.ts';

// `intacct-elt sandbox`: prints one JSON line with the URL and credentials, serves until the signal.
function context(values: Record<string, string | boolean>, signal: AbortSignal) {
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (c: Buffer) => {
    out += c.toString('utf8');
  });
  return {
    ctx: {
      stdout,
      stderr: new PassThrough(),
      env: {},
      cwd: process.cwd(),
      values,
      positionals: [],
      logger: silentLogger,
      signal,
    },
    output: () => out,
  };
}

describe('sandbox command', () => {
  it('starts on a free port, prints one JSON line, serves the gateway and stops on abort', async () => {
    const abort = new AbortController();
    const { ctx, output } = context(
      { port: '0', seed: '3', scale: '0.02', json: true, timezone: 'America/New_York' },
      abort.signal,
    );
    const running = sandboxCommand.run(ctx);
    let line = '';
    for (let i = 0; i < 200 && !output().includes('\n'); i++) await new Promise((r) => setTimeout(r, 50));
    line = output().trim();
    expect(line.split('\n')).toHaveLength(1);
    const info = JSON.parse(line) as {
      url: string;
      adminUrl: string;
      credentials: Parameters<typeof envelope>[0]['creds'];
    };
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ia\/xml\/xmlgw\.phtml$/);
    expect(info.adminUrl).toMatch(/\/_sandbox$/);
    const a = await post(
      info.url,
      envelope({ creds: info.credentials, functions: [['s', '<getAPISession/>']] }),
    );
    expect(childText(result(a), 'status')).toBe('success');
    expect(childText(child(child(a.response, 'operation'), 'authentication'), 'sessiontimestamp')).toMatch(
      /-0[45]:00$/,
    );
    abort.abort();
    await expect(running).resolves.toBe(0);
    await expect(post(info.url, '<request/>')).rejects.toThrow();
  });

  it('refuses bad options before starting', async () => {
    const signal = new AbortController().signal;
    const cases: Record<string, string>[] = [
      { port: '-1' },
      { port: 'x' },
      { scale: '0' },
      { concurrency: '1.5' },
      { timezone: 'Mars/Olympus' },
    ];
    for (const values of cases) {
      await expect(sandboxCommand.run(context(values, signal).ctx)).rejects.toThrow(UsageError);
    }
  });
});
