import type { RunReport } from '../extract/sync.ts';
import { quoteIdentifier } from '../warehouse/identifiers.ts';
import type { Warehouse } from '../warehouse/warehouse.ts';

/** The run report's numbers for operators: one JSON line on stdout and one row of `_elt_run_metrics`. */
export interface RunMetrics {
  readonly event: 'run-report';
  readonly loadId: string;
  readonly command: string;
  readonly status: string;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly seconds: number;
  readonly apiCalls: number;
  /** This calendar month's API calls (UTC), this run included, against the tier's allowance. */
  readonly apiCallsThisMonth: number;
  readonly apiCallsPerMonth: number;
  readonly allowanceUsedPercent: number;
  readonly rows: {
    readonly read: number;
    readonly inserted: number;
    readonly updated: number;
    readonly deleted: number;
  };
  readonly failedStreams: number;
  readonly interrupted: boolean;
  readonly objects: readonly {
    readonly object: string;
    readonly rows: number;
    readonly apiCalls: number;
    readonly seconds: number;
  }[];
}

function table(warehouse: Warehouse, schema: string): string {
  const q = warehouse.capabilities.identifierQuote;
  return `${quoteIdentifier(schema, q)}.${quoteIdentifier('_elt_run_metrics', q)}`;
}

/**
 * Stores the run's metrics row and returns the report line with this month's API use. Idempotent
 * per load id (a retried write replaces nothing: the row is keyed by load id and written once).
 */
export async function recordRunMetrics(
  warehouse: Warehouse,
  schema: string,
  report: RunReport,
  apiCallsPerMonth: number,
): Promise<RunMetrics> {
  const sum = (pick: (o: RunReport['objects'][number]) => number) =>
    report.objects.reduce((t, o) => t + pick(o), 0);
  const rows = {
    read: sum((o) => o.rowsRead),
    inserted: sum((o) => o.inserted),
    updated: sum((o) => o.updated),
    deleted: sum((o) => o.deleted),
  };
  const seconds = Math.round((Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000);
  const month = report.startedAt.slice(0, 7);
  const failedStreams = report.streams.filter((s) => s.error).length;
  const t = table(warehouse, schema);
  await warehouse.query(
    `INSERT INTO ${t} (load_id, command, status, started_at, finished_at, month, seconds, api_calls, rows_read, rows_inserted, rows_updated, rows_deleted, failed_streams) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      report.loadId,
      report.command,
      report.status,
      new Date(report.startedAt),
      new Date(report.finishedAt),
      month,
      seconds,
      report.apiCalls,
      rows.read,
      rows.inserted,
      rows.updated,
      rows.deleted,
      failedStreams,
    ],
  );
  const [used] = await warehouse.query<{ calls: string | number | bigint | null }>(
    `SELECT CAST(SUM(api_calls) AS ${warehouse.capabilities.types.string}) AS calls FROM ${t} WHERE month = $1`,
    [month],
  );
  const apiCallsThisMonth = Number(used?.calls ?? report.apiCalls);
  return {
    event: 'run-report',
    loadId: report.loadId,
    command: report.command,
    status: report.status,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    seconds,
    apiCalls: report.apiCalls,
    apiCallsThisMonth,
    apiCallsPerMonth,
    allowanceUsedPercent: Math.round((apiCallsThisMonth / apiCallsPerMonth) * 1000) / 10,
    rows,
    failedStreams,
    interrupted: report.interrupted === true,
    objects: report.objects.map((o) => ({
      object: o.object,
      rows: o.rowsRead,
      apiCalls: o.apiCalls,
      seconds: o.seconds,
    })),
  };
}
