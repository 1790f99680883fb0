/**
 * Shared pieces of the sync component tests: a job config pointed at a running sandbox, one sync run,
 * and the comparison of a warehouse with the sandbox's ground truth (counts per object and entity,
 * debits and credits per account, entity and period, to the cent).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type JobConfig, type WarehouseConfig, configSchema } from '../../src/config/schema.ts';
import { type Logger, silentLogger } from '../../src/core/logger.ts';
import { companyObject } from '../../src/sandbox/company.ts';
import { type RunReport, runJob } from '../../src/extract/sync.ts';
import { clientFor } from '../../src/cli/job.ts';
import type { ClientStats, IntacctClient } from '../../src/intacct/client.ts';
import { OBJECTS } from '../../src/intacct/objects/index.ts';
import type { RunningSandbox } from '../../src/sandbox/index.ts';
import { openWarehouse } from '../../src/warehouse/open-warehouse.ts';
import type { Warehouse } from '../../src/warehouse/warehouse.ts';

export function tempDuckDbPath(name = 'warehouse'): string {
  return join(mkdtempSync(join(tmpdir(), 'intacct-elt-sync-')), `${name}.duckdb`);
}

export function sandboxConfig(
  sandbox: RunningSandbox,
  path: string,
  overrides: {
    concurrency?: number;
    pageSize?: number;
    objects?: string[];
    warehouse?: WarehouseConfig;
  } = {},
): JobConfig {
  return configSchema.parse({
    intacct: {
      ...sandbox.credentials,
      endpointUrl: sandbox.url,
      timezone: sandbox.store.timezone,
      concurrency: overrides.concurrency ?? 4,
      pageSize: overrides.pageSize ?? 1000,
    },
    warehouse: overrides.warehouse ?? { type: 'duckdb', path },
    sync: { safetyLagSeconds: 0 },
    ...(overrides.objects ? { objects: { include: overrides.objects } } : {}),
  });
}

export function clientOf(config: JobConfig, extra: { fastRetries?: boolean } = {}): IntacctClient {
  return clientFor(
    config,
    silentLogger,
    extra.fastRetries ? { retry: { baseDelayMs: 5, maxDelayMs: 50 }, throttlePauseMs: 20 } : {},
  );
}

/** One sync (or backfill) run with its own client and warehouse connection, closed afterwards. */
export async function runOnce(
  config: JobConfig,
  options: {
    command?: 'sync' | 'backfill' | 'reconcile';
    backfill?: { from: number; to: number };
    fastRetries?: boolean;
    logger?: Logger;
    /** Receives the client's counters after the run. */
    clientStats?: (stats: ClientStats) => void;
  } = {},
): Promise<RunReport> {
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  const client = clientOf(config, options);
  try {
    await warehouse.migrate();
    return await runJob({
      command: options.command ?? 'sync',
      config,
      client,
      warehouse,
      logger: options.logger ?? silentLogger,
      ...(options.backfill ? { backfill: options.backfill } : {}),
    });
  } finally {
    options.clientStats?.(client.stats());
    await client.close();
    await warehouse.close();
  }
}

export async function withWarehouse<T>(config: JobConfig, fn: (w: Warehouse) => Promise<T>): Promise<T> {
  const warehouse = await openWarehouse(config.warehouse, config.schemas, silentLogger);
  try {
    return await fn(warehouse);
  } finally {
    await warehouse.close();
  }
}

interface Truth {
  counts: Record<string, Record<string, number>>;
  trialBalances: {
    entity: string;
    period: string;
    startDate: string;
    endDate: string;
    rows: { glaccountno: string; debits: string; credits: string }[];
  }[];
}

export async function fetchTruth(sandbox: RunningSandbox): Promise<Truth> {
  const response = await fetch(`${sandbox.adminUrl}/truth`);
  if (!response.ok) throw new Error(`truth: HTTP ${response.status}`);
  return (await response.json()) as Truth;
}

/**
 * Every difference between the warehouse and the sandbox's truth, as readable lines; empty when the
 * warehouse is an exact copy.
 */
