import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';
import { differencesFromTruth, runOnce, sandboxConfig, tempDuckDbPath } from '../support/sync-harness.ts';

/**
 * GL lines whose document never reached the warehouse (here: a first sync of GLDETAIL alone; in
 * life also a killed first sync or a failed stream) must still go when the document is deleted.
 */
describe('deleting documents the warehouse never held', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.03, seed: 21 });
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('soft-deletes their GL lines, found by the batch key the lines carry', async () => {
    const path = tempDuckDbPath('orphans');
    const linesOnly = sandboxConfig(sandbox, path, { objects: ['GLDETAIL'] });
    expect((await runOnce(linesOnly)).status).toBe('succeeded');
    expect(await differencesFromTruth(linesOnly, sandbox)).toEqual([]);

    const response = await fetch(`${sandbox.adminUrl}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ minutes: 30, creates: 0, edits: 0, deletes: 8, seed: 4 }),
    });
    expect(response.ok).toBe(true);
    const { summary } = (await response.json()) as { summary: { deleted: Record<string, number> } };
    // Documents that own a GL batch were deleted, not only journal entries.
    expect((summary.deleted.APBILL ?? 0) + (summary.deleted.ARINVOICE ?? 0)).toBeGreaterThan(0);
    expect(await differencesFromTruth(linesOnly, sandbox)).not.toEqual([]);

    // The documents, their GL batches and the lines: every object the cascade involves.
    const everything = sandboxConfig(sandbox, path, {
      objects: ['GLDETAIL', 'GLBATCH', 'APBILL', 'ARINVOICE', 'ARPYMT', 'APPYMT'],
    });
    for (let run = 0; run < 2; run++) {
      const report = await runOnce(everything);
      expect(report.errors).toEqual([]);
      expect(report.status).toBe('succeeded');
    }
    expect(await differencesFromTruth(everything, sandbox)).toEqual([]);
  });
});
