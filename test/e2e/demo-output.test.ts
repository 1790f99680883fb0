import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { Capture } from '../support/capture.ts';

describe('the demo piped into a file or a CI log', () => {
  it('prints a clean report and no routine JSON log lines on either stream', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'intacct-elt-demo-')), 'demo.duckdb');
    const stdout = new Capture();
    const stderr = new Capture();
    const code = await main(['demo', '--scale', '0.02', '--path', path], {
      stdout,
      stderr,
      env: { PATH: process.env.PATH ?? '' },
      cwd: tmpdir(),
    });
    expect(code).toBe(0);
    expect(stdout.text).toContain('1. Full sync');
    expect(stdout.text).toContain('ties out');
    expect(stdout.text).toMatch(/\(\d+ routine log lines not shown; set INTACCT_ELT_LOG_LEVEL=info/);
    // Both streams together, as a CI log shows them: every line is the report's, none is a log line.
    for (const line of `${stdout.text}\n${stderr.text}`.split('\n')) {
      expect(line).not.toMatch(/^\{"time"/);
    }
  });
});
