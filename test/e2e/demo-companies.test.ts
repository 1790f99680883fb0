import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoCommand } from '../../src/cli/commands/demo.ts';
import type { CommandContext } from '../../src/cli/command.ts';
import { UsageError } from '../../src/core/errors.ts';
import { silentLogger } from '../../src/core/logger.ts';

// The demo (full sync, sandbox activity, incremental sync, tie-out against get_trialbalance) on the
// variant without the FUND dimension and with two custom fields. The default company's sync and
// trial balances are proven against the sandbox's truth in test/component/sync.test.ts.

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'demo-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function context(values: Record<string, string | boolean>): { ctx: CommandContext; out: () => string } {
  let text = '';
  const sink = (keep: boolean) =>
    new Writable({
      write(chunk, _enc, done) {
        if (keep) text += String(chunk);
        done();
      },
    });
  const ctx: CommandContext = {
    stdout: sink(true),
    stderr: sink(false),
    env: {},
    cwd: dir,
    values,
    positionals: [],
    logger: silentLogger,
    signal: new AbortController().signal,
  };
  return { ctx, out: () => text };
}

interface DemoSummary {
  readonly ok: boolean;
  readonly full: {
    status: string;
    errors: unknown[];
    skippedObjects: { object: string }[];
    skippedFields: { object: string }[];
  };
  readonly incremental: { status: string; errors: unknown[] };
  readonly tieOut: { entity: string; accounts: number; differences: unknown[] }[];
}

describe('demo', () => {
  it('on the no-fund company syncs, syncs again and ties out', async () => {
    const { ctx, out } = context({ scale: '0.02', company: 'no-fund', json: true });
    const code = await demoCommand.run(ctx);
    const summary = JSON.parse(out().trim().split('\n').at(-1) ?? '{}') as DemoSummary;
    // Errors first: they say why, where the exit code only says that.
    expect(summary.full.errors).toEqual([]);
    expect(summary.incremental.errors).toEqual([]);
    expect(code).toBe(0);
    expect(summary.ok).toBe(true);
    expect(summary.full.status).toBe('succeeded');
    expect(summary.incremental.status).toBe('succeeded');
    expect(summary.full.skippedObjects.map((o) => o.object)).toEqual(['FUND']);
    expect(summary.full.skippedFields.map((s) => s.object)).toContain('GLDETAIL');
    expect(summary.tieOut.length).toBeGreaterThanOrEqual(4);
    for (const t of summary.tieOut) {
      expect(t.differences).toEqual([]);
      if (t.entity !== '') expect(t.accounts).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown company with the names it knows', async () => {
    const { ctx } = context({ company: 'acme' });
    await expect(demoCommand.run(ctx)).rejects.toThrow(UsageError);
    await expect(demoCommand.run(ctx)).rejects.toThrow(
      /unknown sandbox company 'acme'; use one of standard, no-fund/,
    );
  });
});
