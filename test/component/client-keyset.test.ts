import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/logger.ts';
import { IntacctClient } from '../../src/intacct/client.ts';
import { type RunningSandbox, startSandbox } from '../../src/sandbox/index.ts';

describe('reading in key order while the data changes', () => {
  let sandbox: RunningSandbox;
  let client: IntacctClient;
  beforeAll(async () => {
    sandbox = await startSandbox({ scale: 0.05, seed: 3 });
    client = IntacctClient.create({
      endpointUrl: sandbox.url,
      ...sandbox.credentials,
      timezone: sandbox.store.timezone,
      logger: silentLogger,
    });
  });
  afterAll(async () => {
    await client?.close();
    await sandbox?.close();
  });

  it('neither skips nor repeats rows when earlier rows vanish between pages', async () => {
    const before = sandbox.store.list('GLDETAIL').filter((r) => r.MEGAENTITYID === 'US1');
    expect(before.length).toBeGreaterThan(600);
    const seen: string[] = [];
    const removed: string[] = [];
    let pages = 0;
    for await (const page of client.readRecords({
      object: 'GLDETAIL',
      fields: ['RECORDNO', 'AMOUNT'],
      orderBy: ['RECORDNO'],
      entity: 'US1',
      pageSize: 100,
    })) {
      pages++;
      seen.push(...page.map((r) => r.RECORDNO ?? ''));
      if (pages === 2) {
        // Rows already read disappear: offset paging would now skip the next 25 rows.
        for (const r of page.slice(0, 25)) {
          sandbox.store.remove('GLDETAIL', r.RECORDNO ?? '');
          removed.push(r.RECORDNO ?? '');
        }
      }
    }
    expect(removed).toHaveLength(25);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(before.map((r) => r.RECORDNO));
  });
});