export async function differencesFromTruth(config: JobConfig, sandbox: RunningSandbox): Promise<string[]> {
  const truth = await fetchTruth(sandbox);
  const raw = config.schemas.raw;
  // Objects the company does not have (FUND without the dimension) are skipped by the run.
  const objects = OBJECTS.filter(
    (o) =>
      (!config.objects.include || config.objects.include.includes(o.object)) &&
      companyObject(sandbox.store.company, o.object) !== undefined,
  );
  return withWarehouse(config, async (w) => {
    // The dialect's text type (VARCHAR is not GoogleSQL) and identifier quote ("x" is a string in GoogleSQL).
    const text = w.capabilities.types.string;
    const Q = w.capabilities.identifierQuote;
    const diffs: string[] = [];
    for (const o of objects) {
      // Names quoted so the same SQL runs where unquoted names fold to upper case (Snowflake).
      const entity = o.fields.some((f) => f.name === 'MEGAENTITYID')
        ? `COALESCE(${Q}mega_entity_id${Q}, '')`
        : "''";
      const rows = await w.query<{ entity: string; n: string }>(
        `SELECT ${entity} AS ${Q}entity${Q}, CAST(count(*) AS ${text}) AS ${Q}n${Q} FROM ${Q}${raw}${Q}.${Q}${o.table}${Q}
          WHERE ${Q}_deleted_at${Q} IS NULL GROUP BY 1`,
      );
      const got = Object.fromEntries(rows.map((r) => [r.entity, Number(r.n)]));
      const want = truth.counts[o.object] ?? {};
      for (const entity of new Set([...Object.keys(got), ...Object.keys(want)])) {
        if ((got[entity] ?? 0) !== (want[entity] ?? 0)) {
          diffs.push(
            `${o.object} @ ${entity || 'top'}: warehouse ${got[entity] ?? 0}, Intacct ${want[entity] ?? 0}`,
          );
        }
      }
    }
    if (!objects.some((o) => o.object === 'GLDETAIL')) return diffs;
    const lines = await w.query<{
      entity: string;
      account: string;
      day: string;
      debits: string;
      credits: string;
    }>(
      `SELECT COALESCE(${Q}mega_entity_id${Q}, '') AS ${Q}entity${Q}, ${Q}accountno${Q} AS ${Q}account${Q}, CAST(${Q}batch_date${Q} AS ${text}) AS ${Q}day${Q},
              CAST(SUM(${Q}debitamount${Q}) AS ${text}) AS ${Q}debits${Q}, CAST(SUM(${Q}creditamount${Q}) AS ${text}) AS ${Q}credits${Q}
         FROM ${Q}${raw}${Q}.${Q}gl_detail${Q} WHERE ${Q}_deleted_at${Q} IS NULL GROUP BY 1, 2, 3`,
    );
    for (const tb of truth.trialBalances) {
      const inPeriod = lines.filter(
        (l) => l.entity === tb.entity && l.day >= tb.startDate && l.day <= tb.endDate,
      );
      const byAccount = new Map<string, { debits: bigint; credits: bigint }>();
      for (const l of inPeriod) {
        const a = byAccount.get(l.account) ?? { debits: 0n, credits: 0n };
        a.debits += cents(l.debits);
        a.credits += cents(l.credits);
        byAccount.set(l.account, a);
      }
      for (const row of tb.rows) {
        const a = byAccount.get(row.glaccountno) ?? { debits: 0n, credits: 0n };
        if (a.debits !== cents(row.debits) || a.credits !== cents(row.credits)) {
          diffs.push(
            `TB ${tb.entity || 'top'} ${tb.period} ${row.glaccountno}: warehouse ${a.debits}/${a.credits} cents, Intacct ${row.debits}/${row.credits}`,
          );
        }
        byAccount.delete(row.glaccountno);
      }
      for (const [account, a] of byAccount) {
        if (a.debits !== 0n || a.credits !== 0n)
          diffs.push(`TB ${tb.entity || 'top'} ${tb.period} ${account}: only in the warehouse`);
      }
    }
    return diffs;
  });
}

/** Exact cents of a decimal string (amounts carry at most two decimals). */
function cents(value: string): bigint {
  const [whole = '0', frac = ''] = value.replace('-', '').split('.');
  if (/[1-9]/.test(frac.slice(2))) throw new Error(`amount ${value} has sub-cent digits`);
  const units = BigInt(whole) * 100n + BigInt((frac.slice(0, 2) || '0').padEnd(2, '0'));
  return value.startsWith('-') ? -units : units;
}
